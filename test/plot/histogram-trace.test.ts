import { histogramTrace } from "../../src/plot";

describe("histogramTrace", () => {
  test("counts by default: a histogram trace of the samples as a plain array, NaN → null", () => {
    const t = histogramTrace(new Float64Array([0.1, NaN, 0.3]), { name: "X_T", color: "#0072B2" });
    expect(t).toEqual({
      type: "histogram",
      x: [0.1, null, 0.3],
      opacity: 0.6,
      marker: { line: { width: 0 }, color: "#0072B2" },
      name: "X_T",
    });
    expect(t).not.toHaveProperty("histnorm");
  });

  test("density: true normalises to a probability density (plotly histnorm)", () => {
    expect(histogramTrace([1, 2], { density: true }).histnorm).toBe("probability density");
  });

  test("bins over an explicit range: equal bins of width (hi − lo) / bins", () => {
    const t = histogramTrace([0, 1], { bins: 8, range: [-4, 4] });
    expect(t.xbins).toEqual({ start: -4, end: 4, size: 1 });
  });

  test("bins without a range span the finite samples, the last edge just above the maximum", () => {
    const t = histogramTrace([2, 5, NaN, 3, Infinity], { bins: 3 });
    const { start, end, size } = t.xbins as { start: number; end: number; size: number };
    expect(start).toBe(2);
    // Bins are [a, b): the maximum 5 must lie strictly inside; the nudge is 1e-9 of the span 3.
    expect(end).toBeGreaterThan(5);
    expect(Math.abs(end - 5 - 3e-9)).toBeLessThan(2e-15); // rounding of 5 + 3e-9: ulp(5) ≈ 8.9e-16
    expect(start + 3 * size).toBeGreaterThan(5);
    expect(size).toBeCloseTo(1, 8);
  });

  test("bins with coinciding samples widen the range by 0.5 on each side", () => {
    expect(histogramTrace([1, 1], { bins: 2 }).xbins).toEqual({ start: 0.5, end: 1.5, size: 0.5 });
  });

  test.each([
    [
      "samples empty",
      () => histogramTrace([]),
      RangeError,
      "histogramTrace: samples must be non-empty, got an array of length 0",
    ],
    [
      "samples an object",
      () => histogramTrace({} as never),
      TypeError,
      "histogramTrace: samples must be a number[] or a typed array, got an object",
    ],
    [
      "bins 0",
      () => histogramTrace([1], { bins: 0 }),
      RangeError,
      "histogramTrace: options.bins must be a positive integer, got 0",
    ],
    [
      "bins 2.5",
      () => histogramTrace([1], { bins: 2.5 }),
      RangeError,
      "histogramTrace: options.bins must be a positive integer, got 2.5",
    ],
    [
      "range without bins",
      () => histogramTrace([1], { range: [0, 1] }),
      RangeError,
      "histogramTrace: options.range needs options.bins, got range without bins",
    ],
    [
      "range reversed",
      () => histogramTrace([1], { bins: 2, range: [1, 0] }),
      RangeError,
      "histogramTrace: options.range must have lo < hi, got [1, 0]",
    ],
    [
      "range not a pair",
      () => histogramTrace([1], { bins: 2, range: [0] as never }),
      TypeError,
      "histogramTrace: options.range must be a [lo, hi] pair, got an array of length 1",
    ],
    [
      "density a string",
      () => histogramTrace([1], { density: "yes" as never }),
      TypeError,
      'histogramTrace: options.density must be a boolean, got "yes"',
    ],
    [
      "opacity 1.5",
      () => histogramTrace([1], { opacity: 1.5 }),
      RangeError,
      "histogramTrace: options.opacity must be a finite number in [0, 1], got 1.5",
    ],
  ])("bad input: %s", (_label, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
