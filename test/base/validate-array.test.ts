import { requireFiniteArray, requireFloat64Array } from "../../src/base";

describe("requireFloat64Array and requireFiniteArray: lengths", () => {
  it("an exact length is a number", () => {
    const x = Float64Array.of(1, 2);
    expect(requireFloat64Array("f", "x", x, 2)).toBe(x);
    expect(() => requireFiniteArray("f", "x", x, 3)).toThrow(
      new RangeError("f: x must have length 3, got 2"),
    );
  });

  it("a minimum length is { min }: { min: 1 } refuses an empty array", () => {
    expect(() =>
      requireFiniteArray("tweedieVariance", "hessianDiagonal", new Float64Array(0), { min: 1 }),
    ).toThrow(
      new RangeError(
        "tweedieVariance: hessianDiagonal must be non-empty, got a Float64Array of length 0",
      ),
    );
    expect(() => requireFloat64Array("f", "x", Float64Array.of(1), { min: 2 })).toThrow(
      new RangeError("f: x must hold at least 2 values, got length 1"),
    );
    const x = Float64Array.of(1, 2, 3);
    expect(requireFiniteArray("f", "x", x, { min: 1 })).toBe(x);
  });

  it("the type is checked before the length and the entries after it", () => {
    expect(() => requireFiniteArray("f", "x", [1], { min: 1 })).toThrow(TypeError);
    expect(() => requireFiniteArray("f", "x", Float64Array.of(1, NaN), { min: 1 })).toThrow(
      new RangeError("f: x[1] must be a finite number, got NaN"),
    );
  });
});
