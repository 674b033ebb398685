import { requirePositive } from "../base";
import type { BrownianSource } from "../brownian";
import { checkIntegrateArgs } from "./integrate";
import { checkSde, type Sde } from "./sde";
import type { Solver } from "./solver";

/**
 * $\tau_R = \min\{t_k : \max_i |X^i_{t_k}| > R \text{ or } X_{t_k} \text{ not finite}\}$ per path, the
 * first grid time the numerical solution leaves the ball of radius R ($+\infty$ if it never does
 * on the grid): how a blow-up is measured. As $R \to \infty$ and $h \to 0$ it tends to the explosion
 * time (for $dX = X^2dt$, $\tau_R = 1/x_0 - 1/R$ exactly). A path that has left is no longer
 * stepped (its state is reset to $x_0$ so the batch stays finite); stepping stops once all left.
 * @param sde the SDE; its noise dimension must equal the path's
 * @param solver e.g. `eulerMaruyama`; must support the SDE's noise class
 * @param x0 (n, d) row-major finite initial states, n = path.paths
 * @param path Brownian increments (stored or stream), n paths of dimension m
 * @param radius R > 0
 * @returns (n) exit times; $+\infty$ for a path that stays within R up to $t_K$
 * @see Øksendal (2003), Stochastic Differential Equations, 6th ed., Example 5.1.1 (explosion of
 *   $dX = X^2dt$ at $1/x_0$); Khasminskii (2012), Stochastic Stability, §3.3 (explosion time)
 */
export function exitTimes(
  sde: Sde,
  solver: Solver,
  x0: Float64Array,
  path: BrownianSource,
  radius: number,
): Float64Array {
  const fn = "exitTimes";
  checkSde(fn, sde);
  checkIntegrateArgs(fn, sde, solver, x0, path);
  const R = requirePositive(fn, "radius", radius);
  const n = path.paths;
  const d = sde.dim;
  const m = path.dim;
  const x = Float64Array.from(x0); // (n, d)
  const dW = new Float64Array(n * m); // (n, m)
  const dZ = solver.levyArea ? new Float64Array(n * m) : null;
  const stepper = solver.stepper(sde, n);
  const tau = new Float64Array(n).fill(Infinity);
  const outside = (r: number): boolean => {
    for (let i = 0; i < d; i++) if (!(Math.abs(x[r * d + i]) <= R)) return true; // NaN too
    return false;
  };
  let left = 0;
  for (let r = 0; r < n; r++) {
    if (outside(r)) {
      tau[r] = path.grid.at(0);
      left++;
    }
  }
  const K = path.grid.steps;
  let t = path.grid.at(0);
  for (let k = 0; k < K && left < n; k++) {
    const t1 = path.grid.at(k + 1);
    path.increments(k, dW, dZ);
    stepper.step(t, t1 - t, x, dW, dZ);
    for (let r = 0; r < n; r++) {
      if (tau[r] === Infinity && outside(r)) {
        tau[r] = t1;
        left++;
      }
      if (tau[r] !== Infinity) for (let i = 0; i < d; i++) x[r * d + i] = x0[r * d + i];
    }
    t = t1;
  }
  return tau;
}
