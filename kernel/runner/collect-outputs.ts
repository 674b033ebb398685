/**
 * The outputs of a cell the kernel answered: what its OutputCollector assembled from iopub, the
 * execution count, and the outcome named by the execute_reply's status. On "error", tslab's report
 * of the error (printed on stderr; tslab sends no `error` message) is taken out of the outputs
 * and carried in the outcome, to be turned into an nbformat error output.
 */
import { Output } from "./notebook-file";
import { OutputCollector } from "./outputs";
import { CellOutcome } from "./run-types";

/**
 * @param collector the cell's collector, after the kernel went idle
 * @param reply the execute_reply content: `status` ("ok", "error", "abort"/"aborted") and
 *   `execution_count` (else the count from execute_input is used)
 */
export function collectOutputs(
  collector: OutputCollector,
  reply: Record<string, unknown>,
): { outcome: CellOutcome; outputs: Output[]; executionCount: number | null } {
  const { status, execution_count } = reply as { status: string; execution_count?: number };
  const executionCount = execution_count ?? collector.executionCount;
  let outcome: CellOutcome;
  if (status === "ok") outcome = { kind: "ok" };
  else if (status === "abort" || status === "aborted") outcome = { kind: "aborted" };
  else outcome = { kind: "error", text: collector.takeErrorText() };
  return { outcome, outputs: collector.outputs, executionCount };
}
