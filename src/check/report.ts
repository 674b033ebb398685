import { describeValue, requireNonEmptyString } from "../base";
import { CheckError, CheckFields, CheckResult } from "./check-error";
import { formatSignificant } from "./format-significant";
import { formatUnchecked } from "./format-significant";

/** Formats a compared value (5 significant digits). */
export function fmtValue(x: number): string {
  return formatUnchecked(x, 5);
}

/** Formats a tolerance, difference or excess (3 significant digits). */
export function fmtTol(x: number): string {
  return formatUnchecked(x, 3);
}

/** What a check reports to a recorder: its evidence and whether it held. */
export interface CheckRecord extends CheckFields {
  readonly passed: boolean;
  readonly message: string;
}

/** Receives every check's record (a calibration run, a test harness). */
export type CheckRecorder = (record: CheckRecord) => void;

let recorder: CheckRecorder | null = null;
let mode: "throw" | "record" = "throw";

/**
 * Installs (or, with null, removes) the function that receives every check's record, passing or
 * failing. The notebook kernel installs one when `ITOLAB_CHECK_LOG` names a file (the runner's
 * check log), and `npm run calibrate` installs one in each of its runs.
 * @param r the recorder, or null
 */
export function setCheckRecorder(r: CheckRecorder | null): void {
  if (r !== null && typeof r !== "function") {
    throw new TypeError(
      `setCheckRecorder: recorder must be a function or null, got ${describeValue(r)}`,
    );
  }
  recorder = r;
}

/**
 * "throw" (the default): a failing check throws its `CheckError`. "record": it prints its
 * "✗ …" line, reports to the recorder and returns, so that a calibration run sees every check
 * of a notebook under a seed, not only the first failure.
 * @param m "throw" or "record"
 */
export function setCheckMode(m: "throw" | "record"): void {
  if (m !== "throw" && m !== "record") {
    throw new TypeError(`setCheckMode: mode must be "throw" or "record", got ${describeValue(m)}`);
  }
  mode = m;
}

/**
 * The reason as printed: with the declared false-fail rate when the check is stochastic (a
 * p-value check at level α already says it, unless it declares another rate).
 */
function printedReason(fields: CheckFields): string {
  if (!(fields.falseFail > 0)) return fields.reason;
  if (fields.kind === "pValue" && fields.falseFail === fields.expected) return fields.reason;
  return `${fields.reason}; P(false fail) = ${formatSignificant(fields.falseFail, 2)}`;
}

/**
 * Records a passing check: prints "✓ label: detail (reason)" through `console.log` unless
 * `process.env.ITOLAB_CHECK_QUIET === "1"` (read at each call), and returns the result record.
 * @param fields - the evidence.
 * @param detail - the text between the label and the parenthesised reason.
 */
export function pass(fields: CheckFields, detail: string): void {
  const message = `✓ ${fields.label}: ${detail} (${printedReason(fields)})`;
  if (printing()) console.log(message);
  last = { ...fields, passed: true, message };
  recorder?.({ ...fields, passed: true, message });
}

/** Whether evidence lines are printed (not under `ITOLAB_CHECK_QUIET=1`, nor without a process). */
function printing(): boolean {
  return typeof process === "undefined" || process.env?.ITOLAB_CHECK_QUIET !== "1";
}

let last: CheckResult | null = null;

/**
 * The record of the most recent passing check (for tabulating results, and for tests). Checks
 * themselves return nothing, so that a notebook cell ending in a check shows only its one-line
 * evidence, not the record as well.
 */
export function lastCheckResult(): CheckResult | null {
  return last;
}

/**
 * A failing check: throws the `CheckError` "✗ label: detail (reason)"; in "record" mode prints
 * that line instead, reports it to the recorder and returns.
 * @param fields - the evidence.
 * @param detail - the text between the label and the parenthesised reason.
 */
export function fail(fields: CheckFields, detail: string): void {
  const message = `✗ ${fields.label}: ${detail} (${printedReason(fields)})`;
  recorder?.({ ...fields, passed: false, message });
  if (mode === "record") {
    if (printing()) console.log(message);
    return;
  }
  throw new CheckError(message, fields);
}

/**
 * Validates the label and the options object with its non-empty `reason`; returns the reason.
 * A label or reason that is not a string is a TypeError; an empty (or blank) one a RangeError.
 */
export function requireLabelAndReason(fn: string, label: unknown, options: unknown): string {
  requireNonEmptyString(fn, "label", label);
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(
      `${fn}: options must be an object with a reason, got ${describeValue(options)}`,
    );
  }
  return requireNonEmptyString(fn, "options.reason", (options as { reason?: unknown }).reason);
}

/**
 * Validates a number that is compared: any number, NaN and ±Infinity included, because a
 * check fails on them (with a CheckError that shows the value) rather than refusing them.
 */
export function requireNumber(fn: string, name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TypeError(`${fn}: ${name} must be a number, got ${describeValue(value)}`);
  }
  return value;
}
