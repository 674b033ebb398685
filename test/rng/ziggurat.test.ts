// Tests the table construction directly (internal module, not part of the public API).
import { ZIG_F, ZIG_K, ZIG_LAYERS, ZIG_R, ZIG_W } from "../../src/rng/ziggurat";
import { erfc } from "../../src/stats";

describe("ziggurat tables", () => {
  const f = (x: number): number => Math.exp(-0.5 * x * x);
  // v = r f(r) + int_r^inf f = r f(r) + sqrt(pi/2) erfc(r / sqrt 2): the base layer's area
  const v = ZIG_R * f(ZIG_R) + Math.sqrt(Math.PI / 2) * erfc(ZIG_R / Math.SQRT2);
  const x = (i: number): number => ZIG_W[i] * 2 ** 52; // layer edges x_i, i >= 1

  test("every layer has the base layer's area v (known answer: closes the ziggurat)", () => {
    // rectangle i spans [0, x_i] x [f(x_i), f(x_{i-1})], with x_0 = 0 for the top layer
    for (let i = 1; i < ZIG_LAYERS; i++) {
      const area = x(i) * ((i === 1 ? 1 : f(x(i - 1))) - f(x(i)));
      expect(Math.abs(area / v - 1)).toBeLessThan(1e-12); // recursion of 255 steps in double precision
    }
    expect(x(ZIG_LAYERS - 1)).toBe(ZIG_R);
    expect(ZIG_F[0]).toBe(1);
  });

  test("acceptance thresholds are the ratios of adjacent edges, scaled to 2^52", () => {
    expect(ZIG_K[1]).toBe(0);
    for (let i = 2; i < ZIG_LAYERS; i++)
      expect(Math.abs(ZIG_K[i] / 2 ** 52 - x(i - 1) / x(i))).toBeLessThan(1e-15);
    // base layer: fraction r f(r) / v of its virtual width q = v / f(r) is the rectangle
    expect(Math.abs(ZIG_K[0] / 2 ** 52 - (ZIG_R * f(ZIG_R)) / v)).toBeLessThan(1e-12);
  });
});
