import { erf, erfc } from "../../src/stats";

// Reference values: mpmath 1.2.1 at 40 significant digits (mp.erfc, mp.erf), rounded to double.
const ERFC: [number, number][] = [
  [-3, 1.9999779095030015],
  [-0.5, 1.5204998778130465],
  [0, 1],
  [1e-10, 0.999999999887162],
  [0.3, 0.6713732405408726],
  [0.46875, 0.507386526782062],
  [0.5, 0.4795001221869535],
  [1, 0.15729920705028513],
  [2, 0.004677734981047266],
  [3.9, 3.4792248597231765e-8],
  [4, 1.541725790028002e-8],
  [4.5, 1.9661604415428876e-10],
  [6, 2.1519736712498913e-17],
  [10, 2.088487583762545e-45],
  [20, 5.395865611607901e-176],
  [26, 5.663192408856143e-296],
];
const ERF: [number, number][] = [
  [1e-10, 1.1283791670955126e-10],
  [0.1, 0.1124629160182849],
  [0.46875, 0.49261347321793797],
  [1, 0.8427007929497149],
  [2.5, 0.999593047982555],
  [5, 0.9999999999984626],
];

/** erf by its Maclaurin series in double precision: an independent oracle for |x| <= 1 (60 terms). */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 60; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

describe("erfc and erf", () => {
  test.each(ERFC)("erfc(%p) matches mpmath to 4e-16 relative (known answer)", (x, ref) => {
    expect(Math.abs(erfc(x) / ref - 1)).toBeLessThan(4e-16); // Cody's rationals: ~1 ulp plus exp's rounding
  });

  test.each(ERF)("erf(%p) matches mpmath to 4e-16 relative (known answer)", (x, ref) => {
    expect(Math.abs(erf(x) / ref - 1)).toBeLessThan(4e-16);
    expect(erf(-x)).toBe(-erf(x)); // odd
  });

  test("erf agrees with its Maclaurin series on [-1, 1] and erf + erfc = 1 (identity)", () => {
    for (let x = -1; x <= 1; x += 1 / 64) {
      expect(Math.abs(erf(x) - erfSeries(x))).toBeLessThan(1e-15); // series summed in double: ~4 ulp
      expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThan(3e-16);
    }
    expect([erfc(-Infinity), erfc(Infinity), erf(Infinity), erfc(27)]).toEqual([2, 0, 1, 0]);
  });

  test.each([
    ["erfc NaN", () => erfc(NaN), RangeError, "erfc: x must be a number (not NaN), got NaN"],
    [
      "erfc string",
      () => erfc("1" as never),
      TypeError,
      'erfc: x must be a number (not NaN), got "1"',
    ],
    ["erf NaN", () => erf(NaN), RangeError, "erf: x must be a number (not NaN), got NaN"],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
