import { describeValue } from "../base";
import { fillNormal, type Rng } from "../rng";
import type { BrownianSource } from "./brownian-source";
import { checkTimes, gridFromTimes, type TimeGrid } from "./time-grid";
import { checkCount, checkIncrementBuffers } from "./checks";

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
   * @param times (K + 1) strictly monotone times
   * @param paths n
   * @param dim m
   * @param dW (K, n, m) row-major, time-major: ΔW_k (taken, not copied)
   * @param dZ (K, n, m) row-major: ΔZ_k, or null (taken, not copied)
   */
  constructor(
    readonly times: Float64Array,
    readonly paths: number,
    readonly dim: number,
    readonly dW: Float64Array,
    readonly dZ: Float64Array | null,
  ) {
    this.times = checkTimes("BrownianPath", times);
    checkCount("BrownianPath", "paths", paths);
    checkCount("BrownianPath", "dim", dim);
    this.steps = this.times.length - 1;
    const size = this.steps * paths * dim;
    if (!(dW instanceof Float64Array) || dW.length !== size) {
      throw new RangeError(
        `BrownianPath: dW must be a Float64Array of length K·n·m = ${size}, got ${describe(dW)}`,
      );
    }
    if (dZ !== null && (!(dZ instanceof Float64Array) || dZ.length !== size)) {
      throw new RangeError(
        `BrownianPath: dZ must be null or a Float64Array of length ${size}, got ${describe(dZ)}`,
      );
    }
    this.grid = gridFromTimes(this.times);
    this.levyArea = dZ !== null;
  }

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
 * @param times (K + 1) strictly monotone times
 * @param paths n, positive integer
 * @param dim m, positive integer
 * @param options levyArea: also store ΔZ (default false)
 * @see Kloeden & Platen (1992), §10.4
 */
export function sampleBrownianPath(
  rng: Rng,
  times: ArrayLike<number>,
  paths: number,
  dim: number,
  options: { levyArea?: boolean } = {},
): BrownianPath {
  const t = checkTimes("sampleBrownianPath", times);
  checkCount("sampleBrownianPath", "paths", paths);
  checkCount("sampleBrownianPath", "dim", dim);
  const levyArea = options.levyArea ?? false;
  if (typeof levyArea !== "boolean") {
    throw new TypeError(
      `sampleBrownianPath: options.levyArea must be a boolean, got ${describeValue(levyArea)}`,
    );
  }
  const K = t.length - 1;
  const nm = paths * dim;
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

function describe(x: unknown): string {
  return x instanceof Float64Array ? `length ${x.length}` : String(x);
}
