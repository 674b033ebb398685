import { histogramBins } from "../../src/plot/histogram-bins";

describe("histogramBins", () => {
  test("explicit bins [a, b): counts, a value on an inner edge goes right, the end is excluded", () => {
    const b = histogramBins(
      [0, 0.5, 0.5, 0.99, 1, -0.1, NaN, null],
      { start: 0, end: 1, size: 0.5 },
      "",
    );
    expect(b.edges).toEqual([0, 0.5, 1]);
    expect(b.heights).toEqual([1, 3]);
  });

  test("normalisations over the N samples inside the bins (plotly's histnorm)", () => {
    const x = [0.1, 0.2, 0.2, 0.7, 5]; // 5 is outside: N = 4
    const bins = { start: 0, end: 1, size: 0.5 };
    expect(histogramBins(x, bins, "probability").heights).toEqual([0.75, 0.25]);
    expect(histogramBins(x, bins, "percent").heights).toEqual([75, 25]);
    expect(histogramBins(x, bins, "density").heights).toEqual([6, 2]);
    const pd = histogramBins(x, bins, "probability density").heights;
    expect(pd).toEqual([1.5, 0.5]);
    expect(pd[0] * 0.5 + pd[1] * 0.5).toBeCloseTo(1, 15); // a density integrates to 1
  });

  test("automatic bins: a 1-2-5 size of about 2 sd / N^0.4, edges on its multiples, every sample counted", () => {
    const x = Array.from({ length: 1000 }, (_, k) => Math.sin(k) * 3); // sd ≈ 2.12
    const b = histogramBins(x, undefined, "");
    const size = b.edges[1] - b.edges[0];
    // 2 sd / N^0.4 = 2 · 2.12 / 15.85 ≈ 0.27, rounded up to 0.5
    expect(size).toBeCloseTo(0.5, 12);
    expect(b.edges[0] / size).toBeCloseTo(Math.round(b.edges[0] / size), 9);
    expect(b.heights.reduce((s, h) => s + h, 0)).toBe(1000);
  });

  test("no finite sample: no bars", () => {
    expect(histogramBins([NaN, null, "a"], undefined, "")).toEqual({ edges: [], heights: [] });
  });
});
