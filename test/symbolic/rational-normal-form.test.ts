import { derivative, parse } from "mathjs";
import { rationalNormalForm } from "../../src/symbolic";

describe("rationalNormalForm", () => {
  test.each([
    ["(x + y)^2 - x^2 - 2*x*y - y^2"],
    ["x / y - x * y^(-1)"],
    ["1/(x-1) - 1/(x+1) - 2/(x^2 - 1)"],
    ["exp(a*x) * (x + 1)^2 - exp(a*x) * x^2 - 2 * x * exp(a*x) - exp(a*x)"],
    ["0.5 * x - x / 2"],
  ])("identically zero: %s", (text) => {
    const r = rationalNormalForm(parse(text));
    expect(r.isZero).toBe(true);
    expect(r.numerator).toBe("0");
  });

  test.each([
    ["(x + y)^2 - x^2 - y^2", "2*x*y"],
    ["1/(x-1) - 1/(x+1)", "2"],
    ["x - 0.1", "x - 3602879701896397/36028797018963968"], // 0.1 is the double 3602879701896397/2^55
  ])("not zero: %s", (text, numeratorOrTerm) => {
    const r = rationalNormalForm(parse(text));
    expect(r.isZero).toBe(false);
    expect(r.numerator.replace(/\*36028797018963968/g, "")).toContain(
      numeratorOrTerm.split(" - ")[0],
    );
  });

  test("a mathjs derivative: d/dx exp(−x²/2) + x exp(−x²/2) ≡ 0 (exp kept as an atom)", () => {
    const d = derivative(parse("exp(-x^2/2)"), "x");
    expect(rationalNormalForm(parse(`${d.toString()} + x * exp(-x^2/2)`)).isZero).toBe(true);
  });

  test("division by an identically zero expression is refused", () => {
    expect(() => rationalNormalForm(parse("1 / (x - x)"))).toThrow(
      "rationalNormalForm: division by zero in 1 / (x - x)",
    );
    expect(() => rationalNormalForm("x" as never)).toThrow(TypeError);
  });
});
