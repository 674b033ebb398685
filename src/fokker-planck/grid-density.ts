import { CellGrid, requireGrid } from "./cell-grid";
import { describeValue, requireFinite, requireFiniteArray, requireFunction } from "../base";

/**
 * $p_i = 1/h$ in the cell containing $x_0$, 0 elsewhere: a point mass $\delta_{x_0}$ of mass 1
 * (its cell average; a point on a face goes to the cell on its right, the last face to cell n − 1).
 * @param grid - the grid (n cells).
 * @param x0 - the atom, inside [lo, hi].
 * @returns shape (n,).
 * @see R. J. LeVeque (2002), Finite Volume Methods for Hyperbolic Problems, §4.1 (cell averages $p_i = h^{-1}\int_{C_i} p$).
 */
export function pointMass(grid: CellGrid, x0: number): Float64Array {
  requireGrid("pointMass", "grid", grid);
  requireFinite("pointMass", "x0", x0);
  if (x0 < grid.lo || x0 > grid.hi) {
    throw new RangeError(`pointMass: x0 must lie in [${grid.lo}, ${grid.hi}], got ${x0}`);
  }
  const p = new Float64Array(grid.n);
  p[Math.min(grid.n - 1, Math.floor((x0 - grid.lo) / grid.h))] = 1 / grid.h;
  return p;
}

/**
 * $p_i = \rho(x_i) = h^{-1}\int_{C_i} \rho\,dx + O(h^2)$: a density sampled at the cell centres
 * (the midpoint rule, second-order close to the cell averages for smooth $\rho$).
 * @param grid - the grid (n cells).
 * @param density - $\rho(x)$, finite and ≥ 0.
 * @returns shape (n,).
 * @see R. J. LeVeque (2002), Finite Volume Methods for Hyperbolic Problems, §4.1 (cell averages and their midpoint approximation).
 */
export function densityOnGrid(grid: CellGrid, density: (x: number) => number): Float64Array {
  requireGrid("densityOnGrid", "grid", grid);
  requireFunction("densityOnGrid", "density", density);
  const p = new Float64Array(grid.n);
  for (let i = 0; i < grid.n; i++) {
    const v = density(grid.x[i]);
    if (!(Number.isFinite(v) && v >= 0)) {
      throw new RangeError(
        `densityOnGrid: density(x) must be finite and ≥ 0, got ${describeValue(v)} at x = ${grid.x[i]}`,
      );
    }
    p[i] = v;
  }
  return p;
}

/**
 * $m = h \sum_i p_i \approx \int_a^b p\,dx$: the mass of a grid density (exact for cell averages,
 * the $O(h^2)$ composite midpoint rule for point values).
 * @param grid - the grid (n cells).
 * @param p - shape (n,).
 * @see R. J. LeVeque (2002), Finite Volume Methods for Hyperbolic Problems, §4.1 (the total mass $h\sum_i Q_i$ of cell averages).
 */
export function gridMass(grid: CellGrid, p: Float64Array): number {
  requireGrid("gridMass", "grid", grid);
  requireFiniteArray("gridMass", "p", p, grid.n);
  return massOf(grid, p);
}

/** $h\sum_i p_i$ for checked arguments. */
function massOf(grid: CellGrid, p: Float64Array): number {
  let s = 0;
  for (let i = 0; i < grid.n; i++) s += p[i];
  return s * grid.h;
}

/**
 * $\lVert p - q \rVert_1 = h \sum_i |p_i - q_i|$ on the grid: the grid 1-norm, which approximates
 * $\int |p - q|\,dx$ (twice the total-variation distance between two densities of mass 1).
 * @param grid - the grid (n cells).
 * @param p - shape (n,).
 * @param q - shape (n,).
 * @see R. J. LeVeque (2007), Finite Difference Methods for Ordinary and Partial Differential
 *   Equations, Appendix A (grid norms scaled by h).
 */
export function l1Distance(grid: CellGrid, p: Float64Array, q: Float64Array): number {
  requireGrid("l1Distance", "grid", grid);
  requireFiniteArray("l1Distance", "p", p, grid.n);
  requireFiniteArray("l1Distance", "q", q, grid.n);
  let s = 0;
  for (let i = 0; i < grid.n; i++) s += Math.abs(p[i] - q[i]);
  return s * grid.h;
}

/**
 * Mean $\mu = h\sum_i x_i p_i / m$ and variance $h\sum_i (x_i - \mu)^2 p_i / m$ of a grid density
 * (midpoint quadrature of $\int x\,p$ and $\int (x-\mu)^2 p$, $m$ = `gridMass`; two passes).
 * @param grid - the grid (n cells).
 * @param p - shape (n,), non-negative with positive mass.
 * @see R. J. LeVeque (2002), Finite Volume Methods for Hyperbolic Problems, §4.1 (cell averages); the two-pass variance of T. F. Chan, G. H. Golub &
 *   R. J. LeVeque (1983), Am. Stat. 37(3).
 */
export function gridMoments(grid: CellGrid, p: Float64Array): { mean: number; variance: number } {
  requireGrid("gridMoments", "grid", grid);
  requireFiniteArray("gridMoments", "p", p, grid.n);
  const m = massOf(grid, p);
  if (!(m > 0)) throw new RangeError(`gridMoments: p must have positive mass, got ${m}`);
  let s1 = 0;
  for (let i = 0; i < grid.n; i++) s1 += grid.x[i] * p[i];
  const mean = (s1 * grid.h) / m;
  let s2 = 0;
  for (let i = 0; i < grid.n; i++) s2 += (grid.x[i] - mean) ** 2 * p[i];
  return { mean, variance: (s2 * grid.h) / m };
}

/**
 * $p(x) \approx (1 - w)\,p_i + w\,p_{i+1}$, $w = (x - x_i)/h$: linear interpolation between cell
 * centres (constant beyond the outer centres), second-order accurate for smooth p.
 * @param grid - the grid (n cells).
 * @param p - shape (n,).
 * @param x - a point in [lo, hi].
 * @see R. L. Burden & J. D. Faires (2011), Numerical Analysis, 9th ed., §3.1 (linear Lagrange
 *   interpolation, error $\tfrac18 h^2 \max|p''|$).
 */
export function interpolateGrid(grid: CellGrid, p: Float64Array, x: number): number {
  requireGrid("interpolateGrid", "grid", grid);
  requireFiniteArray("interpolateGrid", "p", p, grid.n);
  requireFinite("interpolateGrid", "x", x);
  if (x < grid.lo || x > grid.hi) {
    throw new RangeError(`interpolateGrid: x must lie in [${grid.lo}, ${grid.hi}], got ${x}`);
  }
  const s = (x - grid.lo) / grid.h - 0.5; // position in units of cells from x_0
  if (s <= 0) return p[0];
  if (s >= grid.n - 1) return p[grid.n - 1];
  const i = Math.floor(s);
  const w = s - i;
  return (1 - w) * p[i] + w * p[i + 1];
}
