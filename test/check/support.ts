/** Test helper (not a test file): run a check and return the record it left. */
import { lastCheckResult, type CheckResult } from "../../src/check";

export function recorded(run: () => void): CheckResult {
  const before = lastCheckResult();
  run();
  const r = lastCheckResult();
  if (r === null || r === before) throw new Error("recorded: the check left no new record");
  return r;
}
