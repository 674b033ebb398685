import { CheckError, checkAbove, checkBelow } from "../../src/check";
import { recorded } from "./support";

const reason = "Doob's L2 inequality";

describe("checkBelow / checkAbove", () => {
  test("pass on and inside the bound", () => {
    expect(recorded(() => checkBelow("e", 0.05, 0.05, { reason })).message).toBe(
      `✓ e: 0.05 ≤ 0.05 (${reason})`,
    );
    expect(recorded(() => checkAbove("p", 0.9, 0.5, { reason })).message).toBe(
      `✓ p: 0.9 ≥ 0.5 (${reason})`,
    );
  });

  test("fail past the bound with the excess", () => {
    expect(() => checkBelow("e", 0.07, 0.05, { reason })).toThrow(
      `✗ e: 0.07 is not ≤ 0.05, past the bound by 0.02 (${reason})`,
    );
    try {
      checkAbove("p", 0.4, 0.5, { reason });
      throw new Error("unreachable");
    } catch (e) {
      expect(e).toBeInstanceOf(CheckError);
      expect((e as CheckError).excess).toBeCloseTo(0.1, 12);
      expect((e as CheckError).expected).toBe(0.5);
    }
  });

  test("NaN fails both", () => {
    expect(() => checkBelow("e", NaN, 1, { reason })).toThrow(CheckError);
    expect(() => checkAbove("e", NaN, 1, { reason })).toThrow(CheckError);
  });

  test.each([
    [
      "below: NaN bound",
      () => checkBelow("e", 1, NaN, { reason }),
      RangeError,
      "checkBelow: bound must be a finite number, got NaN",
    ],
    [
      "above: no reason",
      () => checkAbove("e", 1, 0, {} as never),
      TypeError,
      "checkAbove: options.reason must be a non-empty string, got undefined",
    ],
    [
      "below: actual undefined",
      () => checkBelow("e", undefined as never, 0, { reason }),
      TypeError,
      "checkBelow: actual must be a number, got undefined",
    ],
  ])("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
