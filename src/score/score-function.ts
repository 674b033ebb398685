/**
 * $s(t, x) = \nabla_x\log p_t(x)$ for a batch of n states: what a reverse-time sampler needs
 * from the data. An exact score ({@link exactMixtureScore}) or, in later lectures, a learned one.
 */
export interface ScoreFunction {
  /** d, state dimension */
  readonly dim: number;
  /** $\nabla_x\log p_t(x)$. @param x (n, d) row-major @param out (n, d) row-major @param n rows */
  score(t: number, x: Float64Array, out: Float64Array, n: number): void;
  /**
   * Optional: $\partial_{x_i} s_i(t, x)$, the diagonal of the score's Jacobian (the likelihood
   * flow needs it). @param x (n, d) @param out (n, d) @param n rows
   */
  hessianDiagonal?(t: number, x: Float64Array, out: Float64Array, n: number): void;
}
