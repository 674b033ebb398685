import { requireFloat64Array } from "../base";

/**
 * Throws unless `v` is a Float64Array of length $\ge$ `min`: the array check of the fast kernels,
 * made once per call at entry, never inside a loop (with `requireInteger` and `requireFinite`
 * from base for counts and scalars). Entries are not inspected: a kernel's callers validate
 * them, and a kernel that fuses a finiteness check reports it in its result. @internal
 */
export function requireArrayOf(fn: string, name: string, v: unknown, min: number): void {
  requireFloat64Array(fn, name, v, { min });
}
