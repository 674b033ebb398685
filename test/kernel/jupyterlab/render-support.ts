/**
 * The executed notebooks rendered by JupyterLab's own code in headless Chromium (not a test
 * file): reading an executed notebook as Jupyter Server serves it, what its outputs must show,
 * rendering it on a test page (page/main.ts) in each of the four cases, measuring what every
 * output became, and the verdict: the list of what is wrong (empty when the case shows
 * everything).
 */
import fs from "fs";
import path from "path";
import type { Browser } from "playwright-core";
import { offlinePage } from "../notes/browser-support";
import type { Pages } from "./page/build-page";

const PLOTLY_MIME = "application/vnd.plotly.v1+json";

type Json = Record<string, unknown>;

/** One output of an executed notebook, as the page receives it. */
export type Output = Json & { output_type: string; data?: Json; text?: string };

/** One code cell: its id and its outputs. */
export interface Cell {
  id: string;
  outputs: Output[];
}

/** What a notebook's outputs should show. */
export interface Expected {
  /** per figure, in output order: cell id and number of traces (frame 0 for an animation) */
  figures: { cell: string; traces: number }[];
  /** every line of every stream output that is a check line (`✓ …`) */
  checkLines: string[];
  /** every non-blank line of every error output's traceback, colour codes removed, trimmed */
  errorLines: string[];
}

/**
 * nbformat stores a multiline string as a list of lines; Jupyter Server joins them before a
 * frontend sees them (nbformat's `rejoin_mimebundle`: every mime type but JSON ones, and the
 * text of a stream). Done here the same way, so the page gets what JupyterLab gets.
 */
function rejoin(output: Json): Output {
  const out: Json = { ...output };
  if (Array.isArray(out.text)) out.text = out.text.join("");
  if (typeof out.data === "object" && out.data !== null) {
    const data: Json = {};
    for (const [mime, value] of Object.entries(out.data as Json)) {
      const json = mime === "application/json" || mime.endsWith("+json");
      data[mime] = !json && Array.isArray(value) ? value.join("") : value;
    }
    out.data = data;
  }
  return out as Output;
}

/** The code cells of a notebook's cells (nbformat's or a Lecture's), outputs rejoined. */
export function codeCells(
  cells: readonly { cell_type?: string; type?: string; id?: string; outputs?: Json[] }[],
): Cell[] {
  return cells
    .filter((c) => (c.cell_type ?? c.type) === "code")
    .map((c, i) => ({ id: c.id ?? `#${i + 1}`, outputs: (c.outputs ?? []).map(rejoin) }));
}

/** The code cells of an executed notebook with their outputs, as Jupyter Server serves them. */
export function readCells(file: string): Cell[] {
  return codeCells(JSON.parse(fs.readFileSync(file, "utf8")).cells);
}

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g; // eslint-disable-line no-control-regex

/** What the cells' outputs must show. */
export function expected(cells: Cell[]): Expected {
  const figures: Expected["figures"] = [];
  const checkLines: string[] = [];
  const errorLines: string[] = [];
  for (const cell of cells) {
    for (const out of cell.outputs) {
      const payload = out.data?.[PLOTLY_MIME] as { data?: unknown[] } | undefined;
      if (payload) figures.push({ cell: cell.id, traces: payload.data?.length ?? 0 });
      if (out.output_type === "stream") {
        checkLines.push(
          ...String(out.text)
            .split("\n")
            .filter((l) => l.startsWith("✓ ")),
        );
      }
      if (out.output_type === "error") {
        const traceback = (out.traceback as string[] | undefined) ?? [];
        errorLines.push(
          ...traceback
            .flatMap((t) => t.split("\n"))
            .map((l) => l.replace(ANSI, "").trim())
            .filter((l) => l !== ""),
        );
      }
    }
  }
  return { figures, checkLines, errorLines };
}

/** Output types that carry LaTeX, and a `$…$` pair in text: what would need a typesetter. */
export function mathCarriers(cells: Cell[]): string[] {
  const found: string[] = [];
  for (const cell of cells) {
    cell.outputs.forEach((out, k) => {
      const data = out.data ?? {};
      const where = `${cell.id} output ${k}`;
      for (const mime of ["text/latex", "text/markdown"]) {
        if (mime in data) found.push(`${where}: ${mime}`);
      }
      const plain = [out.text, data["text/plain"]].filter((t) => typeof t === "string");
      for (const t of plain as string[]) {
        if (/\$[^$\n]+\$/.test(t)) found.push(`${where}: $…$ in text`);
      }
    });
  }
  return found;
}

/** One of the four ways a user sees the outputs. */
export interface Case {
  name: string;
  /** the outputs were produced in this session (scripts in HTML run) or opened from disk */
  trusted: boolean;
  /** jupyterlab-plotly's mime renderer is installed (`pip install plotly`) */
  plotly: boolean;
}

