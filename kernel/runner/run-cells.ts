/**
 * The cell loop of a run: code cells in order, `//| skip` cells reported and not run, each other
 * cell executed and reported, and after the first failure the rest reported as not run. A cell
 * after an error waits `afterErrorMs` first: tslab aborts requests that arrive within 200 ms.
 */
import { delay } from "./kernel-manager";
import { reportCell } from "./report-cell";
import { CellExecution, CellPlan, CellReport } from "./run-types";

/** Wait this long after an error before the next request: tslab aborts requests within 200 ms. */
export const AFTER_ERROR_MS = 300;

/**
 * Run the planned cells, writing each executed cell's outputs and execution count into it.
 * @param cells the plan, one entry per code cell in notebook order
 * @param execute runs one cell's source in the kernel (executeCell, or a fake in tests); it also
 *   receives the planned cell
 * @param afterErrorMs milliseconds to wait before the request that follows an error
 * @returns one report per code cell, and the failure report of the first failed cell
 */
export async function runCells(
  cells: CellPlan[],
  execute: (source: string, planned: CellPlan) => Promise<CellExecution>,
  afterErrorMs = AFTER_ERROR_MS,
): Promise<{ cells: CellReport[]; failure?: string }> {
  const reports: CellReport[] = [];
  let failure: string | undefined;
  let afterError = false;
  for (const planned of cells) {
    const { index, cell, directives } = planned;
    if (failure !== undefined) {
      reports.push({ index: index + 1, id: cell.id!, status: "not-run" });
      continue;
    }
    if (directives.skip !== undefined) {
      reports.push({ index: index + 1, id: cell.id!, status: "skipped", detail: directives.skip });
      continue;
    }
    if (afterError) await delay(afterErrorMs);
    const execution = await execute(cell.source, planned);
    const reported = reportCell(planned, execution);
    cell.outputs = reported.outputs;
    cell.execution_count = execution.executionCount;
    reports.push(reported.report);
    failure = reported.failure;
    afterError = execution.outcome.kind === "error";
  }
  return failure === undefined ? { cells: reports } : { cells: reports, failure };
}
