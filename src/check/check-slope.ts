import {
  describeValue,
  requireFinite,
  requireNonNegative,
  requireNumberArray,
  requireOneOf,
} from "../base";
import { CheckFields } from "./check-error";
import { declaredFalseFail, FalseFailOption } from "./false-fail";
import { fail, fmtTol, fmtValue, pass, requireLabelAndReason } from "./report";

/** The expected slope, its band and reason, and the axes of the fit. */
export interface CheckSlopeOptions extends FalseFailOption {
  /** The slope the theory predicts, e.g. a solver's `strongOrder`. */
  readonly expected: number;
  /** Half-width of the accepted band: |fitted − expected| ≤ tolerance. */
  readonly tolerance: number;
  /** Why this band, e.g. "5 nested grids on one path, pre-asymptotic bias ≈ 0.1". */
  readonly reason: string;
  /** "log" (default) fits log y against log x, as in convergence plots; "linear" fits y against x. */
  readonly scale?: "log" | "linear";
}

/**
 * Checks the least-squares slope of $\log y$ against $\log x$ (or $y$ against $x$) lies in
 * expected ± tolerance. Prints "✓ label: slope … vs … within … (n points, reason)" or throws a
 * `CheckError`. Non-finite y, or y ≤ 0 on the log scale, gives a NaN slope, which fails.
 * @param label - what converges, e.g. "strong order of Euler–Maruyama".
 * @param x - abscissae, shape (n,), n ≥ 2, finite, not all equal (and > 0 for "log"), e.g. step sizes.
 * @param y - ordinates, shape (n,), e.g. errors.
 * @param options - `expected`, `tolerance`, `reason`, `scale`.
 * Returns nothing; `lastCheckResult()` then holds the record (`actual` = fitted slope).
 */
export function checkSlope(
  label: string,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  options: CheckSlopeOptions,
): void {
  const fn = "checkSlope";
  const reason = requireLabelAndReason(fn, label, options);
  requireNumberArray(fn, "x", x);
  requireNumberArray(fn, "y", y);
  const n = x.length;
  if (n < 2) throw new RangeError(`${fn}: x must have at least 2 values, got length ${n}`);
  if (y.length !== n) {
    throw new RangeError(`${fn}: y must have the length of x (${n}), got ${y.length}`);
  }
  const expected = requireFinite(fn, "options.expected", options.expected);
  const tolerance = requireNonNegative(fn, "options.tolerance", options.tolerance);
  const scale =
    options.scale === undefined
      ? "log"
      : requireOneOf(fn, "options.scale", options.scale, ["log", "linear"] as const);
  const log = scale === "log";
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  let badY = -1;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || (log && x[i] <= 0)) {
      const want = log ? "finite and > 0" : "finite";
      throw new RangeError(`${fn}: x must be ${want}, got x[${i}] = ${describeValue(x[i])}`);
    }
    u[i] = log ? Math.log(x[i]) : x[i];
    v[i] = log ? Math.log(y[i]) : y[i];
    if (!Number.isFinite(v[i]) && badY < 0) badY = i;
  }
  if (u.every((ui) => ui === u[0])) {
    throw new RangeError(`${fn}: x must not be all equal, got ${describeValue(x[0])} ${n} times`);
  }
  const slope = badY >= 0 ? NaN : leastSquaresSlope(u, v);
  const diff = Math.abs(slope - expected);
  const fields: CheckFields = {
    kind: "slope",
    label,
    actual: slope,
    expected,
    tolerance,
    reason: `${n} points, ${scale} scale, ${reason}`,
    excess: diff - tolerance,
    index: null,
    falseFail: declaredFalseFail(fn, options, 0),
    statistic: null,
    spec: `slope ${expected} ± ${tolerance}, ${scale}`,
  };
  const pair = `slope ${fmtValue(slope)} vs ${fmtValue(expected)}`;
  if (diff <= tolerance) return pass(fields, `${pair} within ${fmtTol(tolerance)}`);
  if (badY >= 0) {
    const want = log ? "finite and > 0" : "finite";
    return fail(fields, `${pair}: y must be ${want} to fit, got y[${badY}] = ${fmtValue(y[badY])}`);
  }
  return fail(
    fields,
    `${pair} differ by ${fmtTol(diff)}, beyond tolerance ${fmtTol(tolerance)} by ${fmtTol(diff - tolerance)}`,
  );
}

/** Ordinary least-squares slope $\sum (u-\bar u)(v-\bar v) / \sum (u-\bar u)^2$ (u not constant). */
function leastSquaresSlope(u: Float64Array, v: Float64Array): number {
  const n = u.length;
  let uSum = 0;
  let vSum = 0;
  for (let i = 0; i < n; i++) {
    uSum += u[i];
    vSum += v[i];
  }
  const uMean = uSum / n;
  const vMean = vSum / n;
  let suv = 0;
  let suu = 0;
  for (let i = 0; i < n; i++) {
    suv += (u[i] - uMean) * (v[i] - vMean);
    suu += (u[i] - uMean) ** 2;
  }
  return suv / suu;
}
