import { normalPdf } from "../../src/stats";
import {
  gaussianMixture,
  MixtureKernels,
  mixtureLogDensity,
  mixtureQuantile,
  mixtureScore,
  pushForward,
  sampleMixture,
} from "../../src/mixture";
import { createRng } from "../../src/rng";
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
      "gaussianMixture: spec.weights must sum to 1, got sum 1.1",
    ],
    [
      "weight sign",
      () => gaussianMixture({ ...ok, weights: [1.5, -0.5] }),
      RangeError,
      "gaussianMixture: spec.weights[1] must be positive, got -0.5",
    ],
    [
      "means length",
      () => gaussianMixture({ ...ok, means: [0, 1, 2] }),
      RangeError,
      "gaussianMixture: spec.means must hold K·d values with K = 2, got 3",
    ],
    [
      "covs length",
      () => gaussianMixture({ ...ok, covs: [1] }),
      RangeError,
      "gaussianMixture: spec.covs must hold K·d·d = 2 values (K = 2, d = 1), got 1",
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
      "gaussianMixture: spec.covs[0] must be positive definite",
    ],
    [
      "asymmetric",
      () => gaussianMixture({ weights: [1], means: [0, 0], covs: [1, 0.2, 0.1, 1] }),
      RangeError,
      "gaussianMixture: spec.covs[0] must be symmetric, got (1,0) = 0.1, (0,1) = 0.2",
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
      "a string weight (it became NaN)",
      () => gaussianMixture({ ...ok, weights: ["0.5", 0.5] as never }),
      TypeError,
      'gaussianMixture: spec.weights[0] must be a number, got "0.5"',
    ],
    [
      "covs whose inverse overflows",
      () => gaussianMixture({ weights: [1], means: [0], covs: [1e-320] }),
      RangeError,
      "gaussianMixture: spec.covs[0] must be invertible in double precision, its inverse overflows",
    ],
    [
      "a push-forward to a point mass (scale = std = 0)",
      () => pushForward(gaussianMixture(ok), 0, 0),
      RangeError,
      "pushForward: scale and std must not both vanish (the pushed law is a point mass), got scale = 0, std = 0",
    ],
    [
      "a push-forward whose covariance overflows",
      () => pushForward(gaussianMixture(ok), 1e200, 0),
      RangeError,
      "pushForward: scale²·mix.covs + std²·I must be finite, got an overflow with scale = 1e+200, std = 0",
    ],
    [
      "a point too far for the quadratic forms (the score was NaN)",
      () => mixtureScore(gaussianMixture(ok), Float64Array.of(1e200)),
      RangeError,
      "mixtureScore: x row 0 is too far from every component",
    ],
    [
      "MixtureKernels: a batch longer than x",
      () =>
        new MixtureKernels(gaussianMixture(ok)).score(new Float64Array(2), new Float64Array(3), 3),
      RangeError,
      "MixtureKernels.score: x must hold at least n·d = 3 values (n = 3, d = 1), got length 2",
    ],
    [
      "MixtureKernels: a wrapper's name",
      () =>
        new MixtureKernels(gaussianMixture(ok)).logDensity(
          Float64Array.of(NaN),
          new Float64Array(1),
          1,
          "myScore.logDensity",
        ),
      RangeError,
      "myScore.logDensity: x[0] must be a finite number, got NaN",
    ],
    [
      "sampleMixture labels of the wrong type",
      () => sampleMixture(createRng(1), gaussianMixture(ok), 2, { labels: [0, 0] as never }),
      TypeError,
      "sampleMixture: options.labels must be an Int32Array of length 2, got an array of length 2",
    ],
    [
      "a mixture that is not one",
      () => mixtureQuantile({ dim: 1, components: 2 } as never, 0.5),
      TypeError,
      "mixtureQuantile: mix must be a GaussianMixture from gaussianMixture, got an object",
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

describe("mixtureQuantile terminates for any mixture", () => {
  test("means near ±MAX_VALUE: the bracket is clamped and the bisection bounded", () => {
    // the bracket used to reach ±Infinity and mid = Infinity forever
    const far = gaussianMixture({
      weights: [0.5, 0.5],
      means: [-1e308, 1e308],
      covs: [1e300, 1e300],
    });
    const start = Date.now();
    const q = mixtureQuantile(far, 0.75);
    expect(Date.now() - start).toBeLessThan(1000); // at most 1100 halvings of 2 normalCdf calls
    expect(Number.isFinite(q)).toBe(true);
    expect(q).toBeGreaterThan(0); // above the median, which sits between the components
  });
});
