import {
  axisDomain,
  axisRange,
  constrainScale,
  layoutKey,
  placeAxis,
  type Axis,
  type Extent,
} from "./svg-axes";
import { finiteOr, type AxisFields } from "./svg-markup";

/** The plot area (inside the margins) in px. @internal */
export interface Area {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A figure's placed axes: margins, plot area, every axis, its subplots and where axes sit. */
export interface FigureAxes {
  margin: { l: number; r: number; t: number; b: number };
  area: Area;
  axis: Map<string, Axis>;
  /** [x id, y id] of every subplot, in the order of the traces */
  subplotList: [string, string][];
  /** the pixel line an axis is drawn on: its anchor's bottom (x) or left (y) edge */
  edge(axis: Axis): number;
}

/** What the layout needs from the rest of the renderer. */
export interface LayoutNeeds {
  /** the traces' extents per axis id, given which axes are logarithmic */
  extents: (log: (id: string) => boolean) => Map<string, Extent[]>;
  /** px an axis needs outside its subplot (tick labels, title) */
  space: (axis: Axis) => number;
  /** the rightmost px of what is drawn right of the plot area (colour bars), or -Infinity */
  right: (area: Area) => number;
  /** px kept free below and right of everything else (a legend outside the plot area) */
  reserve: { right: number; bottom: number };
}

/**
 * Places every axis of the subplots ("x y" pairs): domains, anchors, ranges, pixel spans and
 * `scaleanchor` constraints, with the margins widened as plotly's `automargin` does for axes
 * that ask for it (tick labels and titles of left and bottom axes) and for colour bars that
 * would leave the figure.
 */
export function layoutAxes(
  L: Record<string, unknown>,
  subplots: readonly string[],
  size: { width: number; height: number },
  needs: LayoutNeeds,
): FigureAxes {
  const pairs = subplots.map((s) => s.split(" ") as [string, string]);
  const ids = [...new Set(pairs.flat())];
  const fields = new Map<string, AxisFields>();
  for (const id of ids) {
    const f = L[layoutKey(id)];
    fields.set(id, typeof f === "object" && f !== null ? (f as AxisFields) : {});
  }
  const log = (id: string): boolean => fields.get(id)?.type === "log";
  const extents = needs.extents(log);
  const anchorOf = (id: string): string => {
    const given = fields.get(id)?.anchor;
    if (given !== undefined && ids.includes(given) && given[0] !== id[0]) return given;
    const pair = pairs.find((p) => p.includes(id))!;
    return id[0] === "x" ? pair[1] : pair[0];
  };
  const m0 = (L.margin ?? {}) as Record<string, unknown>;
  const base = {
    l: finiteOr(m0.l, 80),
    r: finiteOr(m0.r, 80),
    t: finiteOr(m0.t, 100),
    b: finiteOr(m0.b, 80),
  };
  const place = (margin: typeof base): FigureAxes => {
    const area: Area = {
      left: margin.l,
      top: margin.t,
      width: Math.max(10, size.width - margin.l - margin.r),
      height: Math.max(10, size.height - margin.t - margin.b),
    };
    const axis = new Map<string, Axis>();
    for (const id of ids) {
      const f = fields.get(id)!;
      const letter = id[0] as "x" | "y";
      const empty: [number, number] = letter === "x" ? [-1, 6] : [-1, 4];
      const { range, reversed } = axisRange(f, log(id), extents.get(id) ?? [], empty);
      const domain = axisDomain(id, f, L.grid);
      const inLayout = L[layoutKey(id)] !== undefined;
      axis.set(
        id,
        placeAxis(
          {
            id,
            letter,
            fields: f,
            inLayout,
            log: log(id),
            domain,
            anchor: anchorOf(id),
            range,
            reversed,
          },
          area,
        ),
      );
    }
    for (const [id, a] of axis) {
      const target = a.fields.scaleanchor;
      const ratio = finiteOr(a.fields.scaleratio, 1);
      if (a.letter === "y" && typeof target === "string" && axis.has(target) && ratio > 0) {
        const [y, x] = constrainScale(a, axis.get(target)!, ratio);
        axis.set(id, y).set(target, x);
      }
    }
    const edge = (a: Axis): number => {
      const other = axis.get(a.anchor)!;
      return a.letter === "x" ? Math.max(other.p0, other.p1) : Math.min(other.p0, other.p1);
    };
    return { margin, area, axis, subplotList: pairs, edge };
  };
  const first = place(base);
  const margin = { ...base };
  for (const a of first.axis.values()) {
    if (a.fields.automargin !== true) continue;
    const edge = first.edge(a);
    const need = Math.ceil(needs.space(a));
    if (a.letter === "y" && edge <= first.area.left + 1) margin.l = Math.max(margin.l, need);
    if (a.letter === "x" && edge >= first.area.top + first.area.height - 1)
      margin.b = Math.max(margin.b, need);
  }
  const overflow = needs.right(first.area) - (size.width - 2);
  if (overflow > 0) margin.r += Math.ceil(overflow);
  margin.r += Math.ceil(needs.reserve.right);
  margin.b += Math.ceil(needs.reserve.bottom);
  return margin.l === base.l && margin.b === base.b && margin.r === base.r ? first : place(margin);
}
