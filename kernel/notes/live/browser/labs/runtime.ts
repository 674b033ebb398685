/// <reference lib="dom" />
/**
 * The labs of a lecture page (issue 24), a classic deferred script. Each `.lab[data-lab]` element
 * (kernel/notes/live/labs/html.ts) holds a lab's stub cell as the notes print it; this script
 * puts the stub (or the reader's saved code) in a CodeMirror 6 editor with a Check button
 * (Ctrl-Enter) and a "Reset to the stub" button. Check sends the code to a Web Worker that
 * compiles it with TypeScript's `transpileModule` and grades it with the lab's grader from
 * itolab/labs (../labs/worker.ts); the verdict (✓, ✗ with the smallest failing case, expected,
 * received and the hint, or ○ not attempted) appears under the editor. The worker, which carries
 * TypeScript's compiler, is a separate asset inserted as a script only when the reader first
 * edits or checks a lab, and started from a Blob URL: no request leaves the page and file://
 * works. A run longer than the lab's `data-timeout-ms` is stopped by terminating the worker. The
 * reader's code and last verdict are kept in localStorage, one key per lecture and lab.
 *
 * `data-state` on the lab records where it is: "stub" (the notebook's stub, never checked),
 * "edited", "loading" (the compiler is being loaded), "running", or the last verdict's state
 * ("passed", "failed", "not attempted", "error", "stopped"); `data-run` counts verdicts, `data-ms`
 * times the last check from the click to the verdict.
 */
import { basicSetup } from "codemirror";
import { javascript } from "@codemirror/lang-javascript";
import { defaultHighlightStyle, HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorState, Prec } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import {
  errorVerdict,
  LabVerdict,
  parseSaved,
  SavedLab,
  stoppedVerdict,
  storageKey,
} from "../../labs/compile";
import type { LabReply, LabRequest } from "./messages";

/** How long the worker may take to load the compiler and compile, before the page gives up. */
const LOAD_TIMEOUT_MS = 120_000;

const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src ?? location.href;
let workerUrl: Promise<string> | null = null;

/**
 * The worker's Blob URL: the first call inserts the worker's asset as a script (a script loads
 * from file://, a fetch or a worker from a file URL does not), which sets the worker's code.
 */
function labWorkerUrl(): Promise<string> {
  workerUrl ??= new Promise<string>((resolve, reject) => {
    const g = globalThis as { __itolabLabWorker?: string };
    const made = () => {
      const code = g.__itolabLabWorker;
      if (typeof code !== "string") return false;
      delete g.__itolabLabWorker;
      resolve(URL.createObjectURL(new Blob([code], { type: "text/javascript" })));
      return true;
    };
    if (made()) return;
    const s = document.createElement("script");
    s.src = new URL(__LAB_WORKER_ASSET__, scriptUrl).href;
    s.async = true;
    s.onload = () => {
      if (!made()) reject(new Error(`${s.src} did not define the lab worker`));
    };
    s.onerror = () => reject(new Error(`could not load ${s.src}`));
    document.head.append(s);
  });
  workerUrl.catch(() => (workerUrl = null)); // a later check tries again
  return workerUrl;
}

/** The notes' token colours (notes.css, light and dark) on CodeMirror's highlighting tags. */
const COLOURS: Record<string, string> = {
  "#708": "var(--tok-kw)",
  "#219": "var(--tok-num)",
  "#164": "var(--tok-num)",
  "#a11": "var(--tok-str)",
  "#e40": "var(--tok-re)",
  "#00f": "var(--tok-fn)",
  "#085": "var(--tok-type)",
  "#167": "var(--tok-type)",
  "#940": "var(--tok-com)",
  "#f00": "var(--fail)",
};
const notesHighlight = HighlightStyle.define(
  defaultHighlightStyle.specs.map((s) => ({
    ...s,
    ...(typeof s.color === "string" ? { color: COLOURS[s.color] ?? "var(--fg)" } : {}),
  })),
);

const notesTheme = EditorView.theme({
  "&": { backgroundColor: "var(--panel)", color: "var(--fg)" },
  "&.cm-focused": { outline: "2px solid var(--accent)", outlineOffset: "-2px" },
  ".cm-scroller": {
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    lineHeight: "1.45",
  },
  ".cm-content": { caretColor: "var(--fg)" },
  ".cm-cursor": { borderLeftColor: "var(--fg)" },
  ".cm-gutters": {
    backgroundColor: "var(--panel)",
    color: "var(--muted)",
    borderRight: "1px solid var(--border)",
  },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "rgba(127, 127, 127, 0.08)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground":
    { backgroundColor: "rgba(80, 140, 220, 0.3)" },
});

