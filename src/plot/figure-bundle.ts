import type { Config, Data, Frame, Layout } from "plotly.js";
import { Figure } from "./figure";
import { plotlyLibrary } from "./plotly-source";
import { safeJson } from "./script-safe-json";
import { toJsonValue } from "./to-plot-array";
import { describeValue, requireOptions } from "../base";
import { optionalBoolean, requireObject } from "./validate";

/** The plotly MIME payload: a JSON object, never a string. */
export interface PlotlyJsonPayload {
  data: Data[];
  layout: Partial<Layout>;
  config: Partial<Config>;
  /** animation frames, present only for an animated figure */
  frames?: Partial<Frame>[];
}

/** A Jupyter MIME bundle for one figure. */
export interface FigureBundle {
  "application/vnd.plotly.v1+json": PlotlyJsonPayload;
  "text/html": string;
  "text/plain": string;
}

/** Per-bundle choice of inlining plotly.js. */
export interface FigureBundleOptions {
  /** Inline the plotly.js source in this html (default: only in the session's first figure). */
  includePlotlyJs?: boolean;
}

/** The config every figure gets unless the figure overrides it. */
const defaultConfig: Partial<Config> = { responsive: true, displaylogo: false };

let figureCount = 0;
let libraryInlined = false;

/**
 * The MIME bundle of a figure: plotly JSON for frontends that render it, self-contained HTML for
 * everything else (classic notebook, nbconvert HTML opened offline, trusted JupyterLab output),
 * and a one-line text summary. The session's first html inlines plotly.js (no CDN); later ones
 * reuse `window.Plotly` (waiting for it if they render first), like plotly.py's "notebook"
 * renderer. Pure but for the session counter: element ids are the counter plus a hash of the
 * figure, so a rerun in a fresh kernel gives identical outputs.
 * @see plotly.py, `plotly/io/_base_renderers.py`, class `NotebookRenderer`.
 * @param fig - the figure (arrays may still be typed: the bundle is made JSON-able here).
 * @param options - includePlotlyJs.
 * @returns the bundle; the JSON payload is exactly what the html draws.
 */
export function figureBundle(fig: Figure, options: FigureBundleOptions = {}): FigureBundle {
  return buildBundle(fig, requireFigure("figureBundle", fig, options));
}

/**
 * Validates the arguments of {@link figureBundle}, its errors naming `fn` (the function the user
 * called); returns options.includePlotlyJs. @internal
 */
export function requireFigure(
  fn: string,
  fig: unknown,
  options?: FigureBundleOptions,
): boolean | undefined {
  const f = fig as Figure;
  if (typeof f !== "object" || f === null || !Array.isArray(f.data)) {
    throw new TypeError(`${fn}: fig must be a { data, layout } figure, got ${describeValue(fig)}`);
  }
  if (f.data.length === 0) {
    throw new RangeError(`${fn}: fig.data must hold at least one trace, got an array of length 0`);
  }
  f.data.forEach((t: unknown, k) => requireObject(fn, `fig.data[${k}]`, t, "a trace object"));
  for (const key of ["layout", "config"] as const) {
    if (f[key] !== undefined) requireObject(fn, `fig.${key}`, f[key], "an object");
  }
  if (f.frames !== undefined && !Array.isArray(f.frames)) {
    throw new TypeError(
      `${fn}: fig.frames must be an array of frames, got ${describeValue(f.frames)}`,
    );
  }
  const o = requireOptions(fn, options);
  return optionalBoolean(fn, "options.includePlotlyJs", o.includePlotlyJs);
}

