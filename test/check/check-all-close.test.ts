import { CheckError, checkAllClose } from "../../src/check";
import { recorded } from "./support";

const reason = "trapezoid rule, O(h²) with h = 0.01";

function caught(call: () => unknown): CheckError {
  try {
    call();
  } catch (e) {
    if (e instanceof CheckError) return e;
    throw e;
  }
  throw new Error("expected a CheckError");
}

describe("checkAllClose", () => {
  test("passes and reports the worst index", () => {
    const r = recorded(() =>
      checkAllClose("p", Float64Array.of(1, 2.001, 3), [1, 2, 3.0005], {
        abs: 0.01,
        reason,
      }),
    );
    expect(r).toMatchObject({ passed: true, index: 1, actual: 2.001, expected: 2 });
    expect(r.message).toBe(`✓ p: 3 values, worst [1] 2.001 vs 2 within 0.01 (${reason})`);
  });

  test("a scalar expected applies to every element; rel scales with |e_i|", () => {
    expect(
      recorded(() => checkAllClose("sums", [0.999, 1.001], 1, { rel: 0.002, reason })).index,
    ).toBe(0);
  });

  test("fails with the worst index and the failure count", () => {
    const e = caught(() => checkAllClose("p", [1, 2.5, 3.2], [1, 2, 3], { abs: 0.1, reason }));
    expect(e).toMatchObject({
      index: 1,
      actual: 2.5,
      expected: 2,
      tolerance: 0.1,
      kind: "allClose",
    });
    expect(e.message).toBe(
      `✗ p: 2 of 3 values out of tolerance, worst [1] 2.5 vs 2 differ by 0.5, beyond tolerance 0.1 by 0.4 (${reason})`,
    );
  });

  test("NaN anywhere fails and is the worst element", () => {
    const e = caught(() =>
      checkAllClose("p", [1, 99, NaN, NaN], [1, 1, 1, 1], { abs: 0.1, reason }),
    );
    expect(e.index).toBe(2);
    expect(e.message).toContain("3 of 4 values out of tolerance, worst [2] NaN vs 1");
  });

  test.each([
    [
      "empty",
      () => checkAllClose("p", [], [], { abs: 1, reason }),
      RangeError,
      "actual must not be empty, got length 0",
    ],
    [
      "length mismatch",
      () => checkAllClose("p", [1, 2], [1], { abs: 1, reason }),
      RangeError,
      "expected must have the length of actual (2), got 1",
    ],
    [
      "NaN expected",
      () => checkAllClose("p", [1, 2], [1, NaN], { abs: 1, reason }),
      RangeError,
      "expected[1] must be a finite number, got NaN",
    ],
    [
      "no tolerance",
      () => checkAllClose("p", [1], [1], { reason }),
      TypeError,
      "options.abs or options.rel must be given, got neither",
    ],
    [
      "actual not numeric",
      () => checkAllClose("p", "12" as never, [1, 2], { abs: 1, reason }),
      TypeError,
      'actual must be a number[] or a typed array, got "12"',
    ],
    [
      "no reason",
      () => checkAllClose("p", [1], [1], { abs: 1, reason: "" }),
      RangeError,
      'options.reason must be a non-empty string, got ""',
    ],
  ])("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(`checkAllClose: ${message}`);
  });
});
