import { requireNonEmptyString } from "../../src/base";

describe("requireNonEmptyString", () => {
  it("returns a string with a non-blank character", () => {
    expect(requireNonEmptyString("f", "label", " a ")).toBe(" a ");
  });

  it("refuses an empty or blank string with a RangeError, a non-string with a TypeError", () => {
    expect(() => requireNonEmptyString("checkClose", "options.reason", "")).toThrow(
      new RangeError('checkClose: options.reason must be a non-empty string, got ""'),
    );
    expect(() => requireNonEmptyString("f", "label", " \t")).toThrow(RangeError);
    expect(() => requireNonEmptyString("f", "label", 3)).toThrow(
      new TypeError("f: label must be a non-empty string, got 3"),
    );
    expect(() => requireNonEmptyString("f", "label", undefined)).toThrow(TypeError);
  });
});
