import { CheckError, checkSlope } from "../../src/check";
import { recorded } from "./support";

const reason = "exact power law, rounding only";

describe("checkSlope", () => {
  const h = [0.1, 0.05, 0.025, 0.0125];

  test("recovers the exponent of an exact power law y = 3 h^0.5 (log scale)", () => {
    const y = h.map((x) => 3 * Math.sqrt(x));
    const r = recorded(() =>
      checkSlope("strong order", h, Float64Array.from(y), {
        expected: 0.5,
        tolerance: 1e-12,
        reason,
      }),
    );
    expect(r.actual as number).toBeCloseTo(0.5, 12);
    expect(r.message).toMatch(
      /^✓ strong order: slope 0\.5 vs 0\.5 within 1e-12 \(4 points, log scale, /,
    );
  });

  test("linear scale fits y against x: y = 2 − 4x has slope −4", () => {
    const r = recorded(() =>
      checkSlope("line", [0, 1, 2], [2, -2, -6], {
        expected: -4,
        tolerance: 1e-12,
        reason,
        scale: "linear",
      }),
    );
    expect(r.actual).toBe(-4);
  });

  test("least squares on noisy data: slope of (0,0),(1,1),(2,1) is 0.5", () => {
    // Σ(u−ū)(v−v̄) = 1, Σ(u−ū)² = 2 by hand
    const r = recorded(() =>
      checkSlope("ls", [0, 1, 2], [0, 1, 1], {
        expected: 0.5,
        tolerance: 1e-12,
        reason,
        scale: "linear",
      }),
    );
    expect(r.actual as number).toBeCloseTo(0.5, 14);
  });

  test("fails outside the band", () => {
    const y = h.map((x) => x); // slope 1
    expect(() => checkSlope("o", h, y, { expected: 0.5, tolerance: 0.1, reason })).toThrow(
      /^✗ o: slope 1 vs 0\.5 differ by 0\.5, beyond tolerance 0\.1 by 0\.4 \(4 points, log scale, /,
    );
  });

  test.each([
    ["a NaN error", NaN],
    ["a zero error", 0],
    ["a negative error", -1],
  ])("fails (not throws a RangeError) on %s, naming the index", (_name, bad) => {
    const y = [0.3, 0.2, bad, 0.1];
    try {
      checkSlope("o", h, y, { expected: 0.5, tolerance: 10, reason });
      throw new Error("unreachable");
    } catch (e) {
      expect(e).toBeInstanceOf(CheckError);
      expect((e as CheckError).message).toContain("y must be finite and > 0 to fit, got y[2]");
      expect(Number.isNaN((e as CheckError).actual)).toBe(true);
    }
  });

  test.each([
    [
      "one point",
      () => checkSlope("o", [1], [1], { expected: 1, tolerance: 1, reason }),
      RangeError,
      "x must have at least 2 values, got length 1",
    ],
    [
      "length mismatch",
      () => checkSlope("o", [1, 2], [1], { expected: 1, tolerance: 1, reason }),
      RangeError,
      "y must have the length of x (2), got 1",
    ],
    [
      "x ≤ 0 on log scale",
      () => checkSlope("o", [1, 0], [1, 1], { expected: 1, tolerance: 1, reason }),
      RangeError,
      "x must be finite and > 0, got x[1] = 0",
    ],
    [
      "x all equal",
      () => checkSlope("o", [2, 2], [1, 3], { expected: 1, tolerance: 1, reason }),
      RangeError,
      "x must not be all equal, got 2 2 times",
    ],
    [
      "x not numbers",
      () => checkSlope("o", ["1", "2"] as never, [1, 2], { expected: 1, tolerance: 1, reason }),
      TypeError,
      "x must be a number[] or a typed array, got an array of length 2",
    ],
    [
      "NaN tolerance",
      () => checkSlope("o", [1, 2], [1, 2], { expected: 1, tolerance: NaN, reason }),
      RangeError,
      "options.tolerance must be a finite number >= 0, got NaN",
    ],
    [
      "bad scale",
      () =>
        checkSlope("o", [1, 2], [1, 2], {
          expected: 1,
          tolerance: 1,
          reason,
          scale: "ln" as never,
        }),
      TypeError,
      'options.scale must be one of "log", "linear", got "ln"',
    ],
    [
      "no reason",
      () => checkSlope("o", [1, 2], [1, 2], { expected: 1, tolerance: 1, reason: "" }),
      RangeError,
      'options.reason must be a non-empty string, got ""',
    ],
  ])("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(`checkSlope: ${message}`);
  });
});
