/**
 * Starts a kernel from a kernelspec exactly as jupyter_client does (connection file with five
 * ports and an HMAC key, `{connection_file}` substituted into the spec's argv, working folder =
 * the notebook's folder), connects the shell, control and iopub channels, and guarantees that the
 * process is gone afterwards: every kernel is tracked in a registry that exit, SIGINT, SIGTERM and
 * uncaught errors all clean up.
 */
import { ChildProcess, spawn } from "child_process";
import { randomBytes } from "crypto";
import fs from "fs";
import net from "net";
import os from "os";
import path from "path";
import * as zmq from "zeromq";
import { Message, Session } from "./protocol";

/** A kernelspec's kernel.json (the fields the runner uses). */
export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  interrupt_mode?: "signal" | "message";
  env?: Record<string, string>;
}

/** The marker in each connection folder's name; kernel/bin/leaks.js finds kernels by it. */
export const CONNECTION_DIR_PREFIX = `itolab-kernel-${process.pid}-`;

const live = new Set<KernelProcess>();
let handlersInstalled = false;

/** Whether `pid` has really ended: gone, or a zombie waiting to be reaped (Linux /proc). */
function ended(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return /^\d+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return process.platform === "linux"; // no /proc entry on Linux: gone
  }
}

/**
 * Kill every kernel still alive (synchronous, safe to call from an exit handler), and wait (at
 * most `waitMs`) until each has really ended: SIGKILL is delivered at once, but a process on a
 * busy machine dies when it is next scheduled, and the runner must not exit before that.
 */
export function killAllKernels(waitMs = 3000): void {
  const pids = [...live].flatMap((k) => (k.child.pid ? [k.child.pid] : []));
  for (const k of live) k.kill("SIGKILL");
  const end = Date.now() + waitMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (pids.some((pid) => !ended(pid)) && Date.now() < end) Atomics.wait(pause, 0, 0, 10);
}

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", () => killAllKernels());
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      killAllKernels();
      process.stderr.write(`\nitolab-run: ${signal}: stopped, kernels killed\n`);
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** One running kernel process with its connection and channels. */
export class KernelProcess {
  readonly session: Session;
  readonly shell: zmq.Dealer;
  readonly control: zmq.Dealer;
  readonly iopub: zmq.Subscriber;
  /** What the kernel printed on its own stdout/stderr (not cell output), for failure reports. */
  log = "";
  exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private readonly exited: Promise<void>;
  private closed = false;

  private constructor(
    readonly child: ChildProcess,
    readonly connectionDir: string,
    connection: {
      ip: string;
      key: string;
      shell_port: number;
      control_port: number;
      iopub_port: number;
    },
  ) {
    this.session = new Session(connection.key);
    const addr = (port: number) => `tcp://${connection.ip}:${port}`;
    this.shell = new zmq.Dealer({ linger: 0 });
    this.control = new zmq.Dealer({ linger: 0 });
    this.iopub = new zmq.Subscriber({ linger: 0 });
    this.shell.connect(addr(connection.shell_port));
    this.control.connect(addr(connection.control_port));
    this.iopub.connect(addr(connection.iopub_port));
    this.iopub.subscribe();
    const append = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-20000);
    };
    child.stdout?.on("data", append);
    child.stderr?.on("data", append);
    this.exited = new Promise((resolve) => {
      child.on("exit", (code, signal) => {
        this.exitInfo = { code, signal };
        live.delete(this);
        resolve();
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get alive(): boolean {
    return this.exitInfo === null;
  }

  /** Resolves when the process has exited. */
  waitExit(): Promise<void> {
    return this.exited;
  }

  /**
   * Start a kernel for a notebook in `cwd` from the kernelspec `spec`.
   * @param spec the kernelspec (argv with `{connection_file}`)
   * @param cwd the kernel's working folder: the notebook's folder, as Jupyter sets it
   * @param env variables set for the kernel over the runner's environment and the spec's `env`
   */
  static async start(
    spec: KernelSpec,
    cwd: string,
    env: Record<string, string> = {},
  ): Promise<KernelProcess> {
    installExitHandlers();
    const connectionDir = fs.mkdtempSync(path.join(os.tmpdir(), CONNECTION_DIR_PREFIX));
    const [shell, control, iopub, stdin, hb] = await Promise.all([0, 1, 2, 3, 4].map(freePort));
    const connection = {
      transport: "tcp",
      ip: "127.0.0.1",
      shell_port: shell,
      control_port: control,
      iopub_port: iopub,
      stdin_port: stdin,
      hb_port: hb,
      signature_scheme: "hmac-sha256",
      key: randomBytes(32).toString("hex"),
      kernel_name: "itolab",
    };
    const connectionFile = path.join(connectionDir, "kernel.json");
    fs.writeFileSync(connectionFile, JSON.stringify(connection, null, 2), { mode: 0o600 });
    const argv = spec.argv.map((a) => a.replace("{connection_file}", connectionFile));
    const child = spawn(argv[0], argv.slice(1), {
      cwd,
      env: { ...process.env, ...spec.env, ...env, JPY_PARENT_PID: String(process.pid) },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, so that kill() reaches anything it spawns
    });
    const kernel = new KernelProcess(child, connectionDir, connection);
    live.add(kernel);
    await new Promise<void>((resolve, reject) => {
      child.once("spawn", resolve);
      child.once("error", (err) =>
        reject(new Error(`could not start the kernel (${argv[0]}): ${err.message}`)),
      );
    });
    return kernel;
  }

  send(channel: zmq.Dealer, msg: Message<unknown>): Promise<void> {
    return channel.send(this.session.serialize(msg));
  }

  /** Deliver SIGINT (the kernelspec's interrupt_mode is "signal"; tslab interrupts on SIGINT). */
  interrupt(): void {
    if (this.alive && this.child.pid) process.kill(this.child.pid, "SIGINT");
  }

  /** Kill the kernel's whole process group (synchronous). */
  kill(signal: NodeJS.Signals): void {
    if (!this.alive || !this.child.pid) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      try {
        process.kill(this.child.pid, signal);
      } catch {
        // already gone
      }
    }
  }

  /**
   * Shut down: ask politely (shutdown_request on control), then SIGTERM, then SIGKILL; close the
   * sockets and remove the connection folder. Resolves only once the process has exited.
   */
  async shutdown(graceMs = 2000): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const exitedWithin = (ms: number) =>
      within(
        this.exited.then(() => true),
        ms,
        false,
      );
    if (this.alive) {
      await this.send(
        this.control,
        this.session.message("shutdown_request", { restart: false }),
      ).catch(() => undefined);
      if (!(await exitedWithin(graceMs))) {
        this.kill("SIGTERM");
        if (!(await exitedWithin(graceMs))) {
          this.kill("SIGKILL");
          await this.exited;
        }
      }
    }
    for (const s of [this.shell, this.control, this.iopub]) s.close();
    fs.rmSync(this.connectionDir, { recursive: true, force: true });
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * `promise`'s value, or `fallback` after `ms` milliseconds, whichever comes first. The timer is
 * cleared when the promise wins, so no pending timer keeps the process alive afterwards.
 */
export function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
