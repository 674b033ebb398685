import { describeValue } from "../base";
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
      const c = a(t);
      const nd = n * dim;
      let i = 0;
      // unrolled by four, as in eulerMaruyama's update (V8 reloads array pointers per trip)
      for (; i + 3 < nd; i += 4) {
        out[i] = c * x[i];
        out[i + 1] = c * x[i + 1];
        out[i + 2] = c * x[i + 2];
        out[i + 3] = c * x[i + 3];
      }
      for (; i < nd; i++) out[i] = c * x[i];
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
