/** Boundary checks shared by the Fokker–Planck solvers (not re-exported). */

import { isFloat64Array } from "../rng/describe-value";

export { isFloat64Array };

/** A short description of a value for error messages: arrays show their type and length only. */
export function describeValue(v: unknown): string {
  if (Array.isArray(v)) return `Array(${v.length})`;
  if (ArrayBuffer.isView(v))
    return `${Object.prototype.toString.call(v).slice(8, -1)}(${(v as Float64Array).length})`;
  if (typeof v === "function") return "a function";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "object" && v !== null) return Object.prototype.toString.call(v);
  return String(v);
}

/** Throws a RangeError unless `v` is a finite number. */
export function requireFinite(fn: string, name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw new RangeError(`${fn}: ${name} must be a finite number, got ${describeValue(v)}`);
  }
  return v;
}

/** Throws a RangeError unless `v` is an integer ≥ `min`. */
export function requireInteger(fn: string, name: string, v: unknown, min: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) {
    throw new RangeError(`${fn}: ${name} must be an integer ≥ ${min}, got ${describeValue(v)}`);
  }
  return v;
}

/** Throws unless `v` is a Float64Array of length `n` with finite entries. */
export function requireField(fn: string, name: string, v: unknown, n: number): Float64Array {
  if (!isFloat64Array(v)) {
    throw new TypeError(`${fn}: ${name} must be a Float64Array, got ${describeValue(v)}`);
  }
  if (v.length !== n) {
    throw new RangeError(`${fn}: ${name} must have length ${n}, got ${v.length}`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(v[i])) {
      throw new RangeError(`${fn}: ${name}[${i}] must be finite, got ${v[i]}`);
    }
  }
  return v;
}

/** Throws a TypeError unless `v` is a function. */
export function requireFunction(fn: string, name: string, v: unknown): void {
  if (typeof v !== "function") {
    throw new TypeError(`${fn}: ${name} must be a function, got ${describeValue(v)}`);
  }
}
