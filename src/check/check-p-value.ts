import { describeValue, requireFinite } from "../base";
import { CheckFields } from "./check-error";
import { declaredFalseFail, FalseFailOption } from "./false-fail";
import { fail, fmtTol, fmtValue, pass, requireLabelAndReason, requireNumber } from "./report";

/** The significance level of a goodness-of-fit check, and why. */
export interface CheckPValueOptions extends FalseFailOption {
  /** Significance level α in (0, 1): the check fails with probability α under the null. */
  readonly alpha: number;
  /** The test and its null, e.g. "KS test of W_1 against N(0, 1), N = 2000, seed 7". */
  readonly reason: string;
}

/**
 * Checks a goodness-of-fit p-value: $p \ge \alpha$. Prints "✓ label: p = … ≥ α = … (reason)"
 * or throws a `CheckError` whose `excess` is $\alpha - p$. NaN fails.
 * @param label - what is tested.
 * @param p - the p-value, in [0, 1] (or NaN, which fails).
 * @param options - `alpha` and the `reason`.
 * Returns nothing; `lastCheckResult()` then holds the record (`actual` = p, `expected` = α, `tolerance` = 0).
 */
export function checkPValue(label: string, p: number, options: CheckPValueOptions): void {
  const fn = "checkPValue";
  const reason = requireLabelAndReason(fn, label, options);
  requireNumber(fn, "p", p);
  if (p < 0 || p > 1) {
    throw new RangeError(`${fn}: p must be a probability in [0, 1], got ${describeValue(p)}`);
  }
  const alpha = requireFinite(
    fn,
    "options.alpha",
    options.alpha,
    "in (0, 1)",
    (a) => a > 0 && a < 1,
  );
  const fields: CheckFields = {
    kind: "pValue",
    label,
    actual: p,
    expected: alpha,
    tolerance: 0,
    reason,
    excess: alpha - p,
    index: null,
    falseFail: declaredFalseFail(fn, options, alpha),
    statistic: null,
    spec: `α = ${alpha}`,
  };
  if (p >= alpha) return pass(fields, `p = ${fmtValue(p)} ≥ α = ${fmtValue(alpha)}`);
  return fail(fields, `p = ${fmtValue(p)} < α = ${fmtValue(alpha)}, short by ${fmtTol(alpha - p)}`);
}
