import { normalStream } from "../../src/brownian";
import { ddpmForward, ddpmLoss, ddpmSchedule, mixtureEpsPredictor } from "../../src/diffusion";
import { createRng, fillNormal, spawn } from "../../src/rng";
import { ddpmSample } from "../../src/samplers";
import { gaussianMixture, sampleMixture } from "../../src/mixture";
import { moments } from "../../src/stats";

describe("ddpmForward, ddpmLoss, ddpmSample (Ho et al. 2020, Algorithms 1 and 2)", () => {
  const s = ddpmSchedule({ steps: 200, betaStart: 1e-3, betaEnd: 0.05 });
  const data = gaussianMixture({ weights: [1], means: [0.7], covs: [0.3] }); // N(0.7, 0.3)
  const [r1, r2, r3, r4] = spawn(createRng(5), 4);
  it("forward chain: x_t ~ N(√ᾱ_t x0, 1 − ᾱ_t) (mean and variance within 4 SE, seed 5)", () => {
    const { x } = ddpmForward(r1, s, new Float64Array(20000).fill(2), 60);
    const m = moments(x);
    expect(Math.abs(m.mean - 2 * Math.sqrt(s.alphaBar[60]))).toBeLessThan(4 * m.meanSE);
    expect(Math.abs(m.variance - s.oneMinusAlphaBar[60])).toBeLessThan(4 * m.varianceSE);
  });
  it("Algorithm 1 with the exact predictor of N(m, v) data: mean loss = mean_t ᾱv/(ᾱv + 1 − ᾱ) within 4 SE", () => {
    const x0 = sampleMixture(r2, data, 20000);
    const { loss } = ddpmLoss(r3, s, x0, 1, mixtureEpsPredictor(s, data));
    let expected = 0;
    for (let t = 1; t <= 200; t++)
      expected += (s.alphaBar[t] * 0.3) / (s.alphaBar[t] * 0.3 + s.oneMinusAlphaBar[t]) / 200;
    const m = moments(loss);
    expect(Math.abs(m.mean - expected)).toBeLessThan(4 * m.meanSE);
  });
  it("Algorithm 2 with the exact predictor returns the data law (moments within 4 SE + bias 0.01)", () => {
    const x = ddpmSample(normalStream(r4), s, mixtureEpsPredictor(s, data), 4000, 1);
    const m = moments(x);
    // SE from the sample; 0.01 covers the discretisation bias of a 200-step chain
    expect(Math.abs(m.mean - 0.7)).toBeLessThan(4 * m.meanSE + 0.01);
    expect(Math.abs(m.variance - 0.3)).toBeLessThan(4 * m.varianceSE + 0.01);
  });
  it("Algorithm 2 reads x_T, then z for t = T..2, from the noise in the order it used to draw them", () => {
    // regression against the loop as written before it took its noise from the caller
    // (fillNormal(rng, ·) for x_T, then per step): the notebooks' numbers depend on it
    const p = mixtureEpsPredictor(s, data);
    const [n, r] = [50, createRng(8)];
    for (const reverseVariance of ["beta", "betaTilde"] as const) {
      const rng = r.clone();
      const x = fillNormal(rng, new Float64Array(n));
      const [eps, z] = [new Float64Array(n), new Float64Array(n)];
      for (let t = s.steps; t >= 1; t--) {
        p(t, x, eps, n);
        const c = s.beta[t] / Math.sqrt(s.oneMinusAlphaBar[t]);
        const sd = Math.sqrt(reverseVariance === "beta" ? s.beta[t] : s.betaTilde[t]);
        if (t > 1) fillNormal(rng, z);
        for (let i = 0; i < n; i++) {
          x[i] = (1 / Math.sqrt(s.alpha[t])) * (x[i] - c * eps[i]) + (t > 1 ? sd * z[i] : 0);
        }
      }
      const ours = ddpmSample(normalStream(r.clone()), s, p, n, 1, { reverseVariance });
      expect(Array.from(ours)).toEqual(Array.from(x));
    }
  });
  it("rejects bad input", () => {
    const p = mixtureEpsPredictor(s, data);
    const table: [() => unknown, ErrorConstructor, RegExp][] = [
      [
        () => ddpmSample(r4 as never, s, p, 1, 1),
        TypeError,
        /ddpmSample: noise must be a NormalStream \(normalStream\(rng\)\), got an object/,
      ],
      [
        () => ddpmSample(normalStream(r4), s, p, 0, 1),
        RangeError,
        /ddpmSample: n must be a positive integer, got 0/,
      ],
      [
        () => ddpmSample(normalStream(r4), s, p, 1, 1, { reverseVariance: "x" as never }),
        TypeError,
        /ddpmSample: options.reverseVariance must be one of "beta", "betaTilde", got "x"/,
      ],
      [
        () => ddpmLoss(r4, s, new Float64Array(3), 2, p),
        RangeError,
        /ddpmLoss: x0 must hold n·d values with d = 2/,
      ],
      [
        () => ddpmLoss(r4, s, new Float64Array(2), 1, 3 as never),
        TypeError,
        /ddpmLoss: predictor must be a function/,
      ],
      [
        () => ddpmForward(r4, s, new Float64Array(2), 201),
        RangeError,
        /ddpmForward: t must be an integer step in \[1, 200\], got 201/,
      ],
      [
        () => mixtureEpsPredictor(s, {} as never),
        TypeError,
        /mixtureEpsPredictor: \w+ must be a GaussianMixture/,
      ],
    ];
    for (const [f, type, msg] of table) {
      expect(f).toThrow(type);
      expect(f).toThrow(msg);
    }
  });
});
