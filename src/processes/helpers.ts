import { scaleInto } from "../fast";
import type { Sde } from "../sde";
import type { MarginalMoments } from "./process";

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
