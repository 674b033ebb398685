import type { CellGrid } from "./cell-grid";
import type { Coefficients1d } from "./coefficients";
import { buildFokkerPlanckOperator } from "./fokker-planck-operator";
import { operatorSource, type OperatorSource } from "./operator-source";
import { Tridiagonal, transposeTridiagonal, tridiagonal } from "../linalg";

/**
 * $L_t u = f\,\partial_x u + D\,\partial_x^2 u$ discretised as $A(t)^\top$, the transpose of the
 * Fokker–Planck operator: row i reads $D_i\big(B(-z_{i+1/2})(u_{i+1} - u_i) + B(z_{i-1/2})(u_{i-1} -
 * u_i)\big)/h^2$, second-order consistent, with reflecting (Neumann) ends. Rows sum to zero
 * (constants are preserved) and the discrete duality $\langle u, p\rangle$ = const holds exactly.
 * Assembled at $t$: the backward equation $-\partial_t u = L_t u$ is marched in $\tau = T - t$ by
 * `kolmogorovBackward`, which asks for $A(T - \tau)^\top$.
 * @param grid - the cell grid (n cells).
 * @param coefficients - as for `fokkerPlanckOperator`.
 * @returns the operator source; `assemble(t, out)` takes a finite t and a Tridiagonal of size n.
 * @see B. Øksendal (2003), Stochastic Differential Equations, 6th ed., Thm. 8.1.1 (Kolmogorov's
 *   backward equation); duality with the forward operator: Pavliotis (2014), Stochastic Processes
 *   and Applications, §2.5.
 */
export function kolmogorovOperator(grid: CellGrid, coefficients: Coefficients1d): OperatorSource {
  const fn = "kolmogorovOperator";
  return buildKolmogorovOperator(fn, grid, coefficients, `${fn}.assemble`, true);
}

/** {@link kolmogorovOperator} for any caller, errors named as in `buildFokkerPlanckOperator`. @internal */
export function buildKolmogorovOperator(
  fn: string,
  grid: CellGrid,
  coefficients: Coefficients1d,
  at: string,
  checked: boolean,
): OperatorSource {
  const forward = buildFokkerPlanckOperator(fn, grid, coefficients, at, false);
  const n = forward.n;
  const a: Tridiagonal = tridiagonal(n);
  return operatorSource(n, forward.timeDependent, at, checked, (t, out) => {
    forward.assemble(t, a);
    transposeTridiagonal(a, out);
  });
}
