/**
 * A client of one kernel's shell and iopub channels: sends a request, routes every iopub message
 * to the request it answers (by parent msg_id), and resolves once both the shell reply and the
 * iopub `status: idle` for that request have arrived, which is how Jupyter frontends know that a
 * request's outputs are complete.
 * @see https://jupyter-client.readthedocs.io/en/stable/messaging.html#request-reply
 */
import * as zmq from "zeromq";
import { KernelProcess, within } from "./kernel-manager";
import { Message } from "./protocol";

interface Pending {
  onIopub: (msg: Message) => void;
  reply?: Message;
  idle: boolean;
  done: () => void;
}

export class KernelClient {
  private readonly pending = new Map<string, Pending>();
  private iopubSeen = false;
  private stopped = false;

  constructor(readonly kernel: KernelProcess) {
    void this.pump(kernel.shell, (msg) => this.onShell(msg));
    void this.pump(kernel.iopub, (msg) => this.onIopub(msg));
  }

  private async pump(sock: zmq.Dealer | zmq.Subscriber, handle: (msg: Message) => void) {
    try {
      for await (const frames of sock) {
        handle(this.kernel.session.deserialize(frames));
      }
    } catch (err) {
      if (!this.stopped && !sock.closed) throw err;
    }
  }

  private onShell(msg: Message) {
    const p = this.pending.get(msg.parent_header.msg_id ?? "");
    if (!p) return;
    p.reply = msg;
    this.settle(msg.parent_header.msg_id!, p);
  }

  private onIopub(msg: Message) {
    const id = msg.parent_header.msg_id ?? "";
    const p = this.pending.get(id);
    if (!p) return;
    this.iopubSeen = true;
    if (msg.header.msg_type === "status" && msg.content.execution_state === "idle") {
      p.idle = true;
      this.settle(id, p);
      return;
    }
    p.onIopub(msg);
  }

  private settle(id: string, p: Pending) {
    if (p.reply && p.idle) {
      this.pending.delete(id);
      p.done();
    }
  }

  /**
   * Send a shell request and wait for its reply and its iopub idle.
   * @param onIopub receives each iopub message (other than status) the request produced
   * @param signal aborts waiting (the request stays unanswered)
   */
  request(
    msgType: string,
    content: Record<string, unknown>,
    onIopub: (msg: Message) => void = () => undefined,
  ): { msgId: string; done: Promise<Message> } {
    const msg = this.kernel.session.message(msgType, content);
    const id = msg.header.msg_id;
    let resolve!: () => void;
    const finished = new Promise<void>((r) => (resolve = r));
    const p: Pending = { onIopub, idle: false, done: resolve };
    this.pending.set(id, p);
    const sent = this.kernel.send(this.kernel.shell, msg);
    return { msgId: id, done: sent.then(() => finished).then(() => p.reply!) };
  }

  /** Forget a request that will not be answered (after a timeout). */
  abandon(msgId: string): void {
    this.pending.delete(msgId);
  }

  /**
   * Wait until the kernel answers on shell AND its iopub messages reach us (a SUB socket drops
   * whatever is published before its subscription is live): repeat kernel_info_request until one
   * is answered and its iopub status was seen.
   * @returns the kernel_info_reply content
   */
  async waitReady(timeoutMs: number): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.kernel.alive) throw new Error("the kernel exited while starting");
      this.iopubSeen = false;
      const req = this.request("kernel_info_request", {});
      const answered = await within(req.done, 1000, null);
      if (answered && this.iopubSeen) return answered.content;
      if (!answered) this.abandon(req.msgId);
    }
    throw new Error(`the kernel did not answer kernel_info_request within ${timeoutMs / 1000} s`);
  }

  stop(): void {
    this.stopped = true;
  }
}
