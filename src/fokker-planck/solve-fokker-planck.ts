import { CellGrid, requireGrid } from "./cell-grid";
import { requireScheme } from "./checks";
import type { Coefficients1d } from "./coefficients";
import { buildFokkerPlanckOperator } from "./fokker-planck-operator";
import { ImplicitScheme, stepFunction } from "./implicit-stepper";
import { buildKolmogorovOperator } from "./kolmogorov-operator";
import { march, marchOptions, MarchOptions, MarchResult } from "./march";
import { requireFinite, requireFiniteArray, requireOptions } from "../base";

/** Options of the 1-D drivers: steps, saveEvery, scheme. */
export interface Solve1dOptions extends MarchOptions {
  /** "backward-euler" (default: positivity for every Δt) or "tr-bdf2" (second order in time) */
  scheme?: ImplicitScheme;
}

/** Throws unless a < b are finite with a finite difference (t0 < T, or t < T). @internal */
export function requireInterval(fn: string, a: number, aName: string, b: number): void {
  requireFinite(fn, aName, a);
  requireFinite(fn, "T", b, `a finite number > ${aName} = ${a}`, (v) => v > a);
  if (!Number.isFinite(b - a)) {
    throw new RangeError(`${fn}: T − ${aName} must be finite, got ${b} − ${a} = ${b - a}`);
  }
}

/**
 * $\partial_t p = -\partial_x(f p) + \tfrac12\partial_x^2(g^2 p)$ on $[t_0, T]$ with zero-flux
 * ends, from $p(t_0) = p_0$: `fokkerPlanckOperator` in space, `implicitStepper` in time.
 * @param grid - the cell grid (n cells).
 * @param coefficients - drift f, diffusion g, optional potential, timeDependent.
 * @param p0 - initial density, shape (n,), finite (e.g. `pointMass`, `densityOnGrid`).
 * @param t0 - initial time, finite.
 * @param T - final time, finite, > t0.
 * @param options - steps K (a positive integer), saveEvery (an integer k ≥ 1, default K), scheme.
 * @returns p at T (n,), and the saved times (S,) and states (S, n) time-major: steps 0, k, 2k, …
 *   and K (S = 2 without saveEvery: $p_0$ and $p_T$).
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
  const op = buildFokkerPlanckOperator(fn, grid, coefficients, fn, false);
  requireFiniteArray(fn, "p0", p0, grid.n);
  requireInterval(fn, t0, "t0", T);
  const marching = marchOptions(fn, options);
  const scheme = requireScheme(fn, "options.scheme", requireOptions(fn, options).scheme);
  return march(fn, stepFunction(op, scheme), p0, t0, T, marching);
}

/**
 * $u(t, x) = \mathbb E[\varphi(X_T) \mid X_t = x]$ from Kolmogorov's backward equation
 * $\partial_t u + f\,\partial_x u + \tfrac12 g^2 \partial_x^2 u = 0$, $u(T) = \varphi$, with
 * reflecting ends, marched from T down to t by the same stepper on $A^\top$ (in $\tau = T - t$).
 * Backward Euler obeys the discrete maximum principle $\min\varphi \le u \le \max\varphi$.
 * @param grid - the cell grid (n cells).
 * @param coefficients - as for `solveFokkerPlanck`.
 * @param phi - terminal values $\varphi(x_i)$, shape (n,), finite.
 * @param t - the earliest time, finite, < T.
 * @param T - the terminal time, finite.
 * @param options - steps K, saveEvery, scheme; saved `times` are the τ = T − t values 0, …, T − t.
 * @returns u at time t (n,), saved states (S, n) in τ order (τ = 0 first; S = 2 without saveEvery).
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
  const generator = buildKolmogorovOperator(fn, grid, coefficients, fn, false);
  requireFiniteArray(fn, "phi", phi, grid.n);
  requireInterval(fn, t, "t", T);
  const marching = marchOptions(fn, options);
  const scheme = requireScheme(fn, "options.scheme", requireOptions(fn, options).scheme);
  const reversed = Object.freeze({
    n: generator.n,
    timeDependent: generator.timeDependent,
    assemble: (tau: number, out: Parameters<typeof generator.assemble>[1]) =>
      generator.assemble(T - tau, out),
  });
  return march(fn, stepFunction(reversed, scheme), phi, 0, T - t, marching);
}
