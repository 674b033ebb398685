import { createRng, fillNormal } from "../../src/rng";
import { histogram, normalCdf } from "../../src/stats";

describe("histogram", () => {
  test("known answer: counts, edges, density and the closed last bin", () => {
    const h = histogram([0, 0.5, 1, 1.5, 2, 2, 3.9, 4, 5, -1], { bins: 4, range: [0, 4] });
    expect(Array.from(h.edges)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(h.counts)).toEqual([2, 2, 2, 2]); // 4 goes in the last bin; 5 and -1 are outside
    expect(h.binWidth).toBe(1);
    expect(Array.from(h.density)).toEqual([0.2, 0.2, 0.2, 0.2]); // divided by all n = 10
    const d = histogram([3, 1, 2]);
    expect([d.edges[0], d.edges[10], d.counts.reduce((s, c) => s + c, 0)]).toEqual([1, 3, 3]); // default range = [min, max]
  });

  test("density estimates the N(0, 1) bin masses within 4 SE per bin (statistical, seed 51)", () => {
    const n = 100_000;
    const h = histogram(fillNormal(createRng(51), new Float64Array(n)), {
      bins: 16,
      range: [-4, 4],
    });
    for (let k = 0; k < 16; k++) {
      const p = normalCdf(h.edges[k + 1]) - normalCdf(h.edges[k]);
      // counts are binomial: SE = sqrt(n p (1 - p)); 4 SE (plus 1 count for tiny p)
      expect(Math.abs(h.counts[k] - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)) + 1);
    }
  });

  test.each([
    ["empty", () => histogram([]), RangeError, "histogram: xs must have at least 1 values, got 0"],
    [
      "bins 0",
      () => histogram([1], { bins: 0 }),
      RangeError,
      "histogram: options.bins must be a positive integer, got 0",
    ],
    [
      "bins 2.5",
      () => histogram([1], { bins: 2.5 }),
      RangeError,
      "histogram: options.bins must be a positive integer, got 2.5",
    ],
    [
      "range reversed",
      () => histogram([1], { range: [2, 1] }),
      RangeError,
      "histogram: options.range must be [lo, hi] with finite lo < hi, got [2, 1]",
    ],
    [
      "bins above the maximum",
      () => histogram([1], { bins: 1e9 }),
      RangeError,
      "histogram: options.bins must be at most 1000000, got 1000000000",
    ],
    [
      "bins null (not a default)",
      () => histogram([1], { bins: null as never }),
      TypeError,
      "histogram: options.bins must be a positive integer, got null",
    ],
    [
      "range of strings",
      () => histogram([1], { range: ["0", "1"] as never }),
      TypeError,
      'histogram: options.range must hold two numbers, got ["0", "1"]',
    ],
    [
      "range of one number",
      () => histogram([1], { range: [0] as never }),
      RangeError,
      "histogram: options.range must hold 2 numbers [lo, hi], got length 1",
    ],
    [
      "a span that overflows",
      () => histogram([-1e308, 1e308]),
      RangeError,
      "histogram: xs spans [-1e+308, 1e+308], whose bin width",
    ],
    [
      "NaN",
      () => histogram([1, NaN]),
      RangeError,
      "histogram: xs[1] must be a finite number, got NaN",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
