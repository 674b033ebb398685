/**
 * Executes one notebook through a real kernel, cell by cell, as JupyterLab would: one
 * execute_request per code cell, outputs recorded from iopub, a per-cell timeout (SIGINT, then
 * kill), the first failing cell stops the run and is reported as
 * `notebooks/NAME.ipynb, cell N (id …): <error>` with the offending source line. The executed
 * notebook goes to a build folder; the source is replaced only with `inplace` and only after a
 * successful run, by an atomic rename.
 *
 * The steps, each in its own module: load → plan (directives, source transform) → start kernel →
 * run cells (execute, report) → validate → write.
 */
import path from "path";
import { CheckLog } from "./check-log";
import { labsNotPassed, solutionTransform } from "./lab-solutions";
import { executeCell } from "./execute-cell";
import { loadNotebook } from "./load-notebook";
import { Output } from "./notebook-file";
import { planNotebook } from "./plan-notebook";
import { runCells } from "./run-cells";
import { NotebookResult, RunOptions } from "./run-types";
import { kernelMetadata, projectKernelSpec, startKernel, waitKernelReady } from "./start-kernel";
import { validateExecuted } from "./validate-executed";
import { defaultOutDir, writeExecuted } from "./write-executed";

export type { CellReport, CellStatus, NotebookResult, RunOptions } from "./run-types";

/** Run one notebook. Never throws for notebook problems: they are reported in the result. */
export async function runNotebook(file: string, options: RunOptions = {}): Promise<NotebookResult> {
  const started = Date.now();
  const displayPath = options.displayPath ?? path.relative(process.cwd(), file) ?? file;
  const result: NotebookResult = { file, displayPath, passed: false, cells: [], ms: 0 };
  const fail = (text: string) => {
    result.failure = text;
    result.ms = Date.now() - started;
    return result;
  };

  const loaded = loadNotebook(file, displayPath);
  if ("failure" in loaded) return fail(loaded.failure);
  const { nb } = loaded;
  if (options.solutions !== undefined && options.inplace) {
    return fail(`${displayPath}: --solutions cannot be combined with --inplace`);
  }
  const transform = labTransform(file, options);
  const plan = planNotebook(nb, displayPath, transform);
  if ("failure" in plan) return fail(plan.failure);

  const spec = options.kernelSpec ?? projectKernelSpec();
  const cellTimeout = options.cellTimeout ?? 600;
  const log = options.checkLog ? new CheckLog() : null;
  const env = log ? { ...options.env, ...log.env() } : options.env;
  const running = await startKernel(spec, path.dirname(path.resolve(file)), env);
  result.kernelPid = running.kernel.pid;
  try {
    const ready = await waitKernelReady(running, (options.startTimeout ?? 120) * 1000, displayPath);
    if ("failure" in ready) return fail(ready.failure);
    nb.metadata = kernelMetadata(nb.metadata, spec, ready.kernelInfo);
    const displays = new Map<string, Output[]>();
    const run = await runCells(
      plan.cells,
      async (source, planned) => {
        const execution = await executeCell(running, source, displays, cellTimeout);
        log?.collect(planned.cell.id!);
        return execution;
      },
      options.afterErrorMs,
    );
    result.cells = run.cells;
    if (run.failure !== undefined) result.failure = run.failure;
  } finally {
    await running.stop();
    if (log) {
      result.checks = log.checks;
      log.dispose();
    }
  }

  const invalid = validateExecuted(nb, displayPath);
  if (invalid) return fail(invalid.failure);
  if (options.solutions !== undefined && !result.failure) {
    const missing = labsNotPassed(nb);
    if (missing.length > 0) {
      result.failure = `${displayPath}: with --solutions these labs did not pass: ${missing.join(", ")}`;
    }
  }
  result.passed = !result.failure;
  result.outputPath = writeExecuted(file, nb, {
    outDir: options.outDir ?? defaultOutDir(),
    inplace: options.inplace,
    passed: result.passed,
  });
  result.ms = Date.now() - started;
  return result;
}

/** The source transform: the caller's, then (with `solutions`) the labs' reference solutions. */
function labTransform(file: string, options: RunOptions): RunOptions["transformSource"] {
  if (options.solutions === undefined) return options.transformSource;
  const labs = solutionTransform(file, options.solutions);
  const first = options.transformSource;
  return (cell, index) =>
    labs({ ...cell, source: first ? first(cell, index) : cell.source }, index);
}