export const CASES: Case[] = [
  { name: "trusted, bare JupyterLab", trusted: true, plotly: false },
  { name: "untrusted, bare JupyterLab", trusted: false, plotly: false },
  { name: "trusted, with jupyterlab-plotly", trusted: true, plotly: true },
  { name: "untrusted, with jupyterlab-plotly", trusted: false, plotly: true },
];

/** How one figure output came out. */
export interface FigureState {
  cell: string;
  /** the renderer JupyterLab chose: the mime type of the output's node, or "plotly widget" */
  renderer: string;
  /** plotly drew it: a `.js-plotly-plot` with this many traces (g.trace, g.hm), else null */
  traces: number | null;
  /** the static image is shown: an `<img>` with a data:image/svg+xml source, decoded
   * (natural size, else null), laid out larger than 100 × 50 px and visible */
  image: { width: number; height: number } | null;
  /** the figure's script ran before plotly.js and its "waiting for plotly.js" note is left */
  waiting: boolean;
}

/** Signs that scripts ran on the page: what an untrusted bare page must not show. */
export interface ScriptTraces {
  /** `window.Plotly` is defined (the first figure's script inlines plotly.js) */
  plotlyGlobal: boolean;
  /** `<script>` elements left inside output areas (the sanitizer strips them) */
  scriptElements: number;
  /** `.js-plotly-plot` elements anywhere */
  plots: number;
}

/** One rendering of a notebook: per figure its state, the page's visible text, its log. */
export interface Rendering {
  figures: FigureState[];
  scripts: ScriptTraces;
  /** `document.body.innerText` */
  text: string;
  /** console errors and uncaught exceptions during this notebook */
  errors: string[];
  /** every URL requested during this notebook */
  requests: string[];
  ms: number;
}

const LOCAL = /^(file|data|blob|about):/;

/**
 * What is wrong with a rendering, one line each; empty when it shows what the case requires.
 * Every case: every figure rendered once, in order, with its cell; every check line and every
 * error line in the visible text; no console error; only local files requested. Then per figure:
 * - trusted, bare: JupyterLab chose `text/html`, whose script drew a `.js-plotly-plot` with the
 *   expected number of traces and removed the static image;
 * - untrusted, bare: `text/html` showing its static image (decoded, visible), no plot, and no
 *   sign on the page that any script ran;
 * - with jupyterlab-plotly, trusted or not: the plotly widget drew the expected traces.
 */
export function renderingProblems(c: Case, want: Expected, got: Rendering): string[] {
  const problems: string[] = [];
  const n = Math.max(want.figures.length, got.figures.length);
  for (let i = 0; i < n; i++) {
    const w = want.figures[i];
    const g = got.figures[i];
    const name = `figure ${i + 1} (cell ${w?.cell ?? g?.cell})`;
    if (!g) {
      problems.push(`${name}: not rendered`);
      continue;
    }
    if (!w) {
      problems.push(`${name}: rendered, but the notebook has ${want.figures.length} figures`);
      continue;
    }
    if (g.cell !== w.cell) problems.push(`${name}: rendered in cell ${g.cell}`);
    const renderer = c.plotly ? "plotly widget" : "text/html";
    if (g.renderer !== renderer)
      problems.push(`${name}: rendered by ${g.renderer}, not ${renderer}`);
    if (g.waiting) problems.push(`${name}: its script is waiting for plotly.js`);
    if (c.plotly || c.trusted) {
      if (g.traces !== w.traces) {
        const drawn = g.traces === null ? "no plot" : `${g.traces} traces`;
        problems.push(`${name}: ${drawn} drawn, ${w.traces} traces expected`);
      }
      if (!c.plotly && g.image) problems.push(`${name}: the static image is still shown`);
    } else {
      if (!g.image) problems.push(`${name}: no static image shown`);
      if (g.traces !== null) problems.push(`${name}: a plot was drawn (${g.traces} traces)`);
    }
  }
  if (!c.trusted && !c.plotly) {
    const s = got.scripts;
    if (s.plotlyGlobal) problems.push("a script ran: window.Plotly is defined");
    if (s.scriptElements > 0) problems.push(`${s.scriptElements} <script> elements in outputs`);
    if (s.plots > 0) problems.push(`a script ran: ${s.plots} .js-plotly-plot on the page`);
  }
  for (const line of want.checkLines) {
    if (!got.text.includes(line)) problems.push(`check line not shown: ${line}`);
  }
  for (const line of want.errorLines) {
    if (!got.text.includes(line)) problems.push(`error line not shown: ${line}`);
  }
  for (const e of got.errors) problems.push(`console error: ${e.slice(0, 300)}`);
  for (const url of got.requests) {
    if (!LOCAL.test(url)) problems.push(`requested: ${url.slice(0, 200)}`);
  }
  return problems;
}

