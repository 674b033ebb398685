import type { Sde } from "../sde";

/** First two moments of a d-dimensional law: mean (d) and covariance (d, d) row-major. */
export interface MarginalMoments {
  mean: Float64Array;
  cov: Float64Array;
}

/**
 * A forward process on $[0, T]$: its SDE, its exact marginal given the start, its transition
 * density, and its prior (the data-independent law at T from which a reverse-time sampler starts).
 * Every method validates its arguments (times in [0, T]); the SDE's drift and diffusion do not
 * (solvers call them in hot loops), their parameters were checked by the factory.
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
  /**
   * $p(s, x; t, y)$, the density of $X_t = y$ given $X_s = x$. Arguments in time order, from
   * (s, x) to (t, y), as in Kolmogorov's equations; s = 0 gives the density of the marginal.
   * @param s start time in [0, T) @param x (d) start state
   * @param t end time in (s, T] (t = s is a point mass, refused)
   * @param y (n, d) row-major end states
   * @returns (n) densities
   */
  transitionDensity(s: number, x: Float64Array, t: number, y: Float64Array): Float64Array;
  /** $\log p(s, x; t, y)$, same arguments as {@link Process.transitionDensity}; (n) log densities */
  logTransitionDensity(s: number, x: Float64Array, t: number, y: Float64Array): Float64Array;
  /** moments of the prior at T: mean (d), cov (d, d) */
  readonly prior: MarginalMoments;
  /**
   * Pathwise exact solution where one exists: $X_t$ from $x_0$ and $W_t - W_0$.
   * @param t time in [0, T] @param x0 (n, d) @param w (n, d) Brownian displacement
   * @param out (n, d) @param n rows
   */
  exact?(t: number, x0: Float64Array, w: Float64Array, out: Float64Array, n: number): void;
}

/** $X_t = \mathrm{scale}(t)\,x_0 + \mathrm{std}(t)\,\varepsilon$, $\varepsilon \sim N(0, I)$. */
export interface LinearProcess extends Process {
  /** $\alpha_t$ @param t time in [0, T] */
  scale(t: number): number;
  /** $\sigma_t$ @param t time in [0, T] */
  std(t: number): number;
}
