/// <reference lib="dom" />
/**
 * The live figures of a lecture page (issue 24), a classic deferred script loaded after
 * notes.js. Each `[data-live]` element holds labelled controls, the notebook's figure and the
 * section's check lines (`.check`). A change of a control posts the settings to a Web Worker
 * that runs the figure's computation with the browser build of itolab; the reply redraws the
 * figure (through notes.js, so the theme applies) and replaces the check lines, ✓ or ✗ with their
 * numbers. A newer change terminates a worker still computing (the only way to stop a
 * synchronous computation) and starts another. The worker's code is embedded in this script and
 * started from a Blob URL: no request leaves the page, and file:// works (Chromium refuses
 * `new Worker(file:…)` there).
 *
 * `data-state` records where an element is: "notebook" (the notebook's own output, the first
 * view), "running", "pass" or "fail" (every re-evaluated check held, or one did not), "error"
 * (the computation stopped: bad settings); `data-run` counts the redraws, `data-ms` times the
 * last one from the change to the redrawn figure, `data-cancelled` counts the computations a
 * newer change stopped (a spare worker, started while the figure was idle, takes its place
 * without a script load), `data-progress` the progress reports of the running computation (a
 * `<progress>` bar and the status line show them; an interim figure, e.g. a loss curve while a
 * network trains, is drawn at once).
 */
import type { LivePlot } from "../spec";
import type { LiveCheck, LiveReply, LiveRequest } from "./messages";

interface NotesApi {
  /** notes.js: draws `fig` into the page figure `el` (themed), replacing what it showed */
  redraw(el: Element, fig: LivePlot): Promise<unknown>;
}

let workerUrl: string | null = null;

/** The worker's Blob URL, made once per page. */
function workerSource(): string {
  if (workerUrl === null) {
    const blob = new Blob([__LIVE_WORKER_SOURCE__], { type: "text/javascript" });
    workerUrl = URL.createObjectURL(blob);
  }
  return workerUrl;
}

/** One check line, as the notes render the notebook's (kernel/notes/outputs.ts). */
function checkItem(c: LiveCheck): HTMLLIElement {
  const li = document.createElement("li");
  li.className = `check ${c.passed ? "pass" : "fail"}`;
  const mark = document.createElement("span");
  mark.className = "mark";
  mark.setAttribute("aria-label", c.passed ? "check held" : "check failed");
  mark.textContent = c.passed ? "✓" : "✗";
  const body = c.message.slice(2);
  const colon = body.indexOf(": ");
  const claim = document.createElement("span");
  claim.className = "claim";
  claim.textContent = colon > 0 ? body.slice(0, colon) : body;
  li.append(mark, " ", claim, colon > 0 ? body.slice(colon) : "");
  return li;
}

class LiveFigure {
  private worker: Worker | null = null;
  /** a worker started while the figure was idle, ready to replace a cancelled one */
  private spare: Worker | null = null;
  private busy = false;
  private run = 0;
  private started = 0;
  private readonly id: string;
  private readonly form: HTMLFormElement;
  private readonly figure: Element;
  private readonly checks: HTMLElement;
  private readonly status: HTMLElement;
  private readonly bar: HTMLProgressElement | null;
  /** the figure's draws in order: an interim figure never lands after the final one */
  private drawing: Promise<unknown> = Promise.resolve();
  /** the newest interim figure not yet drawn: older ones are skipped, never queued */
  private interim: LivePlot | null = null;

