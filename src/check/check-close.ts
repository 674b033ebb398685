import { requireFinite, requireNonNegative, requireOption } from "../base";
import { CheckFields } from "./check-error";
import { declaredFalseFail, FalseFailOption } from "./false-fail";
import { fail, fmtTol, fmtValue, pass, requireLabelAndReason, requireNumber } from "./report";

/** Tolerances of `checkClose` and `checkAllClose`: `abs + rel·|expected|`, with its reason. */
export interface CheckCloseOptions extends FalseFailOption {
  /** Absolute tolerance, ≥ 0 (default 0). */
  readonly abs?: number;
  /** Relative tolerance, ≥ 0, times |expected| (default 0). */
  readonly rel?: number;
  /** Why this tolerance: rounding, truncation order, SE, … (required, non-empty). */
  readonly reason: string;
}

/**
 * Checks $|a - e| \le \text{abs} + \text{rel}\,|e|$ (numpy's `isclose` convention); prints
 * "✓ label: a vs e within tol (reason)" or throws a `CheckError`. NaN always fails.
 * @param label - what is being checked, e.g. "Var(W_1)".
 * @param actual - the computed scalar.
 * @param expected - the oracle's scalar (finite).
 * @param options - `abs` and/or `rel` (at least one), and the `reason`.
 * Returns nothing; `lastCheckResult()` then holds the record.
 */
export function checkClose(
  label: string,
  actual: number,
  expected: number,
  options: CheckCloseOptions,
): void {
  const fn = "checkClose";
  const reason = requireLabelAndReason(fn, label, options);
  requireNumber(fn, "actual", actual);
  requireFinite(fn, "expected", expected);
  const { abs, rel } = tolerances(fn, options);
  const tolerance = abs + rel * Math.abs(expected);
  const diff = Math.abs(actual - expected);
  const fields: CheckFields = {
    kind: "close",
    label,
    actual,
    expected,
    tolerance,
    reason,
    excess: diff - tolerance,
    index: null,
    falseFail: declaredFalseFail(fn, options, 0),
    statistic: null,
    spec: `abs = ${abs}, rel = ${rel}`,
  };
  const pair = `${fmtValue(actual)} vs ${fmtValue(expected)}`;
  if (diff <= tolerance) return pass(fields, `${pair} within ${fmtTol(tolerance)}`);
  return fail(
    fields,
    `${pair} differ by ${fmtTol(diff)}, beyond tolerance ${fmtTol(tolerance)} by ${fmtTol(diff - tolerance)}`,
  );
}

/** Validates `abs`/`rel` (at least one, finite, ≥ 0): the tolerance is `abs + rel·|expected|`. */
export function tolerances(fn: string, options: CheckCloseOptions): { abs: number; rel: number } {
  if (options.abs === undefined && options.rel === undefined) {
    throw new TypeError(`${fn}: options.abs or options.rel must be given, got neither`);
  }
  const abs = requireOption(fn, options, "options.abs", 0, requireNonNegative);
  const rel = requireOption(fn, options, "options.rel", 0, requireNonNegative);
  return { abs, rel };
}
