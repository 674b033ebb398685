import { describeValue } from "../base";
import { scaleInto } from "../fast";
import type { Sde } from "../sde";
import type { MarginalMoments } from "./process";

/** Throws unless v is a finite number > 0. @internal */
export function checkPositive(fn: string, name: string, v: number): void {
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
    throw new RangeError(
      `${fn}: ${name} must be a positive finite number, got ${describeValue(v)}`,
    );
  }
}

/** Throws unless dim is a positive integer. @internal */
export function checkDim(fn: string, dim: number): void {
  if (!Number.isInteger(dim) || dim < 1) {
    throw new RangeError(`${fn}: dim must be a positive integer, got ${describeValue(dim)}`);
  }
}

/** Throws unless t is finite and x0 a Float64Array of length d. @internal */
export function checkMarginalArgs(fn: string, t: number, x0: Float64Array, d: number): void {
  if (typeof t !== "number" || !Number.isFinite(t) || t < 0) {
    throw new RangeError(`${fn}: t must be a finite number >= 0, got ${describeValue(t)}`);
  }
  if (!(x0 instanceof Float64Array) || x0.length !== d) {
    throw new RangeError(
      `${fn}: x0 must be a Float64Array of length ${d}, got ${describeValue(x0?.length)}`,
    );
  }
}

/**
 * $f(t, x) = a(t)\,x$ entry by entry, into out[0 .. len): the reference version of the drift of
 * {@link isotropicLinearSde}, which runs its unrolled twin `scaleInto` (src/fast/scale.ts),
 * bit-identical (test/fast/scale.test.ts). @internal
 * @param c $a(t)$ @param x (len,) @param out (len,) written
 * @see Kloeden & Platen (1992), §4.4 (linear SDEs)
 */
export function linearDrift(c: number, x: Float64Array, out: Float64Array, len: number): void {
  for (let i = 0; i < len; i++) out[i] = c * x[i];
}

/**
 * $dX = a(t)\,X\,dt + b(t)\,dW$ componentwise (additive diagonal noise). @internal
 * @param dim d
 */
export function isotropicLinearSde(
  dim: number,
  a: (t: number) => number,
  b: (t: number) => number,
): Sde {
  return Object.freeze({
    dim,
    noiseDim: dim,
    noise: "diagonal",
    additive: true,
    drift(t: number, x: Float64Array, out: Float64Array, n: number): void {
      scaleInto(out, a(t), x, n * dim); // linearDrift's fast twin (src/fast/scale.ts)
    },
    diffusion(t: number, _x: Float64Array, out: Float64Array, n: number): void {
      out.fill(b(t), 0, n * dim);
    },
  } as const);
}

/** mean = scale·x0 (d), cov = std²·I (d, d). @internal */
export function isotropicMoments(scale: number, std: number, x0: Float64Array): MarginalMoments {
  const d = x0.length;
  const mean = new Float64Array(d);
  const cov = new Float64Array(d * d); // (d, d) row-major
  for (let i = 0; i < d; i++) {
    mean[i] = scale * x0[i];
    cov[i * d + i] = std * std;
  }
  return { mean, cov };
}

/** N(mean·1, std²·I) moments in dimension d. @internal */
export function isotropicPrior(dim: number, mean: number, std: number): MarginalMoments {
  return isotropicMoments(1, std, new Float64Array(dim).fill(mean));
}
