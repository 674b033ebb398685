import { describeValue } from "../base";
import type { Calculus, Sde } from "./sde";

/** Per-point coefficients of $dX = f(t,X)\,dt + g(t,X)\,dW$, applied to each component. */
export interface ScalarSdeSpec {
  drift: (t: number, x: number) => number;
  diffusion: (t: number, x: number) => number;
  /** $\partial g/\partial x$, needed by Milstein for multiplicative noise */
  diffusionDerivative?: (t: number, x: number) => number;
  /** g does not depend on x (default false) */
  additive?: boolean;
  /** d, number of independent components (default 1) */
  dim?: number;
  /** how g dW is read (default "ito") */
  calculus?: Calculus;
}

/**
 * $dX^i = f(t, X^i)\,dt + g(t, X^i)\,dW^i$, $i = 1..d$: a diagonal-noise Sde from scalar
 * functions, e.g. `sdeFromScalar({ drift: (t, x) => -theta * x, diffusion: () => sigma, additive: true })`.
 * Convenient, not fast: one call per component per evaluation.
 * @param spec scalar drift, diffusion, optional derivative; x is one component of an (n, d) state
 * @see Kloeden & Platen (1992), §4.5 (scalar Itô SDEs)
 */
export function sdeFromScalar(spec: ScalarSdeSpec): Sde {
  if (spec === null || typeof spec !== "object") {
    throw new TypeError(`sdeFromScalar: spec must be an object, got ${describeValue(spec)}`);
  }
  const { drift, diffusion, diffusionDerivative } = spec;
  if (typeof drift !== "function") {
    throw new TypeError(
      `sdeFromScalar: spec.drift must be a function, got ${describeValue(drift)}`,
    );
  }
  if (typeof diffusion !== "function") {
    throw new TypeError(
      `sdeFromScalar: spec.diffusion must be a function, got ${describeValue(diffusion)}`,
    );
  }
  if (diffusionDerivative !== undefined && typeof diffusionDerivative !== "function") {
    throw new TypeError(
      `sdeFromScalar: spec.diffusionDerivative must be a function, got ${describeValue(diffusionDerivative)}`,
    );
  }
  const dim = spec.dim ?? 1;
  if (!Number.isInteger(dim) || dim < 1) {
    throw new RangeError(`sdeFromScalar: spec.dim must be a positive integer, got ${dim}`);
  }
  const additive = spec.additive ?? false;
  if (typeof additive !== "boolean") {
    throw new TypeError(
      `sdeFromScalar: spec.additive must be a boolean, got ${describeValue(additive)}`,
    );
  }
  const calculus = spec.calculus ?? "ito";
  if (calculus !== "ito" && calculus !== "stratonovich") {
    throw new TypeError(
      `sdeFromScalar: spec.calculus must be "ito" or "stratonovich", got ${describeValue(calculus)}`,
    );
  }
  const sde: { -readonly [K in keyof Sde]: Sde[K] } = {
    dim,
    calculus,
    noiseDim: dim,
    noise: "diagonal",
    additive,
    drift(t, x, out, n) {
      for (let i = 0; i < n * dim; i++) out[i] = drift(t, x[i]);
    },
    diffusion(t, x, out, n) {
      for (let i = 0; i < n * dim; i++) out[i] = diffusion(t, x[i]);
    },
  };
  if (diffusionDerivative !== undefined) {
    sde.diffusionDerivative = (t, x, out, n) => {
      for (let i = 0; i < n * dim; i++) out[i] = diffusionDerivative(t, x[i]);
    };
  }
  return Object.freeze(sde);
}
