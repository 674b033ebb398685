/** Probes of src/samplers (see harness.ts). */
import fc from "fast-check";
import { normalStream } from "../../src/brownian";
import { ddpmSchedule, type EpsPredictor } from "../../src/diffusion";
import { vpSde } from "../../src/processes";
import { createRng, fillNormal } from "../../src/rng";
import type { ScoreFunction } from "../../src/score";
import {
  annealedLangevin,
  ddpmAncestral,
  ddpmSample,
  predictorCorrector,
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
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {};
