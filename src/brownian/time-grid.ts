import { describeValue, requireFinite, requireIndex, requireInteger, requireSample } from "../base";
/**
 * Time grids $t_0, t_1, \dots, t_K$, strictly monotone in either direction (a reverse-time SDE
 * runs from $T$ down to 0). Steps $h_k = t_{k+1} - t_k$ are signed; Brownian increments over a
 * step have variance $|h_k|$.
 */

/** A strictly monotone grid of `steps + 1` times. */
export interface TimeGrid {
  /** number of steps K (the grid has K + 1 points) */
  readonly steps: number;
  /** $t_k$ for $k = 0, \dots, K$ */
  at(k: number): number;
}

class UniformGrid implements TimeGrid {
  private readonly h: number;
  constructor(
    private readonly t0: number,
    private readonly t1: number,
    readonly steps: number,
  ) {
    this.h = (t1 - t0) / steps;
  }
  at(k: number): number {
    requireIndex("uniformGrid.at", "k", k, this.steps + 1, "K + 1");
    // exact end point, so that t_K == t1 bit for bit
    return k === this.steps ? this.t1 : this.t0 + k * this.h;
  }
}

/** A grid over stored times; `fn` is what its `at` reports errors as. @internal */
export class ArrayGrid implements TimeGrid {
  readonly steps: number;
  constructor(
    private readonly times: Float64Array,
    private readonly fn: string,
  ) {
    this.steps = times.length - 1;
  }
  at(k: number): number {
    requireIndex(this.fn, "k", k, this.steps + 1, "K + 1");
    return this.times[k];
  }
}

/**
 * $t_k = t_0 + k (t_1 - t_0)/K$, stored in O(1) memory; `t1 < t0` gives a backward grid.
 * `at(k)` takes an integer k in [0, K]; $t_K$ is t1 exactly.
 * @param t0 first time, finite
 * @param t1 last time, finite, different from t0 (with $t_1 - t_0$ finite)
 * @param steps K, a positive integer small enough that the step $|h|$ exceeds
 *   $4\varepsilon\max(|t_0|, |t_1|, |t_1 - t_0|)$, so that the computed times are strictly monotone
 * @see P. E. Kloeden & E. Platen (1992), Numerical Solution of SDEs, §9.1 (equidistant
 *   discretisations $\tau_n = n\Delta$).
 */
export function uniformGrid(t0: number, t1: number, steps: number): TimeGrid {
  const fn = "uniformGrid";
  requireFinite(fn, "t0", t0);
  requireFinite(fn, "t1", t1, `a finite number other than t0 = ${t0}`, (v) => v !== t0);
  requireInteger(fn, "steps", steps, 1);
  const span = t1 - t0;
  if (!Number.isFinite(span)) {
    throw new RangeError(`${fn}: t1 − t0 must be finite, got ${t1} − ${t0} = ${span}`);
  }
  const h = span / steps;
  const scale = Math.max(Math.abs(t0), Math.abs(t1), Math.abs(span));
  if (!(Math.abs(h) > 4 * Number.EPSILON * scale)) {
    // each computed t0 + k h is within one rounding of its value: |h| above two roundings keeps them apart
    throw new RangeError(
      `${fn}: steps must leave a step |t1 − t0|/steps above the resolution 4ε·${scale} of the times, got ${steps} (step ${Math.abs(h)})`,
    );
  }
  return new UniformGrid(t0, t1, steps);
}

/**
 * A grid from explicit times (copied): steps $h_k = t_{k+1} - t_k$, all of one sign.
 * `at(k)` takes an integer k in [0, K].
 * @param times (K + 1) strictly increasing or strictly decreasing finite times, K >= 1
 * @see P. E. Kloeden & E. Platen (1992), §9.1 (time discretisations of an interval).
 */
export function gridFromTimes(times: ArrayLike<number>): TimeGrid {
  return new ArrayGrid(checkTimes("gridFromTimes", times), "gridFromTimes.at");
}

/**
 * The grid's times $(t_0, \dots, t_K)$ as an array.
 * @param grid any grid (a `TimeGrid`: integer `steps` ≥ 1 and finite `at(k)`)
 * @returns (K + 1)
 * @see P. E. Kloeden & E. Platen (1992), §9.1.
 */
export function gridTimes(grid: TimeGrid): Float64Array {
  const K = requireTimeGrid("gridTimes", "grid", grid);
  const out = new Float64Array(K + 1);
  for (let k = 0; k <= K; k++) {
    const t = grid.at(k);
    if (!Number.isFinite(t)) {
      throw new RangeError(
        `gridTimes: grid.at(${k}) must be a finite number, got ${describeValue(t)}`,
      );
    }
    out[k] = t;
  }
  return out;
}

/** Throws unless `grid` is a TimeGrid (an `at` method, `steps` a positive integer); returns K. @internal */
export function requireTimeGrid(fn: string, name: string, grid: unknown): number {
  const g = grid as TimeGrid;
  if (
    g === null ||
    typeof g !== "object" ||
    typeof g.at !== "function" ||
    !Number.isInteger(g.steps) ||
    g.steps < 1
  ) {
    throw new TypeError(
      `${fn}: ${name} must be a TimeGrid (at(k) and an integer steps >= 1), got ${describeValue(grid)}`,
    );
  }
  return g.steps;
}

/** Validates and copies a strictly monotone array of finite times with finite steps; shared by the path constructors. @internal */
export function checkTimes(fn: string, times: unknown): Float64Array {
  const out = Float64Array.from(requireSample(fn, "times", times, 2));
  const sign = Math.sign(out[1] - out[0]);
  for (let k = 1; k < out.length; k++) {
    const h = out[k] - out[k - 1];
    if (sign === 0 || Math.sign(h) !== sign) {
      throw new RangeError(
        `${fn}: times must be strictly monotone, got times[${k - 1}] = ${out[k - 1]}, times[${k}] = ${out[k]}`,
      );
    }
    if (!Number.isFinite(h)) {
      throw new RangeError(
        `${fn}: times must have finite steps, got times[${k}] − times[${k - 1}] = ${out[k]} − ${out[k - 1]} = ${h}`,
      );
    }
  }
  return out;
}
