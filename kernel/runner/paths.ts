/** Locations inside the repository, found from this file whether it runs compiled or under ts-jest. */
import fs from "fs";
import path from "path";

/** The repository root: the nearest ancestor folder whose package.json is named "itolab". */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "itolab")
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`itolab: no package.json above ${__dirname}`);
  }
}
