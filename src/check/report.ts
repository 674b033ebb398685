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

/** Validates the label and the options object with its non-empty `reason`; returns the reason. */
export function requireLabelAndReason(fn: string, label: unknown, options: unknown): string {
  if (typeof label !== "string" || label.trim() === "") {
    throw new TypeError(`${fn}: label must be a non-empty string, got ${describeValue(label)}`);
  }
  if (typeof options !== "object" || options === null) {
    throw new TypeError(
      `${fn}: options must be an object with a reason, got ${describeValue(options)}`,
    );
  }
  const reason = (options as { reason?: unknown }).reason;
  if (typeof reason !== "string" || reason.trim() === "") {
    throw new TypeError(`${fn}: reason must be a non-empty string, got ${describeValue(reason)}`);
  }
  return reason;
}

/** Validates a number that is compared (NaN and ±Infinity allowed: they fail the check). */
export function requireNumber(fn: string, name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new TypeError(`${fn}: ${name} must be a number, got ${describeValue(value)}`);
  }
  return value;
}

/** Validates a finite number (an oracle value or a bound). */
export function requireFinite(fn: string, name: string, value: unknown): number {
  requireNumber(fn, name, value);
  if (!Number.isFinite(value)) {
    throw new RangeError(`${fn}: ${name} must be a finite number, got ${describeValue(value)}`);
  }
  return value as number;
}

/** Validates a finite, non-negative tolerance. */
export function requireTolerance(fn: string, name: string, value: unknown): number {
  requireFinite(fn, name, value);
  if ((value as number) < 0) {
    throw new RangeError(`${fn}: ${name} must be a finite number ≥ 0, got ${describeValue(value)}`);
  }
  return value as number;
}

/** Validates an array of numbers (`number[]` or a typed array); values may be non-finite. */
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
