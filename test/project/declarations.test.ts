/**
 * The built declaration files must type-check under the TypeScript that tslab embeds (5.0.4,
 * @tslab/typescript-for-tslab): notebooks compile their imports from "itolab" with it. Newer
 * compilers emit constructs 5.0 rejects (e.g. `Float64Array<ArrayBuffer>`, generic typed arrays
 * arrived in TS 5.7), so this compiles a file importing the whole package with 5.0.4 and full
 * library checking (no skipLibCheck).
 */
import fs from "fs";
import os from "os";
import path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureBuilt } = require("../../kernel/bin/build-if-stale.js");

const root = path.resolve(__dirname, "..", "..");

it("dist/src/*.d.ts type-check with tslab's TypeScript 5.0.4", () => {
  ensureBuilt({ quiet: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require(
    require.resolve("@tslab/typescript-for-tslab", {
      paths: [path.join(root, "node_modules", "tslab")],
    }),
  );
  expect(ts.version).toBe("5.0.4");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "itolab-dts-"));
  const entry = path.join(dir, "uses-itolab.ts");
  fs.writeFileSync(
    entry,
    `import * as itolab from "${path.join(root, "dist", "src", "index")}";\nexport const names = Object.keys(itolab);\n`,
  );
  // every declaration file, not only those index.d.ts reaches
  const all: string[] = [];
  const walk = (d: string) =>
    fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".d.ts")) all.push(p);
    });
  walk(path.join(root, "dist", "src"));
  expect(all.length).toBeGreaterThan(50);
  const program = ts.createProgram([entry, ...all], {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    skipDefaultLibCheck: true, // TypeScript's own lib.*.d.ts
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: ["node"],
    typeRoots: [path.join(root, "node_modules", "@types")],
  });
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .map(
      (d: { file?: { fileName: string }; messageText: unknown }) =>
        `${d.file ? path.relative(root, d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
    )
    .filter((line: string) => !line.startsWith("node_modules/")); // third-party typings are not ours to fix
  fs.rmSync(dir, { recursive: true, force: true });
  expect(diagnostics).toEqual([]);
}, 60_000);
