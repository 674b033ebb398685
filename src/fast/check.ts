import { describeValue, isFloat64Array } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const F64 = Float64Array;

/**
 * Throws unless `v` is a Float64Array of length $\ge$ `min`: the array check of the fast kernels,
 * made once per call at entry, never inside a loop (with `requireInteger` and `requireFinite`
 * from base for counts and scalars). Entries are not inspected: a kernel's callers validate
 * them, and a kernel that fuses a finiteness check reports it in its result. @internal
 */
export function requireArrayOf(fn: string, name: string, v: unknown, min: number): void {
  if (!(v instanceof F64) && !isFloat64Array(v)) {
    throw new TypeError(`${fn}: ${name} must be a Float64Array, got ${describeValue(v)}`);
  }
  if (v.length < min) {
    throw new RangeError(`${fn}: ${name} must hold at least ${min} values, got length ${v.length}`);
  }
}
