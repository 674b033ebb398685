import { normalStream, type NormalStream } from "../../src/brownian";
import { vpSde } from "../../src/processes";
import { createRng, fillNormal, spawn, type Rng } from "../../src/rng";
import type { ScoreFunction } from "../../src/score";
import { annealedLangevin, ddpmAncestral, predictorCorrector } from "../../src/samplers";
import { moments } from "../../src/stats";

const SEED = 71;
const N = 4000;
const process = vpSde({ dim: 1 });
// data N(1.5, 0.3²): p_t = N(1.5 α_t, v_t), v_t = 0.09 α_t² + σ_t², so s(t, x) = −(x − 1.5 α_t)/v_t
// in closed form (exactMixtureScore, tested in test/score, took 95 % of this file's 18 s)
const score: ScoreFunction = {
  dim: 1,
  score(t, x, out, n) {
    const a = process.scale(t);
    const v = 0.09 * a * a + process.std(t) ** 2;
    for (let i = 0; i < n; i++) out[i] = -(x[i] - 1.5 * a) / v;
  },
};
const tMin = 1e-3;
const want = {
  mean: 1.5 * process.scale(tMin),
  variance: 0.09 * process.scale(tMin) ** 2 + process.std(tMin) ** 2,
};

const samplers: [string, (noise: NormalStream, x: Float64Array) => Float64Array, number][] = [
  // discretisation bias at these step counts, seen on 10⁵ samples (SE 0.0004 in var, 0.001 in
  // mean): DDPM 100 steps +0.0011 mean, +0.0045 var; predictor–corrector 40 steps +0.016 mean,
  // +0.0033 var; allowance 0.02 each
  [
    "DDPM ancestral, 100 steps",
    (noise, x) => ddpmAncestral(noise, process, score, x, N, { steps: 100, tMin }),
    0.02,
  ],
  [
    "predictor–corrector, 40 steps",
    (noise, x) => predictorCorrector(noise, process, score, x, N, { steps: 40, tMin }),
    0.02,
  ],
  [
    "annealed Langevin, 100 × 20",
    (noise, x) =>
      annealedLangevin(noise, process, score, x, N, { levels: 100, stepsPerLevel: 20, tMin }),
    0.02,
  ],
];

describe.each(samplers)("%s on a Gaussian with its exact score", (_name, sample, bias) => {
  it("matches the mean and variance of p_tMin within 4 SE + the stated bias", () => {
    const [prior, noise] = spawn(createRng(SEED), 2);
    const x = sample(normalStream(noise), fillNormal(prior, new Float64Array(N)));
    const m = moments(x);
    const seMean = Math.sqrt(want.variance / N); // 0.0047
    const seVar = want.variance * Math.sqrt(2 / N); // 0.0020
    expect(Math.abs(m.mean - want.mean)).toBeLessThan(4 * seMean + bias);
    expect(Math.abs(m.variance - want.variance)).toBeLessThan(4 * seVar + bias);
  });
});

/**
 * The samplers as they were written before they took their noise from the caller (each drew
 * `fillNormal(rng, z)` itself): the formulas of the papers, line by line, kept as the regression
 * oracle for "same noise in the same order gives the same bits".
 */
