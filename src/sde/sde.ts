import { describeValue, requireBoolean, requireInteger } from "../base";
/**
 * $dX_t = f(t, X_t)\,dt + g(t, X_t)\,dW_t$ with $X \in \mathbb R^d$, $W \in \mathbb R^m$,
 * coefficients evaluated on a batch of n states at once.
 *
 * - `noise: "diagonal"`: m = d and $g$ is diagonal, stored as (n, d); component i is driven by
 *   $W^i$ only (diagonal noise is commutative).
 * - `noise: "general"`: $g$ is a full (d, m) matrix per state, stored as (n, d, m) row-major.
 * - `additive: true` declares $g = g(t)$, the same for every state (every diffusion-model SDE);
 *   solvers then evaluate `diffusion` for one row (n = 1) and share it across the batch.
 * - `calculus` says how $g\,dW$ is read (default Itô); it matters only for multiplicative noise.
 */
export interface Sde {
  /** d, state dimension */
  readonly dim: number;
  /** m, Brownian dimension (equal to d for diagonal noise) */
  readonly noiseDim: number;
  readonly noise: "diagonal" | "general";
  readonly additive: boolean;
  /** "ito" (default) or "stratonovich" */
  readonly calculus?: Calculus;
  /**
   * $f(t, x)$ for n states. @param x (n, d) row-major @param out (n, d) row-major @param n rows
   */
  drift(t: number, x: Float64Array, out: Float64Array, n: number): void;
  /**
   * $g(t, x)$ for n states. @param x (n, d) @param out (n, d) diagonal or (n, d, m) general
   * @param n rows
   */
  diffusion(t: number, x: Float64Array, out: Float64Array, n: number): void;
  /**
   * Diagonal noise only: $\partial g_i / \partial x_i$ (Milstein's correction).
   * @param x (n, d) @param out (n, d) @param n rows
   */
  diffusionDerivative?(t: number, x: Float64Array, out: Float64Array, n: number): void;
}

/** Which stochastic integral: Itô or Stratonovich. */
export type Calculus = "ito" | "stratonovich";

/**
 * How a solver's order depends on the noise: additive ($g = g(t)$), diagonal multiplicative
 * (commutative), or general multiplicative (possibly non-commutative).
 */
export type NoiseClass = "additive" | "diagonal" | "general";

/**
 * The noise class that decides a solver's order on this SDE: additive when $\partial g/\partial x = 0$,
 * diagonal when $g$ is diagonal ($g_{ij} = 0$ for $i \ne j$, so the noise is commutative),
 * general otherwise.
 * @param sde the SDE
 * @see P. E. Kloeden & E. Platen (1992), §10.3 (commutative noise) and §10.4 (additive noise).
 */
export function noiseClass(sde: Sde): NoiseClass {
  checkSde("noiseClass", sde);
  if (sde.additive) return "additive";
  return sde.noise === "diagonal" ? "diagonal" : "general";
}

/** Throws unless `sde` is a well-formed Sde; `fn` names the caller. @internal */
export function checkSde(fn: string, sde: Sde): void {
  if (sde === null || typeof sde !== "object") {
    throw new TypeError(`${fn}: sde must be an Sde object, got ${describeValue(sde)}`);
  }
  if (typeof sde.drift !== "function" || typeof sde.diffusion !== "function") {
    throw new TypeError(`${fn}: sde must have drift and diffusion functions`);
  }
  requireInteger(fn, "sde.dim", sde.dim, 1);
  requireInteger(fn, "sde.noiseDim", sde.noiseDim, 1);
  requireBoolean(fn, "sde.additive", sde.additive);
  if (sde.noise !== "diagonal" && sde.noise !== "general") {
    throw new TypeError(
      `${fn}: sde.noise must be "diagonal" or "general", got ${describeValue(sde.noise)}`,
    );
  }
  if (sde.calculus !== undefined && sde.calculus !== "ito" && sde.calculus !== "stratonovich") {
    throw new TypeError(
      `${fn}: sde.calculus must be "ito" or "stratonovich", got ${describeValue(sde.calculus)}`,
    );
  }
  if (sde.noise === "diagonal" && sde.noiseDim !== sde.dim) {
    throw new RangeError(
      `${fn}: diagonal noise needs sde.noiseDim = sde.dim = ${sde.dim}, got ${sde.noiseDim}`,
    );
  }
}
