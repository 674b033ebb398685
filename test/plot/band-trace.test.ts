import { bandTrace, plotColorway } from "../../src/plot";

describe("bandTrace", () => {
  test("one closed polygon: upper forwards, then lower backwards, filled, without a line", () => {
    const x = new Float64Array([0, 1, 2]);
    const mean = [0, 1, 2];
    const se = [0.1, 0.2, 0.3];
    const lower = new Float64Array(mean.map((m, i) => m - 2 * se[i]));
    const upper = mean.map((m, i) => m + 2 * se[i]);
    const t = bandTrace(x, lower, upper, { name: "mean ± 2 SE", color: "#D55E00", opacity: 0.5 });
    expect(t.type).toBe("scatter");
    expect(t.fill).toBe("toself");
    expect(t.x).toEqual([0, 1, 2, 2, 1, 0]);
    expect(t.y).toEqual([upper[0], upper[1], upper[2], lower[2], lower[1], lower[0]]);
    expect(t.line).toEqual({ width: 0 });
    expect(t.fillcolor).toBe("rgba(213,94,0,0.5)"); // #D5 = 213, #5E = 94, #00 = 0
    expect(t.name).toBe("mean ± 2 SE");
    expect(t.hoverinfo).toBe("skip");
  });

  test("defaults: first palette colour at opacity 0.2, out of the legend when unnamed", () => {
    const t = bandTrace([0, 1], [0, 0], [1, 1]);
    expect(plotColorway[0]).toBe("#0072B2");
    expect(t.fillcolor).toBe("rgba(0,114,178,0.2)");
    expect(t.showlegend).toBe(false);
  });

  test("non-finite edges become null", () => {
    expect(bandTrace([0, 1], [NaN, 0], [1, Infinity]).y).toEqual([1, null, 0, null]);
  });

  test.each([
    [
      "lower too short",
      () => bandTrace([0, 1], [0], [1, 1]),
      RangeError,
      "bandTrace: lower must have the length of x (2), got 1",
    ],
    [
      "upper too long",
      () => bandTrace([0, 1], [0, 0], [1, 1, 1]),
      RangeError,
      "bandTrace: upper must have the length of x (2), got 3",
    ],
    [
      "upper a string",
      () => bandTrace([0], [0], "1" as never),
      TypeError,
      'bandTrace: upper must be a number[] or a typed array, got "1"',
    ],
    [
      "x empty",
      () => bandTrace([], [], []),
      RangeError,
      "bandTrace: x must be non-empty, got an array of length 0",
    ],
    [
      "color not #rrggbb",
      () => bandTrace([0], [0], [1], { color: "red" }),
      RangeError,
      'bandTrace: options.color must be #rrggbb, got "red"',
    ],
    [
      "opacity negative",
      () => bandTrace([0], [0], [1], { opacity: -0.1 }),
      RangeError,
      "bandTrace: options.opacity must be a finite number in [0, 1], got -0.1",
    ],
  ])("bad input: %s", (_label, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
