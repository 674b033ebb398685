import { requireFinite, requireNonNegative, requirePositive } from "../base";
import { CheckFields } from "./check-error";
import { declaredFalseFail, FalseFailOption, twoSidedNormalTail } from "./false-fail";
import { fail, fmtTol, fmtValue, pass, requireLabelAndReason, requireNumber } from "./report";

/** How many standard errors a Monte Carlo estimate may miss by, and why. */
export interface CheckWithinSEOptions extends FalseFailOption {
  /** Number of standard errors allowed, finite and > 0 (e.g. 3 or 4). */
  readonly z: number;
  /** How the SE was obtained, e.g. "SE = sqrt(2/N) with N = 10000" (required, non-empty). */
  readonly reason: string;
}

/**
 * Checks a Monte Carlo estimate: $|\hat\theta - \theta| \le z \cdot \mathrm{SE}$. Prints
 * "✓ label: est vs expected within z·SE (z SE, reason; P(false fail) = …)" or throws a
 * `CheckError`. NaN fails. It declares the false-fail rate $2P(Z > z)$ of a normal estimate
 * (or `options.falseFail`) and records the statistic (estimate − expected)/SE.
 * @param label - what is estimated, e.g. "Var(W_1)".
 * @param estimate - the Monte Carlo estimate.
 * @param expected - the exact value (finite).
 * @param se - the standard error of the estimate, finite and ≥ 0.
 * @param options - `z` and the `reason`.
 * Returns nothing; `lastCheckResult()` then holds the record (`tolerance` = z·SE).
 */
export function checkWithinSE(
  label: string,
  estimate: number,
  expected: number,
  se: number,
  options: CheckWithinSEOptions,
): void {
  const fn = "checkWithinSE";
  const reason = requireLabelAndReason(fn, label, options);
  requireNumber(fn, "estimate", estimate);
  requireFinite(fn, "expected", expected);
  requireNonNegative(fn, "se", se);
  const z = requirePositive(fn, "options.z", options.z);
  const tolerance = z * se;
  const diff = Math.abs(estimate - expected);
  const fields: CheckFields = {
    kind: "withinSE",
    label,
    actual: estimate,
    expected,
    tolerance,
    reason: `${fmtTol(z)} SE, ${reason}`,
    excess: diff - tolerance,
    index: null,
    falseFail: declaredFalseFail(fn, options, twoSidedNormalTail(z)),
    statistic: se > 0 ? (estimate - expected) / se : null,
    spec: `z = ${z}`,
  };
  const pair = `${fmtValue(estimate)} vs ${fmtValue(expected)}`;
  if (diff <= tolerance) return pass(fields, `${pair} within ${fmtTol(tolerance)}`);
  return fail(
    fields,
    `${pair} differ by ${fmtTol(diff)} = ${fmtTol(se > 0 ? diff / se : Infinity)} SE, beyond ${fmtTol(tolerance)} by ${fmtTol(diff - tolerance)}`,
  );
}
