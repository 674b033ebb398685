import { CheckError, checkTrue } from "../../src/check";
import { recorded } from "./support";

const reason = "both solvers read the same 1024 increments";

describe("checkTrue", () => {
  test("passes on true with the evidence line", () => {
    const r = recorded(() => checkTrue("same path", true, { reason }));
    expect(r).toMatchObject({ passed: true, actual: true, expected: true, excess: null });
    expect(r.message).toBe(`✓ same path: true (${reason})`);
  });

  test("fails on false", () => {
    expect(() => checkTrue("same path", false, { reason })).toThrow(CheckError);
    expect(() => checkTrue("same path", false, { reason })).toThrow(
      `✗ same path: false, expected true (${reason})`,
    );
  });

  test.each([
    [
      "a truthy number",
      () => checkTrue("f", 1 as never, { reason }),
      TypeError,
      "condition must be a boolean, got 1",
    ],
    [
      "no reason",
      () => checkTrue("f", true, { reason: "" }),
      RangeError,
      'options.reason must be a non-empty string, got ""',
    ],
    [
      "label not a string",
      () => checkTrue(3 as never, true, { reason }),
      TypeError,
      "label must be a non-empty string, got 3",
    ],
  ])("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(`checkTrue: ${message}`);
  });
});
