import { kolmogorovCdf, kolmogorovSurvival } from "../../src/stats";

describe("kolmogorovCdf (exact, Marsaglia-Tsang-Wang)", () => {
  test("P(D_1 < d) = 2d - 1 on [1/2, 1] (closed form: D_1 = max(U, 1 - U))", () => {
    for (const d of [0.5, 0.55, 0.7, 0.9, 0.999])
      expect(kolmogorovCdf(1, d)).toBeCloseTo(2 * d - 1, 14);
    expect(kolmogorovCdf(1, 0.3)).toBe(0);
  });

  test.each([
    [5, 0.56328],
    [10, 0.40925],
    [20, 0.29408],
  ])(
    "n = %p: the published 5%% critical value %p gives P(D_n < d) = 0.95 (Miller 1956, Table 1)",
    (n, d) => {
      // the table is rounded to 5 decimals: +-5e-6 in d times a density dK/dd below 4 gives 2e-5
      expect(Math.abs(kolmogorovCdf(n, d) - 0.95)).toBeLessThan(2e-5);
    },
  );

  test.each([
    [3, 0.3, 0.11377777777777776],
    [30, 0.25, 0.9612758432988955],
    [100, 0.1, 0.74730724299361],
    [400, 0.05, 0.7387873970743494],
  ])(
    "kolmogorovCdf(%p, %p) matches Durbin's matrix formula evaluated in mpmath at 40 digits",
    (n, d, ref) => {
      // (scipy 1.17's kstwo.cdf agrees to 1e-15 for n <= 100 but is 1.6e-7 off at n = 400, Pelz-Good there)
      expect(Math.abs(kolmogorovCdf(n, d) - ref)).toBeLessThan(1e-12); // n double-precision matrix products
    },
  );

  test.each([
    [
      "n = 0",
      () => kolmogorovCdf(0, 0.5),
      RangeError,
      "kolmogorovCdf: n must be a positive integer, got 0",
    ],
    [
      "n fractional",
      () => kolmogorovCdf(2.5, 0.5),
      RangeError,
      "kolmogorovCdf: n must be a positive integer, got 2.5",
    ],
    [
      "d > 1",
      () => kolmogorovCdf(5, 1.5),
      RangeError,
      "kolmogorovCdf: d must be a number in [0, 1], got 1.5",
    ],
    [
      "d NaN",
      () => kolmogorovCdf(5, NaN),
      RangeError,
      "kolmogorovCdf: d must be a number in [0, 1], got NaN",
    ],
    [
      "lambda < 0",
      () => kolmogorovSurvival(-1),
      RangeError,
      "kolmogorovSurvival: lambda must be a number >= 0, got -1",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});

describe("kolmogorovSurvival (limit law)", () => {
  test.each([
    [1.3580986393225507, 0.05],
    [1.0, 0.26999967167735456],
    [0.5, 0.9639452436648751],
    [2.0, 0.0006709252557796953],
  ])(
    "Q_KS(%p) matches scipy.stats.kstwobign.sf (known answer; 1.358 is the 5%% point)",
    (lambda, ref) => {
      expect(Math.abs(kolmogorovSurvival(lambda) / ref - 1)).toBeLessThan(1e-12); // both series converge to double precision
    },
  );

  test("is continuous where it switches from the Jacobi form to the alternating series (lambda = 1.18)", () => {
    expect(Math.abs(kolmogorovSurvival(1.18 - 1e-12) - kolmogorovSurvival(1.18))).toBeLessThan(
      1e-12,
    );
    expect(kolmogorovSurvival(0)).toBe(1);
  });
});
