import type { OperatorSource } from "./operator-source";
import {
  type Tridiagonal,
  applyTridiagonal,
  factorShifted,
  shiftedFactors,
  solveShifted,
  tridiagonal,
} from "../linalg";
import {
  describeValue,
  requireFinite,
  requireFiniteArray,
  requireInteger,
  requirePositive,
} from "../base";
import { requireScheme } from "./checks";

/** The implicit time schemes for $\dot p = A(t)\,p$. */
export type ImplicitScheme = "backward-euler" | "tr-bdf2";

/** One-step map $p \mapsto p(t + \Delta t)$ in place; allocates nothing per step. */
export interface ImplicitStepper {
  readonly n: number;
  readonly scheme: ImplicitScheme;
  /** time order of the scheme (1 or 2) */
  readonly order: number;
  /**
   * Advances p (n) from t to t + dt in place.
   * @param t a finite time
   * @param dt a finite step > 0
   * @param p (n) finite values; a RangeError names t and dt if they stop being finite
   */
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
export function implicitStepper(op: OperatorSource, scheme?: ImplicitScheme): ImplicitStepper {
  const fn = "implicitStepper";
  requireOperatorSource(fn, "op", op);
  const kind = requireScheme(fn, "scheme", scheme);
  const n = op.n;
  const at = `${fn}.step`;
  let caller = fn; // what the user is calling when op.assemble runs: the factory, then step
  const checkedOp: OperatorSource = {
    n,
    timeDependent: op.timeDependent,
    assemble(t: number, out: Tridiagonal): void {
      op.assemble(t, out);
      for (const [name, v] of [
        ["lower", out.lower],
        ["diag", out.diag],
        ["upper", out.upper],
      ] as const) {
        for (let i = 0; i < n; i++) {
          if (!Number.isFinite(v[i])) {
            throw new RangeError(
              `${caller}: op.assemble(t = ${t}) wrote ${name}[${i}] = ${v[i]}; an operator's entries must be finite`,
            );
          }
        }
      }
    },
  };
  const advance = stepFunction(checkedOp, kind);
  caller = at;
  return Object.freeze({
    n,
    scheme: kind,
    order: kind === "backward-euler" ? 1 : 2,
    step(t: number, dt: number, p: Float64Array): void {
      requireFinite(at, "t", t);
      requirePositive(at, "dt", dt);
      requireFiniteArray(at, "p", p, n);
      advance(t, dt, p);
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(p[i])) {
          throw new RangeError(
            `${at}: p is not finite after the step from t = ${t} by dt = ${dt} (p[${i}] = ${p[i]}): check the operator's entries`,
          );
        }
      }
    },
  });
}

/** Throws a TypeError unless `op` is an OperatorSource (assemble, integer n >= 1, boolean timeDependent). @internal */
export function requireOperatorSource(fn: string, name: string, op: unknown): OperatorSource {
  const o = op as OperatorSource;
  if (
    o === null ||
    typeof o !== "object" ||
    typeof o.assemble !== "function" ||
    typeof o.timeDependent !== "boolean"
  ) {
    throw new TypeError(
      `${fn}: ${name} must be an OperatorSource (assemble, n, timeDependent), got ${describeValue(op)}`,
    );
  }
  requireInteger(fn, `${name}.n`, o.n, 1);
  return o;
}

/**
 * The unchecked one-step map of `scheme` for `op` (the drivers' inner loop): allocates its
 * scratch once, nothing per step. @internal
 */
export function stepFunction(
  op: OperatorSource,
  scheme: ImplicitScheme,
): (t: number, dt: number, p: Float64Array) => void {
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
  return scheme === "backward-euler" ? backwardEuler : trBdf2;
}
