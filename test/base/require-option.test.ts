import { requireBoolean, requireOption, requirePositive } from "../../src/base";

describe("requireOption", () => {
  it("returns the default for an absent option and the checked value otherwise", () => {
    expect(requireOption("f", {}, "options.T", 1, requirePositive)).toBe(1);
    expect(requireOption("f", { T: undefined }, "options.T", 1, requirePositive)).toBe(1);
    expect(requireOption("f", { T: 2 }, "options.T", 1, requirePositive)).toBe(2);
    expect(requireOption("f", { additive: false }, "spec.additive", true, requireBoolean)).toBe(
      false,
    );
    expect(requireOption("f", { weighting: "none" }, "options.weighting", "std2")).toBe("none");
  });

  it("reads the last segment of the path and names the whole path in errors", () => {
    expect(() => requireOption("vpSde", { T: 0 }, "T", 1, requirePositive)).toThrow(
      new RangeError("vpSde: T must be a finite number > 0, got 0"),
    );
    expect(() =>
      requireOption("f", { additive: 1 }, "spec.additive", false, requireBoolean),
    ).toThrow(new TypeError("f: spec.additive must be a boolean, got 1"));
  });

  it("treats null as an error, never as 'use the default'", () => {
    expect(() => requireOption("f", { T: null }, "options.T", 1, requirePositive)).toThrow(
      new TypeError("f: options.T must be a finite number > 0, got null"),
    );
    expect(() => requireOption("f", { weighting: null }, "options.weighting", "std2")).toThrow(
      new TypeError(
        'f: options.weighting must be omitted (for the default "std2") or given, got null',
      ),
    );
  });
});
