import type { Extent } from "./svg-axes";
import { toPx } from "./svg-axes";
import { pathData, pixelRuns, simplify, type TraceContext } from "./svg-polyline";
import { finiteOr, num, paint, stringOr, type TraceFields } from "./svg-markup";

/** The mode of a scatter trace as plotly defaults it: lines and markers up to 20 points. */
export function scatterMode(t: TraceFields): { lines: boolean; markers: boolean } {
  const n = Array.isArray(t.x) ? t.x.length : Array.isArray(t.y) ? t.y.length : 0;
  const mode = stringOr(t.mode, n <= 20 ? "lines+markers" : "lines");
  return { lines: mode.includes("lines"), markers: mode.includes("markers") };
}

/** plotly's dash patterns, scaled by the line width (at least 3 px). */
export function dashArray(dash: unknown, width: number): string | null {
  const w = Math.max(width, 3);
  const pattern: Record<string, number[]> = {
    dot: [w, w],
    dash: [3 * w, 3 * w],
    longdash: [5 * w, 5 * w],
    dashdot: [3 * w, w, w, w],
    longdashdot: [5 * w, 2 * w, w, 2 * w],
  };
  if (typeof dash !== "string" || dash === "solid") return null;
  const p = pattern[dash] ?? dash.split(/[,\s]+/).map((s) => parseFloat(s));
  return p.every((v) => Number.isFinite(v) && v >= 0) ? p.map(num).join(",") : null;
}

/** The values of an error bar at point i: [below, above]; null when none. */
function errorAt(e: NonNullable<TraceFields["error_y"]>, y: number, i: number): [number, number] {
  const pick = (a: unknown[] | undefined): number => finiteOr(a?.[i], 0);
  if (e.type === "percent")
    return [
      (Math.abs(y) * finiteOr(e.value, 10)) / 100,
      (Math.abs(y) * finiteOr(e.value, 10)) / 100,
    ];
  if (e.type === "constant" || (e.type === undefined && e.array === undefined))
    return [finiteOr(e.value, 0), finiteOr(e.value, 0)];
  const up = pick(e.array);
  return [e.symmetric === false ? pick(e.arrayminus) : up, up];
}

const hasErrors = (t: TraceFields): boolean =>
  t.error_y !== undefined && t.error_y.visible !== false;

/** What a scatter trace spans: x padded only with markers (as plotly), y always. */
export function scatterExtent(
  t: TraceFields,
  xLog: boolean,
  yLog: boolean,
): { x: Extent; y: Extent } {
  const { markers } = scatterMode(t);
  const xs = t.x ?? [];
  const ys = t.y ?? [];
  const x: Extent = { min: Infinity, max: -Infinity, padded: markers || hasErrors(t) };
  const y: Extent = { min: Infinity, max: -Infinity, padded: true };
  const add = (e: Extent, v: number, log: boolean): void => {
    if (!Number.isFinite(v) || (log && v <= 0)) return;
    if (v < e.min) e.min = v;
    if (v > e.max) e.max = v;
  };
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const [xv, yv] = [xs[i], ys[i]];
    if (typeof xv !== "number" || typeof yv !== "number") continue;
    add(x, xv, xLog);
    add(y, yv, yLog);
    if (hasErrors(t)) {
      const [lo, hi] = errorAt(t.error_y!, yv, i);
      add(y, yv - lo, yLog);
      add(y, yv + hi, yLog);
    }
  }
  if (t.fill === "tozeroy") y.tozero = true;
  return { x, y };
}

/**
 * A scatter trace as SVG: fill ("toself" polygon or "tozeroy" area), line (dash, width, gaps),
 * markers (circles as zero-length round-capped strokes, "square" with square caps; one per
 * distinct half pixel), vertical error bars; the whole trace at its opacity.
 */
