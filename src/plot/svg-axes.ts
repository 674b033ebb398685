import type { AxisFields } from "./svg-markup";
import { finiteOr } from "./svg-markup";

/** What a trace spans on one axis, in data units (positive values only on a log axis). @internal */
export interface Extent {
  min: number;
  max: number;
  /** pad the range by 5 % on each side (plotly pads all but line-only x and bar edges) */
  padded: boolean;
  /** include 0 and do not pad past it (bars, histograms) */
  tozero?: boolean;
}

/** One placed axis: its range, its pixel span and the map from data to pixels. @internal */
export interface Axis {
  /** "x", "x2", "y3"… */
  id: string;
  letter: "x" | "y";
  /** its layout entry ({} when the layout has none: plotly's defaults apply) */
  fields: AxisFields;
  /** whether the layout has an entry for it (course figures theme every axis they name) */
  inLayout: boolean;
  log: boolean;
  domain: [number, number];
  /** the counter axis it is drawn against */
  anchor: string;
  /** [lo, hi] in axis units (log10 of the value on a log axis), lo < hi */
  range: [number, number];
  reversed: boolean;
  /** pixel position of range[0] and range[1] */
  p0: number;
  p1: number;
}

/** "x2" → "xaxis2", as in a plotly layout. */
export function layoutKey(id: string): string {
  return `${id[0]}axis${id.slice(1)}`;
}

/** The pixel position of a data value on an axis; NaN for a non-number or, on a log axis, ≤ 0. */
export function toPx(axis: Axis, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) return NaN;
  const u = axis.log ? (v > 0 ? Math.log10(v) : NaN) : v;
  return axis.p0 + ((u - axis.range[0]) / (axis.range[1] - axis.range[0])) * (axis.p1 - axis.p0);
}

/**
 * The domain of an axis: its own `domain`, else its cell of `layout.grid` (plotly's independent
 * or coupled grid: gaps as fractions of a cell step, rows from the top), else [0, 1].
 * @see plotly.js, `src/components/grid/index.js` (fillGridPositions).
 */
export function axisDomain(id: string, fields: AxisFields, grid: unknown): [number, number] {
  const d = fields.domain;
  if (Array.isArray(d) && d.length === 2 && d.every((v) => typeof v === "number")) {
    return [d[0], d[1]];
  }
  const g = (typeof grid === "object" && grid !== null ? grid : {}) as Record<string, unknown>;
  const rows = finiteOr(g.rows, 1);
  const cols = finiteOr(g.columns, 1);
  if (rows * cols <= 1) return [0, 1];
  const independent = g.pattern === "independent";
  const n = Number(id.slice(1) || "1");
  const x = id[0] === "x";
  const count = x ? cols : rows;
  const gap = finiteOr(x ? g.xgap : g.ygap, independent ? (x ? 0.2 : 0.3) : 0.1);
  const cell = independent ? (x ? (n - 1) % cols : Math.floor((n - 1) / cols)) : n - 1;
  if (cell >= count) return [0, 1];
  const step = 1 / (count - gap);
  const index = x || g.roworder === "bottom to top" ? cell : count - 1 - cell;
  return [step * index, step * index + step * (1 - gap)];
}

/**
 * The range of an axis in axis units: `range` when given (as plotly takes it: log10 units on a
 * log axis), else the union of the extents, padded by 5 % where a trace asks for it and widened
 * to 0 for bars; reversed by `autorange: "reversed"` or a decreasing `range`.
 */
export function axisRange(
  fields: AxisFields,
  log: boolean,
  extents: readonly Extent[],
  empty: [number, number],
): { range: [number, number]; reversed: boolean } {
  const r = fields.range;
  if (fields.autorange !== true && Array.isArray(r) && r.length === 2) {
    const [a, b] = r;
    if (typeof a === "number" && typeof b === "number" && Number.isFinite(a + b) && a !== b) {
      return { range: a < b ? [a, b] : [b, a], reversed: a > b };
    }
  }
  const reversed = fields.autorange === "reversed";
  const unit = (v: number): number => (log ? Math.log10(v) : v);
  const ends: { a: number; b: number; pa: boolean; pb: boolean }[] = [];
  for (const e of extents) {
    if (!(e.min <= e.max) || (log && !(e.min > 0))) continue;
    const zero = e.tozero === true && !log;
    const a = zero ? Math.min(e.min, 0) : unit(e.min);
    const b = zero ? Math.max(e.max, 0) : unit(e.max);
    ends.push({ a, b, pa: e.padded && !(zero && a === 0), pb: e.padded && !(zero && b === 0) });
  }
  if (ends.length === 0) return { range: empty, reversed };
  const rawLo = Math.min(...ends.map((e) => e.a));
  const rawHi = Math.max(...ends.map((e) => e.b));
  if (rawLo === rawHi) return { range: [rawLo - 1, rawHi + 1], reversed };
  // as plotly: each end is pushed out by its own padding (5 % of the data span), then the extremes
  const pad = 0.05 * (rawHi - rawLo);
  const lo = Math.min(...ends.map((e) => e.a - (e.pa ? pad : 0)));
  const hi = Math.max(...ends.map((e) => e.b + (e.pb ? pad : 0)));
  return { range: [lo, hi], reversed };
}

/**
 * Places an axis on the plot area: the pixel span of its domain (x left to right, y bottom to
 * top), range[0] at the start unless reversed.
 */
export function placeAxis(
  axis: Omit<Axis, "p0" | "p1">,
  area: { left: number; top: number; width: number; height: number },
): Axis {
  const [d0, d1] = axis.domain;
  const [a, b] =
    axis.letter === "x"
      ? [area.left + d0 * area.width, area.left + d1 * area.width]
      : [area.top + (1 - d0) * area.height, area.top + (1 - d1) * area.height];
  return { ...axis, p0: axis.reversed ? b : a, p1: axis.reversed ? a : b };
}

/**
 * Keeps a y axis's scale anchored to an x axis (`scaleanchor`, plotly's default constrain
 * "range"): the axis with more pixels per unit has its range widened about its centre.
 */
export function constrainScale(y: Axis, x: Axis, ratio: number): [Axis, Axis] {
  const sx = Math.abs(x.p1 - x.p0) / (x.range[1] - x.range[0]);
  const sy = Math.abs(y.p1 - y.p0) / (y.range[1] - y.range[0]);
  const widen = (a: Axis, perUnit: number): Axis => {
    const half = Math.abs(a.p1 - a.p0) / perUnit / 2;
    const mid = (a.range[0] + a.range[1]) / 2;
    return { ...a, range: [mid - half, mid + half] };
  };
  if (sy > ratio * sx) return [widen(y, ratio * sx), x];
  if (sy < ratio * sx) return [y, widen(x, sy / ratio)];
  return [y, x];
}
