import { requireFinite } from "./validate-number";

/**
 * Throws unless `k` is an integer index in [0, size): a row, a class label, a step of a grid.
 * `fn: k must be an integer in [0, K) = [0, 10), got 10`. A non-number is a TypeError; NaN, a
 * non-integer (2.5 is refused, never truncated) or an index out of range a RangeError.
 * @param size the number of valid indices, an integer ≥ 0 (0 admits none)
 * @param sizeName what size is called (e.g. "K", "rows"), printed before its value
 * @returns k
 */
export function requireIndex(
  fn: string,
  name: string,
  k: unknown,
  size: number,
  sizeName?: string,
): number {
  if (typeof k === "number" && Number.isInteger(k) && k >= 0 && k < size) return k; // no message built
  const range = sizeName === undefined ? `[0, ${size})` : `[0, ${sizeName}) = [0, ${size})`;
  return requireFinite(fn, name, k, `an integer in ${range}`, () => false);
}
