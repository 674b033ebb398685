/**
 * ksRejectionBound: Massart's DKW bound on the KS test's rejection rate for samples a KS distance
 * d from the null. Oracles: for d = 0 and n → ∞ the bound is the level α itself (λ_α is defined by
 * 2e^{−2λ_α²} = α), to the O(1/√n) of the correction; the closed form at one (α, n, d) evaluated
 * term by term; the cap.
 */
import { ksRejectionBound } from "../../src/stats";

describe("ksRejectionBound", () => {
  it.each([1e-3, 0.01, 0.05])("is the level α itself for d = 0 as n → ∞ (α = %s)", (alpha) => {
    // λ = λ_α − 1/(6√n): relative excess 2·2λ_α/(6√n) + O(1/n) ≈ 2e-6 at n = 1e12
    expect(ksRejectionBound(alpha, 1e12, 0) / alpha - 1).toBeLessThan(1e-5);
    expect(ksRejectionBound(alpha, 1e12, 0)).toBeGreaterThan(alpha);
  });

  it("matches the closed form at α = 0.001, n = 400, d = 0.02", () => {
    // λ = √(ln 2000 / 2) − 1/120 − 20·0.02 = 1.949… − 0.00833 − 0.4
    const lambda = Math.sqrt(Math.log(2000) / 2) - 1 / 120 - 0.4;
    expect(ksRejectionBound(0.001, 400, 0.02)).toBeCloseTo(2 * Math.exp(-2 * lambda * lambda), 15);
    // a bias this size raises the rate far above α: 2e^{−2·1.54²} ≈ 0.017
    expect(ksRejectionBound(0.001, 400, 0.02)).toBeGreaterThan(0.01);
  });

  it("grows with the bias and is capped at 0.99 when the bound cannot vouch", () => {
    const rates = [0, 0.01, 0.03, 0.1].map((d) => ksRejectionBound(0.001, 1000, d));
    for (let i = 1; i < rates.length; i++) expect(rates[i]).toBeGreaterThan(rates[i - 1]);
    expect(ksRejectionBound(0.001, 1000, 0.5)).toBe(0.99);
  });

  it("names the function, the parameter and the value", () => {
    expect(() => ksRejectionBound(1, 10, 0)).toThrow(
      "ksRejectionBound: alpha must be a finite number in (0, 1), got 1",
    );
    expect(() => ksRejectionBound(0.01, 10, -0.1)).toThrow(/ksRejectionBound: d/);
  });
});