export function scatterSvg(t: TraceFields, ctx: TraceContext): string {
  const { lines, markers } = scatterMode(t);
  const lineColor = stringOr(t.line?.color, ctx.color);
  const parts: string[] = [];
  const runs = pixelRuns(t, ctx).map((r) => simplify(r, 0.3));
  if (t.fill === "toself" || t.fill === "tozeroy") {
    const fill = paint(t.fillcolor, lineColor);
    const opacity = typeof t.fillcolor === "string" ? fill.opacity : 0.5;
    const zero = Math.max(Math.min(toPx(ctx.y, ctx.y.log ? NaN : 0), 1e5), -1e5);
    const areas =
      t.fill === "tozeroy" && Number.isFinite(zero)
        ? runs.map((r) => [[r[0][0], zero], ...r, [r[r.length - 1][0], zero]] as [number, number][])
        : runs;
    parts.push(
      `<path d="${pathData(areas, true)}" fill="${fill.paint}" fill-opacity="${opacity}" stroke="none"/>`,
    );
  }
  const width = finiteOr(t.line?.width, 2);
  if (lines && width > 0 && runs.some((r) => r.length > 1)) {
    const c = paint(lineColor);
    const dash = dashArray(t.line?.dash, width);
    parts.push(
      `<path d="${pathData(runs, false)}" fill="none" stroke="${c.paint}"` +
        (c.opacity < 1 ? ` stroke-opacity="${c.opacity}"` : "") +
        ` stroke-width="${num(width)}" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
    );
  }
  if (hasErrors(t)) parts.push(errorBars(t, ctx));
  if (markers) parts.push(markerPath(t, ctx));
  const opacity = finiteOr(t.opacity, 1);
  return `<g${opacity < 1 ? ` opacity="${opacity}"` : ""}>${parts.join("")}</g>`;
}

/** Markers of a trace: one zero-length stroke per distinct half-pixel position. */
function markerPath(t: TraceFields, ctx: TraceContext): string {
  const size = finiteOr(t.marker?.size, 6);
  const color = paint(t.marker?.color, stringOr(t.line?.color, ctx.color));
  const seen = new Set<string>();
  let d = "";
  for (const run of pixelRuns(t, ctx)) {
    for (const [x, y] of run) {
      const key = `${Math.round(x * 2)},${Math.round(y * 2)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      d += `M${num(x)} ${num(y)}h0`;
    }
  }
  const cap = t.marker?.symbol === "square" ? "square" : "round";
  const opacity = finiteOr(t.marker?.opacity, 1) * color.opacity;
  return `<path d="${d}" stroke="${color.paint}" stroke-width="${num(size)}" stroke-linecap="${cap}"${opacity < 1 ? ` stroke-opacity="${opacity}"` : ""}/>`;
}

/** Vertical error bars with end caps (plotly's defaults: 2 px thick, caps 4 px each side). */
function errorBars(t: TraceFields, ctx: TraceContext): string {
  const e = t.error_y!;
  const xs = t.x ?? [];
  const ys = t.y ?? [];
  const w = finiteOr(e.width, 4);
  let d = "";
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const yv = ys[i];
    const px = toPx(ctx.x, xs[i]);
    if (typeof yv !== "number" || !Number.isFinite(px)) continue;
    const [lo, hi] = errorAt(e, yv, i);
    const [y0, y1] = [toPx(ctx.y, yv - lo), toPx(ctx.y, yv + hi)];
    if (!Number.isFinite(y0) || !Number.isFinite(y1)) continue;
    d += `M${num(px)} ${num(y0)}V${num(y1)}M${num(px - w)} ${num(y0)}h${num(2 * w)}M${num(px - w)} ${num(y1)}h${num(2 * w)}`;
  }
  const color = paint(e.color, stringOr(t.marker?.color, ctx.color));
  return `<path d="${d}" fill="none" stroke="${color.paint}" stroke-width="${num(finiteOr(e.thickness, 2))}"/>`;
}
