import { fitSlope } from "../../src/stats";

describe("fitSlope", () => {
  test("known answer: x = [1..5], y = [2, 4, 5, 4, 5] (hand computation)", () => {
    // Sxx = 10, Sxy = 6, Syy = 6: b = 0.6, a = 4 - 0.6*3 = 2.2, RSS = 6 - 0.6*6 = 2.4,
    // se(b) = sqrt(2.4 / (3 * 10)), R^2 = 1 - 2.4/6 = 0.6
    const f = fitSlope([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(f.slope).toBeCloseTo(0.6, 14);
    expect(f.intercept).toBeCloseTo(2.2, 14);
    expect(f.slopeStdErr).toBeCloseTo(Math.sqrt(2.4 / 30), 14);
    expect(f.r2).toBeCloseTo(0.6, 14);
  });

  test("recovers an exact power law: error = 3 h^1.5 gives slope 1.5, se 0 and R^2 = 1 in log-log", () => {
    const h = [0.1, 0.05, 0.025, 0.0125, 0.00625];
    const f = fitSlope(
      h.map(Math.log),
      h.map((x) => Math.log(3 * x ** 1.5)),
    );
    expect(f.slope).toBeCloseTo(1.5, 12);
    expect(f.intercept).toBeCloseTo(Math.log(3), 12);
    expect(f.slopeStdErr).toBeLessThan(1e-13); // residuals are rounding only (summed directly, no cancellation)
    expect(f.r2).toBeCloseTo(1, 14);
  });

  test.each([
    [
      "too short",
      () => fitSlope([1, 2], [1, 2]),
      RangeError,
      "fitSlope: x must have at least 3 values, got 2",
    ],
    [
      "mismatched",
      () => fitSlope([1, 2, 3], [1, 2, 3, 4]),
      RangeError,
      "fitSlope: y must have the length of x (3), got 4",
    ],
    [
      "NaN",
      () => fitSlope([1, 2, 3], [1, NaN, 3]),
      RangeError,
      "fitSlope: y[1] must be a finite number, got NaN",
    ],
    [
      "constant x",
      () => fitSlope([2, 2, 2], [1, 2, 3]),
      RangeError,
      "fitSlope: x must not be all equal, got 2 3 times",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
