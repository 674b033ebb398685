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
  // mean): DDPM 100 steps +0.0011 mean, +0.0045 var; predictor–corrector 40 steps +0.015 mean,
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
 * oracle for "same noise in the same order gives the same bits" (the predictor–corrector's step
 * with Algorithm 5's factor 1 − β_i since issue 19).
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
      const keep = process.alphaBar(t) / process.alphaBar(tMin + h * (i - 1)); // 1 − β_i
      for (let m = 0; m < M; m++) {
        score.score(t, x, s, n);
        fillNormal(rng, z);
        const eps = 2 * keep * ((0.16 * norm(z)) / norm(s)) ** 2;
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

/** A NormalStream that hands out the given numbers in order (a hand computation's z). */
const fixedNoise = (values: number[]): NormalStream => {
  let next = 0;
  return {
    normals(out) {
      for (let k = 0; k < out.length; k++) out[k] = values[next++];
      return out;
    },
  };
};

describe("predictorCorrector: the corrector step of Song et al. 2021, Algorithm 5", () => {
  // N(0, 1) data is stationary under any VP process: p_t = N(0, 1), s(t, x) = −x
  const standardScore: ScoreFunction = {
    dim: 1,
    score: (_t, x, out, n) => {
      for (let i = 0; i < n; i++) out[i] = -x[i];
    },
  };

  it("matches a hand computation of two corrector and two predictor steps", () => {
    // β(t) = 0.1 + 19.9 t, ∫_0^t β = 0.1 t + 9.95 t²; grid t = 1, 0.75, 0.5 (N = 2, h = 0.25)
    const integral = (t: number) => 0.1 * t + 9.95 * t * t;
    const keep2 = Math.exp(-(integral(1) - integral(0.75))); // 1 − β_2 = ᾱ(1)/ᾱ(0.75) ≈ 0.0126
    const keep1 = Math.exp(-(integral(0.75) - integral(0.5))); // 1 − β_1 ≈ 0.0686
    const h = 0.25;
    const z = [0.5, -1, 0.3, 0.2, -0.4, 1.2, 1, -0.5]; // corrector, predictor at t_2; same at t_1
    const meanAbs = (a: number[]) => (Math.abs(a[0]) + Math.abs(a[1])) / 2; // ‖·‖ over rows, d = 1
    let x = [1, -2];
    for (const [k, keep, t] of [
      [0, keep2, 1],
      [4, keep1, 0.75],
    ]) {
      const zc = z.slice(k, k + 2);
      const eps = 2 * keep * ((0.16 * meanAbs(zc)) / meanAbs(x)) ** 2; // line 6, g = −x
      x = x.map((v, r) => v - eps * v + Math.sqrt(2 * eps) * zc[r]); // line 7
      const beta = 0.1 + 19.9 * t;
      const zp = z.slice(k + 2, k + 4); // Euler–Maruyama of the reverse SDE, s = −x
      x = x.map((v, r) => v + (0.5 * beta * v - beta * v) * h + Math.sqrt(beta * h) * zp[r]);
    }
    const options = { steps: 2, correctorSteps: 1, snr: 0.16, tMin: 0.5 };
    const ours = predictorCorrector(
      fixedNoise(z),
      process,
      standardScore,
      Float64Array.of(1, -2),
      2,
      options,
    );
    // without 1 − β_i (ε = 2 (r‖z‖/‖g‖)²): 2.7889, −4.2710 instead of 2.6863, −4.0445
    expect(Array.from(ours)).toEqual(x.map((v) => expect.closeTo(v, 12)));
  });

  it("has the corrector's stationary variance 1 + (1 − β_i) r² on N(0, 1)", () => {
    // Langevin with step ε on N(0, 1): V = (1 − ε)² V + 2ε, so V = 1/(1 − ε/2); with
    // ε = 2(1 − β_i) r² (E|z|/E|x|)² = 2(1 − β_i) r²/V (x Gaussian), V = 1 + (1 − β_i) r².
    // Constant β = 1, one level: t_1 = 1 → t_0 = 0.5, h = 0.5, 1 − β_1 = e^{−0.5}, r = 1, M = 20
    // corrector steps (converged: the map contracts by (1 − ε)² ≈ 0.06 per step); then the
    // predictor x ← (1 − βh/2) x + √(βh) z (s = −x) maps V to (1 − βh/2)² V + βh.
    const constantBeta = vpSde({ dim: 1, betaMin: 1, betaMax: 1 });
    const n = 40000;
    const want = 0.75 ** 2 * (1 + Math.exp(-0.5)) + 0.5; // 1.4037
    const [prior, noise] = spawn(createRng(SEED), 2);
    const xT = fillNormal(prior, new Float64Array(n));
    const options = { steps: 1, correctorSteps: 20, snr: 1, tMin: 0.5 };
    const x = predictorCorrector(normalStream(noise), constantBeta, standardScore, xT, n, options);
    // SE: V√(2/n) = 0.0099 from the rows, ×1.42 because ε reads the sample's norms (sd of the
    // variance over 200 seeds: 0.0141); 5 SE = 0.07 (P(false fail) ≈ 6e-7). Without 1 − β_i the
    // variance came out 0.36 off (25 SE): its fixed point 1 + r² gives 1.625, and the chain
    // oscillates around it (the variance map has slope −1 there when ε ≈ 1)
    expect(Math.abs(moments(x).variance - want)).toBeLessThan(5 * 0.0141);
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
