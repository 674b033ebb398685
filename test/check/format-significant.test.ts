import { formatSignificant } from "../../src/check";

describe("formatSignificant", () => {
  // Known answers: written by hand from the rule "5 significant digits, trailing zeros dropped,
  // exponent below 1e-4 and from 1e6 on, integers below 1e6 exact".
  test.each([
    [1.00321, 5, "1.0032"],
    [1, 5, "1"],
    [10000, 5, "10000"],
    [-2.5, 5, "-2.5"],
    [0.012649110640673518, 3, "0.0126"],
    [1.23456e-7, 5, "1.2346e-7"],
    [1.2e-7, 5, "1.2e-7"],
    [3.5e8, 5, "3.5e+8"],
    [123456.789, 3, "1.23e+5"],
    [0.0001, 5, "0.0001"],
    [0, 5, "0"],
    [-0, 5, "0"],
    [NaN, 5, "NaN"],
    [Infinity, 5, "Infinity"],
    [-Infinity, 5, "-Infinity"],
    [Math.PI, 17, "3.1415926535897931"],
  ])("formatSignificant(%p, %p) = %p", (x, digits, expected) => {
    expect(formatSignificant(x, digits)).toBe(expected);
  });

  test("defaults to 5 significant digits", () => {
    expect(formatSignificant(Math.PI)).toBe("3.1416");
  });

  test.each([
    [
      "x a string",
      () => formatSignificant("1" as unknown as number),
      TypeError,
      'x must be a number, got "1"',
    ],
    [
      "digits 0",
      () => formatSignificant(1, 0),
      RangeError,
      "digits must be an integer in [1, 17], got 0",
    ],
    [
      "digits 18",
      () => formatSignificant(1, 18),
      RangeError,
      "digits must be an integer in [1, 17], got 18",
    ],
    [
      "digits 2.5",
      () => formatSignificant(1, 2.5),
      RangeError,
      "digits must be an integer in [1, 17], got 2.5",
    ],
  ])("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(`formatSignificant: ${message}`);
  });
});
