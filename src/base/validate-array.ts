import { describeValue, isFloat64Array } from "./describe-value";

/** Boundary checks for arrays: type, length, shape (n, d) and finiteness. */

/** A required length: exact (a number) or a minimum (`{ min }`, e.g. `{ min: 1 }`: non-empty). */
export type LengthSpec = number | { readonly min: number };

/**
 * Throws unless `v` is a Float64Array (of length `length` when given: exactly that number, or at
 * least `length.min`); returns it. Entries are not inspected: see {@link requireFiniteArray}.
 */
export function requireFloat64Array(
  fn: string,
  name: string,
  v: unknown,
  length?: LengthSpec,
): Float64Array {
  if (!isFloat64Array(v)) {
    throw new TypeError(`${fn}: ${name} must be a Float64Array, got ${describeValue(v)}`);
  }
  if (typeof length === "number") {
    if (v.length !== length) {
      throw new RangeError(`${fn}: ${name} must have length ${length}, got ${v.length}`);
    }
  } else if (length !== undefined && v.length < length.min) {
    throw new RangeError(
      length.min === 1
        ? `${fn}: ${name} must be non-empty, got ${describeValue(v)}`
        : `${fn}: ${name} must hold at least ${length.min} values, got length ${v.length}`,
    );
  }
  return v;
}

/** Throws unless every entry of `a` (its first `count`) is finite, naming the first that is not. */
export function requireAllFinite(
  fn: string,
  name: string,
  a: ArrayLike<number>,
  count = a.length,
): void {
  for (let i = 0; i < count; i++) {
    if (!Number.isFinite(a[i])) {
      throw new RangeError(
        `${fn}: ${name}[${i}] must be a finite number, got ${describeValue(a[i])}`,
      );
    }
  }
}

/**
 * Throws unless `v` is a Float64Array of finite numbers, of length `length` when given (exactly,
 * or at least `{ min }`: `requireFiniteArray(fn, "x", x, { min: 1 })` refuses an empty x).
 */
export function requireFiniteArray(
  fn: string,
  name: string,
  v: unknown,
  length?: LengthSpec,
): Float64Array {
  const a = requireFloat64Array(fn, name, v, length);
  requireAllFinite(fn, name, a);
  return a;
}

/**
 * Throws unless `x` is a Float64Array of n·d values, (n, d) row-major with n ≥ `min`; returns n.
 * With `finite` (default true) every entry must also be finite.
 */
export function requirePoints(
  fn: string,
  name: string,
  x: unknown,
  d: number,
  options: { min?: number; finite?: boolean } = {},
): number {
  const min = options.min ?? 1;
  const a = requireFloat64Array(fn, name, x);
  if (a.length % d !== 0 || a.length / d < min) {
    throw new RangeError(
      `${fn}: ${name} must hold n·d values with d = ${d} and n >= ${min}, got length ${a.length}`,
    );
  }
  if (options.finite ?? true) requireAllFinite(fn, name, a);
  return a.length / d;
}

/**
 * Throws unless `x` holds exactly n rows of width d, (n, d) row-major, i.e. length n·d; with
 * `finite` (default true) every entry must also be finite. Returns x.
 */
export function requireRows(
  fn: string,
  name: string,
  x: unknown,
  n: number,
  d: number,
  options: { finite?: boolean } = {},
): Float64Array {
  const a = requireFloat64Array(fn, name, x);
  if (a.length !== n * d) {
    throw new RangeError(
      `${fn}: ${name} must hold (n, d) = (${n}, ${d}) values, length ${n * d}, got length ${a.length}`,
    );
  }
  if (options.finite ?? true) requireAllFinite(fn, name, a);
  return a;
}

/**
 * Throws unless `xs` is an array or typed array of at least `min` finite numbers; returns it.
 */
export function requireSample(fn: string, name: string, xs: unknown, min = 1): ArrayLike<number> {
  if (
    xs === null ||
    typeof xs !== "object" ||
    typeof (xs as ArrayLike<number>).length !== "number" ||
    (!Array.isArray(xs) && !ArrayBuffer.isView(xs))
  ) {
    throw new TypeError(`${fn}: ${name} must be an array of numbers, got ${describeValue(xs)}`);
  }
  const a = xs as ArrayLike<unknown>;
  if (a.length < min) {
    throw new RangeError(`${fn}: ${name} must have at least ${min} values, got ${a.length}`);
  }
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== "number") {
      throw new TypeError(`${fn}: ${name}[${i}] must be a number, got ${describeValue(v)}`);
    }
    if (!Number.isFinite(v)) {
      throw new RangeError(`${fn}: ${name}[${i}] must be a finite number, got ${describeValue(v)}`);
    }
  }
  return a as ArrayLike<number>;
}
