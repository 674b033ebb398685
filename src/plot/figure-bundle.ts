import type { Config, Data, Frame, Layout } from "plotly.js";
import { base64, utf8 } from "./base64";
import { Figure } from "./figure";
import { fnv1a } from "./fnv1a";
import { payloadSvg, type SvgPayload } from "./figure-svg";
import { plotlyLibrary } from "./plotly-source";
import { safeJson } from "./script-safe-json";
import { escapeXml } from "./svg-markup";
import { toJsonValue } from "./to-plot-array";
import { requireOptions } from "../base";
import { optionalBoolean, requirePlotFigure } from "./validate";

/** The plotly MIME payload: a JSON object, never a string. */
export interface PlotlyJsonPayload {
  data: Data[];
  layout: Partial<Layout>;
  config: Partial<Config>;
  /** animation frames, present only for an animated figure */
  frames?: Partial<Frame>[];
}

/** A Jupyter MIME bundle for one figure (what each entry is for: see {@link figureBundle}). */
export interface FigureBundle {
  "application/vnd.plotly.v1+json": PlotlyJsonPayload;
  "image/svg+xml": string;
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
 * The MIME bundle of a figure. Each entry serves the frontends that show it:
 * - `application/vnd.plotly.v1+json`: the figure itself, drawn interactively by a frontend with a
 *   plotly renderer (JupyterLab or Notebook 7 with the `plotly` Python package installed: its
 *   renderer ranks above HTML and also draws untrusted outputs; VS Code; nteract), and read by
 *   the lecture notes.
 * - `text/html`, for frontends without that renderer: the figure's `<div>` holding a static SVG
 *   drawing of it (`<img>` with a data URI, made here by {@link figureSvg}, no browser needed),
 *   then a `<script>` that replaces the image by the interactive plot wherever scripts run:
 *   trusted outputs in JupyterLab and the classic notebook (the user ran the cell), nbconvert's
 *   HTML. Where scripts do not run, the image stays: an untrusted output (a notebook opened from
 *   disk) in JupyterLab, whose sanitizer strips scripts and inline `<svg>` but keeps an `<img>`
 *   with a data URI; a page with JavaScript off. JupyterLab ranks HTML above images, so the image
 *   must live inside the HTML. The session's first html inlines plotly.js (no CDN); later ones
 *   reuse `window.Plotly` (waiting for it if they render first), like plotly.py's "notebook"
 *   renderer.
 * - `image/svg+xml`: the same static drawing for frontends that show images but not HTML
 *   (nbconvert to PDF, LaTeX or Markdown); JupyterLab never picks it over the HTML.
 * - `text/plain`: a one-line summary for terminals and logs.
 * Pure but for the session counter: element ids are the counter plus a hash of the figure, and
 * the drawing is deterministic, so a rerun in a fresh kernel gives identical outputs.
 * @see plotly.py, `plotly/io/_base_renderers.py`, class `NotebookRenderer`.
 * @see JupyterLab, `packages/apputils/src/sanitizer.ts` (what untrusted HTML keeps).
 * @param fig - the figure (arrays may still be typed: the bundle is made JSON-able here).
 * @param options - includePlotlyJs.
 * @returns the bundle; the JSON payload is exactly what the html draws and the image shows.
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
  requirePlotFigure(fn, fig);
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
  const hash = fnv1a(json);
  figureCount += 1;
  const id = `itolab-figure-${figureCount}-${hash}`;
  const inline = includePlotlyJs ?? !libraryInlined;
  if (inline) libraryInlined = true;
  const svg = payloadSvg(payload as unknown as SvgPayload);
  const text = summary(payload);
  const image = { alt: text, src: `data:image/svg+xml;base64,${base64(utf8(svg))}` };
  return {
    "application/vnd.plotly.v1+json": JSON.parse(json) as PlotlyJsonPayload,
    "image/svg+xml": svg,
    "text/html": figureHtml(id, json, payload, image, inline),
    "text/plain": text,
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
 * A `<div>` holding the static image and a `<script>` replacing it by the interactive figure,
 * preceded by plotly.js when `inline`. The library loads only if `window.Plotly` is missing (or
 * another version); a figure whose script runs before the library (cells run out of order,
 * lazily rendered outputs) keeps its image, says it waits, and draws when the library arrives.
 */
function figureHtml(
  id: string,
  json: string,
  payload: PlotlyJsonPayload,
  image: { alt: string; src: string },
  inline: boolean,
): string {
  const layout = payload.layout;
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
    payload.frames !== undefined
      ? "    window.Plotly.newPlot(el, fig.data, fig.layout, fig.config).then(function () { return window.Plotly.addFrames(el, fig.frames); });"
      : "    window.Plotly.newPlot(el, fig.data, fig.layout, fig.config);",
    "  }",
    "  if (window.Plotly) return draw();",
    '  var note = document.createElement("div");',
    '  note.textContent = "Static image. Waiting for plotly.js, inlined in the first figure of this kernel session: run that cell, or restart and run all.";',
    "  el.appendChild(note);",
    `  window.addEventListener("${plotlyReadyEvent}", draw, { once: true });`,
    "})();",
  ].join("\n");
  const img = `<img alt="${escapeXml(image.alt)}" src="${image.src}" style="max-width:100%;height:auto;">`;
  return (
    library +
    `<div id="${id}" class="itolab-figure" style="width:${width};height:${height}px;">${img}</div>\n` +
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
