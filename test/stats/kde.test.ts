import { createRng, fillNormal } from "../../src/rng";
import { gaussianKde, normalPdf, silvermanBandwidth } from "../../src/stats";

describe("gaussianKde and silvermanBandwidth", () => {
  test("known answer: a two-point sample is the mean of two normal densities of width h", () => {
    const grid = [-1, 0, 0.5, 2];
    const kde = gaussianKde([0, 1], grid, { bandwidth: 0.5 });
    grid.forEach((x, g) => {
      const ref = (normalPdf((x - 0) / 0.5) + normalPdf((x - 1) / 0.5)) / (2 * 0.5);
      expect(kde[g]).toBeCloseTo(ref, 15);
    });
  });

  test("Silverman's rule: 0.9 min(s, IQR/1.34) n^(-1/5) on [1, 2, 3, 4, 10] (by hand)", () => {
    // s = sqrt(50/4) = 3.5355; IQR (type 7) = 4 - 2 = 2, 2/1.34 = 1.4925 < s; n^(-1/5) = 5^(-0.2)
    expect(silvermanBandwidth([1, 2, 3, 4, 10])).toBeCloseTo(0.9 * (2 / 1.34) * 5 ** -0.2, 14);
    expect(silvermanBandwidth([3, 3, 3])).toBe(1); // constant sample: documented fallback
  });

  test("has the exact mean and variance of a Gaussian KDE of N(0, 1) data, within 4 SE (statistical, seed 61)", () => {
    const n = 20_000;
    const h = 0.2;
    const xs = fillNormal(createRng(61), new Float64Array(n));
    const grid = [-2.5, -1, 0, 0.7, 2];
    const kde = gaussianKde(xs, grid, { bandwidth: h });
    // closed forms: E K_h(x - X) = N(0, 1 + h^2) density at x; K_h^2 = N(0, h^2/2) density / (2 sqrt(pi) h),
    // so E K_h^2 = N(0, 1 + h^2/2) density / (2 sqrt(pi) h); SE = sqrt((E K_h^2 - (E K_h)^2) / n)
    const dens = (x: number, v: number): number => normalPdf(x / Math.sqrt(v)) / Math.sqrt(v);
    grid.forEach((x, g) => {
      const mean = dens(x, 1 + h * h);
      const se = Math.sqrt(
        (dens(x, 1 + (h * h) / 2) / (2 * Math.sqrt(Math.PI) * h) - mean * mean) / n,
      );
      expect(Math.abs(kde[g] - mean)).toBeLessThan(4 * se);
    });
  });

  test.each([
    [
      "bandwidth 0",
      () => gaussianKde([1, 2], [0], { bandwidth: 0 }),
      RangeError,
      "gaussianKde: options.bandwidth must be a finite number > 0, got 0",
    ],
    [
      "a bandwidth whose normaliser overflows (0·∞ = NaN otherwise)",
      () => gaussianKde([1, 2], [0], { bandwidth: 1e-320 }),
      RangeError,
      "gaussianKde: options.bandwidth must be large enough that 1/(n·h·√(2π)) is finite, got 1e-320",
    ],
    [
      "empty grid",
      () => gaussianKde([1, 2], []),
      RangeError,
      "gaussianKde: grid must have at least 1 values, got 0",
    ],
    [
      "NaN sample",
      () => silvermanBandwidth([1, NaN]),
      RangeError,
      "silvermanBandwidth: xs[1] must be a finite number, got NaN",
    ],
    [
      "one value",
      () => silvermanBandwidth([1]),
      RangeError,
      "silvermanBandwidth: xs must have at least 2 values, got 1",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
