import type { Calculus, NoiseClass, Sde } from "./sde";

/** Order per noise class; a missing class means the solver does not support it. */
export type NoiseOrders = Readonly<Partial<Record<NoiseClass, number>>>;

/** One prepared solver: scratch buffers sized for n states, reused every step. */
export interface Stepper {
  /**
   * Advances x from t to t + h in place (h may be negative: reverse time).
   * @param x (n, d) row-major state
   * @param dW (n, m) row-major Brownian increment, variance |h|
   * @param dZ (n, m) row-major $\int_t^{t+h}(W_s - W_t)ds$, or null if the solver needs none
   * @returns whether every entry of the new x is finite (checked in the update's own loop where
   *   it can be fused; `integrate` turns false into an error naming the step and time)
   */
  step(t: number, h: number, x: Float64Array, dW: Float64Array, dZ: Float64Array | null): boolean;
}

/**
 * A one-step scheme, with its mathematics as data: tests and notebooks read `strongOrder`,
 * `weakOrder` and `calculus` instead of hard-coding them. Solvers never draw noise.
 */
export interface Solver {
  readonly name: string;
  readonly calculus: Calculus;
  readonly strongOrder: NoiseOrders;
  readonly weakOrder: NoiseOrders;
  /** needs ΔZ = I_(1,0) from the Brownian source */
  readonly levyArea: boolean;
  /** needs `sde.diffusionDerivative` when the noise is not additive */
  readonly diffusionDerivative: boolean;
  /** Allocates the scratch for n states of `sde`; called once per integration. */
  stepper(sde: Sde, n: number): Stepper;
}
