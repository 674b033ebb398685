import type { Axis, Extent } from "./svg-axes";
import { barsExtent, barsSvg, traceBars, type Bars, type BarSlot } from "./svg-bars";
import {
  colorbarSvg,
  heatmapExtent,
  heatmapGrid,
  heatmapSvg,
  type HeatmapGrid,
} from "./svg-heatmap";
import type { Area } from "./svg-layout";
import { finiteOr, traceFields, type TraceFields } from "./svg-markup";
import { scatterExtent, scatterSvg } from "./svg-scatter";

/** plotly.js's default colorway, for a layout without one. */
const plotlyColorway = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

/** How the static renderer draws a trace type; null for types it does not draw. */
export function traceKind(t: TraceFields): "scatter" | "bars" | "heatmap" | null {
  if (t.type === undefined || t.type === "scatter" || t.type === "scattergl") return "scatter";
  if (t.type === "bar" || t.type === "histogram") return "bars";
  return t.type === "heatmap" ? "heatmap" : null;
}

/** A trace's axis reference as an axis id: "x", "x2"… ("x1" is "x"). */
function axisId(ref: unknown, letter: "x" | "y"): string {
  const m = typeof ref === "string" ? /^[xy](\d*)$/.exec(ref) : null;
  return m && ref !== undefined && (ref as string)[0] === letter && m[1] !== "1"
    ? (ref as string)
    : letter;
}

/** The traces of a figure, ready to draw: colours, subplots, bar and heatmap geometry. @internal */
export class FigureTraces {
  /** every trace (legend and colours count them all) */
  readonly all: TraceFields[];
  /** the colorway's colour of each trace, by index (as plotly assigns defaults) */
  readonly colors: string[];
  /** indices of the traces drawn: visible, of a type the renderer draws */
  readonly drawn: number[];
  private readonly slots = new Map<number, BarSlot>();
  private readonly bargap: number;
  private readonly geometry = new Map<number, Bars | HeatmapGrid>();

  constructor(data: readonly unknown[], L: Record<string, unknown>) {
    this.all = data.map(traceFields);
    const way =
      Array.isArray(L.colorway) && L.colorway.length > 0
        ? (L.colorway as string[])
        : plotlyColorway;
    this.colors = this.all.map((_, i) => String(way[i % way.length]));
    this.drawn = [...this.all.keys()].filter((i) => {
      const t = this.all[i];
      return t.visible !== false && t.visible !== "legendonly" && traceKind(t) !== null;
    });
    const bars = this.drawn.filter((i) => traceKind(this.all[i]) === "bars");
    this.bargap = finiteOr(L.bargap, bars.every((i) => this.all[i].type === "histogram") ? 0 : 0.2);
    if ((L.barmode ?? "group") === "group") {
      const groups = new Map<string, number[]>();
      for (const i of bars)
        groups.set(this.subplot(i), [...(groups.get(this.subplot(i)) ?? []), i]);
      for (const members of groups.values()) {
        members.forEach((i, index) => this.slots.set(i, { index, count: members.length }));
      }
    }
    for (const i of this.drawn) {
      const t = this.all[i];
      if (traceKind(t) === "bars")
        this.geometry.set(i, traceBars(t, this.slots.get(i) ?? null, this.bargap));
      if (traceKind(t) === "heatmap") this.geometry.set(i, heatmapGrid(t));
    }
  }

  /** "x y" axis ids of trace i's subplot. */
  subplot(i: number): string {
    return `${axisId(this.all[i].xaxis, "x")} ${axisId(this.all[i].yaxis, "y")}`;
  }

  /** The subplots in the order their first trace comes. */
  subplots(): string[] {
    return [...new Set(this.drawn.map((i) => this.subplot(i)))];
  }

  /** What each axis must show: the extents of the traces drawn on it. */
  extents(log: (id: string) => boolean): Map<string, Extent[]> {
    const out = new Map<string, Extent[]>();
    const push = (id: string, e: Extent): void => void out.set(id, [...(out.get(id) ?? []), e]);
    for (const i of this.drawn) {
      const t = this.all[i];
      const [xid, yid] = this.subplot(i).split(" ");
      const kind = traceKind(t);
      const g = this.geometry.get(i);
      const e =
        kind === "bars"
          ? barsExtent(g as Bars)
          : kind === "heatmap"
            ? heatmapExtent(g as HeatmapGrid)
            : scatterExtent(t, log(xid), log(yid));
      push(xid, e.x);
      push(yid, e.y);
    }
    return out;
  }

  /** The traces of subplot (x, y) in plotly's layer order: heatmaps, bars, then scatter. */
  subplotSvg(x: Axis, y: Axis): string {
    const here = this.drawn.filter((i) => this.subplot(i) === `${x.id} ${y.id}`);
    const ctx = (i: number) => ({ x, y, color: this.colors[i] });
    const of = (kind: string): number[] => here.filter((i) => traceKind(this.all[i]) === kind);
    return [
      ...of("heatmap").map((i) =>
        heatmapSvg(this.all[i], this.geometry.get(i) as HeatmapGrid, ctx(i)),
      ),
      ...of("bars").map((i) => barsSvg(this.all[i], this.geometry.get(i) as Bars, ctx(i))),
      ...of("scatter").map((i) => scatterSvg(this.all[i], ctx(i))),
    ].join("");
  }

  /** The colour bars of the heatmaps that show one, and the rightmost px they reach. */
  colorbars(area: Area, font: number, id: string): { svg: string; right: number } {
    const bars = this.drawn
      .filter((i) => traceKind(this.all[i]) === "heatmap" && this.all[i].showscale !== false)
      .map((i, k) =>
        colorbarSvg(
          this.all[i],
          this.geometry.get(i) as HeatmapGrid,
          area,
          font,
          `${id}-scale-${k}`,
        ),
      );
    return {
      svg: bars.map((b) => b.svg).join(""),
      right: Math.max(-Infinity, ...bars.map((b) => b.right)),
    };
  }
}
