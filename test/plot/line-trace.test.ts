import { lineTrace } from "../../src/plot";

describe("lineTrace", () => {
  test("a scatter trace in lines mode with plain arrays; NaN and ±Infinity become null gaps", () => {
    const t = lineTrace(new Float64Array([0, 1, 2, 3]), [1, NaN, Infinity, -Infinity], {
      name: "path",
      color: "#D55E00",
      width: 1,
      dash: "dot",
      opacity: 0.3,
    });
    expect(t).toEqual({
      type: "scatter",
      mode: "lines",
      x: [0, 1, 2, 3],
      y: [1, null, null, null],
      line: { width: 1, dash: "dot", color: "#D55E00" },
      name: "path",
      opacity: 0.3,
    });
    expect(Array.isArray(t.x)).toBe(true);
  });

  test("defaults: width 2, solid, theme colour (none set), out of the legend when unnamed", () => {
    const t = lineTrace([0], [0]);
    expect(t.line).toEqual({ width: 2, dash: "solid" });
    expect(t.showlegend).toBe(false);
    expect(t).not.toHaveProperty("name");
    expect(t).not.toHaveProperty("opacity");
  });

  test.each([
    [
      "x a string",
      () => lineTrace("ab" as never, [1, 2]),
      TypeError,
      'lineTrace: x must be a number[] or a typed array, got "ab"',
    ],
    [
      "y with a string",
      () => lineTrace([1, 2], [1, "2"] as never),
      TypeError,
      "lineTrace: y must be a number[] or a typed array, got an array of length 2",
    ],
    [
      "x empty",
      () => lineTrace([], []),
      RangeError,
      "lineTrace: x must be non-empty, got an array of length 0",
    ],
    [
      "lengths differ",
      () => lineTrace([1, 2, 3], new Float64Array(2)),
      RangeError,
      "lineTrace: y must have the length of x (3), got 2",
    ],
    [
      "options a number",
      () => lineTrace([1], [1], 2 as never),
      TypeError,
      "lineTrace: options must be an object, got 2",
    ],
    [
      "name a number",
      () => lineTrace([1], [1], { name: 1 as never }),
      TypeError,
      "lineTrace: options.name must be a string, got 1",
    ],
    [
      "width negative",
      () => lineTrace([1], [1], { width: -1 }),
      RangeError,
      "lineTrace: options.width must be a finite number >= 0, got -1",
    ],
    [
      "opacity NaN",
      () => lineTrace([1], [1], { opacity: NaN }),
      RangeError,
      "lineTrace: options.opacity must be a finite number in [0, 1], got NaN",
    ],
  ])("bad input: %s", (_label, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
