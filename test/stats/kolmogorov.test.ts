import { kolmogorovCdf, kolmogorovSurvival } from "../../src/stats";
import { durbinCdf } from "../../src/stats/kolmogorov-durbin";
import { pelzGoodCdf } from "../../src/stats/pelz-good";

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
      "kolmogorovCdf: d must be a finite number in [0, 1], got 1.5",
    ],
    [
      "d NaN",
      () => kolmogorovCdf(5, NaN),
      RangeError,
      "kolmogorovCdf: d must be a finite number in [0, 1], got NaN",
    ],
    [
      "lambda < 0",
      () => kolmogorovSurvival(-1),
      RangeError,
      "kolmogorovSurvival: lambda must be a number >= 0, got -1",
    ],
    [
      "n a string",
      () => kolmogorovCdf("5" as never, 0.5),
      TypeError,
      'kolmogorovCdf: n must be a positive integer, got "5"',
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});

describe("kolmogorovCdf for n > 1000 (Pelz-Good expansion)", () => {
  // The oracle is the exact Durbin law where both are affordable. The expansion's truncation
  // error is O(n^-2); measured max over z of |error|·n² is 0.060-0.066 for n = 100..10⁴, hence
  // the bound 0.07/n² stated in the doc comment.
  const lambdas = [0.3, 0.45, 0.55, 0.7, 0.9, 1.1, 1.36, 1.6, 2, 2.4, 2.8];
  test.each([1001, 1500])("|Pelz-Good − exact| < 0.07/n² at n = %p over z in [0.3, 2.8]", (n) => {
    for (const z of lambdas) {
      const d = z / Math.sqrt(n);
      const err = Math.abs(pelzGoodCdf(n, d) - durbinCdf(n, d));
      expect({ z, err, below: err < 0.07 / (n * n) }).toEqual({ z, err, below: true });
    }
  });

  test("the error shrinks like n^-2 (the next term of the expansion): n²·max error ≈ 0.06 at n = 200 and 400", () => {
    // the same constant at both sizes is what O(n^-2) predicts; 0.05..0.07 brackets it
    for (const n of [200, 400]) {
      const worst = Math.max(
        ...lambdas.map((z) =>
          Math.abs(pelzGoodCdf(n, z / Math.sqrt(n)) - durbinCdf(n, z / Math.sqrt(n))),
        ),
      );
      expect(worst * n * n).toBeGreaterThan(0.05);
      expect(worst * n * n).toBeLessThan(0.07);
    }
  });

  test("kolmogorovCdf switches to it above n = 1000 and agrees with the exact law at n = 10⁵", () => {
    expect(kolmogorovCdf(1001, 0.03)).toBe(pelzGoodCdf(1001, 0.03));
    expect(kolmogorovCdf(1000, 0.03)).toBe(durbinCdf(1000, 0.03));
    // n = 10⁵, z = 0.2: nd = 63, an affordable exact case; bound 0.07/n² = 7e-12 plus rounding
    const d = 0.2 / Math.sqrt(1e5);
    expect(Math.abs(kolmogorovCdf(1e5, d) - durbinCdf(1e5, d))).toBeLessThan(1e-11);
  });

  test("returns within milliseconds for any n (kolmogorovCdf(1e6, 0.0015) used not to return)", () => {
    const start = Date.now();
    const p = kolmogorovCdf(1e6, 0.0015); // z = 1.5
    const huge = kolmogorovCdf(Number.MAX_SAFE_INTEGER, 1e-8); // z ≈ 0.95
    const tail = kolmogorovCdf(1e7, 0.5); // nd² ≥ 18: 1 to rounding
    expect(Date.now() - start).toBeLessThan(200); // a loaded 2-core machine; each call is ~µs
    // the limit law at z: K1/√n ≈ 1e-3·z-scale terms are below 1e-3 here
    expect(Math.abs(p - (1 - kolmogorovSurvival(1.5)))).toBeLessThan(1e-3);
    expect(
      Math.abs(huge - (1 - kolmogorovSurvival(Math.sqrt(Number.MAX_SAFE_INTEGER) * 1e-8))),
    ).toBeLessThan(1e-7);
    expect(tail).toBe(1);
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
    // below λ = 0.042 the Jacobi sum underflows: Q = 1 to rounding (it used to be 1 − ∞·0 = NaN)
    expect([
      kolmogorovSurvival(5e-324),
      kolmogorovSurvival(0.04),
      kolmogorovSurvival(Infinity),
    ]).toEqual([1, 1, 0]);
  });
});
