/** Helpers shared by the runner tests (not a test file). */
import fs from "fs";
import path from "path";
import type { Cell, Notebook } from "../../../kernel/runner/notebook-file";

const root = path.resolve(__dirname, "..", "..", "..");

/** Absolute path of a fixture notebook in test/fixtures/notebooks. */
export function fixture(name: string): string {
  return path.join(root, "test", "fixtures", "notebooks", `${name}.ipynb`);
}

/** Is the process alive (a zombie counts as gone)? */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** Write the project kernelspec (what `npm ci` does), so the runner can start the kernel. */
export function ensureKernelReady(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(root, "kernel", "bin", "install-kernelspec.js")).installKernelSpec();
}

export { root };

/** An in-memory notebook for the step tests: `code(…)` and `markdown(…)` cells in order. */
export function notebook(...cells: Cell[]): Notebook {
  return { nbformat: 4, nbformat_minor: 5, metadata: {}, cells };
}

/** A code cell with stale outputs, as a notebook saved from JupyterLab carries them. */
export function code(id: string, source: string): Cell {
  return {
    id,
    cell_type: "code",
    metadata: {},
    source,
    outputs: [{ output_type: "stream", name: "stdout", text: "stale\n" }],
    execution_count: 7,
  };
}

export function markdown(id: string, source: string): Cell {
  return { id, cell_type: "markdown", metadata: {}, source };
}
