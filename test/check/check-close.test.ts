import { CheckError, checkClose } from "../../src/check";
import { recorded } from "./support";

const reason = "rounding of a 4-digit table";

describe("checkClose", () => {
  test("passes within abs + rel·|expected| and returns the record", () => {
    // tolerance = 0.001 + 0.01·2 = 0.021; |2.02 − 2| = 0.02 ≤ 0.021
    const r = recorded(() => checkClose("x", 2.02, 2, { abs: 0.001, rel: 0.01, reason }));
    expect(r).toMatchObject({ passed: true, kind: "close", label: "x", actual: 2.02, expected: 2 });
    expect(r.tolerance).toBeCloseTo(0.021, 15);
    expect(r.excess).toBeCloseTo(-0.001, 12);
    expect(r.message).toBe(`✓ x: 2.02 vs 2 within 0.021 (${reason})`);
  });

  test("fails beyond the tolerance with values, tolerance, excess and reason", () => {
    let error: unknown;
    try {
      checkClose("Var(W_1)", 1.05, 1, { abs: 0.01, reason });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CheckError);
    const e = error as CheckError;
    expect(e.name).toBe("CheckError");
    expect(e).toMatchObject({
      label: "Var(W_1)",
      actual: 1.05,
      expected: 1,
      tolerance: 0.01,
      reason,
    });
    expect(e.excess).toBeCloseTo(0.04, 12);
    expect(e.message).toBe(
      `✗ Var(W_1): 1.05 vs 1 differ by 0.05, beyond tolerance 0.01 by 0.04 (${reason})`,
    );
  });

  test.each([NaN, Infinity, -Infinity])("actual %p always fails", (actual) => {
    expect(() => checkClose("x", actual, 0, { abs: 1e300, reason })).toThrow(CheckError);
  });

  test("the boundary |a − e| = tol passes (closed interval)", () => {
    expect(recorded(() => checkClose("x", 1.5, 1, { abs: 0.5, reason })).passed).toBe(true);
  });

  test("prints the evidence line unless ITOLAB_CHECK_QUIET=1, read at call time", () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const saved = process.env.ITOLAB_CHECK_QUIET;
    try {
      process.env.ITOLAB_CHECK_QUIET = "0";
      checkClose("printed", 1, 1, { abs: 0, reason });
      process.env.ITOLAB_CHECK_QUIET = "1";
      checkClose("silent", 1, 1, { abs: 0, reason });
      expect(log.mock.calls).toEqual([[`✓ printed: 1 vs 1 within 0 (${reason})`]]);
    } finally {
      process.env.ITOLAB_CHECK_QUIET = saved;
      log.mockRestore();
    }
  });

  const bad: [string, () => unknown, ErrorConstructor, string][] = [
    [
      "empty reason",
      () => checkClose("x", 1, 1, { abs: 1, reason: "" }),
      RangeError,
      'options.reason must be a non-empty string, got ""',
    ],
    [
      "blank reason",
      () => checkClose("x", 1, 1, { abs: 1, reason: "  " }),
      RangeError,
      'options.reason must be a non-empty string, got "  "',
    ],
    [
      "missing reason",
      () => checkClose("x", 1, 1, { abs: 1 } as never),
      TypeError,
      "options.reason must be a non-empty string, got undefined",
    ],
    [
      "missing options",
      () => (checkClose as (...a: unknown[]) => unknown)("x", 1, 1),
      TypeError,
      "options must be an object with a reason, got undefined",
    ],
    [
      "empty label",
      () => checkClose("", 1, 1, { abs: 1, reason }),
      RangeError,
      'label must be a non-empty string, got ""',
    ],
    [
      "no tolerance",
      () => checkClose("x", 1, 1, { reason }),
      TypeError,
      "options.abs or options.rel must be given, got neither",
    ],
    [
      "NaN abs",
      () => checkClose("x", 1, 1, { abs: NaN, reason }),
      RangeError,
      "options.abs must be a finite number >= 0, got NaN",
    ],
    [
      "infinite rel",
      () => checkClose("x", 1, 1, { rel: Infinity, reason }),
      RangeError,
      "options.rel must be a finite number >= 0, got Infinity",
    ],
    [
      "negative abs",
      () => checkClose("x", 1, 1, { abs: -1, reason }),
      RangeError,
      "options.abs must be a finite number >= 0, got -1",
    ],
    [
      "NaN expected",
      () => checkClose("x", 1, NaN, { abs: 1, reason }),
      RangeError,
      "expected must be a finite number, got NaN",
    ],
    [
      "string actual",
      () => checkClose("x", "1" as never, 1, { abs: 1, reason }),
      TypeError,
      'actual must be a number, got "1"',
    ],
  ];
  test.each(bad)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(`checkClose: ${message}`);
  });
});
