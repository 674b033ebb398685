import { normalPdf } from "../../src/stats";
import { gaussianMixture, mixtureLogDensity } from "../../src/mixture";
import { mixture1d } from "./support";

describe("gaussianMixture and mixtureLogDensity", () => {
  it("matches the 1-D closed form Σ w_k φ((x − μ_k)/σ_k)/σ_k (known answer)", () => {
    const mix = mixture1d();
    const xs = new Float64Array([-3, -2, 0, 1.5, 4]);
    const lp = mixtureLogDensity(mix, xs);
    xs.forEach((x, i) => {
      const p =
        (0.3 * normalPdf((x + 2) / 0.5)) / 0.5 +
        (0.7 * normalPdf((x - 1.5) / Math.sqrt(0.5))) / Math.sqrt(0.5);
      expect(lp[i]).toBeCloseTo(Math.log(p), 12); // both sides double precision, O(1) values
    });
  });
  it("matches the 2-D closed form with a full covariance (det and inverse by hand)", () => {
    // Σ = [[2, 0.6], [0.6, 1]]: det = 1.64, Σ⁻¹ = [[1, −0.6], [−0.6, 2]] / 1.64
    const mix = gaussianMixture({ weights: [1], means: [1, -1], covs: [2, 0.6, 0.6, 1] });
    const [y0, y1] = [0.5 - 1, 0.3 + 1];
    const q = (y0 * y0 - 1.2 * y0 * y1 + 2 * y1 * y1) / 1.64;
    const expected = -Math.log(2 * Math.PI) - 0.5 * Math.log(1.64) - 0.5 * q;
    expect(mixtureLogDensity(mix, new Float64Array([0.5, 0.3]))[0]).toBeCloseTo(expected, 13);
  });
  it("integrates to 1 in 1-D (trapezoid on [−8, 8], h = 1e-3)", () => {
    const mix = mixture1d();
    const h = 1e-3;
    const xs = Float64Array.from({ length: 16001 }, (_, i) => -8 + i * h);
    const p = mixtureLogDensity(mix, xs).map(Math.exp);
    let s = 0;
    for (let i = 0; i < p.length - 1; i++) s += 0.5 * h * (p[i] + p[i + 1]);
    // trapezoid error on a smooth density decaying to 1e-50 at the ends: spectral, far below 1e-10
    expect(Math.abs(s - 1)).toBeLessThan(1e-10);
  });
  it("stays finite far from every component (log-sum-exp), where the naive sum underflows", () => {
    const mix = mixture1d();
    const lp = mixtureLogDensity(mix, new Float64Array([1e4]))[0];
    // dominated by the component with the largest log term: N(1.5, 0.5)
    const expected =
      Math.log(0.7) - 0.5 * Math.log(2 * Math.PI * 0.5) - (1e4 - 1.5) ** 2 / (2 * 0.5);
    expect(lp).toBeCloseTo(expected, 6); // relative 1e-16 of |log p| ≈ 1e8
    expect(Math.log(0.7 * normalPdf((1e4 - 1.5) / Math.sqrt(0.5)))).toBe(-Infinity);
  });
});

describe("gaussianMixture bad input", () => {
  const ok = { weights: [0.5, 0.5], means: [0, 1], covs: [1, 1] };
  it.each([
    [
      "spec",
      () => gaussianMixture(null as never),
      TypeError,
      "gaussianMixture: spec must be an object, got null",
    ],
    [
      "weights sum",
      () => gaussianMixture({ ...ok, weights: [0.5, 0.6] }),
      RangeError,
      "gaussianMixture: weights must sum to 1, got sum 1.1",
    ],
    [
      "weight sign",
      () => gaussianMixture({ ...ok, weights: [1.5, -0.5] }),
      RangeError,
      "gaussianMixture: weights[1] must be positive, got -0.5",
    ],
    [
      "means length",
      () => gaussianMixture({ ...ok, means: [0, 1, 2] }),
      RangeError,
      "gaussianMixture: means must hold K·d values with K = 2, got 3",
    ],
    [
      "covs length",
      () => gaussianMixture({ ...ok, covs: [1] }),
      RangeError,
      "gaussianMixture: covs must hold K·d·d = 2 values (K = 2, d = 1), got 1",
    ],
    [
      "NaN",
      () => gaussianMixture({ ...ok, means: [0, NaN] }),
      RangeError,
      "gaussianMixture: spec.means[1] must be a finite number, got NaN",
    ],
    [
      "not PD",
      () => gaussianMixture({ weights: [1], means: [0, 0], covs: [1, 2, 2, 1] }),
      RangeError,
      "gaussianMixture: covs[0] must be positive definite",
    ],
    [
      "asymmetric",
      () => gaussianMixture({ weights: [1], means: [0, 0], covs: [1, 0.2, 0.1, 1] }),
      RangeError,
      "gaussianMixture: covs[0] must be symmetric, got (1,0) = 0.1, (0,1) = 0.2",
    ],
    [
      "x length",
      () =>
        mixtureLogDensity(
          gaussianMixture({ weights: [1], means: [0, 0], covs: [1, 0, 0, 1] }),
          new Float64Array(3),
        ),
      RangeError,
      "mixtureLogDensity: x must hold n·d values with d = 2 and n >= 1, got length 3",
    ],
    [
      "x NaN",
      () => mixtureLogDensity(gaussianMixture(ok), new Float64Array([NaN])),
      RangeError,
      "mixtureLogDensity: x[0] must be a finite number, got NaN",
    ],
  ])("%s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