const CSS = `
.lab-controls { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.4rem 0;
  font-family: system-ui, sans-serif; font-size: 0.88rem; }
.lab-controls[hidden], .lab-note[hidden], .lab-verdict[hidden] { display: none; }
.lab button { font: inherit; padding: 0.15rem 0.7rem; border: 1px solid var(--border); border-radius: 4px;
  background: var(--bg); color: var(--fg); cursor: pointer; }
.lab button.lab-check { border-color: var(--accent); color: var(--accent); font-weight: 600; }
.lab-status { color: var(--muted); }
.lab[data-state="running"] .lab-status::before, .lab[data-state="loading"] .lab-status::before { content: "⏳ "; }
.lab-note { font-family: system-ui, sans-serif; font-size: 0.85rem; color: var(--muted); margin: 0.3rem 0; }
.lab-verdict.stale { opacity: 0.55; }
.lab-verdict li.check.todo { border-left-color: var(--muted); background: var(--panel); }
.lab-verdict li.check.todo .mark { color: var(--muted); }
.lab-details { margin: 0.3rem 0; padding: 0.4rem 0.75rem; border-left: 3px solid var(--fail);
  white-space: pre-wrap; font-size: 0.85rem; overflow-x: auto; }
.lab-hint { margin: 0.3rem 0; font-family: system-ui, sans-serif; font-size: 0.9rem; }
@media print { .lab-controls, .lab-note { display: none; } }
`;

/** The verdict as the page shows it: the head as a check line, the details, the hint. */
function verdictNodes(v: LabVerdict): Node[] {
  const mark = v.head.slice(0, 1);
  const body = v.head.slice(2);
  const li = document.createElement("li");
  const kind = v.state === "passed" ? "pass" : v.state === "not attempted" ? "todo" : "fail";
  li.className = `check ${kind}`;
  const m = document.createElement("span");
  m.className = "mark";
  m.setAttribute(
    "aria-label",
    kind === "pass" ? "lab passed" : kind === "todo" ? "not attempted" : "lab failed",
  );
  m.textContent = mark;
  const colon = body.indexOf(": ");
  const claim = document.createElement("span");
  claim.className = "claim";
  claim.textContent = colon > 0 ? body.slice(0, colon) : body;
  li.append(m, " ", claim, colon > 0 ? body.slice(colon) : "");
  const ul = document.createElement("ul");
  ul.className = "evidence";
  ul.append(li);
  const nodes: Node[] = [ul];
  const details = v.details.filter((d) => !d.startsWith("hint: "));
  if (details.length) {
    const pre = document.createElement("pre");
    pre.className = "lab-details";
    pre.textContent = details.join("\n");
    nodes.push(pre);
  }
  if (v.hint) {
    const p = document.createElement("p");
    p.className = "lab-hint";
    const b = document.createElement("strong");
    b.textContent = "Hint: ";
    p.append(b, v.hint);
    nodes.push(p);
  }
  return nodes;
}

class PageLab {
  readonly id: string;
  private readonly fn: string;
  private readonly key: string;
  private readonly imports: string;
  private readonly stub: string;
  private readonly view: EditorView;
  private readonly verdictEl: HTMLElement;
  private readonly status: HTMLElement;
  private worker: Worker | null = null;
  private busy = false;
  private run = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private quiet = false;
  private verdict: LabVerdict | null = null;

