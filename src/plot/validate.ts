import { describeValue } from "../base";

/**
 * Validates a non-empty `number[]` or numeric typed array (values may be non-finite: they plot
 * as gaps). Throws TypeError for a wrong type, RangeError for an empty series.
 */
export function requireSeries(fn: string, name: string, value: unknown): ArrayLike<number> {
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
  const series = value as ArrayLike<number>;
  if (series.length === 0) {
    throw new RangeError(`${fn}: ${name} must be non-empty, got ${describeValue(value)}`);
  }
  return series;
}

/** Validates that two series have the same length. */
export function requireSameLength(
  fn: string,
  names: [string, string],
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): void {
  if (a.length !== b.length) {
    throw new RangeError(
      `${fn}: ${names[1]} must have the length of ${names[0]} (${a.length}), got ${b.length}`,
    );
  }
}

/** Validates an options object (undefined allowed) and returns it. */
export function requireOptions<T extends object>(fn: string, options: T | undefined): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object, got ${describeValue(options)}`);
  }
  return options;
}

/** Validates an optional string option (a name, a title or a CSS colour). */
export function optionalString(fn: string, name: string, value: unknown): string | undefined {
  if (value !== undefined && typeof value !== "string") {
    throw new TypeError(`${fn}: ${name} must be a string, got ${describeValue(value)}`);
  }
  return value;
}

/** Validates an optional finite number in [lo, hi] (TypeError if not a number, else RangeError). */
export function optionalNumberIn(
  fn: string,
  name: string,
  value: unknown,
  lo: number,
  hi: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number") {
    throw new TypeError(`${fn}: ${name} must be a number, got ${describeValue(value)}`);
  }
  if (!(Number.isFinite(value) && value >= lo && value <= hi)) {
    throw new RangeError(
      `${fn}: ${name} must be a finite number in [${lo}, ${hi}], got ${describeValue(value)}`,
    );
  }
  return value;
}
