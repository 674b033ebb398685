import { CheckError } from "../../src/check";

describe("CheckError", () => {
  test("carries its message, name and every structured field", () => {
    const fields = {
      kind: "close" as const,
      label: "m",
      actual: 2,
      expected: 1,
      tolerance: 0.5,
      reason: "r",
      excess: 0.5,
      index: null,
      falseFail: 0,
      statistic: null,
      spec: "",
    };
    const e = new CheckError("✗ m: …", fields);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("CheckError");
    expect(e.message).toBe("✗ m: …");
    expect({ ...fields }).toEqual({
      kind: e.kind,
      label: e.label,
      actual: e.actual,
      expected: e.expected,
      tolerance: e.tolerance,
      reason: e.reason,
      excess: e.excess,
      index: e.index,
      falseFail: e.falseFail,
      statistic: e.statistic,
      spec: e.spec,
    });
  });
});
