import { requireBoolean } from "../base";
import { CheckFields } from "./check-error";
import { declaredFalseFail, FalseFailOption } from "./false-fail";
import { fail, pass, requireLabelAndReason } from "./report";

/** The evidence for a boolean fact. */
export interface CheckTrueOptions extends FalseFailOption {
  /** The evidence, e.g. "both solvers read the same 1024 increments" (required, non-empty). */
  readonly reason: string;
}

/**
 * Checks a plain boolean fact; prints "✓ label: true (reason)" or throws a `CheckError`.
 * The condition must be a boolean, so that truthy values (1, "no") are not silently accepted.
 * @param label - the fact, e.g. "paths are identical for equal seeds".
 * @param condition - the fact's truth value (a boolean).
 * @param options - the `reason`: the evidence.
 * Returns nothing; `lastCheckResult()` then holds the record (`actual` = condition, `expected` = true).
 */
export function checkTrue(label: string, condition: boolean, options: CheckTrueOptions): void {
  const fn = "checkTrue";
  const reason = requireLabelAndReason(fn, label, options);
  requireBoolean(fn, "condition", condition);
  const fields: CheckFields = {
    kind: "true",
    label,
    actual: condition,
    expected: true,
    tolerance: 0,
    reason,
    excess: null,
    index: null,
    falseFail: declaredFalseFail(fn, options, 0),
    statistic: null,
    spec: "true",
  };
  return condition ? pass(fields, "true") : fail(fields, "false, expected true");
}
