/** Boundary checks shared by the score and reverse folders. @internal */

import { isFloat64Array } from "../rng/describe-value";

export { isFloat64Array };

/** A short description of a value for error messages: arrays show their type and length only. */
export function describeValue(v: unknown): string {
  if (Array.isArray(v)) return `Array(${v.length})`;
  if (ArrayBuffer.isView(v))
    return `${Object.prototype.toString.call(v).slice(8, -1)}(${(v as Float64Array).length})`;
  if (typeof v === "function") return "function";
  if (typeof v === "object" && v !== null) return Object.prototype.toString.call(v);
  return String(v);
}

/** Throws unless x is a Float64Array of n·d entries for some integer n ≥ 1; returns n. */
export function checkPoints(fn: string, name: string, x: unknown, d: number): number {
  if (!isFloat64Array(x)) {
    throw new TypeError(`${fn}: ${name} must be a Float64Array, got ${describeValue(x)}`);
  }
  if (x.length === 0 || x.length % d !== 0) {
    throw new RangeError(
      `${fn}: ${name} must hold n·d values with d = ${d} and n >= 1, got length ${x.length}`,
    );
  }
  return x.length / d;
}

/** Throws unless v is a finite number satisfying ok; `what` names the requirement. */
export function checkNumber(
  fn: string,
  name: string,
  v: unknown,
  what: string,
  ok: (v: number) => boolean = () => true,
): number {
  if (typeof v !== "number" || !Number.isFinite(v) || !ok(v)) {
    throw new RangeError(`${fn}: ${name} must be ${what}, got ${describeValue(v)}`);
  }
  return v;
}
