import type { Figure } from "./figure";
import { toJsonValue } from "./to-plot-array";
import { requireOptions, requirePositive } from "../base";
import { requirePlotFigure } from "./validate";
import { axisSpace, axisSvg, gridSvg } from "./svg-axis-draw";
import { layoutAxes } from "./svg-layout";
import { legendEntries, legendReserve, legendSvg, type LegendFields } from "./svg-legend";
import { escapeXml, finiteOr, num, stringOr, textElement, titleText } from "./svg-markup";
import { FigureTraces } from "./svg-traces";
import { fnv1a } from "./fnv1a";

/** Size of a static figure in CSS pixels. */
export interface FigureSvgOptions {
  /** width in px, finite, > 0 (default: the layout's width, else 800) */
  width?: number;
  /** height in px, finite, > 0 (default: the layout's height, else 420) */
  height?: number;
}

/**
 * A static SVG drawing of a plotly figure, made without a browser: deterministic (the same
 * figure gives the same bytes, in Node and in a browser), for frontends that run no scripts.
 * Draws what the course's figures use: scatter lines (dashes, gaps), markers, error bars, filled
 * bands, bars and histograms (plotly's binning and normalisations, grouped or overlaid),
 * heatmaps with colour bars, linear and log axes with ticks and titles, subplots (domains,
 * anchors, `grid`), legend and title, following plotly's defaults; an animated figure shows its
 * first frame. Other trace types, category and date axes, annotations and shapes are left out;
 * text widths are estimated (no font metrics without a browser).
 * @param fig - the figure, e.g. from `figure(...)`.
 * @param options - width and height (default: the layout's, else 800 × 420).
 * @returns an SVG document (no scripts, no external resources).
 * @see plotly.js, "Figure reference" (https://plotly.com/javascript/reference/).
 */
export function figureSvg(fig: Figure, options?: FigureSvgOptions): string {
  const fn = "figureSvg";
  requirePlotFigure(fn, fig);
  const o = requireOptions(fn, options);
  const width = o.width === undefined ? undefined : requirePositive(fn, "options.width", o.width);
  const height =
    o.height === undefined ? undefined : requirePositive(fn, "options.height", o.height);
  const payload = toJsonValue({ data: fig.data, layout: fig.layout ?? {}, frames: fig.frames });
  return payloadSvg(payload as SvgPayload, { width, height });
}

/** A figure as JSON (as in its plotly MIME payload). @internal */
export interface SvgPayload {
  data: unknown[];
  layout: Record<string, unknown>;
  frames?: { name?: unknown }[];
}

/**
 * The drawing of a validated JSON figure. Its element ids (clip paths, gradients) start with a
 * hash of the drawing, so that documents inlined in one page do not share ids. @internal
 */
export function payloadSvg(
  payload: SvgPayload,
  size: { width?: number; height?: number } = {},
): string {
  const draft = drawSvg(payload, size.width, size.height, idPlaceholder);
  return draft.split(idPlaceholder).join(`itolab-svg-${fnv1a(draft)}`);
}

// "<" cannot occur in the text of a drawing (escapeXml writes it &#60;), so only ids hold this
const idPlaceholder = "<id>";

/** The SVG document of a figure, its ids prefixed by `id`. */
function drawSvg(
  payload: SvgPayload,
  width: number | undefined,
  height: number | undefined,
  id: string,
): string {
  const L = payload.layout;
  const W = width ?? finiteOr(L.width, 800);
  const H = height ?? finiteOr(L.height, 420);
  const font = (L.font ?? {}) as { family?: string; size?: number; color?: string };
  const fontSize = finiteOr(font.size, 12);
  const color = escapeXml(stringOr(font.color, "#444444"));
  const traces = new FigureTraces(payload.data, L);
  const subplots = traces.subplots();
  const entries = legendEntries(traces.all, traces.colors);
  const showLegend = L.showlegend === true || (L.showlegend === undefined && entries.length > 1);
  const legend = (L.legend ?? {}) as LegendFields;
  const reserve = showLegend
    ? legendReserve(entries, legend, fontSize, W * 0.8)
    : { right: 0, bottom: 0 };
  const placed = layoutAxes(
    L,
    subplots.length > 0 ? subplots : ["x y"],
    { width: W, height: H },
    {
      extents: (log) => traces.extents(log),
      space: (a) => axisSpace(a, fontSize),
      right: (area) => traces.colorbars(area, fontSize, id).right,
      reserve,
    },
  );
  const { area, axis } = placed;
  const parts = [`<rect width="${num(W)}" height="${num(H)}" fill="${paper(L.paper_bgcolor)}"/>`];
  placed.subplotList.forEach(([xid, yid], k) => {
    const [x, y] = [axis.get(xid)!, axis.get(yid)!];
    const box =
      `x="${num(Math.min(x.p0, x.p1))}" y="${num(Math.min(y.p0, y.p1))}"` +
      ` width="${num(Math.abs(x.p1 - x.p0))}" height="${num(Math.abs(y.p1 - y.p0))}"`;
    const clip = `${id}-clip-${k}`;
    parts.push(
      `<rect ${box} fill="${paper(L.plot_bgcolor)}"/>`,
      `<clipPath id="${clip}"><rect ${box}/></clipPath>`,
      gridSvg(x, y),
      `<g clip-path="url(#${clip})">${traces.subplotSvg(x, y)}</g>`,
    );
  });
  for (const a of axis.values()) parts.push(axisSvg(a, placed.edge(a), fontSize, color));
  parts.push(traces.colorbars(area, fontSize, id).svg);
  if (showLegend) parts.push(legendSvg(entries, legend, area, fontSize, H));
  parts.push(titleSvg(L.title, W, placed.margin.t, Math.round(1.2 * fontSize)));
  if (Array.isArray(payload.frames) && payload.frames.length > 0) {
    const name = payload.frames[0].name;
    const note = `Static image of the first frame (${typeof name === "string" ? `${name}, ` : ""}1 of ${payload.frames.length}); the interactive figure animates.`;
    parts.push(
      textElement(8, H - 8, note, { size: Math.round(0.85 * fontSize), color: "#777777" }),
    );
  }
  const family = escapeXml(stringOr(font.family, "Open Sans, verdana, arial, sans-serif"));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"` +
    ` width="${num(W)}" height="${num(H)}" viewBox="0 0 ${num(W)} ${num(H)}"` +
    ` font-family="${family}" fill="${color}">${parts.join("")}</svg>`
  );
}

/** A background colour from the layout (white when absent). */
function paper(c: unknown): string {
  return escapeXml(stringOr(c, "#ffffff"));
}

/** The figure title in the top margin: at paper x (plotly: 0.5, anchored by thirds). */
function titleSvg(title: unknown, width: number, top: number, defaultSize: number): string {
  const text = titleText(title);
  if (!text) return "";
  const t = (typeof title === "object" && title !== null ? title : {}) as {
    x?: number;
    xanchor?: string;
    font?: { size?: number };
  };
  const x = finiteOr(t.x, 0.5);
  const size = finiteOr(t.font?.size, defaultSize);
  const anchor =
    t.xanchor === "left"
      ? "start"
      : t.xanchor === "right"
        ? "end"
        : t.xanchor === "center"
          ? "middle"
          : x < 1 / 3
            ? "start"
            : x > 2 / 3
              ? "end"
              : "middle";
  return textElement(x * width, top / 2 + 0.35 * size, text, { size, anchor });
}
