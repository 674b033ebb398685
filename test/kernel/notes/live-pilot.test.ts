/**
 * The pilot's bound (kernel/notes/live/pilot.ts): the one-sided 95% Clopper–Pearson upper bound
 * on a failure rate. Oracles: for 0 failures the closed form 1 − 0.05^{1/n}; otherwise the
 * defining equation P(X ≤ k | p̂) = 0.05, evaluated by summing the binomial pmf independently.
 */
import { clopperPearsonUpper } from "../../../kernel/notes/live/pilot";

/** P(X ≤ k) for X ~ Binomial(n, p), term by term from the pmf with log-gamma-free products. */
function binomialCdf(k: number, n: number, p: number): number {
  let sum = 0;
  for (let j = 0; j <= k; j++) {
    let c = 1;
    for (let i = 0; i < j; i++) c *= (n - i) / (i + 1);
    sum += c * p ** j * (1 - p) ** (n - j);
  }
  return sum;
}

describe("clopperPearsonUpper", () => {
  it.each([20, 100, 200])("0 of %i: 1 − 0.05^{1/n}", (n) => {
    expect(clopperPearsonUpper(0, n)).toBeCloseTo(1 - 0.05 ** (1 / n), 12);
  });

  it.each([
    [1, 200],
    [103, 200],
    [3, 20],
  ])("%i of %i: the binomial tail at the bound is 0.05", (k, n) => {
    const p = clopperPearsonUpper(k, n);
    expect(binomialCdf(k, n, p)).toBeCloseTo(0.05, 9);
    expect(p).toBeGreaterThan(k / n); // above the observed rate
  });

  it("is 1 when every run failed", () => {
    expect(clopperPearsonUpper(5, 5)).toBe(1);
  });
});
