import fc from "fast-check";
import { normalCdf, normalQuantile } from "../../src/stats";

// Reference values: mpmath 1.2.1 at 40-50 digits (sqrt(2) erfinv(2p - 1), or findroot of
// ncdf(z) = p for p <= 1e-100), for the double nearest each p, rounded to double.
const QUANTILES: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-100, -21.273453560965326],
  [1e-20, -9.262340089798407],
  [1e-8, -5.612001244174789],
  [0.0001, -3.7190164854556804],
  [0.025, -1.9599639845400543],
  [0.075, -1.439531470938456],
  [0.3, -0.5244005127080408],
  [0.6, 0.2533471031357997],
  [0.924, 1.4325027208258119],
  [0.975, 1.9599639845400538],
  [0.999, 3.090232306167813],
];

describe("normalQuantile", () => {
  test.each(QUANTILES)(
    "normalQuantile(%p) matches mpmath to 4e-16 relative (known answer)",
    (p, ref) => {
      expect(Math.abs(normalQuantile(p) / ref - 1)).toBeLessThan(4e-16); // AS 241: about 1e-16
    },
  );

  test("inverts normalCdf: Phi(Phi^{-1}(p)) = p to 6e-16 (1 + z^2) relative (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.999999, noNaN: true }), (p) => {
        // dPhi/Phi ~ |z| dz, and one ulp of z is 2.2e-16 |z|: z within 2 ulps plus Phi's own error
        const z = normalQuantile(p);
        expect(Math.abs(normalCdf(z) / p - 1)).toBeLessThan(6e-16 * (1 + z * z));
      }),
      { numRuns: 500, seed: 5 },
    );
    expect([normalQuantile(0), normalQuantile(0.5), normalQuantile(1)]).toEqual([
      -Infinity,
      0,
      Infinity,
    ]);
  });

  test.each([
    [
      "p < 0",
      () => normalQuantile(-0.1),
      RangeError,
      "normalQuantile: p must be a probability in [0, 1], got -0.1",
    ],
    [
      "p > 1",
      () => normalQuantile(1.5),
      RangeError,
      "normalQuantile: p must be a probability in [0, 1], got 1.5",
    ],
    [
      "NaN",
      () => normalQuantile(NaN),
      RangeError,
      "normalQuantile: p must be a probability in [0, 1], got NaN",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
