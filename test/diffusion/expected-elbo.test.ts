import {
  ddpmElboTerms,
  ddpmSchedule,
  expectedDdpmElboTerms,
  gaussianDataReverseModel,
  reverseModelMarginals,
  type DdpmElboTerms,
} from "../../src/diffusion";
import { gaussianMixture, sampleMixture } from "../../src/mixture";
import { createRng } from "../../src/rng";
import { moments } from "../../src/stats";

const SEED = 2015; // seeds 1, 2, 3 also pass (tried)

describe("expectedDdpmElboTerms", () => {
  const schedule = ddpmSchedule({ steps: 12, betaStart: 0.02, betaEnd: 0.4 });
  const data = gaussianMixture({ weights: [0.3, 0.7], means: [-1.5, 1], covs: [0.2, 0.5] });
  const model = gaussianDataReverseModel(schedule, {
    dataMean: 0.25,
    dataVariance: 1.6,
    reverseVariance: "betaTilde",
    denoiserGain: 0.9,
  });
  const exp = expectedDdpmElboTerms(schedule, model, data);

  /** E f(x0) over the mixture by 3-point Gauss–Hermite per component: exact for degree ≤ 5. */
  const gaussHermite = (f: (x0: number) => number): number => {
    let acc = 0;
    for (let k = 0; k < 2; k++) {
      const [w, m, sd] = [data.weights[k], data.means[k], Math.sqrt(data.covs[k])];
      const nodes: [number, number][] = [
        [-Math.sqrt(3), 1 / 6],
        [0, 2 / 3],
        [Math.sqrt(3), 1 / 6],
      ];
      for (const [z, a] of nodes) acc += w * a * f(m + sd * z);
    }
    return acc;
  };

  it("equals Gauss–Hermite quadrature of ddpmElboTerms(x0), every term (exact for quadratics)", () => {
    const at = (x0: number): DdpmElboTerms => ddpmElboTerms(schedule, model, x0);
    // both routes are exact; they differ by rounding of O(10) sums: 1e-11 absolute
    expect(exp.reconstruction).toBeCloseTo(
      gaussHermite((x) => at(x).reconstruction),
      11,
    );
    expect(exp.prior).toBeCloseTo(
      gaussHermite((x) => at(x).prior),
      11,
    );
    for (let t = 0; t <= 12; t++) {
      expect(exp.denoising[t]).toBeCloseTo(
        gaussHermite((x) => at(x).denoising[t]),
        11,
      );
    }
    expect(exp.elbo).toBeCloseTo(
      gaussHermite((x) => at(x).elbo),
      11,
    );
  });

  it("equals a Monte Carlo mean of ddpmElboTerms(x0).elbo within 5 SE (seed 2015)", () => {
    // independent of the claim that the terms are quadratic in x0
    const x0 = sampleMixture(createRng(SEED), data, 20000);
    const elbo = moments(x0.map((x) => ddpmElboTerms(schedule, model, x).elbo));
    expect(Math.abs(elbo.mean - exp.elbo)).toBeLessThan(5 * elbo.meanSE);
  });

  it("lies below the expected log-likelihood E log p_θ(x0) (the gap is E KL ≥ 0)", () => {
    const { mean, variance } = reverseModelMarginals(model);
    // E log N(x0; M, V) = −½ log 2πV − ((m − M)² + v)/2V with the mixture's m = 0.25, v = 1.7225
    const [m, v] = [0.25, 0.3 * 0.2 + 0.7 * 0.5 + 0.3 * 1.75 ** 2 + 0.7 * 0.75 ** 2];
    const logLik =
      -0.5 * Math.log(2 * Math.PI * variance[0]) - ((m - mean[0]) ** 2 + v) / (2 * variance[0]);
    expect(exp.elbo).toBeLessThan(logLik);
  });

  it("tends to ddpmElboTerms(μ) as the data law narrows to a point", () => {
    const point = gaussianMixture({ weights: [1], means: [0.6], covs: [1e-14] });
    const narrow = expectedDdpmElboTerms(schedule, model, point);
    // the terms are quadratic in x0: the variance 1e-14 moves them by O(1e-13)
    expect(narrow.elbo).toBeCloseTo(ddpmElboTerms(schedule, model, 0.6).elbo, 11);
  });

  it.each([
    [
      () => expectedDdpmElboTerms(schedule, model, {} as never),
      TypeError,
      "expectedDdpmElboTerms: data must be a GaussianMixture from gaussianMixture, got an object",
    ],
    [
      () =>
        expectedDdpmElboTerms(
          schedule,
          model,
          gaussianMixture({ weights: [1], means: [0, 0], covs: [1, 0, 0, 1] }),
        ),
      RangeError,
      "expectedDdpmElboTerms: data must be 1-dimensional, got data.dim = 2",
    ],
    [
      () => expectedDdpmElboTerms(ddpmSchedule({ steps: 3 }), model, data),
      RangeError,
      "expectedDdpmElboTerms: model.steps must equal schedule.steps = 3, got 12",
    ],
  ])("rejects bad input %#", (call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
