import type { Extent } from "./svg-axes";
import { toPx } from "./svg-axes";
import { histogramBins } from "./histogram-bins";
import { finiteOr, num, paint, type TraceFields } from "./svg-markup";
import type { TraceContext } from "./svg-polyline";

/** The bars of a bar or histogram trace in data units: left and right edges and heights. */
export interface Bars {
  left: number[];
  right: number[];
  heights: number[];
}

/** This trace's place among the bar-like traces of its subplot under `barmode: "group"`. */
export interface BarSlot {
  index: number;
  count: number;
}

/** Smallest positive gap between sorted distinct values (1 when there is none). */
function minSpacing(values: number[]): number {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  let d = Infinity;
  for (let i = 1; i < sorted.length; i++) d = Math.min(d, sorted[i] - sorted[i - 1]);
  return Number.isFinite(d) ? d : 1;
}

/**
 * The bars of a trace: a histogram's bins (histogramBins), or a bar trace's bars centred on x
 * with its `width` (a number or one per bar), else (1 − bargap) × the x spacing. In group mode
 * each bar keeps its slot's share of the width. Stacked modes are drawn overlaid.
 */
export function traceBars(t: TraceFields, slot: BarSlot | null, bargap: number): Bars {
  let left: number[];
  let right: number[];
  let heights: number[];
  if (t.type === "histogram") {
    const { edges, heights: h } = histogramBins(t.x ?? [], t.xbins, t.histnorm);
    left = edges.slice(0, -1);
    right = edges.slice(1);
    heights = h;
  } else {
    const xs = t.x ?? [];
    const ys = t.y ?? [];
    const idx = [...xs.keys()].filter(
      (i) => typeof xs[i] === "number" && typeof ys[i] === "number",
    );
    const centres = idx.map((i) => xs[i] as number);
    const auto = (1 - bargap) * minSpacing(centres);
    const width = (i: number): number =>
      Array.isArray(t.width) ? finiteOr(t.width[i], auto) : finiteOr(t.width, auto);
    left = idx.map((i) => (xs[i] as number) - width(i) / 2);
    right = idx.map((i) => (xs[i] as number) + width(i) / 2);
    heights = idx.map((i) => ys[i] as number);
  }
  if (slot !== null && slot.count > 1) {
    for (let k = 0; k < left.length; k++) {
      const share = (right[k] - left[k]) / slot.count;
      left[k] += slot.index * share;
      right[k] = left[k] + share;
    }
  }
  return { left, right, heights };
}

/** What bars span: x their edges (unpadded), y from 0 to the heights, padded away from 0. */
export function barsExtent(bars: Bars): { x: Extent; y: Extent } {
  const finite = (a: number[]): number[] => a.filter((v) => Number.isFinite(v));
  const l = finite(bars.left);
  const r = finite(bars.right);
  const h = finite(bars.heights);
  return {
    x: { min: Math.min(...l), max: Math.max(...r), padded: false },
    y: { min: Math.min(0, ...h), max: Math.max(0, ...h), padded: true, tozero: true },
  };
}

/** Bars as one SVG path: a rectangle per bar from 0 (the axis bottom on a log axis) to its height. */
export function barsSvg(t: TraceFields, bars: Bars, ctx: TraceContext): string {
  const base = ctx.y.log ? Math.max(ctx.y.p0, ctx.y.p1) : toPx(ctx.y, 0);
  let d = "";
  for (let k = 0; k < bars.heights.length; k++) {
    const x0 = toPx(ctx.x, bars.left[k]);
    const x1 = toPx(ctx.x, bars.right[k]);
    const y1 = toPx(ctx.y, bars.heights[k]);
    if (![x0, x1, y1].every(Number.isFinite) || bars.heights[k] === 0) continue;
    d += `M${num(x0)} ${num(base)}H${num(x1)}V${num(y1)}H${num(x0)}Z`;
  }
  const color = paint(t.marker?.color, ctx.color);
  const lineWidth = finiteOr(t.marker?.line?.width, 0);
  const stroke =
    lineWidth > 0
      ? ` stroke="${paint(t.marker?.line?.color).paint}" stroke-width="${num(lineWidth)}"`
      : "";
  const opacity = finiteOr(t.opacity, 1) * color.opacity;
  return `<path d="${d}" fill="${color.paint}"${stroke}${opacity < 1 ? ` opacity="${opacity}"` : ""}/>`;
}
