import fc from "fast-check";
import { moments, Welford } from "../../src/stats";

const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), {
  minLength: 2,
  maxLength: 60,
});

/** Relative closeness with an absolute floor (moments near 0 have no relative scale). */
function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * (1 + Math.abs(b));
}

describe("Welford", () => {
  test("streams to the same moments as the two-pass moments() (property)", () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const a = new Welford().pushAll(xs).moments();
        const b = moments(xs);
        fc.pre(b.variance > 1e-3);
        // both are backward stable; 1e-9 relative leaves room for the different rounding paths
        for (const k of ["mean", "variance", "skewness", "kurtosis"] as const)
          expect(close(a[k], b[k], 1e-9)).toBe(true);
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  test("merge of two accumulators equals one accumulator over the concatenation (property)", () => {
    fc.assert(
      fc.property(sample, sample, (xs, ys) => {
        const merged = new Welford().pushAll(xs).merge(new Welford().pushAll(ys)).moments();
        const whole = new Welford().pushAll([...xs, ...ys]).moments();
        fc.pre(whole.variance > 1e-3);
        expect(merged.n).toBe(xs.length + ys.length);
        for (const k of ["mean", "variance", "skewness", "kurtosis"] as const)
          expect(close(merged[k], whole[k], 1e-9)).toBe(true);
      }),
      { numRuns: 200, seed: 12 },
    );
    expect(new Welford().merge(new Welford()).count).toBe(0);
  });

  test("known answer on [2, 4, 4, 4, 5, 5, 7, 9] pushed one at a time (as in moments.test.ts)", () => {
    const w = new Welford();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) w.push(x);
    const m = w.moments();
    expect(m.mean).toBe(5);
    expect(m.variance).toBeCloseTo(32 / 7, 14);
    expect(m.skewness).toBeCloseTo(0.65625, 14);
    expect(m.kurtosis).toBeCloseTo(-0.21875, 14);
  });

  test.each([
    [
      "NaN push",
      () => new Welford().push(NaN),
      RangeError,
      "Welford.push: x must be a finite number, got NaN",
    ],
    [
      "bad pushAll",
      () => new Welford().pushAll([1, Infinity]),
      RangeError,
      "Welford.pushAll: xs[1] must be a finite number, got Infinity",
    ],
    [
      "a string push",
      () => new Welford().push("1" as never),
      TypeError,
      'Welford.push: x must be a finite number, got "1"',
    ],
    [
      "bad merge",
      () => new Welford().merge({} as never),
      TypeError,
      "Welford.merge: other must be a Welford, got an object",
    ],
    [
      "too few",
      () => new Welford().push(1).moments(),
      RangeError,
      "Welford.moments: needs at least 2 values, got 1",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
