import { requireBatch, requireBatchAt, requireRowsAtLeast } from "../../src/base";

describe("requireRowsAtLeast", () => {
  const x = Float64Array.of(1, 2, 3, 4, 5, 6, NaN); // 3 rows of 2, then scratch

  it("accepts a longer array (scratch) and reads only the first n rows", () => {
    expect(requireRowsAtLeast("f", "x", x, 3, 2)).toBe(x);
    expect(requireRowsAtLeast("f", "x", x, 2, 3)).toBe(x);
  });

  it("names the count it needs: with the width's name, by value, or n alone for width 1", () => {
    expect(() => requireRowsAtLeast("f", "x", x, 4, 2, { widthName: "d" })).toThrow(
      new RangeError("f: x must hold at least n·d = 8 values (n = 4, d = 2), got length 7"),
    );
    expect(() => requireRowsAtLeast("Mlp.forward", "x", x, 3, 3)).toThrow(
      new RangeError("Mlp.forward: x must hold at least n·3 = 9 values (n = 3), got length 7"),
    );
    expect(() => requireRowsAtLeast("f", "out", x, 8, 1)).toThrow(
      new RangeError("f: out must hold at least n = 8 values, got length 7"),
    );
  });

  it("refuses a non-finite entry among the rows read, unless finite is false", () => {
    expect(() => requireRowsAtLeast("f", "x", x, 7, 1)).toThrow(
      new RangeError("f: x[6] must be a finite number, got NaN"),
    );
    expect(requireRowsAtLeast("f", "out", x, 7, 1, { finite: false })).toBe(x);
  });

  it("refuses a non-Float64Array with a TypeError", () => {
    expect(() => requireRowsAtLeast("f", "x", [1, 2], 1, 2)).toThrow(
      new TypeError("f: x must be a Float64Array, got an array of length 2"),
    );
  });
});

describe("requireBatch", () => {
  const x = Float64Array.of(1, 2, 3, 4, 5, 6); // (3, 2)
  const out = new Float64Array(6);

  it("returns n for a valid call", () => {
    expect(requireBatch("s.score", x, out, 3, 2)).toBe(3);
    expect(requireBatch("s.logDensity", x, new Float64Array(3), 3, 2, { outWidth: 1 })).toBe(3);
  });

  it("checks n, then x (shape, finite rows), then out", () => {
    expect(() => requireBatch("s.score", x, out, 0, 2)).toThrow(
      new RangeError("s.score: n must be a positive integer, got 0"),
    );
    expect(() => requireBatch("s.score", x, out, "3", 2)).toThrow(TypeError);
    expect(() => requireBatch("s.score", x.subarray(0, 5), out, 3, 2)).toThrow(
      new RangeError("s.score: x must hold at least n·d = 6 values (n = 3, d = 2), got length 5"),
    );
    expect(() => requireBatch("s.score", Float64Array.of(1, 2, 3, NaN), out, 2, 2)).toThrow(
      new RangeError("s.score: x[3] must be a finite number, got NaN"),
    );
    expect(() => requireBatch("s.score", x, out.subarray(0, 4), 3, 2)).toThrow(
      new RangeError("s.score: out must hold at least n·d = 6 values (n = 3, d = 2), got length 4"),
    );
    expect(() =>
      requireBatch("s.logDensity", x, out.subarray(0, 2), 3, 2, { outWidth: 1 }),
    ).toThrow(new RangeError("s.logDensity: out must hold at least n = 3 values, got length 2"));
  });

  it("names the input as told, and reads no entry when finite is false (an O(1) check)", () => {
    expect(() => requireBatch("c.score", null, out, 1, 2, { xName: "u" })).toThrow(
      new TypeError("c.score: u must be a Float64Array, got null"),
    );
    expect(requireBatch("r.drift", Float64Array.of(NaN, 1), out, 1, 2, { finite: false })).toBe(1);
  });
});

describe("requireBatchAt", () => {
  const x = Float64Array.of(1, 2); // (1, 2)

  it("checks t (finite) before the batch and returns n", () => {
    expect(requireBatchAt("sde.drift", 0.5, x, new Float64Array(2), 1, 2)).toBe(1);
    expect(() => requireBatchAt("sde.drift", NaN, x, null, 1, 2)).toThrow(
      new RangeError("sde.drift: t must be a finite number, got NaN"),
    );
    expect(() => requireBatchAt("sde.drift", "0", x, x, 1, 2)).toThrow(TypeError);
    expect(() => requireBatchAt("sde.drift", 0, x, null, 1, 2)).toThrow(
      new TypeError("sde.drift: out must be a Float64Array, got null"),
    );
  });
});
