/// <reference lib="dom" />
/**
 * The Web Worker of the in-browser TypeScript kernel (kernel.ts starts one per notebook): runs
 * cells compiled by compile.ts with an indirect eval (global scope, so top-level names outlive
 * the cell), cells importing from the module bundle (../itolab/entry.ts: "itolab", its subpaths,
 * "mathjs"). The value of a final expression statement (awaited if a promise) is the cell's
 * execute_result. Output goes out as Jupyter messages: `console.log/info/debug` as stdout,
 * `console.warn/error` as stderr, itolab's `show(fig)` as display_data with the figure's MIME
 * bundle (the library's own, as under tslab), `display(value)` likewise, an exception as an error
 * message whose traceback names the cell and line (mapped back through the source map).
 */
import ts from "typescript";
import {
  ANSI_RED,
  ANSI_RESET,
  CompileError,
  compileCell,
  REQUIRE,
  traceback,
  type Compiled,
} from "./compile";

type MimeBundle = Record<string, unknown>;

/** The kernel's requests (kernel.ts). */
type Request =
  | { type: "init"; id: number; modulesUrl: string; plotlyUrl: string }
  | { type: "execute"; id: number; code: string; executionCount: number }
  | { type: "complete"; id: number; code: string; cursorPos: number };

/** What the module bundle exports (../itolab/entry.ts). */
interface ModuleBundle {
  modules: Record<string, unknown>;
  attach(io: { display: (content: unknown, update: boolean) => void; plotlyUrl: string }): void;
}

const modules = new Map<string, unknown>();
const g = globalThis as Record<string, unknown>;

function post(msg: unknown): void {
  (self as unknown as Worker).postMessage(msg);
}

function iopub(msgType: string, content: unknown): void {
  post({ type: "iopub", msgType, content });
}

// ---------------------------------------------------------------------------------- values

