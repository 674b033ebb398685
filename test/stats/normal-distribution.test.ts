import { normalCdf, normalPdf } from "../../src/stats";

// Reference values: mpmath 1.2.1 at 40 significant digits (mp.ncdf, mp.npdf), rounded to double.
const CDF: [number, number][] = [
  [-37.5, 4.605353009581955e-308],
  [-30, 4.906713927148187e-198],
  [-20, 2.7536241186062337e-89],
  [-10, 7.619853024160525e-24],
  [-5.6, 1.071759025831093e-8],
  [-5.65, 8.022391850663497e-9],
  [-3, 0.0013498980316300946],
  [-1.96, 0.024997895148220435],
  [-0.66, 0.25462691467133614],
  [-0.1, 0.460172162722971],
  [0, 0.5],
  [1e-12, 0.5000000000003989],
  [0.5, 0.6914624612740131],
  [0.7, 0.758036347776927],
  [1, 0.8413447460685429],
  [1.96, 0.9750021048517795],
  [3, 0.9986501019683699],
  [5, 0.9999997133484281],
  [8, 0.9999999999999993],
];

describe("normalCdf and normalPdf", () => {
  test.each(CDF)(
    "normalCdf(%p) matches mpmath to 4e-16 relative, far lower tail included (known answer)",
    (x, ref) => {
      expect(Math.abs(normalCdf(x) / ref - 1)).toBeLessThan(4e-16); // Cody's ANORM: ~1 ulp plus exp's rounding
    },
  );

  test("is symmetric, Phi(x) + Phi(-x) = 1, and monotone on a fine grid", () => {
    let prev = 0;
    for (let x = -8; x <= 8; x += 1 / 32) {
      expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(3e-16);
      expect(normalCdf(x)).toBeGreaterThanOrEqual(prev);
      prev = normalCdf(x);
    }
    expect([normalCdf(-Infinity), normalCdf(Infinity), normalCdf(-40)]).toEqual([0, 1, 0]);
  });

  test.each([
    [0, 0.3989422804014327],
    [1, 0.24197072451914334],
    [-2.5, 0.017528300493568537],
    [10, 7.694598626706419e-23],
  ])("normalPdf(%p) matches mpmath to 4e-16 relative (known answer)", (x, ref) => {
    expect(Math.abs(normalPdf(x) / ref - 1)).toBeLessThan(4e-16);
  });

  test("mean and sd: Φ((x − μ)/σ) and φ((x − μ)/σ)/σ; the defaults are the standard law, bit for bit", () => {
    // oracle: the one-argument functions (checked against mpmath above) at the standardised point
    for (const [x, mean, sd] of [
      [1.3, 0.3, 2],
      [-4, 1, 0.5],
      [10, 10, 1e-3],
      [2.5e5, -1e5, 3e4],
    ]) {
      const z = (x - mean) / sd;
      expect(normalCdf(x, mean, sd)).toBe(normalCdf(z));
      expect(normalPdf(x, mean, sd)).toBe(normalPdf(z) / sd);
    }
    for (let x = -40; x <= 40; x += 0.37) {
      expect(normalCdf(x, 0, 1)).toBe(normalCdf(x));
      expect(normalPdf(x, 0, 1)).toBe(normalPdf(x));
      expect(normalPdf(x)).toBe(0.3989422804014327 * Math.exp(-0.5 * x * x)); // the former body
    }
    // a density of N(3, 0.25²) integrates to 1: midpoint rule on ±10σ, error O(h²) ≈ 1e-12
    let mass = 0;
    for (let x = 3 - 2.5 + 5e-4; x < 3 + 2.5; x += 1e-3) mass += normalPdf(x, 3, 0.25) * 1e-3;
    expect(Math.abs(mass - 1)).toBeLessThan(1e-9);
    expect([
      normalCdf(-Infinity, 2, 3),
      normalCdf(Infinity, 2, 3),
      normalPdf(Infinity, 2, 3),
    ]).toEqual([0, 1, 0]);
  });

  test.each([
    [
      "cdf sd 0",
      () => normalCdf(1, 0, 0),
      RangeError,
      "normalCdf: sd must be a finite number > 0, got 0",
    ],
    [
      "pdf sd −1",
      () => normalPdf(1, 0, -1),
      RangeError,
      "normalPdf: sd must be a finite number > 0, got -1",
    ],
    [
      "pdf sd NaN",
      () => normalPdf(1, 0, NaN),
      RangeError,
      "normalPdf: sd must be a finite number > 0, got NaN",
    ],
    [
      "cdf mean ∞",
      () => normalCdf(1, Infinity),
      RangeError,
      "normalCdf: mean must be a finite number, got Infinity",
    ],
    [
      "pdf mean a string",
      () => normalPdf(1, "0" as never),
      TypeError,
      'normalPdf: mean must be a finite number, got "0"',
    ],
    [
      "cdf NaN",
      () => normalCdf(NaN),
      RangeError,
      "normalCdf: x must be a number (not NaN), got NaN",
    ],
    [
      "cdf undefined",
      () => normalCdf(undefined as never),
      TypeError,
      "normalCdf: x must be a number (not NaN), got undefined",
    ],
    [
      "pdf NaN",
      () => normalPdf(NaN),
      RangeError,
      "normalPdf: x must be a number (not NaN), got NaN",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
