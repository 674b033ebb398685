/**
 * Helpers of the fast-vs-reference tests: random doubles from fast-check (every finite double,
 * ±0 and subnormals included, and optionally NaN and ±Infinity), and a bit-for-bit comparison
 * (Object.is: −0 differs from +0, NaN equals NaN).
 */
import fc from "fast-check";

/** The seed of every property in test/fast: runs are deterministic. */
export const SEED = 20261207;

/** Doubles: any finite double, or only moderate ones (|x| ≤ 1e6) where overflow is not the point. */
export function doubles(
  len: number,
  options: { moderate?: boolean; nonFinite?: boolean } = {},
): fc.Arbitrary<Float64Array> {
  const value = options.moderate
    ? fc.double({ min: -1e6, max: 1e6, noNaN: true })
    : fc.double({ noNaN: !options.nonFinite, noDefaultInfinity: !options.nonFinite });
  return fc.array(value, { minLength: len, maxLength: len }).map((a) => Float64Array.from(a));
}

/** The first index where a and b differ as Object.is sees them, or −1. */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/** A ziggurat fill's arguments: a seed, a length (one of `lengths` or any in [0, 300]), mean, std ≥ 0. */
export const fillProblem = (lengths: number[]) =>
  fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    n: fc.oneof(fc.constantFrom(...lengths), fc.integer({ min: 0, max: 300 })),
    mean: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    std: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e3, noNaN: true })),
  });