/** In-page: the state of every figure output (marked by the page), in order. */
const MEASURE_FIGURES = `Array.from(document.querySelectorAll("[data-itolab-figure]")).map(function (child) {
  var cell = child.closest(".itolab-cell");
  var out = child.querySelector(".jp-OutputArea-output");
  var plot = out && (out.matches(".js-plotly-plot") ? out : out.querySelector(".js-plotly-plot"));
  var images = out ? Array.from(out.querySelectorAll('img[src^="data:image/svg+xml"]')) : [];
  var shown = images.filter(function (img) {
    var r = img.getBoundingClientRect();
    var style = getComputedStyle(img);
    return img.complete && img.naturalWidth > 0 && img.naturalHeight > 0 && r.width > 100 &&
      r.height > 50 && style.visibility !== "hidden" && style.display !== "none";
  })[0];
  return {
    cell: cell ? cell.getAttribute("data-cell") : "?",
    renderer: !out ? "none" : out.classList.contains("jp-RenderedPlotly") ? "plotly widget" :
      (out.getAttribute("data-mime-type") || "?"),
    traces: plot ? plot.querySelectorAll("g.trace, g.hm").length : null,
    image: shown ? { width: shown.naturalWidth, height: shown.naturalHeight } : null,
    waiting: out ? Array.from(out.querySelectorAll(".itolab-figure > div")).some(function (d) {
      return /waiting for plotly\\.js/i.test(d.textContent || "");
    }) : false,
  };
})`;

/** In-page: signs that scripts ran. */
const MEASURE_SCRIPTS = `({
  plotlyGlobal: typeof window.Plotly !== "undefined",
  scriptElements: document.querySelectorAll(".jp-OutputArea script").length,
  plots: document.querySelectorAll(".js-plotly-plot").length,
})`;

/**
 * In-page, per case: the figures have settled. Where something can draw them: every figure has
 * its expected traces. Untrusted and bare: every figure's output holds content and every image in
 * it finished loading (or failing). A page that never settles is measured at the timeout.
 */
function settled(c: Case, want: Expected): string {
  if (c.plotly || c.trusted) {
    return `(function () {
      var w = ${JSON.stringify(want.figures.map((f) => f.traces))};
      var f = ${MEASURE_FIGURES};
      return f.length === w.length && f.every(function (x, i) { return x.traces === w[i]; });
    })()`;
  }
  return `(function () {
    var outs = Array.from(document.querySelectorAll("[data-itolab-figure] .jp-OutputArea-output"));
    return outs.length === ${want.figures.length} && outs.every(function (o) {
      return o.children.length > 0 && Array.from(o.querySelectorAll("img")).every(function (i) {
        return i.complete;
      });
    });
  })()`;
}

/**
 * Writes the cells beside the test pages as a script (`<name>.cells.js` setting
 * `window.itolabCells`), so that a page loads them from file:// instead of receiving megabytes
 * through the DevTools protocol. Returns the script's file name.
 */
export function writeCellsScript(pageDir: string, name: string, cells: Cell[]): string {
  const file = `${name}.cells.js`;
  fs.writeFileSync(path.join(pageDir, file), `window.itolabCells = ${JSON.stringify(cells)};\n`);
  return file;
}

/** A page of one case, rendering one notebook after another. */
export interface CasePage {
  render(cellsScript: string, want: Expected, timeoutMs: number): Promise<Rendering>;
  close(): Promise<void>;
}

/** Opens the case's test page offline (bare or with the plotly renderer), to be reused. */
export async function openCasePage(browser: Browser, pages: Pages, c: Case): Promise<CasePage> {
  const { context, page, log } = await offlinePage(browser);
  await page.goto(c.plotly ? pages.plotly : pages.bare);
  return {
    async render(cellsScript, want, timeoutMs) {
      const t0 = Date.now();
      const [e0, r0] = [log.errors.length, log.requests.length];
      await page.addScriptTag({ url: cellsScript });
      await page.evaluate(
        `itolabRender({ cells: window.itolabCells, trusted: ${c.trusted}, plotly: ${c.plotly} })`,
      );
      await page
        .waitForFunction(settled(c, want), undefined, { timeout: timeoutMs, polling: 200 })
        .catch(() => undefined); // measured below, naming the figure
      const figures = (await page.evaluate(MEASURE_FIGURES)) as FigureState[];
      const scripts = (await page.evaluate(MEASURE_SCRIPTS)) as ScriptTraces;
      const text = (await page.evaluate("document.body.innerText")) as string;
      return {
        figures,
        scripts,
        text,
        errors: log.errors.slice(e0),
        requests: log.requests.slice(r0),
        ms: Date.now() - t0,
      };
    },
    async close() {
      await context.close();
    },
  };
}
