import { linearTicks, logTicks, niceStep, tickLabels } from "../../src/plot/svg-ticks";

describe("niceStep", () => {
  test.each([
    [0.13, 0.2],
    [0.2, 0.2],
    [0.21, 0.5],
    [3, 5],
    [7, 10],
    [1, 1],
    [1200, 2000],
  ])("%p rounds up to %p", (rough, nice) => {
    expect(niceStep(rough)).toBeCloseTo(nice, 12);
  });
});

describe("linearTicks", () => {
  test("multiples of a 1-2-5 step inside the range", () => {
    const t = linearTicks(-0.05, 1.05, 6);
    expect(t.map((v) => Math.round(v * 10) / 10)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
  test("ends on the range when the range is a multiple of the step", () => {
    expect(linearTicks(0, 20, 4)).toEqual([0, 5, 10, 15, 20]);
  });
});

describe("logTicks (range in log10 units)", () => {
  test("several decades: every decade", () => {
    expect(logTicks(-3.2, 0.1, 6)).toEqual([0.001, 0.01, 0.1, 1]);
  });
  test("many decades: every d-th decade", () => {
    expect(logTicks(-9, 3, 4).map((v) => Math.round(Math.log10(v)))).toEqual([-9, -6, -3, 0, 3]);
  });
  test("about one decade: 1, 2, 5 × 10^k", () => {
    const t = logTicks(Math.log10(0.015), Math.log10(0.3), 6);
    expect(t.map((v) => Number(v.toPrecision(3)))).toEqual([0.02, 0.05, 0.1, 0.2]);
  });
  test("less than half a decade: linear ticks in value", () => {
    const t = logTicks(Math.log10(2), Math.log10(5), 6);
    expect(t.map((v) => Number(v.toPrecision(3)))).toEqual([2, 3, 4, 5]);
  });
});

describe("tickLabels", () => {
  test("as many decimals as the step needs, trailing zeros dropped, minus as U+2212", () => {
    expect(tickLabels([-0.5, 0, 0.5, 1], 0.5)).toEqual(["−0.5", "0", "0.5", "1"]);
    expect(tickLabels([0.25, 0.5], 0.25)).toEqual(["0.25", "0.5"]);
  });
  test("big and small values with SI prefixes by default, as plotly's exponentformat B", () => {
    expect(tickLabels([0, 10000, 20000], 10000)).toEqual(["0", "10k", "20k"]);
    expect(tickLabels([0.00001, 0.00002], 0.00001)).toEqual(["10μ", "20μ"]);
    expect(tickLabels([1e9, 2e9], 1e9)).toEqual(["1B", "2B"]);
  });
  test("power and e formats", () => {
    expect(tickLabels([10000, 20000], 10000, "power")).toEqual(["1×10⁴", "2×10⁴"]);
    expect(tickLabels([10000, 20000], 10000, "e")).toEqual(["1e+04", "2e+04"]);
  });
  test("log axis: decades as 10ⁿ in power format, 2 and 5 between them as digits", () => {
    expect(tickLabels([0.001, 0.01, 0.1, 1, 10], 1, "power", true)).toEqual([
      "10⁻³",
      "10⁻²",
      "10⁻¹",
      "1",
      "10",
    ]);
    expect(tickLabels([0.01, 0.02, 0.05, 0.1], 1, "B", true)).toEqual(["0.01", "2", "5", "0.1"]);
    expect(tickLabels([1e-4, 1e-3], 1, "B", true)).toEqual(["100μ", "0.001"]);
  });
});
