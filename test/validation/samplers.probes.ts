/** Probes of src/samplers (see harness.ts). */
import fc from "fast-check";
import { normalStream } from "../../src/brownian";
import { ddpmSchedule, type EpsPredictor } from "../../src/diffusion";
import { vpSde } from "../../src/processes";
import { createRng, fillNormal } from "../../src/rng";
import type { ScoreFunction } from "../../src/score";
import {
  annealedLangevin,
  ddimSample,
  ddpmAncestral,
  ddpmSample,
  denoiserFromScore,
  dpmSolver2Sample,
  edmHeunSample,
  edmPreconditioning,
  edmStochasticSample,
  karrasSigmas,
  noiseLevel,
  predictorCorrector,
  timeAtNoiseLevel,
  type Denoiser,
} from "../../src/samplers";
import type { Probe } from "./harness";

/** The exact score of N(m, I) data under a VP process: p_t = N(m·scale(t), I), never 0 at random points. */
const vpGaussianScore = (d: number, m: number): ScoreFunction => {
  const vp = vpSde({ dim: d });
  return {
    dim: d,
    score(t, x, out, n) {
      const shift = m * vp.scale(t);
      for (let i = 0; i < n * d; i++) out[i] = shift - x[i];
    },
  };
};

/** The exact ε̂ of N(0, I) data: x_t = √ᾱ x0 + √(1 − ᾱ) ε gives E[ε | x_t] = √(1 − ᾱ_t) x_t. */
const epsOfStandardNormal =
  (oneMinusAlphaBar: Float64Array): EpsPredictor =>
  (t, x, out, n) => {
    const c = Math.sqrt(oneMinusAlphaBar[t]);
    for (let i = 0; i < out.length && i < x.length; i++) out[i] = c * x[i];
    void n;
  };

/** noise, VP process, score, xT (n, d) of normals, n: the common head of the VP samplers' arguments. */
const vpArgs = fc
  .record({
    seed: fc.integer({ min: 0, max: 1e6 }),
    n: fc.integer({ min: 2, max: 4 }),
    d: fc.integer({ min: 1, max: 2 }),
  })
  .map(({ seed, n, d }) => {
    const [r0, r1] = [createRng(seed), createRng(seed + 1)];
    return [
      normalStream(r1),
      vpSde({ dim: d }),
      vpGaussianScore(d, 0.5),
      fillNormal(r0, new Float64Array(n * d)),
      n,
    ] as unknown[];
  });

const tMin = fc.double({ min: 1e-3, max: 0.5, noNaN: true });

const head = [
  { arg: 0, name: "noise", bad: ["wrong-type", "missing"] },
  { arg: 1, name: "process", bad: ["wrong-type", "missing"] },
  { arg: 2, name: "score", bad: ["wrong-type", "missing"] },
  { arg: 3, name: "xT", bad: ["empty", "short", "non-finite-entry", "wrong-type", "missing"] },
  { arg: 4, name: "n", bad: ["zero", "negative", "non-integer", "nan", "infinite", "wrong-type"] },
] satisfies Probe["params"];
const count = ["zero", "negative", "non-integer", "nan", "infinite", "wrong-type"] as const;
const positive = ["zero", "negative", "nan", "infinite", "wrong-type"] as const;
const nonNegative = ["negative", "nan", "infinite", "wrong-type"] as const;

/** A strictly decreasing grid of K + 1 times from T = 1 to tMin (a sampler's options.times). */
const timesArb = fc
  .tuple(fc.integer({ min: 1, max: 6 }), tMin)
  .map(([K, t]) =>
    Float64Array.from({ length: K + 1 }, (_, k) => (k === K ? t : 1 - (k * (1 - t)) / K)),
  );
const TIMES = ["empty", "non-finite-entry", "wrong-type"] as const;

