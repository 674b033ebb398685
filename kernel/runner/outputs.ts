/**
 * Assembles nbformat outputs from a cell's iopub messages the way Jupyter frontends do:
 * consecutive stream messages of one name merge, `clear_output` (with `wait`) clears, and
 * `update_display_data` rewrites every earlier output of the notebook with that display id.
 * @see https://jupyter-client.readthedocs.io/en/stable/messaging.html#messages-on-the-iopub-pub-sub-channel
 */
import { Output } from "./notebook-file";
import { Message } from "./protocol";

export class OutputCollector {
  outputs: Output[] = [];
  executionCount: number | null = null;
  private clearPending = false;
  private lastStderr = "";

  /**
   * @param displays the notebook-wide registry of outputs by display id (for updates)
   */
  constructor(private readonly displays: Map<string, Output[]>) {}

  private push(out: Output, displayId?: string) {
    if (this.clearPending) {
      this.outputs = [];
      this.clearPending = false;
    }
    const last = this.outputs[this.outputs.length - 1];
    if (out.output_type === "stream" && last?.output_type === "stream" && last.name === out.name) {
      last.text = (last.text as string) + (out.text as string);
      return;
    }
    this.outputs.push(out);
    if (displayId) {
      const list = this.displays.get(displayId) ?? [];
      list.push(out);
      this.displays.set(displayId, list);
    }
  }

  handle(msg: Message): void {
    const c = msg.content as Record<string, unknown>;
    const displayId = (c.transient as { display_id?: string } | undefined)?.display_id;
    switch (msg.header.msg_type) {
      case "stream":
        if (c.name === "stderr") this.lastStderr = c.text as string;
        this.push({ output_type: "stream", name: c.name, text: c.text });
        break;
      case "display_data":
        this.push(
          { output_type: "display_data", data: c.data, metadata: c.metadata ?? {} },
          displayId,
        );
        break;
      case "execute_result":
        this.push({
          output_type: "execute_result",
          data: c.data,
          metadata: c.metadata ?? {},
          execution_count: c.execution_count,
        });
        break;
      case "error":
        this.push({
          output_type: "error",
          ename: c.ename,
          evalue: c.evalue,
          traceback: c.traceback,
        });
        break;
      case "update_display_data":
        for (const out of (displayId && this.displays.get(displayId)) || []) {
          out.data = c.data;
          out.metadata = c.metadata ?? {};
        }
        break;
      case "clear_output":
        if (c.wait) this.clearPending = true;
        else this.outputs = [];
        break;
      case "execute_input":
        this.executionCount = (c.execution_count as number) ?? this.executionCount;
        break;
      default:
        break; // comm messages and others do not become outputs
    }
  }

  /**
   * Remove and return tslab's report of the cell's error from the outputs: the last stderr
   * message (one console.error of the thrown value), or all of a compile-error stderr (one message
   * per diagnostic, printed before anything ran). Output printed before the error stays.
   */
  takeErrorText(): string {
    const last = this.outputs[this.outputs.length - 1];
    if (last?.output_type !== "stream" || last.name !== "stderr") return "";
    const text = last.text as string;
    const compileError = text.split("\n").every((l) => l === "" || /^\d+:\d+ - |^\s/.test(l));
    const taken = compileError || !text.endsWith(this.lastStderr) ? text : this.lastStderr;
    last.text = text.slice(0, text.length - taken.length);
    if (last.text === "") this.outputs.pop();
    return taken;
  }
}
