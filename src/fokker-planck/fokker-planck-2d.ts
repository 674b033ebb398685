import { CellGrid, requireGrid } from "./cell-grid";
import { requireAxes, requireScheme } from "./checks";
import { buildFokkerPlanckOperator } from "./fokker-planck-operator";
import { ImplicitScheme, stepFunction } from "./implicit-stepper";
import { requireInterval } from "./solve-fokker-planck";
import type { PrincipalAxes } from "../linalg";
import {
  describeValue,
  requireBoolean,
  requireFiniteArray,
  requireFunction,
  requireInteger,
  requireOption,
  requireOptions,
} from "../base";

/** $dX = f(t, X)\,dt + g\,dW$ in two dimensions with constant g, in principal coordinates. */
export interface Problem2d {
  /** $f(t, x)$: writes $f_1, f_2$ into out (2) for the point x (2), original coordinates */
  drift(t: number, x: Float64Array, out: Float64Array): void;
  /** principal axes of $\tfrac12 g g^\top$, from `principalAxes(g)` */
  axes: PrincipalAxes;
  /** whether f depends on t (default true) */
  timeDependent?: boolean;
}

/**
 * $\partial_t p = -\nabla\cdot(f p) + \tfrac12\operatorname{Tr}(g g^\top \nabla^2 p)$ on a rectangle in
 * principal coordinates $\xi = Q^\top x$, where $\tfrac12 Q^\top g g^\top Q = \operatorname{diag}(D_1, D_2)$:
 * the mixed derivative $\partial_{x}\partial_{y}$ of correlated noise vanishes, and the equation is
 * split (Strang) into 1-D Fokker–Planck sweeps along $\xi_1$ (half step), $\xi_2$, $\xi_1$ (half
 * step), each line solved by the Chang–Cooper scheme with zero-flux ends. Every sweep conserves
 * mass and, with backward Euler, positivity, so the split step does too; the splitting error is
 * O(Δt) (O(Δt²) with TR-BDF2 sweeps). Limitation: g must be constant.
 * @param problem - drift, axes (from `principalAxes`), timeDependent (a boolean, default true).
 * @param grid1 - cells along $\xi_1$ (n1).
 * @param grid2 - cells along $\xi_2$ (n2).
 * @param p0 - initial density in ξ, shape (n1, n2) row-major, finite: `p[i * n2 + j]` at $(\xi_{1,i}, \xi_{2,j})$.
 * @param t0 - initial time, finite.
 * @param T - final time, finite, > t0.
 * @param options - steps K (a positive integer), scheme ("backward-euler" default).
 * @returns p at T, shape (n1, n2) row-major.
 * @see G. Strang (1968), SIAM J. Numer. Anal. 5(3) (splitting); Chang & Cooper (1970).
 */
export function solveFokkerPlanck2d(
  problem: Problem2d,
  grid1: CellGrid,
  grid2: CellGrid,
  p0: Float64Array,
  t0: number,
  T: number,
  options: { steps: number; scheme?: ImplicitScheme },
): Float64Array {
  const fn = "solveFokkerPlanck2d";
  if (typeof problem !== "object" || problem === null) {
    throw new TypeError(`${fn}: problem must be an object, got ${describeValue(problem)}`);
  }
  requireFunction(fn, "problem.drift", problem.drift);
  const { rotation: q, d } = requireAxes(fn, "problem.axes", problem.axes);
  const timeDependent = requireOption(fn, problem, "problem.timeDependent", true, requireBoolean);
  requireGrid(fn, "grid1", grid1);
  requireGrid(fn, "grid2", grid2);
  const n1 = grid1.n;
  const n2 = grid2.n;
  requireFiniteArray(fn, "p0", p0, n1 * n2);
  requireInterval(fn, t0, "t0", T);
  const opts = requireOptions(fn, options);
  const K = requireInteger(fn, "options.steps", opts.steps, 1);
  const scheme = requireScheme(fn, "options.scheme", opts.scheme);
  const x = new Float64Array(2);
  const f = new Float64Array(2);
  // drift component k in ξ at (ξ1, ξ2): (Qᵀ f(Q ξ))_k
  const driftXi = (t: number, xi1: number, xi2: number, k: number): number => {
    x[0] = q[0] * xi1 + q[1] * xi2;
    x[1] = q[2] * xi1 + q[3] * xi2;
    problem.drift(t, x, f);
    return k === 0 ? q[0] * f[0] + q[2] * f[1] : q[1] * f[0] + q[3] * f[1];
  };
  const g1 = Math.sqrt(2 * d[0]);
  const g2 = Math.sqrt(2 * d[1]);
  // one stepper per line: lines along ξ1 at fixed ξ2_j, and along ξ2 at fixed ξ1_i
  const lineStepper = (grid: CellGrid, drift: (t: number, s: number) => number, g: number) =>
    stepFunction(
      buildFokkerPlanckOperator(fn, grid, { drift, diffusion: () => g, timeDependent }, fn, false),
      scheme,
    );
  const along1 = Array.from({ length: n2 }, (_, j) =>
    lineStepper(grid1, (t, s) => driftXi(t, s, grid2.x[j], 0), g1),
  );
  const along2 = Array.from({ length: n1 }, (_, i) =>
    lineStepper(grid2, (t, s) => driftXi(t, grid1.x[i], s, 1), g2),
  );
  const p = Float64Array.from(p0);
  const line = new Float64Array(n1);
  const sweep1 = (t: number, dt: number): void => {
    for (let j = 0; j < n2; j++) {
      for (let i = 0; i < n1; i++) line[i] = p[i * n2 + j];
      along1[j](t, dt, line);
      for (let i = 0; i < n1; i++) p[i * n2 + j] = line[i];
    }
  };
  const sweep2 = (t: number, dt: number): void => {
    for (let i = 0; i < n1; i++) along2[i](t, dt, p.subarray(i * n2, (i + 1) * n2));
  };
  const dt = (T - t0) / K;
  for (let k = 0; k < K; k++) {
    const t = t0 + k * dt;
    sweep1(t, dt / 2);
    sweep2(t, dt);
    sweep1(t + dt / 2, dt / 2);
    if (!Number.isFinite(p[0] + p[p.length - 1])) {
      throw new RangeError(`${fn}: state is not finite after step ${k} (t = ${t + dt})`);
    }
  }
  return p;
}
