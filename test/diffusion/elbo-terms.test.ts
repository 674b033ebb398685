import {
  ddpmElboTerms,
  ddpmSchedule,
  forwardPathLaw,
  gaussianDataReverseModel,
  gaussianKl,
  normalKl,
  reverseModelMarginals,
  reversePathPosterior,
} from "../../src/diffusion";

describe("ddpmElboTerms, reverse models and path laws", () => {
  const schedule = ddpmSchedule({ steps: 8, betaStart: 0.05, betaEnd: 0.5 });
  const opts = { dataMean: 0.7, dataVariance: 0.3 };
  it.each(["beta", "betaTilde"] as const)(
    "log p_θ(x0) − ELBO equals KL(q(x_{1:T}|x0) ‖ p_θ(x_{1:T}|x0)) computed by dense Gaussians (σ² = %s)",
    (reverseVariance) => {
      const model = gaussianDataReverseModel(schedule, {
        ...opts,
        reverseVariance,
        denoiserGain: 0.8,
      });
      const { mean, variance } = reverseModelMarginals(model);
      for (const x0 of [-1, 0.7, 2.5]) {
        const logp =
          -0.5 * Math.log(2 * Math.PI * variance[0]) - (x0 - mean[0]) ** 2 / (2 * variance[0]);
        const terms = ddpmElboTerms(schedule, model, x0);
        const q = forwardPathLaw(schedule, x0);
        const p = reversePathPosterior(model, x0);
        const gap = gaussianKl(q.mean, q.cov, p.mean, p.cov);
        expect(gap).toBeGreaterThan(0);
        // two independent routes (per-step terms vs an 8×8 Cholesky): rounding only, ~1e-12
        expect(logp - terms.elbo).toBeCloseTo(gap, 9);
      }
    },
  );
  it("prior term is KL(N(√ᾱ_T x0, 1 − ᾱ_T) ‖ N(0, 1)) and denoising terms vanish at t = 0, 1", () => {
    const model = gaussianDataReverseModel(schedule, { ...opts, reverseVariance: "beta" });
    const terms = ddpmElboTerms(schedule, model, 1.2);
    const ab = schedule.alphaBar[8];
    expect(terms.prior).toBeCloseTo(normalKl(Math.sqrt(ab) * 1.2, 1 - ab, 0, 1), 14);
    expect(terms.denoising[0]).toBe(0);
    expect(terms.denoising[1]).toBe(0);
    expect(terms.denoising.slice(2).every((v) => v > 0)).toBe(true);
  });
  it("the reverse-model marginal of Gaussian data with the exact denoiser is close to the data law", () => {
    const model = gaussianDataReverseModel(ddpmSchedule({ steps: 1000 }), {
      ...opts,
      reverseVariance: "betaTilde",
    });
    const { mean, variance } = reverseModelMarginals(model);
    // DDPM at T = 1000 with exact means: discretisation error of order β_1 = 1e-4 in the moments
    expect(Math.abs(mean[0] - 0.7)).toBeLessThan(5e-3);
    expect(Math.abs(variance[0] - 0.3)).toBeLessThan(5e-3);
  });
  it("forwardPathLaw: Cov(x_s, x_t) = √(ᾱ_t/ᾱ_s)(1 − ᾱ_s), Var x_t = 1 − ᾱ_t", () => {
    const q = forwardPathLaw(schedule, 0);
    expect(q.cov[3 * 8 + 3]).toBeCloseTo(schedule.oneMinusAlphaBar[4], 15);
    expect(q.cov[1 * 8 + 5]).toBeCloseTo(
      Math.sqrt(schedule.alphaBar[6] / schedule.alphaBar[2]) * schedule.oneMinusAlphaBar[2],
      15,
    );
  });
  it("rejects bad input", () => {
    const model = gaussianDataReverseModel(schedule, { ...opts, reverseVariance: "beta" });
    const other = gaussianDataReverseModel(ddpmSchedule({ steps: 3 }), {
      ...opts,
      reverseVariance: "beta",
    });
    const table: [() => unknown, ErrorConstructor, RegExp][] = [
      [
        () => ddpmElboTerms(schedule, other, 0),
        RangeError,
        /ddpmElboTerms: model.steps must equal schedule.steps = 8, got 3/,
      ],
      [
        () => ddpmElboTerms(schedule, model, NaN),
        RangeError,
        /ddpmElboTerms: x0 must be a finite number, got NaN/,
      ],
      [
        () => ddpmElboTerms(schedule, {} as never, 0),
        TypeError,
        /ddpmElboTerms: model must be a LinearReverseModel/,
      ],
      [
        () =>
          gaussianDataReverseModel(schedule, { ...opts, dataVariance: 0, reverseVariance: "beta" }),
        RangeError,
        /dataVariance must be a finite number > 0, got 0/,
      ],
      [
        () => gaussianDataReverseModel(schedule, { ...opts, reverseVariance: "x" as never }),
        TypeError,
        /reverseVariance must be one of "beta", "betaTilde", got "x"/,
      ],
      [
        () => reversePathPosterior(model, Infinity),
        RangeError,
        /reversePathPosterior: x0 must be a finite number, got Infinity/,
      ],
      [
        () => forwardPathLaw(null as never, 0),
        TypeError,
        /forwardPathLaw: schedule must be a DdpmSchedule/,
      ],
    ];
    for (const [f, type, msg] of table) {
      expect(f).toThrow(type);
      expect(f).toThrow(msg);
    }
  });
});
