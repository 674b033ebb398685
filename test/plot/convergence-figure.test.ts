import { convergenceFigure, plotReferenceColor, plotTheme } from "../../src/plot";

type Line = {
  x: number[];
  y: (number | null)[];
  name: string;
  line?: { dash?: string; color?: string };
};

describe("convergenceFigure", () => {
  const h = [0.1, 0.05, 0.025, 0.0125];

  test("log-log axes, one lines+markers trace per series, themed", () => {
    const fig = convergenceFigure(
      [
        {
          name: "Euler–Maruyama",
          stepSizes: new Float64Array(h),
          errors: h.map((s) => Math.sqrt(s)),
        },
        { name: "Milstein", stepSizes: h, errors: new Float64Array(h) },
      ],
      { title: "strong error", xTitle: "h", yTitle: "E|X_T − X_T^h|" },
    );
    expect(fig.data).toHaveLength(2);
    expect(fig.data.map((t) => (t as { mode: string }).mode)).toEqual([
      "lines+markers",
      "lines+markers",
    ]);
    expect((fig.data[0] as Line).x).toEqual(h);
    expect(fig.layout.xaxis).toMatchObject({ type: "log", title: { text: "h" } });
    expect(fig.layout.yaxis).toMatchObject({ type: "log", title: { text: "E|X_T − X_T^h|" } });
    expect(fig.layout.title).toMatchObject({ text: "strong error" });
    expect(fig.layout.font).toEqual(plotTheme.font);
  });

  test("a reference line of order p coincides with errors that are exactly C h^p", () => {
    // Known answer: errors = 3 h^{1/2}; the order-1/2 line through their geometric mean is 3 h^{1/2}.
    const errors = h.map((s) => 3 * Math.sqrt(s));
    const fig = convergenceFigure([{ name: "exact", stepSizes: h, errors }], {
      referenceOrders: [0.5, 1],
    });
    expect(fig.data).toHaveLength(3);
    const half = fig.data[1] as Line;
    const one = fig.data[2] as Line;
    expect(half.name).toBe("slope 0.5");
    expect(half.line).toMatchObject({ dash: "dash", color: plotReferenceColor });
    expect(half.x).toEqual([0.0125, 0.1]);
    // 1e-12 relative: exp/log round trips of a few ulps.
    expect(half.y[0]).toBeCloseTo(3 * Math.sqrt(0.0125), 12);
    expect(half.y[1]).toBeCloseTo(3 * Math.sqrt(0.1), 12);
    // The order-1 line has log-log slope exactly 1 (up to rounding).
    const slope = Math.log((one.y[1] as number) / (one.y[0] as number)) / Math.log(0.1 / 0.0125);
    expect(slope).toBeCloseTo(1, 12);
  });

  test("non-positive or non-finite errors become gaps and are ignored by the reference fit", () => {
    const fig = convergenceFigure(
      [{ name: "a", stepSizes: h, errors: [2 * 0.1, 0, NaN, 2 * 0.0125] }],
      { referenceOrders: [1] },
    );
    expect((fig.data[0] as Line).y).toEqual([0.2, null, null, 0.025]);
    const ref = fig.data[1] as Line;
    expect(ref.y[0]).toBeCloseTo(2 * 0.0125, 12); // errors are 2 h at the two valid points
    expect(ref.y[1]).toBeCloseTo(2 * 0.1, 12);
  });

  test("no reference lines when no series has a positive error", () => {
    const fig = convergenceFigure([{ name: "a", stepSizes: [0.1, 0.2], errors: [0, NaN] }], {
      referenceOrders: [1],
    });
    expect(fig.data).toHaveLength(1);
  });

  test.each([
    [
      "series not an array",
      () => convergenceFigure({} as never),
      TypeError,
      "convergenceFigure: series must be an array, got an object",
    ],
    [
      "no series",
      () => convergenceFigure([]),
      RangeError,
      "convergenceFigure: series must be non-empty, got an array of length 0",
    ],
    [
      "a null series",
      () => convergenceFigure([null as never]),
      TypeError,
      "convergenceFigure: series[0] must be an object, got null",
    ],
    [
      "name missing",
      () => convergenceFigure([{ stepSizes: [1], errors: [1] } as never]),
      TypeError,
      "convergenceFigure: series[0].name must be a string, got undefined",
    ],
    [
      "empty step sizes",
      () => convergenceFigure([{ name: "a", stepSizes: [], errors: [] }]),
      RangeError,
      "convergenceFigure: series[0].stepSizes must be non-empty, got an array of length 0",
    ],
    [
      "lengths differ",
      () => convergenceFigure([{ name: "a", stepSizes: [1, 2], errors: [1] }]),
      RangeError,
      "convergenceFigure: series[0].errors must have the length of series[0].stepSizes (2), got 1",
    ],
    [
      "zero step",
      () => convergenceFigure([{ name: "a", stepSizes: [0.1, 0], errors: [1, 1] }]),
      RangeError,
      "convergenceFigure: step sizes must be finite and > 0, got series[0].stepSizes[1] = 0",
    ],
    [
      "order NaN",
      () =>
        convergenceFigure([{ name: "a", stepSizes: [1], errors: [1] }], {
          referenceOrders: [1, NaN],
        }),
      RangeError,
      "convergenceFigure: options.referenceOrders[1] must be a finite number, got NaN",
    ],
    [
      "title a number",
      () => convergenceFigure([{ name: "a", stepSizes: [1], errors: [1] }], { title: 1 as never }),
      TypeError,
      "convergenceFigure: options.title must be a string, got 1",
    ],
  ])("bad input: %s", (_label, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
