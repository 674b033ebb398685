import { requireIndex } from "../../src/base";

describe("requireIndex", () => {
  it("returns an integer in [0, size)", () => {
    expect(requireIndex("f", "k", 0, 3)).toBe(0);
    expect(requireIndex("f", "k", 2, 3)).toBe(2);
  });

  it("refuses size itself, a negative, a non-integer and NaN with a RangeError naming the range", () => {
    expect(() => requireIndex("classConditional", "y", 3, 3)).toThrow(
      new RangeError("classConditional: y must be an integer in [0, 3), got 3"),
    );
    expect(() => requireIndex("f", "k", -1, 3, "K")).toThrow(
      new RangeError("f: k must be an integer in [0, K) = [0, 3), got -1"),
    );
    expect(() => requireIndex("f", "k", 1.5, 3)).toThrow(RangeError);
    expect(() => requireIndex("f", "k", NaN, 3)).toThrow(RangeError);
    expect(() => requireIndex("f", "k", 0, 0)).toThrow("f: k must be an integer in [0, 0), got 0");
  });

  it("refuses a non-number with a TypeError", () => {
    expect(() => requireIndex("f", "y", "1", 3)).toThrow(
      new TypeError('f: y must be an integer in [0, 3), got "1"'),
    );
    expect(() => requireIndex("f", "y", null, 3)).toThrow(TypeError);
  });
});