/** A short inspect-style text of a value (Node's util.inspect, roughly). */
function inspect(value: unknown, depth = 0, seen = new Set<unknown>()): string {
  if (typeof value === "string") return depth === 0 ? value : JSON.stringify(value);
  if (value === null || value === undefined || typeof value !== "object") {
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value === "function") return `[Function: ${value.name || "(anonymous)"}]`;
    return String(value);
  }
  if (value instanceof Error) return value.stack || `${value.name}: ${value.message}`;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof RegExp) return String(value);
  if (seen.has(value)) return "[Circular]";
  if (depth > 3) return Array.isArray(value) ? "[Array]" : "[Object]";
  seen.add(value);
  try {
    const inner = (v: unknown) => inspect(v, depth + 1, seen);
    const list = (items: unknown[], n: number) => {
      const shown = items.slice(0, 100).map(inner);
      if (n > 100) shown.push(`... ${n - 100} more items`);
      return shown.join(", ");
    };
    if (Array.isArray(value)) return `[ ${list(value, value.length)} ]`;
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const a = value as unknown as ArrayLike<unknown>;
      return `${value.constructor.name}(${a.length}) [ ${list(Array.from(a), a.length)} ]`;
    }
    if (value instanceof Map) {
      const entries = [...value].map(([k, v]) => `${inner(k)} => ${inner(v)}`);
      return `Map(${value.size}) { ${entries.join(", ")} }`;
    }
    if (value instanceof Set) return `Set(${value.size}) { ${[...value].map(inner).join(", ")} }`;
    const ctor = (value as object).constructor;
    const prefix = ctor && ctor !== Object ? `${ctor.name} ` : "";
    const entries = Object.entries(value as object).map(
      ([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${inner(v)}`,
    );
    return entries.length ? `${prefix}{ ${entries.join(", ")} }` : `${prefix}{}`;
  } finally {
    seen.delete(value);
  }
}

/** A value's MIME bundle: its `_repr_mimebundle_()` or `_repr_html_()` if any, else text. */
function mimeBundle(value: unknown): { data: MimeBundle; metadata: Record<string, unknown> } {
  const v = value as { _repr_mimebundle_?: () => MimeBundle; _repr_html_?: () => string };
  if (v && typeof v._repr_mimebundle_ === "function") {
    const data = { ...v._repr_mimebundle_() };
    if (!("text/plain" in data)) data["text/plain"] = inspect(value);
    return { data, metadata: {} };
  }
  if (v && typeof v._repr_html_ === "function") {
    return {
      data: { "text/html": String(v._repr_html_()), "text/plain": inspect(value) },
      metadata: {},
    };
  }
  return { data: { "text/plain": inspect(value) }, metadata: {} };
}

// --------------------------------------------------------------------------- cell globals

/** `display(value)` in a cell: one display_data per value. */
function display(...values: unknown[]): void {
  for (const value of values) iopub("display_data", { ...mimeBundle(value), transient: {} });
}
display.html = (html: string) =>
  iopub("display_data", {
    data: { "text/html": html, "text/plain": html },
    metadata: {},
    transient: {},
  });
display.markdown = (md: string) =>
  iopub("display_data", {
    data: { "text/markdown": md, "text/plain": md },
    metadata: {},
    transient: {},
  });
display.clear = (wait = false) => iopub("clear_output", { wait });

function kernelRequire(name: string): unknown {
  if (!modules.has(name)) {
    const known = [...modules.keys()].join(", ") || "(none)";
    throw new Error(`Cannot find module '${name}'. Modules available here: ${known}`);
  }
  return modules.get(name);
}

g.display = display;
g[REQUIRE] = kernelRequire;
g.require = kernelRequire;

const streamWriter =
  (name: "stdout" | "stderr") =>
  (...args: unknown[]) =>
    iopub("stream", { name, text: args.map((a) => inspect(a)).join(" ") + "\n" });
console.log = console.info = console.debug = streamWriter("stdout");
console.warn = console.error = streamWriter("stderr");

self.addEventListener("unhandledrejection", (ev: PromiseRejectionEvent) => {
  iopub("stream", { name: "stderr", text: `Unhandled promise rejection: ${inspect(ev.reason)}\n` });
});

// ------------------------------------------------------------------------------ handlers

const compiledCells = new Map<string, Compiled>();
const cellSources: string[] = [];

async function execute(code: string, executionCount: number): Promise<unknown> {
  const cellName = `cell[${executionCount}]`;
  cellSources[executionCount] = code;
  try {
    const compiled = compileCell(code, cellName);
    compiledCells.set(cellName, compiled);
    let value = (0, eval)(`${compiled.js}\n//# sourceURL=${cellName}.js`);
    if (value && typeof value.then === "function" && (compiled.async || compiled.hasResult)) {
      value = await value;
    }
    if (compiled.hasResult && value !== undefined) {
      iopub("execute_result", { ...mimeBundle(value), execution_count: executionCount });
    }
    return { status: "ok", user_expressions: {} };
  } catch (e) {
    const err = e as Error;
    const compile = err instanceof CompileError;
    const ename = compile ? "TSError" : String(err?.name ?? "Error");
    const evalue = compile ? err.diagnostics.join("\n") : String(err?.message ?? err);
    const lines = compile
      ? [`${ANSI_RED}${ename}${ANSI_RESET}: ${evalue}`]
      : traceback(err, ename, evalue, compiledCells, cellSources);
    iopub("error", { ename, evalue, traceback: lines });
    return { status: "error", ename, evalue, traceback: lines };
  }
}

const KEYWORDS = [
  "const",
  "let",
  "function",
  "class",
  "import",
  "from",
  "return",
  "await",
  "async",
];

/** Completion from the names the worker knows: globals, or an object's properties. */
function complete(code: string, cursorPos: number): unknown {
  const before = code.slice(0, cursorPos);
  const m = /([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\.?([A-Za-z_$][\w$]*)?$/.exec(before);
  if (!m)
    return {
      status: "ok",
      matches: [],
      cursor_start: cursorPos,
      cursor_end: cursorPos,
      metadata: {},
    };
  const text = m[0];
  const dot = text.lastIndexOf(".");
  const prefix = dot >= 0 ? text.slice(dot + 1) : text;
  const names: string[] = [];
  if (dot >= 0) {
    let obj: unknown;
    try {
      obj = text
        .slice(0, dot)
        .split(".")
        .reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), g);
    } catch {
      obj = undefined;
    }
    for (let o = obj; o != null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      names.push(...Object.getOwnPropertyNames(o));
    }
  } else names.push(...Object.getOwnPropertyNames(g), ...KEYWORDS);
  const matches = [...new Set(names)]
    .filter((n) => n.startsWith(prefix) && n !== "constructor")
    .sort();
  return {
    status: "ok",
    matches,
    cursor_start: cursorPos - prefix.length,
    cursor_end: cursorPos,
    metadata: {},
  };
}

async function handle(msg: Request): Promise<unknown> {
  switch (msg.type) {
    case "init": {
      const bundle = (await import(/* @vite-ignore */ msg.modulesUrl)) as ModuleBundle;
      for (const [name, mod] of Object.entries(bundle.modules)) modules.set(name, mod);
      bundle.attach({
        display: (content) => iopub("display_data", content),
        plotlyUrl: msg.plotlyUrl,
      });
      return { tsVersion: ts.version };
    }
    case "execute":
      return execute(msg.code, msg.executionCount);
    case "complete":
      return complete(msg.code, msg.cursorPos);
  }
}

self.addEventListener("message", async (ev: MessageEvent<Request>) => {
  const msg = ev.data;
  try {
    post({ type: "reply", id: msg.id, content: await handle(msg) });
  } catch (e) {
    post({ type: "reply", id: msg.id, error: String((e as Error)?.stack ?? e) });
  }
});
