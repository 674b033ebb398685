import { bernoulliUnchecked as bernoulli } from "./bernoulli";
import { CellGrid, requireGrid } from "./cell-grid";
import { checkCoefficients1d, Coefficients1d } from "./coefficients";
import { operatorSource, type OperatorSource } from "./operator-source";

/**
 * $\dot p_i = -(J_{i+1/2} - J_{i-1/2})/h$ with the Scharfetter–Gummel (Chang–Cooper) flux
 * $J_{i+1/2} = \big(B(-z_{i+1/2})\,D_i p_i - B(z_{i+1/2})\,D_{i+1} p_{i+1}\big)/h$, $B(z) = z/(e^z-1)$,
 * $z_{i+1/2} = \int_{x_i}^{x_{i+1}} f/D\,dx$ (midpoint rule, or $\Phi_i - \Phi_{i+1}$ with a
 * potential), and $J_{-1/2} = J_{n-1/2} = 0$ (zero flux). The flux is exact for locally constant
 * $f/D$ and second-order accurate; off-diagonals are > 0 and columns sum to zero, so mass is
 * conserved and $I - \Delta t\,A$ is an M-matrix (positivity).
 * @param grid - the cell grid (n cells).
 * @param coefficients - drift, diffusion, optional potential, timeDependent.
 * @returns the operator source $A(t)$; `assemble(t, out)` takes a finite t and a Tridiagonal of
 *   size n, and throws a RangeError naming x and t if f/D or D is not finite or D ≤ 0.
 * @see J. S. Chang & G. Cooper (1970), J. Comput. Phys. 6, 1–16 (the weighted flux); Scharfetter & Gummel
 * (1969); L. Pareschi & M. Zanella (2018), J. Sci. Comput. 74 (structure-preserving schemes).
 */
export function fokkerPlanckOperator(grid: CellGrid, coefficients: Coefficients1d): OperatorSource {
  const fn = "fokkerPlanckOperator";
  return buildFokkerPlanckOperator(fn, grid, coefficients, `${fn}.assemble`, true);
}

/**
 * {@link fokkerPlanckOperator} for any caller: the argument checks name `fn`, the errors of
 * `assemble` name `at` (the function the user called: `fokkerPlanckOperator.assemble`, or a driver
 * such as `solveFokkerPlanck`); `checked` validates assemble's own arguments (a public operator)
 * or not (a driver passes valid ones). @internal
 */
export function buildFokkerPlanckOperator(
  fn: string,
  grid: CellGrid,
  coefficients: Coefficients1d,
  at: string,
  checked: boolean,
): OperatorSource {
  requireGrid(fn, "grid", grid);
  const timeDependent = checkCoefficients1d(fn, coefficients);
  const { n, h, x, edges } = grid;
  const { drift, diffusion, potential } = coefficients;
  const d = new Float64Array(n); // D_i = g(t, x_i)² / 2
  const z = new Float64Array(n); // z[i] = z_{i+1/2}, i < n − 1
  const bad = (what: string, v: number, xi: number, t: number): never => {
    throw new RangeError(
      `${at}: ${what} must be finite${what.startsWith("D") ? " and > 0" : ""}, got ${v} at x = ${xi}, t = ${t}`,
    );
  };
  return operatorSource(n, timeDependent, at, checked, (t, out) => {
    for (let i = 0; i < n; i++) {
      const g = diffusion(t, x[i]);
      d[i] = 0.5 * g * g;
      if (!(d[i] > 0 && d[i] < Infinity)) bad("D = g²/2", d[i], x[i], t);
    }
    if (potential !== undefined) {
      let prev = potential(t, x[0]);
      if (!Number.isFinite(prev)) bad("potential Φ", prev, x[0], t);
      for (let i = 0; i < n - 1; i++) {
        const next = potential(t, x[i + 1]);
        if (!Number.isFinite(next)) bad("potential Φ", next, x[i + 1], t);
        z[i] = prev - next;
        prev = next;
      }
    } else {
      for (let i = 0; i < n - 1; i++) {
        const xf = edges[i + 1];
        const g = diffusion(t, xf);
        const df = 0.5 * g * g;
        if (!(df > 0 && df < Infinity)) bad("D = g²/2", df, xf, t);
        const f = drift(t, xf);
        if (!Number.isFinite(f)) bad("drift f", f, xf, t);
        z[i] = (h * f) / df;
        if (!Number.isFinite(z[i])) bad("Péclet number h f/D", z[i], xf, t);
      }
    }
    const { lower, diag, upper } = out;
    const s = 1 / (h * h);
    lower[0] = 0;
    upper[n - 1] = 0;
    for (let i = 0; i < n - 1; i++) {
      // flux through face i+1/2: out of cell i at rate B(−z) D_i, out of cell i+1 at B(z) D_{i+1}
      upper[i] = s * bernoulli(z[i]) * d[i + 1]; // A_{i,i+1}
      lower[i + 1] = s * bernoulli(-z[i]) * d[i]; // A_{i+1,i}
    }
    // zero column sums: what leaves cell j arrives in its neighbours
    diag[0] = -lower[1];
    for (let j = 1; j < n - 1; j++) diag[j] = -(upper[j - 1] + lower[j + 1]);
    diag[n - 1] = -upper[n - 2];
  });
}
