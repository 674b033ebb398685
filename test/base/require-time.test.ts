import { requireTime, TIME_SLACK } from "../../src/base";

describe("requireTime", () => {
  it("returns a time of [0, T] unchanged, -0 included", () => {
    expect(requireTime("f", "t", 0.25, 1)).toBe(0.25);
    expect(requireTime("f", "t", 1, 1)).toBe(1);
    expect(Object.is(requireTime("f", "t", -0, 1), -0)).toBe(true);
  });

  it("names the function, the parameter, the interval and the value", () => {
    expect(() => requireTime("vpSde.std", "t", -0.5, 1)).toThrow(
      new RangeError("vpSde.std: t must be in [0, T] = [0, 1], got -0.5"),
    );
    expect(() => requireTime("f", "s", 2, 1.5)).toThrow(
      new RangeError("f: s must be in [0, T] = [0, 1.5], got 2"),
    );
  });

  it("refuses a non-number with a TypeError and NaN, ±Infinity with a RangeError", () => {
    for (const v of ["0.5", null, undefined, {}, [0.5]]) {
      expect(() => requireTime("f", "t", v, 1)).toThrow(TypeError);
    }
    for (const v of [NaN, Infinity, -Infinity]) {
      expect(() => requireTime("f", "t", v, 1, { slack: true })).toThrow(RangeError);
    }
  });

  it("with slack, accepts a rounding outside [0, T] and clamps it in", () => {
    const T = 2;
    // 0.1 + 0.2 + … style roundings are ~1e-16·T, far inside the slack of 1e-12·T
    expect(requireTime("f", "t", T + 1e-15, T, { slack: true })).toBe(T);
    expect(requireTime("f", "t", -1e-15, T, { slack: true })).toBe(0);
    expect(requireTime("f", "t", 0.5, T, { slack: true })).toBe(0.5);
    // beyond the slack: refused, with the interval the user sees
    expect(() => requireTime("f", "t", T * (1 + 10 * TIME_SLACK), T, { slack: true })).toThrow(
      `f: t must be in [0, T] = [0, 2], got ${T * (1 + 10 * TIME_SLACK)}`,
    );
    expect(() => requireTime("f", "t", -1e-9, T, { slack: true })).toThrow(RangeError);
    // without slack the same rounding is refused
    expect(() => requireTime("f", "t", T + 1e-15, T)).toThrow(RangeError);
  });

  it("open excludes T (with its note), positive excludes 0", () => {
    const note = "the drift (b − x)/(T − t) is infinite at T";
    expect(() => requireTime("b.drift", "t", 1, 1, { open: true, slack: true, note })).toThrow(
      new RangeError(`b.drift: t must be in [0, T) = [0, 1) (${note}), got 1`),
    );
    expect(requireTime("b.drift", "t", -1e-15, 1, { open: true, slack: true })).toBe(0);
    expect(() => requireTime("f", "tMin", 0, 1, { positive: true, open: true })).toThrow(
      new RangeError("f: tMin must be in (0, T) = (0, 1), got 0"),
    );
    expect(requireTime("f", "t", 1, 1, { positive: true })).toBe(1);
    expect(() => requireTime("f", "t", 0, 1, { positive: true })).toThrow(
      "f: t must be in (0, T] = (0, 1], got 0",
    );
  });
});
