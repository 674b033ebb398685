import { vpSde } from "../../src/processes";
import { createRng, fillNormal, spawn } from "../../src/rng";
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

const samplers: [
  string,
  (rng: ReturnType<typeof createRng>, x: Float64Array) => Float64Array,
  number,
][] = [
  // discretisation bias at these step counts, seen on 10⁵ samples (SE 0.0004 in var, 0.001 in
  // mean): DDPM 100 steps +0.0011 mean, +0.0045 var; predictor–corrector 40 steps +0.016 mean,
  // +0.0033 var; allowance 0.02 each
  [
    "DDPM ancestral, 100 steps",
    (rng, x) => ddpmAncestral(rng, process, score, x, N, { steps: 100, tMin }),
    0.02,
  ],
  [
    "predictor–corrector, 40 steps",
    (rng, x) => predictorCorrector(rng, process, score, x, N, { steps: 40, tMin }),
    0.02,
  ],
  [
    "annealed Langevin, 100 × 20",
    (rng, x) =>
      annealedLangevin(rng, process, score, x, N, { levels: 100, stepsPerLevel: 20, tMin }),
    0.02,
  ],
];

describe.each(samplers)("%s on a Gaussian with its exact score", (_name, sample, bias) => {
  it("matches the mean and variance of p_tMin within 4 SE + the stated bias", () => {
    const [prior, noise] = spawn(createRng(SEED), 2);
    const x = sample(noise, fillNormal(prior, new Float64Array(N)));
    const m = moments(x);
    const seMean = Math.sqrt(want.variance / N); // 0.0047
    const seVar = want.variance * Math.sqrt(2 / N); // 0.0020
    expect(Math.abs(m.mean - want.mean)).toBeLessThan(4 * seMean + bias);
    expect(Math.abs(m.variance - want.variance)).toBeLessThan(4 * seVar + bias);
  });
});

describe("samplers: bad input", () => {
  it.each([
    [
      () => ddpmAncestral(createRng(1), process, score, new Float64Array(3), 4),
      "ddpmAncestral: x must hold (n, 1) values",
    ],
    [
      () => predictorCorrector(createRng(1), process, score, new Float64Array(3), 3, { snr: 0 }),
      "predictorCorrector: snr must be positive, got 0",
    ],
    [
      () => annealedLangevin(createRng(1), process, score, new Float64Array(3), 3, { tMin: 2 }),
      "annealedLangevin: tMin must be in (0, T = 1), got 2",
    ],
  ])("%#", (f, msg) => expect(f).toThrow(msg));
});
