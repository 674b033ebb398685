import { CheckError, checkPValue } from "../../src/check";
import { recorded } from "./support";

const reason = "KS test against N(0, 1), N = 2000";

describe("checkPValue", () => {
  test("passes when p ≥ α (boundary included)", () => {
    expect(recorded(() => checkPValue("W_1", 0.42, { alpha: 0.01, reason })).message).toBe(
      `✓ W_1: p = 0.42 ≥ α = 0.01 (${reason})`,
    );
    expect(recorded(() => checkPValue("W_1", 0.01, { alpha: 0.01, reason })).passed).toBe(true);
  });

  test("fails when p < α, and on NaN", () => {
    expect(() => checkPValue("W_1", 0.003, { alpha: 0.01, reason })).toThrow(
      `✗ W_1: p = 0.003 < α = 0.01, short by 0.007 (${reason})`,
    );
    expect(() => checkPValue("W_1", NaN, { alpha: 0.01, reason })).toThrow(CheckError);
  });

  test.each([
    [
      "p > 1",
      () => checkPValue("W", 1.2, { alpha: 0.01, reason }),
      RangeError,
      "p must be a probability in [0, 1], got 1.2",
    ],
    [
      "alpha 0",
      () => checkPValue("W", 0.5, { alpha: 0, reason }),
      RangeError,
      "options.alpha must be in (0, 1), got 0",
    ],
    [
      "alpha NaN",
      () => checkPValue("W", 0.5, { alpha: NaN, reason }),
      RangeError,
      "options.alpha must be in (0, 1), got NaN",
    ],
    [
      "alpha missing",
      () => checkPValue("W", 0.5, { reason } as never),
      TypeError,
      "options.alpha must be in (0, 1), got undefined",
    ],
    [
      "reason missing",
      () => checkPValue("W", 0.5, { alpha: 0.01 } as never),
      TypeError,
      "options.reason must be a non-empty string, got undefined",
    ],
  ])("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(`checkPValue: ${message}`);
  });
});
