import { requireBoolean } from "../../src/base";

describe("requireBoolean", () => {
  it("returns true and false", () => {
    expect(requireBoolean("f", "flag", true)).toBe(true);
    expect(requireBoolean("f", "flag", false)).toBe(false);
  });

  it("refuses truthy and falsy non-booleans with a TypeError", () => {
    expect(() => requireBoolean("sdeFromScalar", "spec.additive", "yes")).toThrow(
      new TypeError('sdeFromScalar: spec.additive must be a boolean, got "yes"'),
    );
    for (const v of [0, 1, null, undefined, {}]) {
      expect(() => requireBoolean("f", "flag", v)).toThrow(TypeError);
    }
  });
});
