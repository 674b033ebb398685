import { describeValue } from "../base";
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
    // exact end point, so that t_K == t1 bit for bit
    return k === this.steps ? this.t1 : this.t0 + k * this.h;
  }
}

class ArrayGrid implements TimeGrid {
  readonly steps: number;
  constructor(private readonly times: Float64Array) {
    this.steps = times.length - 1;
  }
  at(k: number): number {
    return this.times[k];
  }
}

/**
 * $t_k = t_0 + k (t_1 - t_0)/K$, stored in O(1) memory; `t1 < t0` gives a backward grid.
 * @param t0 first time
 * @param t1 last time, different from t0
 * @param steps K, a positive integer
 * @see P. E. Kloeden & E. Platen (1992), Numerical Solution of SDEs, §9.1 (equidistant
 *   discretisations $\tau_n = n\Delta$).
 */
export function uniformGrid(t0: number, t1: number, steps: number): TimeGrid {
  if (!Number.isFinite(t0)) throw new RangeError(`uniformGrid: t0 must be finite, got ${t0}`);
  if (!Number.isFinite(t1) || t1 === t0) {
    throw new RangeError(`uniformGrid: t1 must be finite and differ from t0 = ${t0}, got ${t1}`);
  }
  if (!Number.isInteger(steps) || steps < 1) {
    throw new RangeError(`uniformGrid: steps must be a positive integer, got ${steps}`);
  }
  return new UniformGrid(t0, t1, steps);
}

/**
 * A grid from explicit times (copied): steps $h_k = t_{k+1} - t_k$, all of one sign.
 * @param times (K + 1) strictly increasing or strictly decreasing finite times, K >= 1
 * @see P. E. Kloeden & E. Platen (1992), §9.1 (time discretisations of an interval).
 */
export function gridFromTimes(times: ArrayLike<number>): TimeGrid {
  return new ArrayGrid(checkTimes("gridFromTimes", times));
}

/**
 * The grid's times $(t_0, \dots, t_K)$ as an array.
 * @param grid any grid
 * @returns (K + 1)
 * @see P. E. Kloeden & E. Platen (1992), §9.1.
 */
export function gridTimes(grid: TimeGrid): Float64Array {
  const out = new Float64Array(grid.steps + 1);
  for (let k = 0; k <= grid.steps; k++) out[k] = grid.at(k);
  return out;
}

/** Validates and copies a monotone time array; shared by the path constructors. @internal */
export function checkTimes(fn: string, times: ArrayLike<number>): Float64Array {
  if (times === null || typeof times !== "object" || typeof times.length !== "number") {
    throw new TypeError(`${fn}: times must be an array of numbers, got ${describeValue(times)}`);
  }
  if (times.length < 2) {
    throw new RangeError(`${fn}: times must hold at least 2 points, got ${times.length}`);
  }
  const out = Float64Array.from(times);
  const sign = Math.sign(out[1] - out[0]);
  for (let k = 0; k < out.length; k++) {
    if (!Number.isFinite(out[k])) {
      throw new RangeError(
        `${fn}: times[${k}] must be a finite number, got ${describeValue(out[k])}`,
      );
    }
    if (k > 0 && (sign === 0 || Math.sign(out[k] - out[k - 1]) !== sign)) {
      throw new RangeError(
        `${fn}: times must be strictly monotone, got times[${k - 1}] = ${out[k - 1]}, times[${k}] = ${out[k]}`,
      );
    }
  }
  return out;
}
