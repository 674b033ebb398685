import { describeValue, requireInRange, requireNonNegative } from "../base";

/**
 * Validates a `number[]` or numeric typed array, non-empty unless `allowEmpty` (values may be
 * non-finite: they plot as gaps, by design). Throws TypeError for a wrong type, RangeError for
 * an empty series.
 */
export function requireSeries(
  fn: string,
  name: string,
  value: unknown,
  allowEmpty = false,
): ArrayLike<number> {
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
  if (series.length === 0 && !allowEmpty) {
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

/** Validates an optional string option (a name, a title or a CSS colour). */
export function optionalString(fn: string, name: string, value: unknown): string | undefined {
  if (value !== undefined && typeof value !== "string") {
    throw new TypeError(`${fn}: ${name} must be a string, got ${describeValue(value)}`);
  }
  return value;
}

/** Validates an optional boolean option. */
export function optionalBoolean(fn: string, name: string, value: unknown): boolean | undefined {
  if (value !== undefined && typeof value !== "boolean") {
    throw new TypeError(`${fn}: ${name} must be a boolean, got ${describeValue(value)}`);
  }
  return value;
}

/** Validates an optional finite number in [lo, hi] (TypeError if not a number, else RangeError). */
export function optionalInRange(
  fn: string,
  name: string,
  value: unknown,
  lo: number,
  hi: number,
): number | undefined {
  return value === undefined ? undefined : requireInRange(fn, name, value, lo, hi);
}

/** Validates an optional finite number ≥ 0 (a width or a size in px). */
export function optionalNonNegative(fn: string, name: string, value: unknown): number | undefined {
  return value === undefined ? undefined : requireNonNegative(fn, name, value);
}

/** Validates a plain object (a layout, a trace): not null, not an array. */
export function requireObject(fn: string, name: string, value: unknown, what: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`${fn}: ${name} must be ${what}, got ${describeValue(value)}`);
  }
}

/**
 * Validates a figure's shape: an object with a non-empty `data` array of trace objects, and
 * `layout`, `config` objects and a `frames` array when present. @internal
 */
export function requirePlotFigure(fn: string, fig: unknown): void {
  const f = fig as { data?: unknown; layout?: unknown; config?: unknown; frames?: unknown };
  if (typeof f !== "object" || f === null || !Array.isArray(f.data)) {
    throw new TypeError(`${fn}: fig must be a { data, layout } figure, got ${describeValue(fig)}`);
  }
  if (f.data.length === 0) {
    throw new RangeError(`${fn}: fig.data must hold at least one trace, got an array of length 0`);
  }
  f.data.forEach((t: unknown, k) => requireObject(fn, `fig.data[${k}]`, t, "a trace object"));
  for (const key of ["layout", "config"] as const) {
    if (f[key] !== undefined) requireObject(fn, `fig.${key}`, f[key], "an object");
  }
  if (f.frames !== undefined && !Array.isArray(f.frames)) {
    throw new TypeError(
      `${fn}: fig.frames must be an array of frames, got ${describeValue(f.frames)}`,
    );
  }
}