  constructor(
    private readonly el: HTMLElement,
    private readonly notes: NotesApi,
  ) {
    this.id = el.dataset.live ?? "";
    const part = <T extends Element>(selector: string): T => {
      const found = el.querySelector<T>(selector);
      if (!found) throw new Error(`live figure ${this.id}: no ${selector}`);
      return found;
    };
    this.form = part<HTMLFormElement>("form.live-controls");
    this.figure = part<Element>("figure.plot");
    this.checks = part<HTMLElement>(".live-checks");
    this.status = part<HTMLElement>(".live-status");
    this.bar = el.querySelector<HTMLProgressElement>("progress.live-progress");
    this.form.addEventListener("change", () => this.request());
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.request();
    });
  }

  /** The controls' values by name. */
  private params(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const c of Array.from(this.form.querySelectorAll("select, input"))) {
      const control = c as HTMLInputElement | HTMLSelectElement;
      if (control.name) out[control.name] = control.value;
    }
    return out;
  }

  request(): void {
    this.run += 1;
    if (this.busy && this.worker) {
      this.worker.terminate(); // a newer setting cancels the running computation
      this.worker = null;
      this.el.dataset.cancelled = String(Number(this.el.dataset.cancelled ?? 0) + 1);
    }
    if (this.worker === null) {
      // the spare, already loaded, if there is one (a cancel then costs no script load)
      const w = this.spare ?? new Worker(workerSource());
      this.spare = null;
      w.onmessage = (e: MessageEvent<LiveReply>) => void this.reply(e.data);
      w.onerror = (e) => {
        e.preventDefault();
        this.busy = false;
        this.worker = null;
        this.setBar(null);
        this.show("error", `the worker stopped: ${e.message}`);
        console.error(`itolab live figure ${this.id}: the worker stopped: ${e.message}`);
      };
      this.worker = w;
    }
    this.busy = true;
    this.started = performance.now();
    this.el.dataset.progress = "0";
    this.interim = null; // an interim figure of the cancelled computation is not drawn
    this.setBar(0);
    this.show("running", "computing in your browser…");
    const message: LiveRequest = { id: this.id, run: this.run, params: this.params() };
    this.worker.postMessage(message);
  }

  /** The progress bar at `fraction`, or hidden (null). */
  private setBar(fraction: number | null): void {
    if (!this.bar) return;
    this.bar.hidden = fraction === null;
    if (fraction !== null) this.bar.value = fraction;
  }

  /**
   * Draws an interim figure (a loss curve while training) once the draws before it are done;
   * while one is waiting only the newest is kept, so a slow page never falls behind the worker.
   */
  private drawInterim(plot: LivePlot): void {
    const queued = this.interim !== null;
    this.interim = plot;
    if (queued) return; // the queued draw will take this newer figure
    this.enqueue(() => {
      const next = this.interim;
      this.interim = null;
      return next ? this.notes.redraw(this.figure, next) : undefined;
    });
  }

  /** Draws `plot` after every draw already asked for; an interim figure still waiting is dropped. */
  private draw(plot: LivePlot): Promise<unknown> {
    this.interim = null;
    return this.enqueue(() => this.notes.redraw(this.figure, plot));
  }

  private enqueue(job: () => unknown): Promise<unknown> {
    this.drawing = this.drawing.then(job).catch((err: unknown) => {
      console.error(`itolab live figure ${this.id}: the figure was not redrawn: ${String(err)}`);
    });
    return this.drawing;
  }

  private async reply(r: LiveReply): Promise<void> {
    if (r.run !== this.run) return; // an answer to a setting already replaced
    if (r.kind === "progress") {
      this.el.dataset.progress = String(Number(this.el.dataset.progress ?? 0) + 1);
      this.setBar(r.fraction);
      this.status.textContent = `${r.text} (${Math.round(100 * r.fraction)} %)`;
      if (r.plot) this.drawInterim(r.plot);
      return;
    }
    this.busy = false;
    this.setBar(null);
    this.spare ??= new Worker(workerSource()); // idle now: load the next change's stand-in
    if (!r.ok) {
      this.show("error", r.error);
      return;
    }
    await this.draw(r.plot); // replaces any interim figure still waiting
    if (r.run !== this.run) return;
    this.checks.replaceChildren(...r.checks.map(checkItem));
    const ms = performance.now() - this.started;
    const held = r.checks.filter((c) => c.passed).length;
    const verdict = `${held} of ${r.checks.length} checks held`;
    this.el.dataset.run = String(r.run);
    this.el.dataset.ms = ms.toFixed(0);
    this.show(
      held === r.checks.length ? "pass" : "fail",
      `${verdict}; computed in ${r.ms.toFixed(0)} ms, redrawn in ${ms.toFixed(0)} ms, in your browser`,
    );
  }

  private show(state: string, text: string): void {
    this.el.dataset.state = state;
    this.status.textContent = text;
  }
}

function start(): void {
  const notes = (window as unknown as { itolabNotes?: NotesApi }).itolabNotes;
  const els = Array.from(document.querySelectorAll<HTMLElement>("[data-live]"));
  if (els.length === 0) return;
  if (!notes || !(window as unknown as { Plotly?: unknown }).Plotly) {
    // without plotly.js or notes.js the page keeps the notebook's own figures
    for (const el of els) el.dataset.state = "unavailable";
    return;
  }
  for (const el of els) {
    new LiveFigure(el, notes);
    el.classList.add("live-ready");
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
