import {
  requireFinite,
  requireInRange,
  requireInteger,
  requireNonNegative,
  requirePositive,
} from "./validate-number";

/**
 * Checks of optional numbers: each returns undefined when `v` is undefined (absent), else checks
 * `v` as its require* twin does (null, a string, NaN are refused, never read as absent) and
 * returns it. Absence may mean something ("compute it from the data"), or take a default safely:
 * `optionalInteger(fn, "options.bins", opts.bins, 1) ?? 10` (null has been refused before `??`).
 * For options that are not numbers, see requireOption.
 */

/** undefined, or `v` checked by {@link requireFinite} (with `what` and `ok`). */
export function optionalFinite(
  fn: string,
  name: string,
  v: unknown,
  what?: string,
  ok?: (v: number) => boolean,
): number | undefined {
  return v === undefined ? undefined : requireFinite(fn, name, v, what, ok);
}

/** undefined, or `v` a finite number > 0. */
export function optionalPositive(fn: string, name: string, v: unknown): number | undefined {
  return v === undefined ? undefined : requirePositive(fn, name, v);
}

/** undefined, or `v` a finite number ≥ 0. */
export function optionalNonNegative(fn: string, name: string, v: unknown): number | undefined {
  return v === undefined ? undefined : requireNonNegative(fn, name, v);
}

/** undefined, or `v` a finite number in [lo, hi]. */
export function optionalInRange(
  fn: string,
  name: string,
  v: unknown,
  lo: number,
  hi: number,
): number | undefined {
  return v === undefined ? undefined : requireInRange(fn, name, v, lo, hi);
}

/** undefined, or `v` an integer ≥ min (default 0). */
export function optionalInteger(fn: string, name: string, v: unknown, min = 0): number | undefined {
  return v === undefined ? undefined : requireInteger(fn, name, v, min);
}
