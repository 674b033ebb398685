import { describeValue } from "./describe-value";

/**
 * Throws unless `v` is a string with at least one non-blank character (a label, a reason, a
 * name); returns it. A non-string is a TypeError, an empty or blank string a RangeError:
 * `fn: label must be a non-empty string, got ""`.
 */
export function requireNonEmptyString(fn: string, name: string, v: unknown): string {
  if (typeof v !== "string") {
    throw new TypeError(`${fn}: ${name} must be a non-empty string, got ${describeValue(v)}`);
  }
  if (v.trim() === "") {
    throw new RangeError(`${fn}: ${name} must be a non-empty string, got ${describeValue(v)}`);
  }
  return v;
}
