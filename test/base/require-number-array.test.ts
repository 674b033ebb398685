import { requireNumberArray } from "../../src/base";

describe("requireNumberArray", () => {
  it("accepts number[] and numeric typed arrays, non-finite entries included", () => {
    const a = [1, NaN, Infinity];
    expect(requireNumberArray("f", "x", a)).toBe(a);
    const b = Float32Array.of(1, 2);
    expect(requireNumberArray("f", "x", b)).toBe(b);
    expect(requireNumberArray("f", "x", [])).toEqual([]);
  });

  it("refuses anything else with a TypeError", () => {
    expect(() => requireNumberArray("checkSlope", "x", [1, "2"])).toThrow(
      new TypeError("checkSlope: x must be a number[] or a typed array, got an array of length 2"),
    );
    for (const v of [null, 3, "12", new DataView(new ArrayBuffer(8)), new BigInt64Array(1)]) {
      expect(() => requireNumberArray("f", "x", v)).toThrow(TypeError);
    }
  });
});
