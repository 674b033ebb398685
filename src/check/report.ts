import { describeValue } from "../base";
import { CheckError, CheckFields, CheckResult } from "./check-error";
import { formatUnchecked } from "./format-significant";

/** Formats a compared value (5 significant digits). */
export function fmtValue(x: number): string {
  return formatUnchecked(x, 5);
}

/** Formats a tolerance, difference or excess (3 significant digits). */
export function fmtTol(x: number): string {
  return formatUnchecked(x, 3);
}

/**
 * Records a passing check: prints "✓ label: detail (reason)" through `console.log` unless
 * `process.env.ITOLAB_CHECK_QUIET === "1"` (read at each call), and returns the result record.
 * @param fields - the evidence.
 * @param detail - the text between the label and the parenthesised reason.
 */
export function pass(fields: CheckFields, detail: string): void {
  const message = `✓ ${fields.label}: ${detail} (${fields.reason})`;
  if (process.env.ITOLAB_CHECK_QUIET !== "1") console.log(message);
  last = { ...fields, passed: true, message };
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
 * Throws the `CheckError` "✗ label: detail (reason)".
 * @param fields - the evidence.
 * @param detail - the text between the label and the parenthesised reason.
 */
export function fail(fields: CheckFields, detail: string): never {
  throw new CheckError(`✗ ${fields.label}: ${detail} (${fields.reason})`, fields);
}

/**
 * Validates the label and the options object with its non-empty `reason`; returns the reason.
 * A label or reason that is not a string is a TypeError; an empty (or blank) one a RangeError.
 */
export function requireLabelAndReason(fn: string, label: unknown, options: unknown): string {
  requireText(fn, "label", label);
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(
      `${fn}: options must be an object with a reason, got ${describeValue(options)}`,
    );
  }
  return requireText(fn, "options.reason", (options as { reason?: unknown }).reason);
}

/** Throws unless v is a string with a non-blank character; returns it. */
function requireText(fn: string, name: string, v: unknown): string {
  if (typeof v !== "string") {
    throw new TypeError(`${fn}: ${name} must be a non-empty string, got ${describeValue(v)}`);
  }
  if (v.trim() === "") {
    throw new RangeError(`${fn}: ${name} must be a non-empty string, got ${describeValue(v)}`);
  }
  return v;
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

/**
 * Validates an array of numbers that are compared (`number[]` or a typed array); entries may be
 * non-finite: the check fails on them.
 */
export function requireNumbers(fn: string, name: string, value: unknown): ArrayLike<number> {
  const ok =
    (Array.isArray(value) && value.every((v) => typeof v === "number")) ||
    (ArrayBuffer.isView(value) &&
      !(value instanceof DataView) &&
      !(value instanceof BigInt64Array) &&
      !(value instanceof BigUint64Array));
  if (!ok) {
    throw new TypeError(
      `${fn}: ${name} must be a number[] or a typed array, got ${describeValue(value)}`,
    );
  }
  return value as ArrayLike<number>;
}
