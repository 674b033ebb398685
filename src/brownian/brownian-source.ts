import type { TimeGrid } from "./time-grid";

/**
 * $\Delta W_k = W_{t_{k+1}} - W_{t_k}$ and $\Delta Z_k = \int_{t_k}^{t_{k+1}} (W_s - W_{t_k})\,ds$,
 * read step by step by the solvers (which never draw noise themselves).
 *
 * Both a stored {@link BrownianPath} and a {@link brownianStream} implement it. Each of the n
 * sample paths is an m-dimensional Brownian motion; for a backward grid ($h_k < 0$) W is a
 * Brownian motion in reversed time, so $\operatorname{Var}\Delta W_k = |h_k|$ and
 * $\Delta Z_k = \tfrac12 h_k(\Delta W_k + \Delta U_k/\sqrt3)$ with the signed $h_k$.
 * @see Kloeden & Platen (1992), Numerical Solution of SDEs, §10.4 (I_(1,0) and ΔZ)
 */
export interface BrownianSource {
  readonly grid: TimeGrid;
  /** n, the number of sample paths */
  readonly paths: number;
  /** m, the dimension of W */
  readonly dim: number;
  /** whether `increments` can fill ΔZ (the space–time Lévy area I_(1,0)) */
  readonly levyArea: boolean;
  /**
   * Writes step k's increments. A stream must be read in order k = 0, 1, …, K − 1.
   * @param k step index, 0 <= k < K
   * @param dW out (n, m) row-major: ΔW_k
   * @param dZ out (n, m) row-major: ΔZ_k, or null when not wanted
   */
  increments(k: number, dW: Float64Array, dZ: Float64Array | null): void;
}
