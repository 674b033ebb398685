import type { Sde } from "../sde";

/** First two moments of a d-dimensional law: mean (d) and covariance (d, d) row-major. */
export interface MarginalMoments {
  mean: Float64Array;
  cov: Float64Array;
}

/**
 * A forward process on $[0, T]$: its SDE, its exact marginal given the start, and its prior
 * (the data-independent law at T from which a reverse-time sampler starts).
 */
export interface Process {
  readonly name: string;
  /** d, state dimension (CLD: twice the data dimension, position then velocity) */
  readonly dim: number;
  readonly T: number;
  readonly sde: Sde;
  /**
   * Moments of $X_t$ given $X_0 = x_0$. @param t time in [0, T] @param x0 (d) start
   * @returns mean (d), cov (d, d)
   */
  marginal(t: number, x0: Float64Array): MarginalMoments;
  /** moments of the prior at T: mean (d), cov (d, d) */
  readonly prior: MarginalMoments;
  /**
   * Pathwise exact solution where one exists: $X_t$ from $x_0$ and $W_t - W_0$.
   * @param x0 (n, d) @param w (n, d) Brownian displacement @param out (n, d) @param n rows
   */
  exact?(t: number, x0: Float64Array, w: Float64Array, out: Float64Array, n: number): void;
}

/** $X_t = \mathrm{scale}(t)\,x_0 + \mathrm{std}(t)\,\varepsilon$, $\varepsilon \sim N(0, I)$. */
export interface LinearProcess extends Process {
  scale(t: number): number;
  std(t: number): number;
}