/** [denoiser, sigmas, x, n]: the exact denoiser of vpGaussianScore, ρ = 7 levels within σ(1) ≈ 152, 0 last or not. */
const edmArgs = fc
  .tuple(vpArgs, fc.integer({ min: 2, max: 6 }), fc.boolean())
  .map(([args, N, zeroLast]) => {
    const [, process, score, x, n] = args as [
      unknown,
      ReturnType<typeof vpSde>,
      ScoreFunction,
      Float64Array,
      number,
    ];
    const levels = karrasSigmas(N, 0.01, 100);
    const sigmas = zeroLast ? Float64Array.from([...levels, 0]) : levels;
    return [denoiserFromScore(process, score), sigmas, x, n] as unknown[];
  });
const SIGMAS = ["empty", "non-finite-entry", "wrong-type", "missing"] as const;
const edmParams = (first: number): Probe["params"] => [
  { arg: first, name: "denoiser", bad: ["wrong-type", "missing"] },
  { arg: first + 1, name: "sigmas", bad: [...SIGMAS] },
  {
    arg: first + 2,
    name: "x",
    bad: ["empty", "short", "non-finite-entry", "wrong-type", "missing"],
  },
  { arg: first + 3, name: "n", bad: [...count, "missing"] },
];

export const probes: Probe[] = [
  {
    name: "ddpmSample",
    valid: fc
      .record({
        seed: fc.integer({ min: 0, max: 1e6 }),
        steps: fc.integer({ min: 1, max: 12 }),
        n: fc.integer({ min: 1, max: 4 }),
        dim: fc.integer({ min: 1, max: 3 }),
        reverseVariance: fc.constantFrom("beta", "betaTilde"),
      })
      .map(({ seed, steps, n, dim, reverseVariance }) => {
        const schedule = ddpmSchedule({ steps, betaStart: 1e-3, betaEnd: 0.2 });
        const predictor = epsOfStandardNormal(schedule.oneMinusAlphaBar);
        return [normalStream(createRng(seed)), schedule, predictor, n, dim, { reverseVariance }];
      }),
    call: (noise, schedule, predictor, n, dim, options) =>
      ddpmSample(
        noise as never,
        schedule as never,
        predictor as never,
        n as number,
        dim as number,
        options as never,
      ),
    params: [
      { arg: 0, name: "noise", bad: ["wrong-type", "missing"] },
      { arg: 1, name: "schedule", bad: ["wrong-type", "missing"] },
      { arg: 2, name: "predictor", bad: ["wrong-type", "missing"] },
      { arg: 3, name: "n", bad: [...count, "missing"] },
      { arg: 4, name: "dim", bad: [...count, "missing"] },
      { arg: 5, path: ["reverseVariance"], name: "options.reverseVariance", bad: ["wrong-type"] },
    ],
  },
  {
    name: "ddpmAncestral",
    valid: fc
      .tuple(vpArgs, fc.integer({ min: 1, max: 10 }), tMin)
      .map(([args, steps, t]) => [...args, { steps, tMin: t }]),
    call: (noise, process, score, xT, n, options) =>
      ddpmAncestral(
        noise as never,
        process as never,
        score as never,
        xT as Float64Array,
        n as number,
        options as never,
      ),
    params: [
      ...head,
      { arg: 5, path: ["steps"], name: "options.steps", bad: [...count] },
      { arg: 5, path: ["tMin"], name: "options.tMin", bad: [...positive] },
    ],
  },
  {
    name: "predictorCorrector",
    valid: fc
      .tuple(vpArgs, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 2 }), tMin)
      .map(([args, steps, correctorSteps, t]) => [
        ...args,
        { steps, correctorSteps, snr: 0.16, tMin: t },
      ]),
    call: (noise, process, score, xT, n, options) =>
      predictorCorrector(
        noise as never,
        process as never,
        score as never,
        xT as Float64Array,
        n as number,
        options as never,
      ),
    params: [
      ...head,
      { arg: 5, path: ["steps"], name: "options.steps", bad: [...count] },
      {
        arg: 5,
        path: ["correctorSteps"],
        name: "options.correctorSteps",
        bad: ["negative", "non-integer", "nan", "infinite", "wrong-type"],
      },
      { arg: 5, path: ["snr"], name: "options.snr", bad: [...positive] },
      { arg: 5, path: ["tMin"], name: "options.tMin", bad: [...positive] },
    ],
  },
  {
    name: "annealedLangevin",
    valid: fc
      .tuple(
        vpArgs,
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 1e-5, max: 1e-2, noNaN: true }),
        tMin,
      )
      .map(([args, levels, stepsPerLevel, epsilon, t]) => [
        ...args,
        { levels, stepsPerLevel, epsilon, tMin: t },
      ]),
    call: (noise, process, score, x, n, options) =>
      annealedLangevin(
        noise as never,
        process as never,
        score as never,
        x as Float64Array,
        n as number,
        options as never,
      ),
    params: [
      ...head.map((p) => (p.name === "xT" ? { ...p, name: "x" } : p)),
      { arg: 5, path: ["levels"], name: "options.levels", bad: [...count] },
      { arg: 5, path: ["stepsPerLevel"], name: "options.stepsPerLevel", bad: [...count] },
      { arg: 5, path: ["epsilon"], name: "options.epsilon", bad: [...positive] },
      { arg: 5, path: ["tMin"], name: "options.tMin", bad: [...positive] },
    ],
  },
  {
    name: "ddimSample",
    valid: fc
      .tuple(
        vpArgs,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        tMin,
      )
      .map(([args, eta, steps, t]) => [...args, { eta, steps, tMin: t }]),
    call: (noise, process, score, xT, n, options) =>
      ddimSample(
        noise as never,
        process as never,
        score as never,
        xT as Float64Array,
        n as number,
        options as never,
      ),
    params: [
      ...head,
      { arg: 5, path: ["eta"], name: "options.eta", bad: [...nonNegative] },
      { arg: 5, path: ["steps"], name: "options.steps", bad: [...count] },
      { arg: 5, path: ["tMin"], name: "options.tMin", bad: [...positive] },
    ],
  },
  {
    name: "dpmSolver2Sample",
    valid: fc.tuple(vpArgs, timesArb).map(([args, times]) => [...args.slice(1), { times }]),
    call: (process, score, xT, n, options) =>
      dpmSolver2Sample(
        process as never,
        score as never,
        xT as Float64Array,
        n as number,
        options as never,
      ),
    params: [
      ...head.slice(1).map((p) => ({ ...p, arg: p.arg - 1 })),
      { arg: 4, path: ["times"], name: "options.times", bad: [...TIMES] },
    ],
  },
  {
    name: "edmHeunSample",
    valid: edmArgs,
    call: (denoiser, sigmas, x, n) =>
      edmHeunSample(denoiser as Denoiser, sigmas as Float64Array, x as Float64Array, n as number),
    params: edmParams(0),
  },
  {
    name: "edmStochasticSample",
    valid: fc
      .tuple(
        edmArgs,
        fc.integer({ min: 0, max: 1e6 }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
      )
      .map(([args, seed, sChurn, sNoise]) => [
        normalStream(createRng(seed)),
        ...args,
        // churn stays below σ(1) ≈ 152 of the process: σ̂ ≤ (1 + (√2 − 1)) 50
        { sChurn, sTmin: 0.05, sTmax: 50, sNoise },
      ]),
    call: (noise, denoiser, sigmas, x, n, options) =>
      edmStochasticSample(
        noise as never,
        denoiser as Denoiser,
        sigmas as Float64Array,
        x as Float64Array,
        n as number,
        options as never,
      ),
    params: [
      { arg: 0, name: "noise", bad: ["wrong-type", "missing"] },
      ...edmParams(1),
      { arg: 5, path: ["sChurn"], name: "options.sChurn", bad: [...nonNegative] },
      { arg: 5, path: ["sTmin"], name: "options.sTmin", bad: [...nonNegative] },
      { arg: 5, path: ["sTmax"], name: "options.sTmax", bad: ["negative", "nan", "wrong-type"] },
      { arg: 5, path: ["sNoise"], name: "options.sNoise", bad: [...nonNegative] },
    ],
  },
  {
    name: "karrasSigmas",
    valid: fc
      .tuple(
        fc.integer({ min: 2, max: 20 }),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        fc.double({ min: 2, max: 200, noNaN: true }),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
      )
      .map((a) => [...a]),
    call: (n, lo, hi, rho) => karrasSigmas(n as number, lo as number, hi as number, rho as number),
    params: [
      { arg: 0, name: "n", bad: [...count, "missing"] },
      { arg: 1, name: "sigmaMin", bad: [...positive, "missing"] },
      {
        arg: 2,
        name: "sigmaMax",
        bad: ["zero", "negative", "nan", "infinite", "wrong-type", "missing"],
      },
      { arg: 3, name: "rho", bad: [...positive] },
    ],
  },
  {
    name: "edmPreconditioning",
    valid: fc
      .tuple(
        fc.double({ min: 1e-3, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
      )
      .map((a) => [...a]),
    call: (sigma, sd) => edmPreconditioning(sigma as number, sd as number),
    params: [
      { arg: 0, name: "sigma", bad: [...nonNegative, "missing"] },
      { arg: 1, name: "sigmaData", bad: [...positive] },
    ],
  },
  {
    name: "denoiserFromScore",
    valid: vpArgs.map((args) => [args[1], args[2]]),
    call: (process, score) => denoiserFromScore(process as never, score as ScoreFunction),
    params: [
      { arg: 0, name: "process", bad: ["wrong-type", "missing"] },
      { arg: 1, name: "score", bad: ["wrong-type", "missing"] },
    ],
  },
  {
    name: "denoiserFromScore.denoise",
    // [denoiser, sigma, x, out, n]
    valid: fc.tuple(vpArgs, fc.double({ min: 0, max: 150, noNaN: true })).map(([args, sigma]) => {
      const [, process, score, x, n] = args as [
        unknown,
        never,
        ScoreFunction,
        Float64Array,
        number,
      ];
      return [denoiserFromScore(process, score), sigma, x, new Float64Array(x.length), n];
    }),
    call: (D, sigma, x, out, n) => {
      (D as Denoiser).denoise(sigma as number, x as Float64Array, out as Float64Array, n as number);
      return out;
    },
    params: [
      { arg: 1, name: "sigma", bad: [...nonNegative, "missing"] },
      { arg: 2, name: "x", bad: ["empty", "short", "wrong-type", "missing"] },
      { arg: 3, name: "out", bad: ["empty", "short", "wrong-type", "missing"] },
      {
        arg: 4,
        name: "n",
        bad: ["zero", "negative", "non-integer", "nan", "wrong-type", "missing"],
      },
    ],
  },
  {
    name: "noiseLevel",
    valid: fc
      .tuple(fc.constant(vpSde({ dim: 1 })), fc.double({ min: 0, max: 1, noNaN: true }))
      .map((a) => [...a]),
    call: (process, t) => noiseLevel(process as never, t as number),
    params: [
      { arg: 0, name: "process", bad: ["wrong-type", "missing"] },
      { arg: 1, name: "t", bad: ["negative", "nan", "infinite", "wrong-type", "missing"] },
    ],
  },
  {
    name: "timeAtNoiseLevel",
    valid: fc
      .tuple(fc.constant(vpSde({ dim: 1 })), fc.double({ min: 0, max: 150, noNaN: true }))
      .map((a) => [...a]),
    call: (process, sigma) => timeAtNoiseLevel(process as never, sigma as number),
    params: [
      { arg: 0, name: "process", bad: ["wrong-type", "missing"] },
      { arg: 1, name: "sigma", bad: ["negative", "nan", "infinite", "wrong-type", "missing"] },
    ],
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {};
