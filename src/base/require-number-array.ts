import { describeValue } from "./describe-value";

/**
 * Throws a TypeError unless `v` is a `number[]` or a numeric typed array (not a DataView, not a
 * BigInt64Array); returns it. Entries may be NaN or ±Infinity: for values a caller compares or
 * draws (a check fails on them, a plot shows a gap), not values it computes with (see
 * requireSample, requireFiniteArray).
 */
export function requireNumberArray(fn: string, name: string, v: unknown): ArrayLike<number> {
  const ok =
    (Array.isArray(v) && v.every((x) => typeof x === "number")) ||
    (ArrayBuffer.isView(v) &&
      !(v instanceof DataView) &&
      !(v instanceof BigInt64Array) &&
      !(v instanceof BigUint64Array));
  if (!ok) {
    throw new TypeError(
      `${fn}: ${name} must be a number[] or a typed array, got ${describeValue(v)}`,
    );
  }
  return v as ArrayLike<number>;
}
