import { requireFinite } from "../base";
import { CheckFields } from "./check-error";
import { declaredFalseFail, FalseFailOption } from "./false-fail";
import { fail, fmtTol, fmtValue, pass, requireLabelAndReason, requireNumber } from "./report";

/** The reason a bound holds or is required. */
export interface CheckBoundOptions extends FalseFailOption {
  /** Why this bound, e.g. "strong error of Euler–Maruyama at h = 0.01" (required, non-empty). */
  readonly reason: string;
}

/**
 * Checks an upper bound $a \le b$; prints "✓ label: a ≤ b (reason)" or throws a `CheckError`
 * whose `excess` is $a - b$. A non-finite a fails (NaN, and −Infinity too: an overflow or a
 * log 0 is not evidence that a bound holds).
 * @param label - what is bounded.
 * @param actual - the computed scalar.
 * @param bound - the upper bound (finite).
 * @param options - the `reason`.
 * Returns nothing; `lastCheckResult()` then holds the record (`expected` = bound, `tolerance` = 0).
 */
export function checkBelow(
  label: string,
  actual: number,
  bound: number,
  options: CheckBoundOptions,
): void {
  return checkBound("checkBelow", "below", label, actual, bound, options);
}

/**
 * Checks a lower bound $a \ge b$; prints "✓ label: a ≥ b (reason)" or throws a `CheckError`
 * whose `excess` is $b - a$. A non-finite a fails (NaN, and +Infinity too).
 * @param label - what is bounded.
 * @param actual - the computed scalar.
 * @param bound - the lower bound (finite).
 * @param options - the `reason`.
 * Returns nothing; `lastCheckResult()` then holds the record (`expected` = bound, `tolerance` = 0).
 */
export function checkAbove(
  label: string,
  actual: number,
  bound: number,
  options: CheckBoundOptions,
): void {
  return checkBound("checkAbove", "above", label, actual, bound, options);
}

/** The shared body of `checkBelow` and `checkAbove`. */
function checkBound(
  fn: string,
  kind: "below" | "above",
  label: string,
  actual: number,
  bound: number,
  options: CheckBoundOptions,
): void {
  const reason = requireLabelAndReason(fn, label, options);
  requireNumber(fn, "actual", actual);
  requireFinite(fn, "bound", bound);
  // a non-finite value has no distance to the bound: NaN, so that it fails
  const excess = Number.isFinite(actual)
    ? kind === "below"
      ? actual - bound
      : bound - actual
    : NaN;
  const fields: CheckFields = {
    kind,
    label,
    actual,
    expected: bound,
    tolerance: 0,
    reason,
    excess,
    index: null,
    falseFail: declaredFalseFail(fn, options, 0),
    statistic: null,
    spec: `${kind === "below" ? "≤" : "≥"} ${bound}`,
  };
  const sign = kind === "below" ? "≤" : "≥";
  if (excess <= 0) return pass(fields, `${fmtValue(actual)} ${sign} ${fmtValue(bound)}`);
  if (!Number.isFinite(actual)) {
    return fail(
      fields,
      `${fmtValue(actual)} is not finite, so it is not ${sign} ${fmtValue(bound)}`,
    );
  }
  return fail(
    fields,
    `${fmtValue(actual)} is not ${sign} ${fmtValue(bound)}, past the bound by ${fmtTol(excess)}`,
  );
}
