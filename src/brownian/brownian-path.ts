import {
  describeValue,
  isFloat64Array,
  requireAllFinite,
  requireBoolean,
  requireFloat64Array,
  requireInteger,
  requireInterface,
  requireOption,
  requireOptions,
} from "../base";
import { fillNormal, type Rng } from "../rng";
import type { BrownianSource } from "./brownian-source";
import { ArrayGrid, checkTimes, type TimeGrid } from "./time-grid";
import { checkIncrementBuffers } from "./checks";

/** Most values a stored path holds (a typed array's practical limit; 16 GiB). */
const MAX_STORED = 2 ** 31 - 1;

/**
 * A stored batch of n sample paths of an m-dimensional Brownian motion on a grid $t_0..t_K$:
 * $\Delta W_k \sim N(0, |h_k| I_m)$ and optionally $\Delta Z_k = \int_{t_k}^{t_{k+1}}(W_s - W_{t_k})ds$.
 * Memory: K·n·m doubles (twice that with ΔZ). Final: wrap, do not subclass.
 * @see Kloeden & Platen (1992), §10.4, eq. (10.4.3) for the joint law of (ΔW, ΔZ)
 */
export class BrownianPath implements BrownianSource {
  readonly grid: TimeGrid;
  readonly steps: number;
  readonly levyArea: boolean;

  /**
   * @param times (K + 1) strictly monotone finite times (copied)
   * @param paths n, a positive integer
   * @param dim m, a positive integer
   * @param dW (K, n, m) row-major, time-major: ΔW_k, finite (taken, not copied)
   * @param dZ (K, n, m) row-major: ΔZ_k, finite, or null (taken, not copied)
   */
  constructor(
    readonly times: Float64Array,
    readonly paths: number,
    readonly dim: number,
    readonly dW: Float64Array,
    readonly dZ: Float64Array | null,
  ) {
    const fn = "BrownianPath";
    this.times = checkTimes(fn, times);
    requireInteger(fn, "paths", paths, 1);
    requireInteger(fn, "dim", dim, 1);
    this.steps = this.times.length - 1;
    const size = this.steps * paths * dim;
    requireFloat64Array(fn, "dW", dW, size); // K·n·m
    requireAllFinite(fn, "dW", dW);
    if (dZ !== null) {
      if (!isFloat64Array(dZ)) {
        throw new TypeError(`${fn}: dZ must be null or a Float64Array, got ${describeValue(dZ)}`);
      }
      requireFloat64Array(fn, "dZ", dZ, size);
      requireAllFinite(fn, "dZ", dZ);
    }
    this.grid = new ArrayGrid(this.times, "BrownianPath.grid.at");
    this.levyArea = dZ !== null;
  }

  /**
   * Copies step k's increments (see {@link BrownianSource}).
   * @param k step index, an integer in [0, K − 1]
   * @param dW out (n, m): ΔW_k, a Float64Array of length n·m
   * @param dZ out (n, m): ΔZ_k, or null (a Float64Array only when the path has a Lévy area)
   */
  increments(k: number, dW: Float64Array, dZ: Float64Array | null): void {
    const nm = this.paths * this.dim;
    checkIncrementBuffers("BrownianPath.increments", k, this.steps, nm, dW, dZ, this.levyArea);
    const off = k * nm;
    const src = this.dW;
    for (let i = 0; i < nm; i++) dW[i] = src[off + i];
    if (dZ !== null) {
      const z = this.dZ as Float64Array;
      for (let i = 0; i < nm; i++) dZ[i] = z[off + i];
    }
  }

  /** $W_{t_k} - W_{t_0}$ for every k. @returns (K + 1, n, m) row-major, first block zero */
  values(): Float64Array {
    const nm = this.paths * this.dim;
    const w = new Float64Array((this.steps + 1) * nm);
    for (let k = 0; k < this.steps; k++) {
      for (let i = 0; i < nm; i++) w[(k + 1) * nm + i] = w[k * nm + i] + this.dW[k * nm + i];
    }
    return w;
  }
}

/**
 * Samples n paths of m-dimensional Brownian motion on `times`: $\Delta W_k = \sqrt{|h_k|}\,\xi$,
 * and with `levyArea`, $\Delta Z_k = \tfrac12 h_k(\Delta W_k + \Delta U_k/\sqrt3)$,
 * $\Delta U_k \sim N(0,|h_k|)$ independent. Draw order per step: ΔW (n·m), then ΔU (n·m), the same
 * as {@link brownianStream}, so equal rng states give equal paths.
 * @param rng generator (advanced)
 * @param times (K + 1) strictly monotone finite times
 * @param paths n, positive integer
 * @param dim m, positive integer; K·n·m must not exceed 2³¹ − 1 values
 * @param options levyArea: also store ΔZ (a boolean, default false)
 * @see Kloeden & Platen (1992), §10.4
 */
export function sampleBrownianPath(
  rng: Rng,
  times: ArrayLike<number>,
  paths: number,
  dim: number,
  options: { levyArea?: boolean } = {},
): BrownianPath {
  const fn = "sampleBrownianPath";
  requireInterface(fn, "rng", rng, "an Rng", ["normal"]);
  const t = checkTimes(fn, times);
  requireInteger(fn, "paths", paths, 1);
  requireInteger(fn, "dim", dim, 1);
  const levyArea = checkLevyArea(fn, options);
  const K = t.length - 1;
  const nm = paths * dim;
  if (K * nm > MAX_STORED) {
    throw new RangeError(
      `${fn}: a stored path holds K·n·m = ${K}·${paths}·${dim} = ${K * nm} values, above ${MAX_STORED} (16 GiB); use brownianStream, whose memory is n·m`,
    );
  }
  const dW = new Float64Array(K * nm); // (K, n, m) row-major
  const dZ = levyArea ? new Float64Array(K * nm) : null; // (K, n, m) row-major
  const u = levyArea ? new Float64Array(nm) : null; // (n, m) scratch for ΔU
  for (let k = 0; k < K; k++) {
    const h = t[k + 1] - t[k];
    const w = dW.subarray(k * nm, (k + 1) * nm);
    fillNormal(rng, w, 0, Math.sqrt(Math.abs(h)));
    if (dZ !== null && u !== null) {
      fillNormal(rng, u, 0, Math.sqrt(Math.abs(h)));
      levyFromU(h, w, u, dZ, k * nm, nm);
    }
  }
  return new BrownianPath(t, paths, dim, dW, dZ);
}

/** $\Delta Z = \tfrac12 h(\Delta W + \Delta U/\sqrt3)$ into z[off..off+nm). @internal */
export function levyFromU(
  h: number,
  w: Float64Array,
  u: Float64Array,
  z: Float64Array,
  off: number,
  nm: number,
): void {
  const a = 0.5 * h;
  const b = (0.5 * h) / Math.sqrt(3);
  for (let i = 0; i < nm; i++) z[off + i] = a * w[i] + b * u[i];
}

/** Reads `options.levyArea`, a boolean (default false). @internal */
export function checkLevyArea(fn: string, options: { levyArea?: boolean } | undefined): boolean {
  return requireOption(fn, requireOptions(fn, options), "options.levyArea", false, requireBoolean);
}
