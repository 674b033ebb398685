import {
  describeValue,
  isFloat64Array,
  requireInteger,
  requireInterface,
  requireRows,
} from "../base";
import type { Denoiser } from "./denoiser";

/** The scratch of {@link heunStep}: (n, d) buffers for D and the two slopes. @internal */
export interface HeunScratch {
  denoised: Float64Array;
  slope: Float64Array;
}

/**
 * One step of EDM's Heun sampler from noise level σ̂ at state x̂ to σ_next, written into x (which
 * may be x̂ itself only when no correction follows, so the caller passes distinct buffers):
 *
 *     d = (x̂ − D(x̂; σ̂)) / σ̂                             Algorithm 1 line 4, Algorithm 2 line 7
 *     x = x̂ + (σ_next − σ̂) d                               line 5 / line 8 (Euler)
 *     if σ_next ≠ 0                                         line 6 / line 9
 *       d' = (x − D(x; σ_next)) / σ_next                    line 7 / line 10
 *       x = x̂ + (σ_next − σ̂)(d + d')/2                      line 8 / line 11 (trapezoid)
 *
 * Returns the number of denoiser calls (1 or 2). @internal
 * @see Karras et al. (2022), NeurIPS, Algorithm 1 (σ(t) = t, s(t) = 1) and Algorithm 2
 */
export function heunStep(
  denoiser: Denoiser,
  sigmaHat: number,
  sigmaNext: number,
  xHat: Float64Array,
  x: Float64Array,
  n: number,
  scratch: HeunScratch,
): number {
  const { denoised: D, slope } = scratch;
  const h = sigmaNext - sigmaHat;
  denoiser.denoise(sigmaHat, xHat, D, n);
  for (let k = 0; k < x.length; k++) {
    slope[k] = (xHat[k] - D[k]) / sigmaHat; // d_i
    x[k] = xHat[k] + h * slope[k];
  }
  if (sigmaNext === 0) return 1;
  denoiser.denoise(sigmaNext, x, D, n);
  for (let k = 0; k < x.length; k++) {
    const slopeNext = (x[k] - D[k]) / sigmaNext; // d'_i
    x[k] = xHat[k] + h * (0.5 * slope[k] + 0.5 * slopeNext);
  }
  return 2;
}

/**
 * Throws unless sigmas is a Float64Array of at least 2 strictly decreasing finite noise levels,
 * positive except possibly the last (EDM's $t_N = 0$); returns a copy. @internal
 */
export function checkSigmas(fn: string, sigmas: unknown): Float64Array {
  if (!isFloat64Array(sigmas)) {
    throw new TypeError(`${fn}: sigmas must be a Float64Array, got ${describeValue(sigmas)}`);
  }
  if (sigmas.length < 2) {
    throw new RangeError(`${fn}: sigmas must hold at least 2 levels, got length ${sigmas.length}`);
  }
  const last = sigmas.length - 1;
  for (let i = 0; i <= last; i++) {
    const s = sigmas[i];
    const ok = Number.isFinite(s) && (s > 0 || (i === last && s === 0));
    if (!ok) {
      const what = i === last ? "a finite number >= 0" : "a finite number > 0";
      throw new RangeError(`${fn}: sigmas[${i}] must be ${what}, got ${describeValue(s)}`);
    }
    if (i > 0 && !(s < sigmas[i - 1])) {
      throw new RangeError(
        `${fn}: sigmas must be strictly decreasing, got sigmas[${i - 1}] = ${sigmas[i - 1]}, sigmas[${i}] = ${s}`,
      );
    }
  }
  return sigmas.slice();
}

/**
 * Throws unless denoiser is a Denoiser and x holds exactly n finite rows of its dimension;
 * returns a copy of x. @internal
 */
export function checkDenoiserStart(
  fn: string,
  denoiser: Denoiser,
  x: Float64Array,
  n: number,
): Float64Array {
  requireInterface(fn, "denoiser", denoiser, "a Denoiser (denoiserFromScore)", ["denoise"]);
  requireInteger(fn, "denoiser.dim", denoiser.dim, 1);
  requireInteger(fn, "n", n, 1);
  return requireRows(fn, "x", x, n, denoiser.dim).slice();
}
