import { describeValue, isFloat64Array, requireInteger } from "../base";

/**
 * Throws unless `v` is an object with a positive integer `n` (equal to `n` when given) and the
 * named Float64Array fields, each of length n: a Tridiagonal or ShiftedFactors. O(1), as every
 * check of the tridiagonal routines (tridiagonal.ts): entries are not inspected. @internal
 */
export function requireBands(
  fn: string,
  name: string,
  v: unknown,
  fields: readonly string[],
  n?: number,
): void {
  const kind = fields[0] === "lower" ? "a Tridiagonal" : "ShiftedFactors";
  if (v === null || typeof v !== "object") {
    throw new TypeError(`${fn}: ${name} must be ${kind}, got ${describeValue(v)}`);
  }
  const o = v as Record<string, unknown>;
  if (typeof o.n !== "number") {
    throw new TypeError(
      `${fn}: ${name} must be ${kind} (with its order n), got ${describeValue(v)}`,
    );
  }
  requireInteger(fn, `${name}.n`, o.n, 1);
  if (n !== undefined && o.n !== n) {
    throw new RangeError(`${fn}: ${name}.n must equal a.n = ${n}, got ${o.n}`);
  }
  for (const f of fields) requireVector(fn, `${name}.${f}`, o[f], o.n);
}

/** Throws unless `v` is a Float64Array of length n. @internal */
export function requireVector(fn: string, name: string, v: unknown, n: number): void {
  if (!isFloat64Array(v)) {
    throw new TypeError(`${fn}: ${name} must be a Float64Array, got ${describeValue(v)}`);
  }
  if (v.length !== n)
    throw new RangeError(`${fn}: ${name} must have length n = ${n}, got ${v.length}`);
}
