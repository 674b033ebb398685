/**
 * Runs a reference script from <repoRoot>/../shared/bench (the workloads other tools would use)
 * with Debian's interpreter and reads its "M path-steps/s" figure.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

/** The repository root, from dist/bench/<file>.js or bench/<file>.ts. */
export const REPO_ROOT = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? "../.." : "..",
);

/**
 * Best of `repeats` runs of `/usr/bin/python3 <repoRoot>/../shared/bench/<script> ...args`,
 * printing each run's line; null (with install advice) when numpy is missing or the script fails.
 */
export function referenceRate(script: string, args: string[], repeats: number): number | null {
  const file = path.resolve(REPO_ROOT, "..", "shared", "bench", script);
  let best: number | null = null;
  for (let i = 0; i < repeats; i++) {
    const r = spawnSync("/usr/bin/python3", [file, ...args], { encoding: "utf8" });
    if (r.status !== 0) {
      if (/No module named .?numpy/.test(r.stderr ?? "")) {
        console.log(
          "  numpy: python3-numpy is missing; install it with `apt-get install python3-numpy`",
        );
      } else console.log(`  reference: ${file} failed (${r.error?.message ?? r.stderr.trim()})`);
      return null;
    }
    console.log(`  ${r.stdout.trim()}`);
    const m = /([\d.]+) M path-steps\/s/.exec(r.stdout);
    if (m) best = Math.max(best ?? 0, Number(m[1]));
  }
  return best;
}
