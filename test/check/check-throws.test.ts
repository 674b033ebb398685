import { CheckError, checkThrows } from "../../src/check";
import { recorded } from "./support";

const reason = "steps = 0 is not a grid";
const throwsRange = () => {
  throw new RangeError("solve: steps must be a positive integer, got 0");
};

describe("checkThrows", () => {
  test("passes on the right type and message (substring or RegExp)", () => {
    const r = recorded(() =>
      checkThrows("rejects 0", throwsRange, { type: RangeError, message: "got 0", reason }),
    );
    expect(r.message).toBe(
      `✓ rejects 0: threw RangeError: solve: steps must be a positive integer, got 0 (${reason})`,
    );
    expect(
      recorded(() =>
        checkThrows("re", throwsRange, { type: Error, message: /^solve: steps/, reason }),
      ).passed,
    ).toBe(true);
  });

  test.each([
    ["no error", () => 1, RangeError, "x", "but it did not throw"],
    ["wrong type", throwsRange, TypeError, "got 0", "but threw RangeError: solve: steps"],
    ["wrong message", throwsRange, RangeError, "got 1", "but threw RangeError"],
    [
      "a thrown string",
      () => {
        throw "oops";
      },
      Error,
      "oops",
      'but threw non-Error value "oops"',
    ],
  ])("fails on %s", (_name, fn, type, message, detail) => {
    const call = () => checkThrows("t", fn as () => unknown, { type, message, reason });
    expect(call).toThrow(CheckError);
    expect(call).toThrow(detail);
  });

  test("accepts CheckError as the type, e.g. to test a check", () => {
    const fn = () => {
      throw new CheckError("✗ x", {
        kind: "true",
        label: "x",
        actual: false,
        expected: true,
        tolerance: 0,
        reason: "r",
        excess: null,
        index: null,
        falseFail: 0,
        statistic: null,
        spec: "",
      });
    };
    expect(
      recorded(() => checkThrows("c", fn, { type: CheckError, message: "✗", reason })).passed,
    ).toBe(true);
  });

  test.each([
    [
      "async fn",
      () => checkThrows("t", async () => 1, { type: Error, message: "x", reason }),
      TypeError,
      "fn returned a Promise; only synchronous functions are checked",
    ],
    [
      "fn not a function",
      () => checkThrows("t", 1 as never, { type: Error, message: "x", reason }),
      TypeError,
      "fn must be a function, got 1",
    ],
    [
      "type missing",
      () => checkThrows("t", throwsRange, { message: "x", reason } as never),
      TypeError,
      "options.type must be an error class, got undefined",
    ],
    [
      "empty message",
      () => checkThrows("t", throwsRange, { type: Error, message: "", reason }),
      RangeError,
      'options.message must be a non-empty string or a RegExp, got ""',
    ],
    [
      "no reason",
      () => checkThrows("t", throwsRange, { type: Error, message: "x", reason: "" }),
      RangeError,
      'options.reason must be a non-empty string, got ""',
    ],
  ])("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(`checkThrows: ${message}`);
  });
});
