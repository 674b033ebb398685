/**
 * $u(t, x)$, a time-dependent velocity field for a batch of n states: the right-hand side of the
 * flow ODE $\dot x = u(t, x)$ that carries the noise at t = T to the data at t = 0 (an exact one,
 * {@link exactMixtureVelocity}, or a learned one, {@link velocityNet}).
 * @see Lipman et al. (2023), ICLR, eq. (1) (the flow of a vector field)
 */
export interface VelocityFunction {
  /** d, state dimension */
  readonly dim: number;
  /** $u(t, x)$. @param x (n, d) row-major @param out (n, d) row-major @param n rows */
  velocity(t: number, x: Float64Array, out: Float64Array, n: number): void;
}

/**
 * A trainable velocity $u_\theta(t, x)$: parameters, per-row times and a backward pass, as the
 * flow-matching loss needs them. `evaluate` keeps what `backward` needs; gradients accumulate
 * into `grad`. (nn's `affineScore` and `scoreNet` have the same training shape: only `evaluate`
 * and `backward` are read by the loss.)
 */
export interface VelocityModel extends VelocityFunction {
  /** (P) θ */
  readonly params: Float64Array;
  /** (P) accumulated $\partial L/\partial\theta$ */
  readonly grad: Float64Array;
  zeroGrad(): void;
  /** $u_\theta(t_r, x_r)$. @param t (n) @param x (n, d) @returns (n, d), valid until the next call */
  evaluate(t: Float64Array, x: Float64Array, n: number): Float64Array;
  /** grad += $\partial(\sum_r G_r\cdot u_\theta(t_r, x_r))/\partial\theta$. @param gVelocity (n, d) */
  backward(gVelocity: Float64Array, n: number): void;
}
