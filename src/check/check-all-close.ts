import { requireAllFinite, requireFinite, requireNumberArray } from "../base";
import { CheckFields } from "./check-error";
import { declaredFalseFail } from "./false-fail";
import { CheckCloseOptions, tolerances } from "./check-close";
import { fail, fmtTol, fmtValue, pass, requireLabelAndReason } from "./report";

/**
 * Checks $|a_i - e_i| \le \text{abs} + \text{rel}\,|e_i|$ for every i and reports the worst
 * index (largest excess; the first NaN if any). Prints "✓ label: n values, worst [i] … (reason)"
 * or throws a `CheckError` carrying that index and how many elements failed.
 * @param label - what is compared, e.g. "Fokker–Planck density at t = 1".
 * @param actual - computed values, shape (n,), n ≥ 1 (any layout, compared elementwise).
 * @param expected - oracle values, shape (n,), finite; or one finite number for all i.
 * @param options - `abs` and/or `rel` (at least one), and the `reason`.
 * Returns nothing; `lastCheckResult()` then holds the record for the worst element (`index` set).
 */
export function checkAllClose(
  label: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number> | number,
  options: CheckCloseOptions,
): void {
  const fn = "checkAllClose";
  const reason = requireLabelAndReason(fn, label, options);
  requireNumberArray(fn, "actual", actual);
  const n = actual.length;
  if (n === 0) throw new RangeError(`${fn}: actual must not be empty, got length 0`);
  if (typeof expected === "number") requireFinite(fn, "expected", expected);
  else {
    requireNumberArray(fn, "expected", expected);
    if (expected.length !== n) {
      throw new RangeError(
        `${fn}: expected must have the length of actual (${n}), got ${expected.length}`,
      );
    }
    requireAllFinite(fn, "expected", expected);
  }
  const at = (i: number): number => (typeof expected === "number" ? expected : expected[i]);
  const { abs, rel } = tolerances(fn, options);
  const closeTolerance = (e: number): number => abs + rel * Math.abs(e);
  let worst = -1;
  let worstExcess = -Infinity;
  let failures = 0;
  for (let i = 0; i < n; i++) {
    const e = at(i);
    const excess = Math.abs(actual[i] - e) - closeTolerance(e);
    if (!(excess <= 0)) failures++;
    if (Number.isNaN(excess)) {
      if (!Number.isNaN(worstExcess)) [worst, worstExcess] = [i, NaN];
    } else if (excess > worstExcess) {
      [worst, worstExcess] = [i, excess];
    }
  }
  const e = at(worst);
  const tolerance = closeTolerance(e);
  const fields: CheckFields = {
    kind: "allClose",
    label,
    actual: actual[worst],
    expected: e,
    tolerance,
    reason,
    excess: worstExcess,
    index: worst,
    falseFail: declaredFalseFail(fn, options, 0),
    statistic: null,
    spec: `abs = ${abs}, rel = ${rel}, n = ${n}`,
  };
  const pair = `worst [${worst}] ${fmtValue(actual[worst])} vs ${fmtValue(e)}`;
  if (failures === 0) return pass(fields, `${n} values, ${pair} within ${fmtTol(tolerance)}`);
  const diff = Math.abs(actual[worst] - e);
  return fail(
    fields,
    `${failures} of ${n} values out of tolerance, ${pair} differ by ${fmtTol(diff)}, beyond tolerance ${fmtTol(tolerance)} by ${fmtTol(worstExcess)}`,
  );
}
