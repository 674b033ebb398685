/**
 * Step 4 of a run, once per code cell: send one execute_request as JupyterLab does and wait for
 * the reply and the kernel's idle, for the kernel to die, or for the cell timeout. A timed-out
 * cell is interrupted (SIGINT), given a grace period, and its kernel is then killed.
 */
import { within } from "./kernel-manager";
import { Output } from "./notebook-file";
import { OutputCollector } from "./outputs";
import { collectOutputs } from "./collect-outputs";
import { CellExecution } from "./run-types";
import { RunningKernel } from "./start-kernel";

/** After SIGINT, how long a timed-out cell may take to stop before the kernel is killed. */
const INTERRUPT_GRACE_MS = 5000;

/** The execute_request fields other than `code`, as JupyterLab sends them. */
const EXECUTE_FIELDS = {
  silent: false,
  store_history: true,
  user_expressions: {},
  allow_stdin: false,
  stop_on_error: true,
};

/**
 * Run `source` in the kernel. Never throws for what the cell does: errors, aborts, timeouts and
 * kernel deaths are outcomes. After a timeout the kernel is gone.
 * @param displays the notebook-wide outputs by display id (update_display_data reaches back)
 * @param timeoutS seconds the cell may run
 */
export async function executeCell(
  { kernel, client }: RunningKernel,
  source: string,
  displays: Map<string, Output[]>,
  timeoutS: number,
): Promise<CellExecution> {
  const t0 = Date.now();
  const collector = new OutputCollector(displays);
  const req = client.request("execute_request", { code: source, ...EXECUTE_FIELDS }, (msg) =>
    collector.handle(msg),
  );
  let timer: NodeJS.Timeout | undefined;
  const first = await Promise.race([
    req.done.then((reply) => ({ kind: "reply" as const, reply })),
    kernel.waitExit().then(() => ({ kind: "died" as const })),
    new Promise<{ kind: "timeout" }>((resolve) => {
      timer = setTimeout(() => resolve({ kind: "timeout" }), timeoutS * 1000);
    }),
  ]);
  clearTimeout(timer);
  const ms = Date.now() - t0;

  if (first.kind === "reply") return { ...collectOutputs(collector, first.reply.content), ms };
  if (first.kind === "died") {
    const outcome = { kind: "died" as const, exit: kernel.exitInfo, log: kernel.log };
    return { outcome, outputs: collector.outputs, executionCount: null, ms };
  }
  kernel.interrupt();
  const stopped = await within(
    req.done.then(() => true),
    INTERRUPT_GRACE_MS,
    false,
  );
  client.abandon(req.msgId);
  kernel.kill("SIGKILL");
  await kernel.waitExit();
  const outcome = { kind: "timeout" as const, seconds: timeoutS, stopped };
  return { outcome, outputs: collector.outputs, executionCount: null, ms };
}
