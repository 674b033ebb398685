import { bernoulli } from "../../src/fokker-planck";

describe("bernoulli", () => {
  test("known values: B(0) = 1, B(ln 2) = ln 2, B(−ln 2) = 2 ln 2 (closed form z/(e^z − 1))", () => {
    expect(bernoulli(0)).toBe(1);
    expect(bernoulli(Math.LN2)).toBeCloseTo(Math.LN2, 15);
    expect(bernoulli(-Math.LN2)).toBeCloseTo(2 * Math.LN2, 15);
  });

  test("B(−z) = e^z B(z) and B > 0 across 60 decades and both branches", () => {
    for (const z of [1e-12, 3e-6, 9.99e-6, 1.01e-5, 0.1, 1, 10, 100, 700]) {
      // relative 1e-14: a few roundings in z/expm1(z) and in exp(z)
      expect(Math.abs(bernoulli(-z) / (Math.exp(z) * bernoulli(z)) - 1)).toBeLessThan(1e-14);
      expect(bernoulli(z)).toBeGreaterThan(0);
    }
  });

  test("the series and expm1 branches agree at the switch |z| = 1e-5 to rounding", () => {
    const z = 1e-5 * (1 - 1e-9); // just inside the series branch
    // expm1 is faithful (1 ulp), the series truncation is z⁴/720 ≈ 1e-23: 4 ulp of 1
    expect(Math.abs(bernoulli(z) - z / Math.expm1(z))).toBeLessThan(1e-15);
  });

  test("extremes: B(800) = 0 (no NaN), B(−800) = 800", () => {
    expect(bernoulli(800)).toBe(0);
    expect(bernoulli(-800)).toBe(800);
  });

  test("refuses z that is not a finite number (it returned NaN)", () => {
    expect(() => bernoulli(NaN)).toThrow(
      new RangeError("bernoulli: z must be a finite number, got NaN"),
    );
    expect(() => bernoulli("1" as never)).toThrow(
      new TypeError('bernoulli: z must be a finite number, got "1"'),
    );
  });
});
