import fc from "fast-check";
import { moments } from "../../src/stats";

describe("moments", () => {
  test("known answer on [2, 4, 4, 4, 5, 5, 7, 9] (exact fractions computed by hand)", () => {
    // mean 5, S2 = 32, m2 = 4, m3 = 21/4, m4 = 89/2: g1 = (21/4)/8, g2 = (89/2)/16 - 3
    const m = moments([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(m.n).toBe(8);
    expect(m.mean).toBe(5);
    expect(m.variance).toBeCloseTo(32 / 7, 14);
    expect(m.std).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(m.skewness).toBeCloseTo(0.65625, 14);
    expect(m.kurtosis).toBeCloseTo(-0.21875, 14);
    expect(m.meanSE).toBeCloseTo(Math.sqrt(32 / 7 / 8), 14);
    // varianceSE = sqrt((m4 - (n-3)/(n-1) m2^2) / n) = sqrt((44.5 - 5/7 * 16) / 8)
    expect(m.varianceSE).toBeCloseTo(Math.sqrt((44.5 - (5 / 7) * 16) / 8), 14);
  });

  test("is exact under a large shift (two-pass with correction): 1e9 + [2, 4, 4, 4, 5, 5, 7, 9]", () => {
    const m = moments([2, 4, 4, 4, 5, 5, 7, 9].map((x) => 1e9 + x));
    expect(m.mean).toBe(1e9 + 5);
    expect(m.variance).toBeCloseTo(32 / 7, 12); // a one-pass sum of squares would lose every digit here
    expect(m.skewness).toBeCloseTo(0.65625, 10);
  });

  test("is shift- and scale-equivariant (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 3, maxLength: 40 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        (xs, shift, scale) => {
          const a = moments(xs);
          fc.pre(a.variance > 1e-6);
          const b = moments(xs.map((x) => shift + scale * x));
          expect(b.mean).toBeCloseTo(shift + scale * a.mean, 8);
          expect(b.variance / (scale * scale * a.variance)).toBeCloseTo(1, 8);
          expect(b.skewness).toBeCloseTo(a.skewness, 6);
          expect(b.kurtosis).toBeCloseTo(a.kurtosis, 6);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  test.each([
    [
      "not an array",
      () => moments(3 as never),
      TypeError,
      "moments: xs must be an array of numbers, got 3",
    ],
    ["too short", () => moments([1]), RangeError, "moments: xs must have at least 2 values, got 1"],
    [
      "NaN",
      () => moments([1, NaN, 2]),
      RangeError,
      "moments: xs[1] must be a finite number, got NaN",
    ],
    [
      "Infinity",
      () => moments([1, 2, Infinity]),
      RangeError,
      "moments: xs[2] must be a finite number, got Infinity",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