const reference = {
  ddpmAncestral(rng: Rng, xT: Float64Array, n: number, steps: number): Float64Array {
    const x = xT.slice();
    const s = new Float64Array(x.length);
    const z = new Float64Array(x.length);
    const time = (i: number) => tMin + ((process.T - tMin) * i) / steps;
    for (let i = steps; i >= 1; i--) {
      const a = process.alphaBar(time(i)) / process.alphaBar(time(i - 1));
      const beta = 1 - a;
      score.score(time(i), x, s, n);
      const c = 1 / Math.sqrt(a);
      const sd = i > 1 ? Math.sqrt(beta) : 0;
      if (sd > 0) fillNormal(rng, z);
      for (let k = 0; k < x.length; k++) x[k] = c * (x[k] + beta * s[k]) + sd * z[k];
    }
    return x;
  },
  predictorCorrector(rng: Rng, xT: Float64Array, n: number, steps: number, M: number) {
    const x = xT.slice();
    const s = new Float64Array(x.length);
    const z = new Float64Array(x.length);
    const norm = (a: Float64Array) => a.reduce((acc, v) => acc + Math.abs(v), 0) / n; // d = 1
    const h = (process.T - tMin) / steps;
    for (let i = steps; i >= 1; i--) {
      const t = tMin + h * i;
      for (let m = 0; m < M; m++) {
        score.score(t, x, s, n);
        fillNormal(rng, z);
        const eps = 2 * ((0.16 * norm(z)) / norm(s)) ** 2;
        for (let k = 0; k < x.length; k++) x[k] += eps * s[k] + Math.sqrt(2 * eps) * z[k];
      }
      score.score(t, x, s, n);
      fillNormal(rng, z);
      const b = process.beta(t);
      for (let k = 0; k < x.length; k++)
        x[k] += (0.5 * b * x[k] + b * s[k]) * h + Math.sqrt(b * h) * z[k];
    }
    return x;
  },
  annealedLangevin(rng: Rng, x0: Float64Array, n: number, L: number, K: number, eps: number) {
    const y = x0.slice();
    const s = new Float64Array(y.length);
    const z = new Float64Array(y.length);
    const sL = process.std(tMin) ** 2;
    for (let i = 0; i < L; i++) {
      const t = L === 1 ? tMin : process.T - ((process.T - tMin) * i) / (L - 1);
      const alpha = (eps * process.std(t) ** 2) / sL;
      for (let k = 0; k < K; k++) {
        score.score(t, y, s, n);
        fillNormal(rng, z);
        for (let j = 0; j < y.length; j++) y[j] += 0.5 * alpha * s[j] + Math.sqrt(alpha) * z[j];
      }
    }
    return y;
  },
};

describe("samplers read their noise in the order they used to draw it", () => {
  // normalStream(rng) must reproduce the samplers' former fillNormal(rng, ·) calls bit for bit:
  // the notebooks' printed numbers depend on it (regression, not an oracle of correctness)
  const n = 300;
  const [r0, r1] = spawn(createRng(20261206), 2);
  const xT = fillNormal(r0, new Float64Array(n));
  it.each([
    [
      "ddpmAncestral",
      (noise: NormalStream) => ddpmAncestral(noise, process, score, xT, n, { steps: 30, tMin }),
      (rng: Rng) => reference.ddpmAncestral(rng, xT, n, 30),
    ],
    [
      "predictorCorrector",
      (noise: NormalStream) =>
        predictorCorrector(noise, process, score, xT, n, { steps: 20, correctorSteps: 2, tMin }),
      (rng: Rng) => reference.predictorCorrector(rng, xT, n, 20, 2),
    ],
    [
      "annealedLangevin",
      (noise: NormalStream) =>
        annealedLangevin(noise, process, score, xT, n, {
          levels: 7,
          stepsPerLevel: 3,
          epsilon: 1e-3,
          tMin,
        }),
      (rng: Rng) => reference.annealedLangevin(rng, xT, n, 7, 3, 1e-3),
    ],
  ])("%s", (_name, sampler, oracle) => {
    const ours = sampler(normalStream(r1.clone()));
    const theirs = oracle(r1.clone());
    expect(Array.from(ours)).toEqual(Array.from(theirs));
  });
});

describe("samplers: blow-ups are reported, not returned", () => {
  const wild: ScoreFunction = {
    dim: 1,
    score: (_t, x, out, n) => out.fill(1e308, 0, n),
  };
  const noise = () => normalStream(createRng(3));
  const x = new Float64Array(4);
  it.each([
    [
      () => ddpmAncestral(noise(), process, wild, x, 4, { steps: 10 }),
      /^ddpmAncestral: state is not finite after step i = 10: sample 0, component 0 = Infinity/,
    ],
    [
      () => predictorCorrector(noise(), process, wild, x, 4, { steps: 10, correctorSteps: 0 }),
      /^predictorCorrector: state is not finite after the predictor step from t = 1/,
    ],
    [
      () => annealedLangevin(noise(), process, wild, x, 4, { levels: 3, epsilon: 1 }),
      /^annealedLangevin: at level 1 of 3 \(t = 1\), state is not finite after step 1/,
    ],
    [
      // a score that vanishes on every row: the corrector's ε = 2(r‖z‖/0)² = ∞
      () => predictorCorrector(noise(), process, { dim: 1, score: (_t, _x, o) => o.fill(0) }, x, 4),
      /^predictorCorrector: state is not finite after corrector step 1 at t = 1 \(ε = Infinity\)/,
    ],
  ])("%#", (f, msg) => expect(f).toThrow(msg));
});
