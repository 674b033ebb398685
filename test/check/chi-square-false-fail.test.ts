import { chiSquareFalseFail, twoSidedNormalTail } from "../../src/check";

describe("chiSquareFalseFail", () => {
  test("is between 1 and 1.17 times the exact χ² tail P(|χ²_k/k − 1| > z√(2/k))", () => {
    // exact tails from scipy.stats.chi2 (sf + cdf), scipy 1.17
    const table: [number, number, number][] = [
      [20, 3, 6.7178336599e-3],
      [50, 5, 3.454931383e-5],
      [100, 4, 2.5934165569e-4],
      [399, 4, 1.1344068767e-4],
      [999, 4, 8.3453599732e-5],
      [4999, 4, 6.7373066776e-5],
      [19999, 4, 6.4350535151e-5],
      [400, 6, 4.7171665099e-8],
      [1e6, 4, 6.3362647346e-5],
    ];
    for (const [k, z, exact] of table) {
      const ratio = chiSquareFalseFail(k, z) / exact;
      expect(ratio).toBeGreaterThanOrEqual(1);
      expect(ratio).toBeLessThan(1.17);
    }
  });

  test("is within 1% of the exact tail for k ≥ 400, z ≤ 4, and tends to the normal tail", () => {
    expect(Math.abs(chiSquareFalseFail(399, 4) / 1.1344068767e-4 - 1)).toBeLessThan(0.01);
    expect(chiSquareFalseFail(1e8, 4) / twoSidedNormalTail(4)).toBeCloseTo(1, 3);
  });

  test("a band wider than χ²_k/k ≥ 0 leaves only the upper tail", () => {
    const k = 8;
    const z = 3; // z√(2/k) = 1.5 > 1: no lower tail; the upper one is P(χ²_8 > 20)
    const exactUpper = 1.0336050676e-2; // scipy.stats.chi2.sf(20, 8)
    expect(chiSquareFalseFail(k, z) / exactUpper).toBeGreaterThanOrEqual(1);
    expect(chiSquareFalseFail(k, z) / exactUpper).toBeLessThan(1.02);
  });
});