  constructor(private readonly el: HTMLElement) {
    const d = el.dataset;
    this.id = d.lab ?? "";
    this.fn = d.fn ?? "";
    this.key = storageKey(d.lecture ?? "", this.id);
    this.imports = d.imports ?? "";
    const part = <T extends Element>(selector: string): T => {
      const found = el.querySelector<T>(selector);
      if (!found) throw new Error(`lab ${this.id}: no ${selector}`);
      return found;
    };
    const pre = part<HTMLElement>("pre.code");
    this.stub = pre.textContent ?? "";
    this.verdictEl = part<HTMLElement>(".lab-verdict");
    this.status = part<HTMLElement>(".lab-status");
    const saved = this.read();
    const holder = document.createElement("div");
    holder.className = "lab-editor";
    pre.after(holder);
    pre.hidden = true;
    this.view = new EditorView({
      parent: holder,
      state: EditorState.create({
        doc: saved?.code ?? this.stub,
        extensions: [
          Prec.highest(
            keymap.of([
              { key: "Mod-Enter", run: () => (this.check(), true) },
              { key: "Shift-Enter", run: () => (this.check(), true) },
            ]),
          ),
          basicSetup,
          javascript({ typescript: true }),
          syntaxHighlighting(notesHighlight),
          notesTheme,
          EditorView.contentAttributes.of({ "aria-label": `Your code for lab ${this.id}` }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && !this.quiet) this.edited();
          }),
        ],
      }),
    });
    part<HTMLButtonElement>(".lab-check").addEventListener("click", () => this.check());
    part<HTMLButtonElement>(".lab-reset").addEventListener("click", () => this.reset());
    part<HTMLElement>(".lab-controls").hidden = false;
    part<HTMLElement>(".lab-note").hidden = false;
    if (saved?.verdict) {
      this.show(saved.verdict);
      this.setState(saved.verdict.state, "your last check, restored from this browser");
    } else if (saved && saved.code !== this.stub) {
      this.setState("edited", "your code, restored from this browser");
    }
  }

  /** The time a run may take (the element's `data-timeout-ms`, read at each check). */
  private get timeoutMs(): number {
    const ms = Number(this.el.dataset.timeoutMs);
    return ms > 0 ? ms : 5000;
  }

  /** The editor's text. */
  code(): string {
    return this.view.state.doc.toString();
  }

  private read(): SavedLab | null {
    try {
      return parseSaved(localStorage.getItem(this.key));
    } catch {
      return null;
    }
  }

  private save(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const entry: SavedLab = {
      code: this.code(),
      verdict: this.verdict,
      at: new Date().toISOString(),
    };
    try {
      localStorage.setItem(this.key, JSON.stringify(entry));
    } catch {
      this.status.textContent = "(this browser does not keep your code: localStorage is off)";
    }
  }

  private setState(state: string, text: string): void {
    this.el.dataset.state = state;
    this.status.textContent = text;
  }

  private show(v: LabVerdict | null): void {
    this.verdict = v;
    this.verdictEl.classList.remove("stale");
    this.verdictEl.hidden = v === null;
    this.verdictEl.replaceChildren(...(v ? verdictNodes(v) : []));
  }

  private edited(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), 300);
    if (!this.busy) {
      if (this.verdict) this.verdictEl.classList.add("stale");
      this.setState("edited", this.verdict ? "edited since the last check" : "");
    }
    labWorkerUrl().catch(() => undefined); // the compiler starts loading while the reader types
  }

  private stopWorker(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.worker?.terminate();
    this.worker = null;
    this.busy = false;
  }

  async check(): Promise<void> {
    const run = ++this.run;
    if (this.busy) this.stopWorker(); // a newer check replaces one still running
    this.save();
    const t0 = performance.now();
    this.busy = true;
    this.setState("loading", "loading the TypeScript compiler (once per page)…");
    let url: string;
    try {
      url = await labWorkerUrl();
    } catch (e) {
      this.busy = false;
      this.finish(errorVerdict("the lab worker could not load", [(e as Error).message]), t0);
      return;
    }
    if (run !== this.run) return;
    if (this.worker === null) {
      const w = new Worker(url);
      w.onmessage = (e: MessageEvent<LabReply>) => this.reply(e.data, run, t0);
      w.onerror = (e) => {
        e.preventDefault();
        this.stopWorker();
        this.finish(errorVerdict("the lab worker stopped", [e.message]), t0);
      };
      this.worker = w;
    } else {
      this.worker.onmessage = (e: MessageEvent<LabReply>) => this.reply(e.data, run, t0);
    }
    this.setState("running", "compiling your code in your browser…");
    this.arm(LOAD_TIMEOUT_MS, () =>
      this.finish(
        errorVerdict(`the compiler did not answer within ${LOAD_TIMEOUT_MS / 1000} s`),
        t0,
      ),
    );
    const request: LabRequest = {
      run,
      lab: this.id,
      fn: this.fn,
      imports: this.imports,
      code: this.code(),
    };
    this.worker.postMessage(request);
  }

  /** Terminates the worker and calls `then` after `ms`, unless a reply comes first. */
  private arm(ms: number, then: () => void): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.stopWorker();
      then();
    }, ms);
  }

  private reply(r: LabReply, run: number, t0: number): void {
    if (r.run !== run || run !== this.run) return;
    if (r.kind === "compiled") {
      this.setState("running", "grading your code in your browser…");
      const ms = this.timeoutMs;
      this.arm(ms, () => this.finish(stoppedVerdict(this.fn, ms), t0));
      return;
    }
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.busy = false;
    this.finish(r.verdict, t0);
  }

  private finish(v: LabVerdict, t0: number): void {
    const ms = performance.now() - t0;
    this.show(v);
    this.save();
    this.el.dataset.run = String(Number(this.el.dataset.run ?? 0) + 1);
    this.el.dataset.ms = ms.toFixed(0);
    const where = v.state === "stopped" ? "stopped" : `checked in ${ms.toFixed(0)} ms`;
    this.setState(v.state, `${where}, in your browser`);
  }

  reset(): void {
    this.run += 1;
    if (this.busy) this.stopWorker();
    this.quiet = true;
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: this.stub } });
    this.quiet = false;
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    try {
      localStorage.removeItem(this.key);
    } catch {
      // nothing was kept
    }
    this.show(null);
    this.setState("stub", "the stub again; your saved code was removed from this browser");
  }
}

/** The page's labs by id (for readers' scripts and the tests: `itolabLabs.get(id).code()`). */
const labs = new Map<string, PageLab>();

function start(): void {
  const els = Array.from(document.querySelectorAll<HTMLElement>(".lab[data-lab]"));
  if (els.length === 0) return;
  const style = document.createElement("style");
  style.textContent = CSS;
  document.head.append(style);
  for (const el of els) {
    try {
      const lab = new PageLab(el);
      labs.set(lab.id, lab);
      el.classList.add("lab-ready");
    } catch (e) {
      console.error(`itolab lab: ${(e as Error).message}`);
    }
  }
  (window as unknown as { itolabLabs: unknown }).itolabLabs = {
    get: (id: string) => labs.get(id),
    ids: () => [...labs.keys()],
  };
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
