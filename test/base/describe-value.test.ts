import { describeValue, isFloat64Array } from "../../src/base";

describe("describeValue", () => {
  test.each([
    ["", '""'],
    [NaN, "NaN"],
    [undefined, "undefined"],
    [null, "null"],
    [() => 1, "a function"],
    [[1, 2], "an array of length 2"],
    [new Float64Array(3), "a Float64Array of length 3"],
    [{}, "an object"],
    [true, "true"],
  ])("describeValue(%p) = %s", (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  test("strings are quoted and cut at 40 characters", () => {
    expect(describeValue("x".repeat(50))).toBe(JSON.stringify(`${"x".repeat(40)}…`));
  });
});

describe("isFloat64Array", () => {
  test("accepts Float64Arrays only", () => {
    expect(isFloat64Array(new Float64Array(2))).toBe(true);
    expect(isFloat64Array([1, 2])).toBe(false);
    expect(isFloat64Array(new Float32Array(2))).toBe(false);
  });
});
