import {
  optionalFinite,
  optionalInRange,
  optionalInteger,
  optionalNonNegative,
  optionalPositive,
} from "../../src/base";

describe("optional numbers", () => {
  it("return undefined for an absent value and the value when it is valid", () => {
    expect(optionalFinite("f", "x", undefined)).toBeUndefined();
    expect(optionalPositive("f", "x", undefined)).toBeUndefined();
    expect(optionalNonNegative("f", "x", undefined)).toBeUndefined();
    expect(optionalInRange("f", "x", undefined, 0, 1)).toBeUndefined();
    expect(optionalInteger("f", "x", undefined, 1)).toBeUndefined();
    expect(optionalFinite("f", "x", -2)).toBe(-2);
    expect(optionalPositive("f", "x", 2)).toBe(2);
    expect(optionalNonNegative("f", "x", 0)).toBe(0);
    expect(optionalInRange("f", "x", 0.5, 0, 1)).toBe(0.5);
    expect(optionalInteger("f", "x", 3, 1)).toBe(3);
  });

  it("refuse null (never read as absent) and bad values as their require* twins do", () => {
    expect(() => optionalInteger("histogram", "options.bins", null, 1)).toThrow(
      new TypeError("histogram: options.bins must be a positive integer, got null"),
    );
    expect(() => optionalPositive("f", "options.bandwidth", 0)).toThrow(
      new RangeError("f: options.bandwidth must be a finite number > 0, got 0"),
    );
    expect(() => optionalNonNegative("f", "options.abs", -1)).toThrow(RangeError);
    expect(() => optionalInRange("f", "options.opacity", 2, 0, 1)).toThrow(
      "f: options.opacity must be a finite number in [0, 1], got 2",
    );
    expect(() => optionalFinite("f", "x", NaN)).toThrow(RangeError);
    expect(() => optionalFinite("f", "x", 3, "in (0, 1)", (v) => v > 0 && v < 1)).toThrow(
      "f: x must be in (0, 1), got 3",
    );
  });
});
