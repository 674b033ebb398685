/** Polylines of the static SVG renderer: data to pixels, gaps, simplification, path data. @internal */
import type { Axis } from "./svg-axes";
import { toPx } from "./svg-axes";
import { num, type TraceFields } from "./svg-markup";

/** Where a trace is drawn: its axes and its default colour (the colorway's, by trace index). */
export interface TraceContext {
  x: Axis;
  y: Axis;
  color: string;
}

/** Runs of pixel points between gaps (null, non-finite, ≤ 0 on a log axis). */
export function pixelRuns(t: TraceFields, ctx: TraceContext): [number, number][][] {
  const xs = t.x ?? [];
  const ys = t.y ?? [];
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const px = toPx(ctx.x, xs[i]);
    const py = toPx(ctx.y, ys[i]);
    if (Number.isFinite(px) && Number.isFinite(py)) run.push([px, py]);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/**
 * The points of a polyline that draw it within `tol` px: a long run monotone in x first keeps,
 * per pixel column, its first, lowest, highest and last point (what a rasteriser shows of the
 * column), then Ramer–Douglas–Peucker keeps the points farther than `tol` from the chord.
 * @see Douglas & Peucker (1973), Cartographica 10(2), 112–122.
 */
export function simplify(run: [number, number][], tol: number): [number, number][] {
  const points = run.length > 2000 ? columns(run) : run;
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a];
    const [dx, dy] = [points[b][0] - ax, points[b][1] - ay];
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let far = tol;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = [points[i][0] - ax, points[i][1] - ay];
      const d = len > 0 ? Math.abs(px * dy - py * dx) / len : Math.hypot(px, py);
      if (d > far) [far, worst] = [d, i];
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** A run monotone in x reduced to first, min, max and last of each pixel column; else as is. */
function columns(run: [number, number][]): [number, number][] {
  const sign = Math.sign(run[run.length - 1][0] - run[0][0]);
  for (let i = 1; i < run.length; i++) if ((run[i][0] - run[i - 1][0]) * sign < 0) return run;
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= run.length; i++) {
    if (i < run.length && Math.floor(run[i][0]) === Math.floor(run[start][0])) continue;
    let [lo, hi] = [start, start];
    for (let k = start; k < i; k++) {
      if (run[k][1] < run[lo][1]) lo = k;
      if (run[k][1] > run[hi][1]) hi = k;
    }
    for (const k of [...new Set([start, lo, hi, i - 1])].sort((a, b) => a - b)) out.push(run[k]);
    start = i;
  }
  return out;
}

/**
 * Path data of polylines: the first point absolute, then relative steps between positions
 * rounded to 0.1 px (so the steps add up exactly); `closed` closes each.
 */
export function pathData(runs: [number, number][][], closed: boolean): string {
  const tenths = (v: number): number => Math.round(Math.max(-1e5, Math.min(1e5, v)) * 10);
  return runs
    .map((run) => {
      let [x, y] = [tenths(run[0][0]), tenths(run[0][1])];
      let d = `M${num(x / 10)} ${num(y / 10)}`;
      for (let i = 1; i < run.length; i++) {
        const [nx, ny] = [tenths(run[i][0]), tenths(run[i][1])];
        const dy = num((ny - y) / 10);
        d += `l${num((nx - x) / 10)}${dy.startsWith("-") ? "" : " "}${dy}`;
        [x, y] = [nx, ny];
      }
      return closed ? `${d}Z` : d;
    })
    .join("");
}
