/// <reference lib="dom" />
/**
 * The main-thread side of the in-browser TypeScript kernel: a JupyterLite `BaseKernel` that runs
 * each request in its own module Web Worker (worker.ts) and forwards the worker's messages as the
 * kernel's iopub messages. Executions run one at a time, so every output reaches the cell that
 * asked for it; a restart terminates the worker, even one stuck in a loop.
 */
import type { KernelMessage } from "@jupyterlab/services";
import { BaseKernel, type IKernel } from "@jupyterlite/services";
import { PromiseDelegate } from "@lumino/coreutils";

/** Where the kernel finds its worker and what cells import. */
export interface ITsKernelOptions extends IKernel.IOptions {
  /** absolute URL of the worker script */
  workerUrl: string;
  /** absolute URL of the module bundle (lite/itolab/entry.ts) */
  modulesUrl: string;
  /** absolute URL of plotly.js (inlined by the session's first figure, as under tslab) */
  plotlyUrl: string;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/** A message from the worker: a reply to a request, or an iopub message of the running cell. */
type WorkerMessage =
  | { type: "reply"; id: number; content?: unknown; error?: string }
  | { type: "iopub"; msgType: string; content: Record<string, unknown> };

export class TsKernel extends BaseKernel {
  constructor(options: ITsKernelOptions) {
    super(options);
    this._worker = new Worker(options.workerUrl, { type: "module", name: `kernel-${options.id}` });
    this._worker.addEventListener("message", (ev) => this._onWorkerMessage(ev.data));
    this._worker.addEventListener("error", (ev) => {
      console.error("TypeScript kernel worker error", ev);
      this._ready.reject(new Error(ev.message || "the kernel's worker failed to start"));
    });
    this._call({ type: "init", modulesUrl: options.modulesUrl, plotlyUrl: options.plotlyUrl }).then(
      (info) => {
        this._tsVersion = (info as { tsVersion?: string })?.tsVersion ?? "";
        this._ready.resolve();
      },
      (err) => this._ready.reject(err),
    );
  }

  override get ready(): Promise<void> {
    return this._ready.promise;
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this._worker.terminate();
    for (const p of this._pending.values()) p.reject(new Error("kernel disposed"));
    this._pending.clear();
    super.dispose();
  }

  async kernelInfoRequest(): Promise<KernelMessage.IInfoReplyMsg["content"]> {
    await this.ready.catch(() => undefined);
    return {
      implementation: "itolab-lite",
      implementation_version: "0.1.0",
      language_info: {
        name: "typescript",
        version: this._tsVersion,
        mimetype: "text/typescript",
        file_extension: ".ts",
        codemirror_mode: "typescript",
        pygments_lexer: "typescript",
        nbconvert_exporter: "script",
      },
      protocol_version: "5.3",
      status: "ok",
      banner: `TypeScript ${this._tsVersion} in a Web Worker, with itolab (JupyterLite)`,
      help_links: [],
    };
  }

  async executeRequest(
    content: KernelMessage.IExecuteRequestMsg["content"],
  ): Promise<KernelMessage.IExecuteReplyMsg["content"]> {
    await this.ready;
    const parent = this.parentHeader;
    const count = this.executionCount;
    const run = this._queue.then(async () => {
      this._currentParent = parent;
      try {
        const reply = (await this._call({
          type: "execute",
          code: content.code,
          executionCount: count,
        })) as KernelMessage.IExecuteReplyMsg["content"];
        return { ...reply, execution_count: count };
      } finally {
        this._currentParent = undefined;
      }
    });
    this._queue = run.catch(() => undefined);
    return run;
  }

  async completeRequest(
    content: KernelMessage.ICompleteRequestMsg["content"],
  ): Promise<KernelMessage.ICompleteReplyMsg["content"]> {
    await this.ready;
    return (await this._call({
      type: "complete",
      code: content.code,
      cursorPos: content.cursor_pos,
    })) as KernelMessage.ICompleteReplyMsg["content"];
  }

  async inspectRequest(): Promise<KernelMessage.IInspectReplyMsg["content"]> {
    return { status: "ok", found: false, data: {}, metadata: {} };
  }

  async isCompleteRequest(): Promise<KernelMessage.IIsCompleteReplyMsg["content"]> {
    return { status: "complete" } as KernelMessage.IIsCompleteReplyMsg["content"];
  }

  async commInfoRequest(): Promise<KernelMessage.ICommInfoReplyMsg["content"]> {
    return { status: "ok", comms: {} };
  }

  inputReply(): void {}
  async commOpen(): Promise<void> {}
  async commMsg(): Promise<void> {}
  async commClose(): Promise<void> {}

  private _call(msg: Record<string, unknown>): Promise<unknown> {
    const id = ++this._lastId;
    return new Promise((resolve, reject) => {
      this._pending.set(id, { resolve, reject });
      this._worker.postMessage({ ...msg, id });
    });
  }

  private _onWorkerMessage(msg: WorkerMessage): void {
    if (msg.type === "reply") {
      const p = this._pending.get(msg.id);
      this._pending.delete(msg.id);
      if (msg.error !== undefined) p?.reject(new Error(msg.error));
      else p?.resolve(msg.content);
      return;
    }
    // BaseKernel's publishers take the parent header of the request being answered
    const parent = this._currentParent ?? this.parentHeader;
    type Content<T extends KernelMessage.Message> = T["content"];
    const c = msg.content;
    switch (msg.msgType) {
      case "stream":
        this.stream(c as Content<KernelMessage.IStreamMsg>, parent);
        break;
      case "display_data":
        this.displayData(c as Content<KernelMessage.IDisplayDataMsg>, parent);
        break;
      case "execute_result":
        this.publishExecuteResult(c as Content<KernelMessage.IExecuteResultMsg>, parent);
        break;
      case "error":
        this.publishExecuteError(c as Content<KernelMessage.IErrorMsg>, parent);
        break;
      case "clear_output":
        this.clearOutput(c as Content<KernelMessage.IClearOutputMsg>, parent);
        break;
    }
  }

  private _worker: Worker;
  private _ready = new PromiseDelegate<void>();
  private _pending = new Map<number, Pending>();
  private _lastId = 0;
  private _queue: Promise<unknown> = Promise.resolve();
  private _currentParent: KernelMessage.IHeader<KernelMessage.MessageType> | undefined;
  private _tsVersion = "";
}
