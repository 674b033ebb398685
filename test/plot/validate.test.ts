import {
  optionalBoolean,
  optionalInRange,
  optionalNonNegative,
  optionalString,
  requireObject,
  requireSameLength,
  requireSeries,
} from "../../src/plot/validate";

describe("validate", () => {
  test("requireSeries accepts number[] and numeric typed arrays, non-finite values included", () => {
    const a = [1, NaN];
    const t = new Int32Array([1]);
    expect(requireSeries("f", "x", a)).toBe(a);
    expect(requireSeries("f", "x", t)).toBe(t);
    expect(requireSeries("f", "x", [], true)).toEqual([]); // allowEmpty
    expect(optionalInRange("f", "opacity", undefined, 0, 1)).toBeUndefined();
  });

  test.each([
    [
      () => requireSeries("f", "x", [1, "2"]),
      TypeError,
      "f: x must be a number[] or a typed array, got an array of length 2",
    ],
    [
      () => requireSeries("f", "x", new BigInt64Array(1)),
      TypeError,
      "f: x must be a number[] or a typed array, got a BigInt64Array of length 1",
    ],
    [
      () => requireSeries("f", "x", new DataView(new ArrayBuffer(8))),
      TypeError,
      "f: x must be a number[] or a typed array, got a DataView",
    ],
    [
      () => requireSeries("f", "x", []),
      RangeError,
      "f: x must be non-empty, got an array of length 0",
    ],
    [
      () => requireSeries("f", "x", new Float64Array(0)),
      RangeError,
      "f: x must be non-empty, got a Float64Array of length 0",
    ],
    [
      () => requireSameLength("f", ["x", "y"], [1], [1, 2]),
      RangeError,
      "f: y must have the length of x (1), got 2",
    ],
    [
      () => requireObject("f", "layout", 3, "an object"),
      TypeError,
      "f: layout must be an object, got 3",
    ],
    [() => optionalString("f", "name", 3), TypeError, "f: name must be a string, got 3"],
    [() => optionalBoolean("f", "density", 1), TypeError, "f: density must be a boolean, got 1"],
    [
      () => optionalInRange("f", "opacity", "1", 0, 1),
      TypeError,
      'f: opacity must be a finite number in [0, 1], got "1"',
    ],
    [
      () => optionalInRange("f", "opacity", 1.5, 0, 1),
      RangeError,
      "f: opacity must be a finite number in [0, 1], got 1.5",
    ],
    [
      () => optionalNonNegative("f", "width", Infinity),
      RangeError,
      "f: width must be a finite number >= 0, got Infinity",
    ],
  ])("bad input %#: %p", (call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
