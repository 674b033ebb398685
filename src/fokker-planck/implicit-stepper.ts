import type { OperatorSource } from "./fokker-planck-operator";
import {
  applyTridiagonal,
  factorShifted,
  shiftedFactors,
  solveShifted,
  tridiagonal,
} from "../linalg";
import { describeValue } from "../base";

/** The implicit time schemes for $\dot p = A(t)\,p$. */
export type ImplicitScheme = "backward-euler" | "tr-bdf2";

/** One-step map $p \mapsto p(t + \Delta t)$ in place; allocates nothing per step. */
export interface ImplicitStepper {
  readonly n: number;
  readonly scheme: ImplicitScheme;
  /** time order of the scheme (1 or 2) */
  readonly order: number;
  /** Advances p (n) from t to t + dt (dt > 0) in place. */
  step(t: number, dt: number, p: Float64Array): void;
}

const gamma = 2 - Math.SQRT2; // TR-BDF2 stage fraction: equal matrices in both stages

/**
 * Backward Euler $(I - \Delta t A(t+\Delta t))\,p^{n+1} = p^n$ (order 1, L-stable; for a
 * Fokker–Planck operator it conserves mass and maps $p \ge 0$ to $p^{n+1} \ge 0$ for every Δt),
 * or TR-BDF2 (order 2, L-stable, conserves mass; its trapezoidal stage keeps $p \ge 0$ only while
 * $\tfrac{\gamma}{2}\Delta t \max_i |A_{ii}| \le 1$, $\gamma = 2 - \sqrt2$). One tridiagonal solve
 * per stage; with a time-independent operator the factors are computed once per Δt, so a step
 * costs O(n).
 * @param op - the operator source, e.g. `fokkerPlanckOperator(grid, coefficients)`.
 * @param scheme - "backward-euler" (default) or "tr-bdf2".
 * @returns the stepper.
 * @see R. E. Bank et al. (1985), IEEE Trans. CAD 4(4), eqs. (9)–(10) (TR-BDF2); M. E. Hosea &
 *   L. F. Shampine (1996), Appl. Numer. Math. 20, §2 (γ = 2 − √2).
 */
export function implicitStepper(
  op: OperatorSource,
  scheme: ImplicitScheme = "backward-euler",
): ImplicitStepper {
  const fn = "implicitStepper";
  if (typeof op !== "object" || op === null || typeof op.assemble !== "function") {
    throw new TypeError(`${fn}: op must be an OperatorSource, got ${describeValue(op)}`);
  }
  if (scheme !== "backward-euler" && scheme !== "tr-bdf2") {
    throw new RangeError(
      `${fn}: scheme must be "backward-euler" or "tr-bdf2", got ${describeValue(scheme)}`,
    );
  }
  const n = op.n;
  const a = tridiagonal(n); // A at the stage's end time
  const a0 = tridiagonal(n); // A(t) for the explicit half of the trapezoidal stage
  const f1 = shiftedFactors(n);
  const f2 = shiftedFactors(n);
  const p0 = new Float64Array(n);
  const r = new Float64Array(n);
  let cachedDt = NaN; // dt of the cached factors (time-independent operators only)
  const frozen = !op.timeDependent;
  if (frozen) op.assemble(0, a);
  const w = 0.5 * gamma; // BDF2 stage weight (1 − γ)/(2 − γ), which equals γ/2: f1 serves both stages
  const c1 = 1 / (gamma * (2 - gamma));
  const c0 = ((1 - gamma) * (1 - gamma)) / (gamma * (2 - gamma));
  const backwardEuler = (t: number, dt: number, p: Float64Array): void => {
    if (!frozen) {
      op.assemble(t + dt, a);
      factorShifted(a, dt, f1);
    } else if (dt !== cachedDt) {
      factorShifted(a, dt, f1);
      cachedDt = dt;
    }
    solveShifted(f1, p, p);
  };
  const trBdf2 = (t: number, dt: number, p: Float64Array): void => {
    p0.set(p);
    if (!frozen) op.assemble(t, a0);
    applyTridiagonal(frozen ? a : a0, p0, r); // r = A(t) p^n
    for (let i = 0; i < n; i++) r[i] = p0[i] + 0.5 * gamma * dt * r[i];
    if (!frozen) {
      op.assemble(t + gamma * dt, a);
      factorShifted(a, 0.5 * gamma * dt, f1);
    } else if (dt !== cachedDt) {
      factorShifted(a, 0.5 * gamma * dt, f1);
      cachedDt = dt;
    }
    solveShifted(f1, r, p); // p = p^{n+γ}
    for (let i = 0; i < n; i++) r[i] = c1 * p[i] - c0 * p0[i];
    if (!frozen) {
      op.assemble(t + dt, a);
      factorShifted(a, w * dt, f2);
      solveShifted(f2, r, p);
    } else {
      solveShifted(f1, r, p);
    }
  };
  return Object.freeze({
    n,
    scheme,
    order: scheme === "backward-euler" ? 1 : 2,
    step: scheme === "backward-euler" ? backwardEuler : trBdf2,
  });
}
