/** Boundary checks shared by the stats functions (not re-exported). */

import { isFloat64Array } from "../rng/describe-value";

export { isFloat64Array };

/** A short description of a value for error messages: arrays show their type and length only. */
export function describeValue(v: unknown): string {
  if (Array.isArray(v)) return `Array(${v.length})`;
  if (ArrayBuffer.isView(v))
    return `${Object.prototype.toString.call(v).slice(8, -1)}(${(v as Float64Array).length})`;
  if (typeof v === "object" && v !== null) return Object.prototype.toString.call(v);
  return String(v);
}

/** Throws unless `xs` is an array-like of at least `min` finite numbers. */
export function checkSample(fn: string, name: string, xs: ArrayLike<number>, min: number): void {
  if (xs === null || typeof xs !== "object" || typeof xs.length !== "number") {
    throw new TypeError(`${fn}: ${name} must be an array of numbers, got ${describeValue(xs)}`);
  }
  if (xs.length < min) {
    throw new RangeError(`${fn}: ${name} must have at least ${min} values, got ${xs.length}`);
  }
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(`${fn}: ${name}[${i}] must be a finite number, got ${String(v)}`);
    }
  }
}

/** Throws unless `v` is a finite number satisfying `ok`; `what` describes the requirement. */
export function checkNumber(
  fn: string,
  name: string,
  v: unknown,
  what: string,
  ok: (v: number) => boolean,
): void {
  if (typeof v !== "number" || Number.isNaN(v) || !ok(v)) {
    throw new RangeError(`${fn}: ${name} must be ${what}, got ${String(v)}`);
  }
}

/** Throws unless `v` is a number that is not NaN (infinities allowed). */
export function checkArgument(fn: string, v: unknown): void {
  if (typeof v !== "number") throw new TypeError(`${fn}: x must be a number, got ${String(v)}`);
  if (Number.isNaN(v)) throw new RangeError(`${fn}: x must not be NaN, got NaN`);
}

/** Throws unless `xs` is a Float64Array holding whole points of dimension `dim` (at least `min`). */
export function checkPoints(
  fn: string,
  name: string,
  xs: Float64Array,
  dim: number,
  min: number,
): void {
  if (!isFloat64Array(xs)) {
    throw new TypeError(`${fn}: ${name} must be a Float64Array, got ${describeValue(xs)}`);
  }
  if (xs.length % dim !== 0) {
    throw new RangeError(
      `${fn}: ${name}.length must be a multiple of dim = ${dim}, got ${xs.length}`,
    );
  }
  if (xs.length / dim < min) {
    throw new RangeError(`${fn}: ${name} must hold at least ${min} points, got ${xs.length / dim}`);
  }
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i])) {
      throw new RangeError(`${fn}: ${name}[${i}] must be a finite number, got ${xs[i]}`);
    }
  }
}
