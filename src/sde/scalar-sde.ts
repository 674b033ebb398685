import {
  describeValue,
  optionalInteger,
  requireBatchAt,
  requireBoolean,
  requireFunction,
  requireOneOf,
  requireOption,
} from "../base";
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
  const fn = "sdeFromScalar";
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    throw new TypeError(`${fn}: spec must be an object, got ${describeValue(spec)}`);
  }
  const { drift, diffusion, diffusionDerivative } = spec;
  requireFunction(fn, "spec.drift", drift);
  requireFunction(fn, "spec.diffusion", diffusion);
  if (diffusionDerivative !== undefined) {
    requireFunction(fn, "spec.diffusionDerivative", diffusionDerivative);
  }
  // an absent field takes its default; null is a value, and refused like any other wrong one
  const dim = optionalInteger(fn, "spec.dim", spec.dim, 1) ?? 1;
  const additive = requireOption(fn, spec, "spec.additive", false, requireBoolean);
  const calculus = requireOption(fn, spec, "spec.calculus", "ito", (f, name, v) =>
    requireOneOf(f, name, v, ["ito", "stratonovich"] as const),
  );
  const names = {
    drift: `${fn}.drift`,
    diffusion: `${fn}.diffusion`,
    dg: `${fn}.diffusionDerivative`,
  };
  const sde: { -readonly [K in keyof Sde]: Sde[K] } = {
    dim,
    calculus,
    noiseDim: dim,
    noise: "diagonal",
    additive,
    drift(t, x, out, n) {
      requireBatchAt(names.drift, t, x, out, n, dim, { finite: false });
      for (let i = 0; i < n * dim; i++) out[i] = drift(t, x[i]);
    },
    diffusion(t, x, out, n) {
      requireBatchAt(names.diffusion, t, x, out, n, dim, { finite: false });
      for (let i = 0; i < n * dim; i++) out[i] = diffusion(t, x[i]);
    },
  };
  if (diffusionDerivative !== undefined) {
    sde.diffusionDerivative = (t, x, out, n) => {
      requireBatchAt(names.dg, t, x, out, n, dim, { finite: false });
      for (let i = 0; i < n * dim; i++) out[i] = diffusionDerivative(t, x[i]);
    };
  }
  return Object.freeze(sde);
}