/** The bundle of a validated figure (advances the session counter). @internal */
export function buildBundle(fig: Figure, includePlotlyJs: boolean | undefined): FigureBundle {
  const payload = toJsonValue({
    data: fig.data,
    layout: fig.layout ?? {},
    config: { ...defaultConfig, ...(fig.config ?? {}) },
    ...(fig.frames !== undefined ? { frames: fig.frames } : {}),
  }) as PlotlyJsonPayload;
  const json = safeJson(payload);
  figureCount += 1;
  const id = `itolab-figure-${figureCount}-${fnv1a(json)}`;
  const inline = includePlotlyJs ?? !libraryInlined;
  if (inline) libraryInlined = true;
  return {
    "application/vnd.plotly.v1+json": JSON.parse(json) as PlotlyJsonPayload,
    "text/html": figureHtml(id, json, payload.layout, inline, payload.frames !== undefined),
    "text/plain": summary(payload),
  };
}

/**
 * Restarts the session state of `figureBundle` (figure counter, plotly.js inlined): for tests,
 * so that each test sees the ids and inlining of a fresh kernel.
 */
export function resetFigureSession(): void {
  figureCount = 0;
  libraryInlined = false;
}

/** Event the inlined plotly.js fires once loaded, so figures rendered before it can draw then. */
const plotlyReadyEvent = "itolab:plotly-ready";

/**
 * A `<div>` and a `<script>` drawing the figure, preceded by plotly.js when `inline`. The library
 * loads only if `window.Plotly` is missing (or another version); a figure whose script runs
 * before the library (cells run out of order, lazily rendered outputs) waits for it.
 */
function figureHtml(
  id: string,
  json: string,
  layout: Partial<Layout>,
  inline: boolean,
  animated = false,
): string {
  const height = typeof layout.height === "number" ? layout.height : 420;
  const width = typeof layout.width === "number" ? `${layout.width}px` : "100%";
  let library = "";
  if (inline) {
    const { source, version } = plotlyLibrary();
    library = [
      '<script type="text/javascript" class="itolab-plotly-js">',
      `/* plotly.js ${version}, inlined once per kernel session, loaded if missing */`,
      `if (!window.Plotly || window.Plotly.version !== "${version}") {`,
      source,
      "}",
      `window.dispatchEvent(new Event("${plotlyReadyEvent}"));`,
      "</script>",
      "",
    ].join("\n");
  }
  const draw = [
    "(function () {",
    `  var id = "${id}";`,
    "  var s = document.currentScript;",
    "  var prev = s && s.previousElementSibling;",
    "  var el = prev && prev.id === id ? prev : document.getElementById(id);",
    "  if (!el) return;",
    `  var fig = ${json};`,
    "  function draw() {",
    '    el.textContent = "";',
    animated
      ? "    window.Plotly.newPlot(el, fig.data, fig.layout, fig.config).then(function () { return window.Plotly.addFrames(el, fig.frames); });"
      : "    window.Plotly.newPlot(el, fig.data, fig.layout, fig.config);",
    "  }",
    "  if (window.Plotly) return draw();",
    '  el.textContent = "Waiting for plotly.js, inlined in the first figure of this kernel session: run that cell, or restart and run all.";',
    `  window.addEventListener("${plotlyReadyEvent}", draw, { once: true });`,
    "})();",
  ].join("\n");
  return (
    library +
    `<div id="${id}" class="itolab-figure" style="width:${width};height:${height}px;"></div>\n` +
    `<script type="text/javascript">\n${draw}\n</script>`
  );
}

/** "Figure: 2 traces (scatter, histogram), 30 frames, title "…"" on one line. */
function summary(payload: PlotlyJsonPayload): string {
  const types = payload.data.map((t) => String((t as { type?: unknown }).type ?? "scatter"));
  const n = types.length;
  const title = payload.layout.title?.text;
  const titled =
    typeof title === "string" && title !== ""
      ? `, title ${JSON.stringify(title.replace(/\s+/g, " "))}`
      : "";
  const k = payload.frames?.length;
  const frames = k === undefined ? "" : `, ${k} frame${k === 1 ? "" : "s"}`;
  return `Figure: ${n} trace${n === 1 ? "" : "s"} (${types.join(", ")})${frames}${titled}`;
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units, as 8 hex digits. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
