import { markerTrace } from "../../src/plot";

describe("markerTrace", () => {
  test("a scatter trace in markers mode with plain arrays; non-finite values become null", () => {
    const t = markerTrace([0, 1, 2], new Float32Array([0.5, NaN, 2]), {
      name: "samples",
      color: "#009E73",
      size: 4,
      symbol: "x",
      opacity: 0.4,
    });
    expect(t).toEqual({
      type: "scatter",
      mode: "markers",
      x: [0, 1, 2],
      y: [0.5, null, 2],
      marker: { size: 4, symbol: "x", color: "#009E73" },
      name: "samples",
      opacity: 0.4,
    });
  });

  test("defaults: size 7 circles, no colour (theme colorway), out of the legend when unnamed", () => {
    const t = markerTrace([1], [2]);
    expect(t.marker).toEqual({ size: 7, symbol: "circle" });
    expect(t.showlegend).toBe(false);
  });

  test.each([
    [
      "x null",
      () => markerTrace(null as never, [1]),
      TypeError,
      "markerTrace: x must be a number[] or a typed array, got null",
    ],
    [
      "y empty",
      () => markerTrace([1], new Float64Array(0)),
      RangeError,
      "markerTrace: y must be non-empty, got a Float64Array of length 0",
    ],
    [
      "lengths differ",
      () => markerTrace([1], [1, 2]),
      RangeError,
      "markerTrace: y must have the length of x (1), got 2",
    ],
    [
      "size Infinity",
      () => markerTrace([1], [1], { size: Infinity }),
      RangeError,
      "markerTrace: options.size must be a finite number >= 0, got Infinity",
    ],
    [
      "opacity above 1",
      () => markerTrace([1], [1], { opacity: 2 }),
      RangeError,
      "markerTrace: options.opacity must be a finite number in [0, 1], got 2",
    ],
    [
      "color a number",
      () => markerTrace([1], [1], { color: 3 as never }),
      TypeError,
      "markerTrace: options.color must be a string, got 3",
    ],
  ])("bad input: %s", (_label, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
