import { CellGrid, requireGrid } from "./cell-grid";
import { requireAxes } from "./checks";
import type { PrincipalAxes } from "../linalg";
import { requireFiniteArray } from "../base";

/**
 * Mean $\mu = Q\,\bar\xi$ and covariance $\Sigma = Q\,\Sigma_\xi\,Q^\top$ in the original
 * coordinates of a density given on a principal-axes grid (midpoint quadrature, $O(h^2)$).
 * @param axes - the principal axes (rotation Q), from `principalAxes`.
 * @param grid1 - cells along $\xi_1$ (n1).
 * @param grid2 - cells along $\xi_2$ (n2).
 * @param p - density, shape (n1, n2) row-major, positive mass.
 * @returns mass, mean (2) and covariance (2, 2) row-major.
 * @see T. W. Anderson (2003), An Introduction to Multivariate Statistical Analysis, 3rd ed.
 *   (moments of $Y = QX$: $\mathbb{E}Y = Q\,\mathbb{E}X$, $\operatorname{Cov} Y = Q \operatorname{Cov}(X) Q^\top$);
 *   R. J. LeVeque (2002), Finite Volume Methods for Hyperbolic Problems, §4.1 (cell averages).
 */
export function gridMoments2d(
  axes: PrincipalAxes,
  grid1: CellGrid,
  grid2: CellGrid,
  p: Float64Array,
): { mass: number; mean: Float64Array; cov: Float64Array } {
  const fn = "gridMoments2d";
  requireAxes(fn, "axes", axes);
  requireGrid(fn, "grid1", grid1);
  requireGrid(fn, "grid2", grid2);
  const n1 = grid1.n;
  const n2 = grid2.n;
  requireFiniteArray(fn, "p", p, n1 * n2);
  let m = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n1; i++) {
    for (let j = 0; j < n2; j++) {
      const w = p[i * n2 + j];
      m += w;
      s1 += w * grid1.x[i];
      s2 += w * grid2.x[j];
    }
  }
  if (!(m > 0)) throw new RangeError(`${fn}: p must have positive mass, got ${m}`);
  const e1 = s1 / m;
  const e2 = s2 / m;
  let c11 = 0;
  let c12 = 0;
  let c22 = 0;
  for (let i = 0; i < n1; i++) {
    const u = grid1.x[i] - e1;
    for (let j = 0; j < n2; j++) {
      const w = p[i * n2 + j];
      const v = grid2.x[j] - e2;
      c11 += w * u * u;
      c12 += w * u * v;
      c22 += w * v * v;
    }
  }
  c11 /= m;
  c12 /= m;
  c22 /= m;
  const [a, b, c, d] = axes.rotation; // Q = [[a, b], [c, d]]
  // Σ = Q Σξ Qᵀ
  const qs11 = a * c11 + b * c12;
  const qs12 = a * c12 + b * c22;
  const qs21 = c * c11 + d * c12;
  const qs22 = c * c12 + d * c22;
  const cov = Float64Array.of(
    qs11 * a + qs12 * b,
    qs11 * c + qs12 * d,
    qs21 * a + qs22 * b,
    qs21 * c + qs22 * d,
  );
  cov[2] = cov[1]; // exact symmetry (the two products differ only by rounding)
  return {
    mass: m * grid1.h * grid2.h,
    mean: Float64Array.of(a * e1 + b * e2, c * e1 + d * e2),
    cov,
  };
}
