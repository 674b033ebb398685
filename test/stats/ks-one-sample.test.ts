import { createRng, fillNormal, fillUniform } from "../../src/rng";
import { ksOneSample, normalCdf } from "../../src/stats";

const uniformCdf = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

describe("ksOneSample", () => {
  test("known answer: [0.7, 0.1, 0.4] against U(0, 1) has D = 0.3 and p = scipy kstwo.sf(0.3, 3)", () => {
    // D+ = max(1/3 - 0.1, 2/3 - 0.4, 1 - 0.7) = 0.3; D- = max(0.1, 0.4 - 1/3, 0.7 - 2/3) = 0.1
    const r = ksOneSample([0.7, 0.1, 0.4], uniformCdf);
    expect(r.statistic).toBeCloseTo(0.3, 15);
    expect(Math.abs(r.pValue - 0.8862222222222222)).toBeLessThan(1e-12);
  });

  test("large n (corrected limit law) is within 3e-5 of the exact p-value", () => {
    // x_i = (i - 1/2)/n + 0.02 gives D = 1/(2n) + 0.02 exactly; reference: 1 - P(D < d) by Durbin's
    // matrix formula in mpmath at 40 digits
    const n = 2000;
    const xs = Array.from({ length: n }, (_, i) => (i + 0.5) / n + 0.02);
    const r = ksOneSample(xs, uniformCdf);
    expect(r.statistic).toBeCloseTo(0.02025, 12);
    expect(Math.abs(r.pValue - 0.3799986266698884)).toBeLessThan(3e-5); // Vrbik's correction: 2.1e-5 measured at worst
  });

  test("p-values are U(0, 1) under the null: KS of 300 p-values (n = 20 each) has p > 0.001 (statistical, seed 31)", () => {
    const rng = createRng(31);
    const buf = new Float64Array(20);
    const ps = Array.from(
      { length: 300 },
      () => ksOneSample(fillUniform(rng, buf), uniformCdf).pValue,
    );
    // the exact law makes p uniform (continuous data); p > 0.001 as in test/rng; seeds 1-5 also pass
    expect(ksOneSample(ps, uniformCdf).pValue).toBeGreaterThan(0.001);
  });

  test("rejects a shifted law: N(0.3, 1) against N(0, 1), n = 500, p < 1e-6 (statistical, seed 32)", () => {
    // expected D ~ Phi(0.15) - Phi(-0.15) = 0.119 >> the 1e-6 critical value ~ 2.8/sqrt(500) = 0.125 * ... (power ~1)
    const xs = fillNormal(createRng(32), new Float64Array(500), 0.3, 1);
    expect(ksOneSample(xs, normalCdf).pValue).toBeLessThan(1e-6);
  });

  test.each([
    [
      "empty",
      () => ksOneSample([], uniformCdf),
      RangeError,
      "ksOneSample: xs must have at least 1 values, got 0",
    ],
    [
      "NaN",
      () => ksOneSample([0.1, NaN], uniformCdf),
      RangeError,
      "ksOneSample: xs[1] must be a finite number, got NaN",
    ],
    [
      "cdf not a function",
      () => ksOneSample([0.1], 3 as never),
      TypeError,
      "ksOneSample: cdf must be a function, got 3",
    ],
    [
      "cdf out of range",
      () => ksOneSample([0.5], () => 2),
      RangeError,
      "ksOneSample: cdf must return values in [0, 1], got 2 at x = 0.5",
    ],
    [
      "cdf NaN",
      () => ksOneSample([0.5], () => NaN),
      RangeError,
      "ksOneSample: cdf must return values in [0, 1], got NaN at x = 0.5",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
