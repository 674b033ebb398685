import { CellGrid, requireGrid } from "./cell-grid";
import type { Coefficients1d } from "./coefficients";
import { fokkerPlanckOperator } from "./fokker-planck-operator";
import { ImplicitScheme, implicitStepper } from "./implicit-stepper";
import { kolmogorovOperator } from "./kolmogorov-operator";
import { march, MarchOptions, MarchResult } from "./march";
import { requireFinite, requireFiniteArray } from "../base";

/** Options of the 1-D drivers: steps, saveEvery, scheme. */
export interface Solve1dOptions extends MarchOptions {
  /** "backward-euler" (default: positivity for every Δt) or "tr-bdf2" (second order in time) */
  scheme?: ImplicitScheme;
}

/**
 * $\partial_t p = -\partial_x(f p) + \tfrac12\partial_x^2(g^2 p)$ on $[t_0, T]$ with zero-flux
 * ends, from $p(t_0) = p_0$: `fokkerPlanckOperator` in space, `implicitStepper` in time.
 * @param grid - the cell grid (n cells).
 * @param coefficients - drift f, diffusion g, optional potential, timeDependent.
 * @param p0 - initial density, shape (n,) (e.g. `pointMass`, `densityOnGrid`).
 * @param t0 - initial time.
 * @param T - final time (> t0).
 * @param options - steps K, saveEvery, scheme.
 * @returns p at T (n,), and saved times (S,) and states (S, n) time-major.
 * @see A. D. Fokker (1914), Ann. Phys. 348; M. Planck (1917), Sitzungsber. Preuss. Akad.;
 *   C. W. Gardiner (2009), Stochastic Methods, 4th ed., eq. (3.5.2)–(3.5.3).
 */
export function solveFokkerPlanck(
  grid: CellGrid,
  coefficients: Coefficients1d,
  p0: Float64Array,
  t0: number,
  T: number,
  options: Solve1dOptions,
): MarchResult {
  const fn = "solveFokkerPlanck";
  requireGrid(fn, "grid", grid);
  requireFiniteArray(fn, "p0", p0, grid.n);
  const stepper = implicitStepper(fokkerPlanckOperator(grid, coefficients), options?.scheme);
  return march(fn, stepper, p0, t0, T, options);
}

/**
 * $u(t, x) = \mathbb E[\varphi(X_T) \mid X_t = x]$ from Kolmogorov's backward equation
 * $\partial_t u + f\,\partial_x u + \tfrac12 g^2 \partial_x^2 u = 0$, $u(T) = \varphi$, with
 * reflecting ends, marched from T down to t by the same stepper on $A^\top$ (in $\tau = T - t$).
 * Backward Euler obeys the discrete maximum principle $\min\varphi \le u \le \max\varphi$.
 * @param grid - the cell grid (n cells).
 * @param coefficients - as for `solveFokkerPlanck`.
 * @param phi - terminal values $\varphi(x_i)$, shape (n,).
 * @param t - the earliest time (< T).
 * @param T - the terminal time.
 * @param options - steps K, saveEvery, scheme; saved `times` are the τ = T − t values 0, …, T − t.
 * @returns u at time t (n,), saved states (S, n) in τ order (τ = 0 first).
 * @see Øksendal (2003), Thm. 8.1.1.
 */
export function kolmogorovBackward(
  grid: CellGrid,
  coefficients: Coefficients1d,
  phi: Float64Array,
  t: number,
  T: number,
  options: Solve1dOptions,
): MarchResult {
  const fn = "kolmogorovBackward";
  requireGrid(fn, "grid", grid);
  requireFiniteArray(fn, "phi", phi, grid.n);
  requireFinite(fn, "t", t);
  requireFinite(fn, "T", T);
  if (!(T > t)) throw new RangeError(`${fn}: T must exceed t = ${t}, got ${T}`);
  const generator = kolmogorovOperator(grid, coefficients);
  const reversed = Object.freeze({
    n: generator.n,
    timeDependent: generator.timeDependent,
    assemble: (tau: number, out: Parameters<typeof generator.assemble>[1]) =>
      generator.assemble(T - tau, out),
  });
  return march(fn, implicitStepper(reversed, options?.scheme), phi, 0, T - t, options);
}
