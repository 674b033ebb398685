import { requireFloat64Array } from "../base";

/**
 * The width d of an (n, d) row-major Float64Array: its length must be a positive multiple of n.
 * `fn: x0 must hold n·d values (n = 3, d ≥ 1), got length 5`. @internal
 */
export function rowWidth(fn: string, name: string, v: unknown, n: number): number {
  const a = requireFloat64Array(fn, name, v);
  if (a.length === 0 || a.length % n !== 0) {
    throw new RangeError(
      `${fn}: ${name} must hold n·d values (n = ${n}, d ≥ 1), got length ${a.length}`,
    );
  }
  return a.length / n;
}
