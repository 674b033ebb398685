import { describeValue, requireFinite } from "../base";
/**
 * Formats a number with `digits` significant digits, trailing zeros dropped, and an exponent for
 * tiny or huge magnitudes: `formatSignificant(1.00321) === "1.0032"`, `1.2e-7`, `3.5e+8`, `NaN`.
 *
 * Integers below 10^6 are printed exactly (`10000`), so sample sizes and seeds read naturally.
 * @param x - the value (any number, non-finite included).
 * @param digits - significant digits, an integer in [1, 17]; default 5.
 * @returns the formatted string.
 */
export function formatSignificant(x: number, digits = 5): string {
  if (typeof x !== "number") {
    throw new TypeError(`formatSignificant: x must be a number, got ${describeValue(x)}`);
  }
  requireFinite(
    "formatSignificant",
    "digits",
    digits,
    "an integer in [1, 17]",
    (v) => Number.isInteger(v) && v >= 1 && v <= 17,
  );
  return formatUnchecked(x, digits);
}

/** `formatSignificant` without argument checks, for callers that validated already. */
export function formatUnchecked(x: number, digits: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (x === 0) return "0";
  const magnitude = Math.abs(x);
  if (Number.isInteger(x) && magnitude < 1e6) return String(x);
  if (magnitude >= 1e-4 && magnitude < 1e6) {
    const fixed = x.toPrecision(digits);
    // toPrecision switches to exponents on its own for some inputs (e.g. 123456 with 3 digits).
    return fixed.includes("e") ? stripExponent(fixed) : stripZeros(fixed);
  }
  return stripExponent(x.toExponential(digits - 1));
}

/** Drops trailing zeros after a decimal point: "1.2300" → "1.23", "2.000" → "2". */
function stripZeros(s: string): string {
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/** Drops trailing zeros of an exponential mantissa: "1.200e-7" → "1.2e-7". */
function stripExponent(s: string): string {
  const [mantissa, exponent] = s.split("e");
  return `${stripZeros(mantissa)}e${exponent}`;
}
