import { describeValue } from "./describe-value";

/**
 * The shared vocabulary of boundary checks for numbers. Every check names the function the user
 * called (`fn`), the parameter (`name`), the value received and what was expected:
 * `vpSde.std: t must be in [0, T] = [0, 1], got -0.5`. A value of the wrong type is a
 * `TypeError`; a number out of range (NaN included) is a `RangeError`.
 */

/**
 * Throws unless `v` is a finite number for which `ok(v)` holds; returns it.
 * @param what the requirement, as it reads after "must be" (default "a finite number")
 */
export function requireFinite(
  fn: string,
  name: string,
  v: unknown,
  what = "a finite number",
  ok: (v: number) => boolean = () => true,
): number {
  if (typeof v !== "number") {
    throw new TypeError(`${fn}: ${name} must be ${what}, got ${describeValue(v)}`);
  }
  if (!Number.isFinite(v) || !ok(v)) {
    throw new RangeError(`${fn}: ${name} must be ${what}, got ${describeValue(v)}`);
  }
  return v;
}

/**
 * Throws unless `v` is a number, not NaN, for which `ok(v)` holds (±Infinity allowed, e.g. a
 * CDF's argument); returns it.
 */
export function requireNotNaN(
  fn: string,
  name: string,
  v: unknown,
  what = "a number (not NaN)",
  ok: (v: number) => boolean = () => true,
): number {
  if (typeof v !== "number") {
    throw new TypeError(`${fn}: ${name} must be ${what}, got ${describeValue(v)}`);
  }
  if (Number.isNaN(v) || !ok(v)) {
    throw new RangeError(`${fn}: ${name} must be ${what}, got ${describeValue(v)}`);
  }
  return v;
}

/** Throws unless `v` is a finite number > 0; returns it. */
export function requirePositive(fn: string, name: string, v: unknown): number {
  return requireFinite(fn, name, v, "a finite number > 0", (x) => x > 0);
}

/** Throws unless `v` is a finite number ≥ 0; returns it. */
export function requireNonNegative(fn: string, name: string, v: unknown): number {
  return requireFinite(fn, name, v, "a finite number >= 0", (x) => x >= 0);
}

/** Throws unless `v` is a finite number in the closed interval [lo, hi]; returns it. */
export function requireInRange(
  fn: string,
  name: string,
  v: unknown,
  lo: number,
  hi: number,
): number {
  return requireFinite(fn, name, v, `a finite number in [${lo}, ${hi}]`, (x) => x >= lo && x <= hi);
}

/**
 * Throws unless `v` is an integer ≥ `min` (a count, an index, a number of steps); returns it.
 * A non-integer such as 2.5 is refused, never truncated.
 */
export function requireInteger(fn: string, name: string, v: unknown, min = 0): number {
  const what = min === 1 ? "a positive integer" : `an integer >= ${min}`;
  if (typeof v !== "number") {
    throw new TypeError(`${fn}: ${name} must be ${what}, got ${describeValue(v)}`);
  }
  if (!Number.isInteger(v) || v < min) {
    throw new RangeError(`${fn}: ${name} must be ${what}, got ${describeValue(v)}`);
  }
  return v;
}
