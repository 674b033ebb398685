/**
 * The headless runner against stock Jupyter on the same 30-code-cell notebook
 * (bench/notebooks/thirty-cells.ipynb): wall time of `itolab-run` and of
 * `python3 -m nbconvert --execute` through the same project kernelspec, including kernel start,
 * alternating the two, median of ROUNDS runs each. Both drive the same tslab kernel, so the ratio
 * measures the clients: message handling, waits and start-up. Goal: the runner is not slower.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROUNDS = 3;
const REPO_ROOT = path.resolve(__dirname, "..", ".."); // dist/bench → repo root
const NOTEBOOK = path.join(REPO_ROOT, "bench", "notebooks", "thirty-cells.ipynb");
const PYTHON = "/usr/bin/python3";

function seconds(cmd: string, args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = process.hrtime.bigint();
  const res = spawnSync(cmd, args, { cwd: REPO_ROOT, env, encoding: "utf8" });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (res.status !== 0)
    throw new Error(`${path.basename(cmd)} ${args.join(" ")} failed:\n${res.stdout}${res.stderr}`);
  return s;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the benchmark and prints its report. */
export async function run(): Promise<void> {
  console.log(
    `runner-vs-nbconvert: ${path.relative(REPO_ROOT, NOTEBOOK)} (30 code cells), median of ${ROUNDS} runs`,
  );
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "itolab-bench-runner-"));
  const cli = path.join(REPO_ROOT, "kernel", "bin", "itolab-run.js");
  const runner = () =>
    seconds(process.execPath, [cli, "--jobs", "1", "--out-dir", out, NOTEBOOK], process.env);
  const hasNbconvert = spawnSync(PYTHON, ["-c", "import nbconvert"]).status === 0;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { installKernelSpec, jupyterPath } = require(
    path.join(REPO_ROOT, "kernel", "bin", "install-kernelspec.js"),
  );
  installKernelSpec();
  const nbconvert = () =>
    seconds(
      PYTHON,
      [
        "-m",
        "nbconvert",
        "--to",
        "notebook",
        "--execute",
        "--ExecutePreprocessor.kernel_name=itolab",
        "--output-dir",
        out,
        NOTEBOOK,
      ],
      { ...process.env, JUPYTER_PATH: jupyterPath },
    );
  try {
    runner(); // warm-up: library build check, disk caches
    const r: number[] = [];
    const n: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      r.push(runner());
      if (hasNbconvert) n.push(nbconvert());
    }
    console.log(
      `  itolab-run: ${median(r).toFixed(2)} s  (runs: ${r.map((x) => x.toFixed(2)).join(", ")})`,
    );
    if (!hasNbconvert) {
      console.log(
        "  nbconvert:  not installed (apt-get install python3-nbconvert python3-nbclient jupyter-notebook)",
      );
      return;
    }
    console.log(
      `  nbconvert:  ${median(n).toFixed(2)} s  (runs: ${n.map((x) => x.toFixed(2)).join(", ")})`,
    );
    console.log(
      `  ratio nbconvert / itolab-run: ${(median(n) / median(r)).toFixed(2)} (> 1: the runner is faster)`,
    );
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
