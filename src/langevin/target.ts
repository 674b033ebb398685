import type { GaussianMixture } from "../mixture";
import { MixtureKernels, requireMixture } from "../mixture";
import { describeValue, requireBatch, requireInteger } from "../base";

/**
 * The checks of one evaluation are O(1), shapes only: entries are not read (the samplers validate
 * their states once, at the boundary).
 */
const O1 = Object.freeze({ finite: false });
const O1_DENSITY = Object.freeze({ finite: false, outWidth: 1 });

/**
 * A target $\pi(x) \propto e^{-U(x)}$ on $\mathbb R^d$ as a Langevin sampler sees it: an
 * unnormalised log-density $-U + c$ (any constant c) and the score $\nabla\log\pi = -\nabla U$.
 */
export interface LangevinTarget {
  /** d, dimension of a point */
  readonly dim: number;
  /** $-U(x) + c$. @param x (n, d) row-major @param out (n) @param n rows */
  logDensity(x: Float64Array, out: Float64Array, n: number): void;
  /** $-\nabla U(x)$. @param x (n, d) row-major @param out (n, d) row-major @param n rows */
  score(x: Float64Array, out: Float64Array, n: number): void;
}

/** Per-point energy and gradient for {@link energyTarget}; x is one point (d), copied. */
export interface EnergySpec {
  /** d, dimension (default 1) */
  dim?: number;
  /** $U(x)$ at one point. @param x (d) */
  energy: (x: Float64Array) => number;
  /** $\nabla U(x)$ at one point. @param x (d) @param out (d) */
  gradient: (x: Float64Array, out: Float64Array) => void;
}

/**
 * $\pi(x) \propto e^{-U(x)}$: log-density $-U$, score $-\nabla U$; the normaliser
 * $Z = \int e^{-U}$ is never computed (an energy-based model).
 * Convenient, not fast: one call per point per evaluation.
 * @param spec energy U and gradient ∇U at one point of dimension d
 * @see LeCun et al. (2006), A Tutorial on Energy-Based Learning, eq. (1) (the Gibbs density)
 */
export function energyTarget(spec: EnergySpec): LangevinTarget {
  const fn = "energyTarget";
  if (spec === null || typeof spec !== "object") {
    throw new TypeError(`${fn}: spec must be an object, got ${describeValue(spec)}`);
  }
  const { energy, gradient } = spec;
  if (typeof energy !== "function") {
    throw new TypeError(`${fn}: spec.energy must be a function, got ${describeValue(energy)}`);
  }
  if (typeof gradient !== "function") {
    throw new TypeError(`${fn}: spec.gradient must be a function, got ${describeValue(gradient)}`);
  }
  const { dim = 1 } = spec;
  const d = requireInteger(fn, "spec.dim", dim, 1);
  const p = new Float64Array(d); // (d) scratch point
  const g = new Float64Array(d); // (d) scratch gradient
  return Object.freeze({
    dim: d,
    logDensity(x: Float64Array, out: Float64Array, n: number): void {
      requireBatch("energyTarget.logDensity", x, out, n, d, O1_DENSITY);
      for (let r = 0; r < n; r++) {
        for (let i = 0; i < d; i++) p[i] = x[r * d + i];
        out[r] = -energy(p);
      }
    },
    score(x: Float64Array, out: Float64Array, n: number): void {
      requireBatch("energyTarget.score", x, out, n, d, O1);
      for (let r = 0; r < n; r++) {
        for (let i = 0; i < d; i++) p[i] = x[r * d + i];
        gradient(p, g);
        for (let i = 0; i < d; i++) out[r * d + i] = -g[i];
      }
    },
  });
}

/**
 * $\log\pi = \log\sum_k w_k\mathcal N(x;\mu_k,\Sigma_k)$, $\nabla\log\pi$ = the mixture score:
 * a normalised target whose law is known exactly, for testing samplers.
 * @param mix the target mixture (d-dimensional)
 * @see Bishop (2006), Pattern Recognition and Machine Learning, eq. (2.188)
 */
export function mixtureTarget(mix: GaussianMixture): LangevinTarget {
  requireMixture("mixtureTarget", mix);
  const kernels = new MixtureKernels(mix); // built once: no allocation per evaluation
  return Object.freeze({
    dim: mix.dim,
    logDensity(x: Float64Array, out: Float64Array, n: number): void {
      requireBatch("mixtureTarget.logDensity", x, out, n, mix.dim, O1_DENSITY);
      kernels.logDensity(x, out, n);
    },
    score(x: Float64Array, out: Float64Array, n: number): void {
      requireBatch("mixtureTarget.score", x, out, n, mix.dim, O1);
      kernels.score(x, out, n);
    },
  });
}

/**
 * Throws unless target has a positive integer dim and the methods in `parts` (ULA needs only the
 * score; MALA also the log-density). @internal
 */
export function checkTarget(
  fn: string,
  target: Partial<LangevinTarget>,
  parts: readonly ("score" | "logDensity")[] = ["score", "logDensity"],
): void {
  if (
    target === null ||
    typeof target !== "object" ||
    parts.some((m) => typeof target[m] !== "function") ||
    !Number.isInteger(target.dim) ||
    (target.dim as number) < 1
  ) {
    const kind = parts.includes("logDensity") ? "a LangevinTarget" : "a target with dim and score";
    throw new TypeError(`${fn}: target must be ${kind}, got ${describeValue(target)}`);
  }
}
