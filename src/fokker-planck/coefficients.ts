import { describeValue, requireBoolean, requireFunction, requireOption } from "../base";

/**
 * The coefficients of $dX = f(t, X)\,dt + g(t, X)\,dW$ in one dimension, as seen by the
 * Fokker–Planck equation $\partial_t p = -\partial_x(f p) + \tfrac12 \partial_x^2(g^2 p)$.
 * Write $D = g^2/2$ (must be > 0 on the grid).
 */
export interface Coefficients1d {
  /** $f(t, x)$ */
  drift(t: number, x: number): number;
  /** $g(t, x)$, nonzero on the grid */
  diffusion(t: number, x: number): number;
  /**
   * Optional $\Phi(t, x)$ with $f = -D\,\partial_x \Phi$ (a gradient drift; for constant g and
   * $f = -U'$, $\Phi = 2U/g^2$). When given, the face Péclet numbers are the exact differences
   * $\Phi_i - \Phi_{i+1}$ and $e^{-\Phi}/D$ is the exact discrete equilibrium; `drift` is then
   * not read by the operator.
   */
  potential?(t: number, x: number): number;
  /** Whether f, g (or Φ) depend on t (default true: the operator is rebuilt every step). */
  timeDependent?: boolean;
}

/** Throws unless `c` is a well-formed Coefficients1d; returns its time dependence. */
export function checkCoefficients1d(fn: string, c: Coefficients1d): boolean {
  if (typeof c !== "object" || c === null) {
    throw new TypeError(`${fn}: coefficients must be an object, got ${describeValue(c)}`);
  }
  requireFunction(fn, "coefficients.drift", c.drift);
  requireFunction(fn, "coefficients.diffusion", c.diffusion);
  if (c.potential !== undefined) requireFunction(fn, "coefficients.potential", c.potential);
  return requireOption(fn, c, "coefficients.timeDependent", true, requireBoolean);
}
