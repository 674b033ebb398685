import { gaussianKl, normalKl } from "../../src/diffusion";
import { createRng } from "../../src/rng";
import { gaussianMixture, mixtureLogDensity, sampleMixture } from "../../src/mixture";

describe("gaussianKl and normalKl", () => {
  it("normalKl matches the closed form and is 0 for equal laws", () => {
    // KL(N(1, 2) ‖ N(0, 1)) = ½(2 + 1 − 1 − log 2)
    expect(normalKl(1, 2, 0, 1)).toBeCloseTo(0.5 * (2 - Math.log(2)), 15);
    expect(normalKl(0.3, 0.7, 0.3, 0.7)).toBe(0);
  });
  it("gaussianKl of diagonal covariances is the sum of the scalar KLs", () => {
    const kl = gaussianKl(
      Float64Array.from([1, -1]),
      Float64Array.from([2, 0, 0, 0.5]),
      Float64Array.from([0, 0.5]),
      Float64Array.from([1, 0, 0, 3]),
    );
    expect(kl).toBeCloseTo(normalKl(1, 2, 0, 1) + normalKl(-1, 0.5, 0.5, 3), 14);
  });
  it("gaussianKl with full covariances matches a Monte Carlo mean of log-ratios (seed 11)", () => {
    const [m0, c0, m1, c1] = [
      [0.5, -0.2],
      [1, 0.6, 0.6, 1.5],
      [0, 0.3],
      [2, -0.4, -0.4, 1],
    ].map((a) => Float64Array.from(a));
    const p0 = gaussianMixture({ weights: [1], means: m0, covs: c0 });
    const p1 = gaussianMixture({ weights: [1], means: m1, covs: c1 });
    const x = sampleMixture(createRng(11), p0, 20000);
    const l0 = mixtureLogDensity(p0, x);
    const l1 = mixtureLogDensity(p1, x);
    const r = l0.map((v, i) => v - l1[i]);
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / (r.length - 1));
    // 4 SE of a mean of 20000 log-ratios, seed fixed
    expect(Math.abs(mean - gaussianKl(m0, c0, m1, c1))).toBeLessThan(
      (4 * sd) / Math.sqrt(r.length),
    );
  });
  it("rejects bad input", () => {
    const m = Float64Array.from([0]);
    const c = Float64Array.from([1]);
    const table: [() => unknown, ErrorConstructor, RegExp][] = [
      [() => normalKl(0, 0, 0, 1), RangeError, /normalKl: var0 must be a finite number > 0, got 0/],
      [
        () => normalKl(0, 1, NaN, 1),
        RangeError,
        /normalKl: mean1 must be a finite number, got NaN/,
      ],
      [
        () => gaussianKl([0] as never, c, m, c),
        TypeError,
        /gaussianKl: mean0 must be a Float64Array/,
      ],
      [
        () => gaussianKl(m, c, m, Float64Array.from([1, 0])),
        RangeError,
        /gaussianKl: cov1 must have length 1, got 2/,
      ],
      [
        () => gaussianKl(m, c, m, Float64Array.from([-1])),
        RangeError,
        /gaussianKl: cov1 must be positive definite/,
      ],
    ];
    for (const [f, type, msg] of table) {
      expect(f).toThrow(type);
      expect(f).toThrow(msg);
    }
  });
});
