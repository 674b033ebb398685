/** Probes of src/diffusion (see harness.ts). */
import fc from "fast-check";
import {
  convertPrediction,
  ddpmElboTerms,
  ddpmForward,
  ddpmLoss,
  ddpmPosterior,
  ddpmSchedule,
  epsLossFloor,
  expectedDdpmElboTerms,
  forwardPathLaw,
  gaussianDataReverseModel,
  gaussianKl,
  matchingWeights,
  mixtureEpsPredictor,
  normalKl,
  reverseModelMarginals,
  reversePathPosterior,
  scheduleFromBetas,
  type DdpmSchedule,
  type EpsPredictor,
  type LinearReverseModel,
} from "../../src/diffusion";
import { gaussianMixture } from "../../src/mixture";
import { createRng } from "../../src/rng";
import type { BadKind, Probe } from "./harness";

const positive: BadKind[] = ["nan", "infinite", "negative", "zero", "wrong-type", "missing"];
const real: BadKind[] = ["nan", "infinite", "wrong-type", "missing"];
const object: BadKind[] = ["wrong-type", "missing"];
const step: BadKind[] = [
  "zero",
  "negative",
  "non-integer",
  "nan",
  "infinite",
  "wrong-type",
  "missing",
];
const points: BadKind[] = ["empty", "non-finite-entry", "wrong-type", "missing"];
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const array = (n: number, min: number, max: number) =>
  fc.array(finite(min, max), { minLength: n, maxLength: n }).map((a) => Float64Array.from(a));

/** A schedule of 2..12 steps with β in [1e-3, 0.3]. */
const schedule = fc
  .record({ steps: fc.integer({ min: 2, max: 12 }), betaEnd: finite(0.01, 0.3) })
  .map(({ steps, betaEnd }) => ddpmSchedule({ steps, betaStart: 1e-3, betaEnd }));
/** A schedule and a step t in [lo, T]. */
const scheduleAndStep = (lo: number) =>
  schedule.chain((s) => fc.integer({ min: lo, max: s.steps }).map((t) => [s, t] as const));
/** A schedule and an affine reverse model of its steps. */
const scheduleAndModel = fc
  .tuple(schedule, finite(-2, 2), finite(0.1, 3), finite(0.5, 1.5))
  .map(([s, dataMean, dataVariance, denoiserGain]) => {
    const model = gaussianDataReverseModel(s, {
      dataMean,
      dataVariance,
      reverseVariance: "betaTilde",
      denoiserGain,
    });
    return [s, model] as [DdpmSchedule, LinearReverseModel];
  });
/** A 1-D mixture of two components. */
const mixture1 = fc
  .tuple(finite(0.1, 0.9), finite(-3, 0), finite(0, 3), finite(0.05, 1), finite(0.05, 1))
  .map(([w, m0, m1, v0, v1]) =>
    gaussianMixture({ weights: [w, 1 - w], means: [m0, m1], covs: [v0, v1] }),
  );
/** A symmetric positive-definite (d, d) matrix A Aᵀ + I/2. */
const spd = (d: number) =>
  array(d * d, -1, 1).map((a) => {
    const c = new Float64Array(d * d);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        for (let k = 0; k < d; k++) c[i * d + j] += a[i * d + k] * a[j * d + k];
      }
      c[i * d + i] += 0.5;
    }
    return c;
  });
/** The exact ε̂ of N(0, I) data, E[ε | x_t] = √(1 − ᾱ_t) x_t. */
const epsOfStandardNormal =
  (s: DdpmSchedule): EpsPredictor =>
  (t, x, out, n) => {
    for (let i = 0; i < n * (x.length / n); i++) out[i] = Math.sqrt(s.oneMinusAlphaBar[t]) * x[i];
  };
const seed = fc.integer({ min: 0, max: 1e6 });

export const probes: Probe[] = [
  {
    name: "ddpmSchedule",
    valid: fc
      .record({
        steps: fc.integer({ min: 1, max: 50 }),
        betaStart: finite(1e-5, 0.1),
        betaEnd: finite(1e-3, 0.5),
      })
      .map((o) => [o]),
    call: (o) => ddpmSchedule(o as never),
    params: [
      { arg: 0, path: ["steps"], name: "steps", bad: step.slice(0, -1) },
      { arg: 0, path: ["betaStart"], name: "betaStart", bad: positive.slice(0, -1) },
      { arg: 0, path: ["betaEnd"], name: "betaEnd", bad: positive.slice(0, -1) },
    ],
  },
  {
    name: "scheduleFromBetas",
    valid: fc.array(finite(1e-4, 0.5), { minLength: 1, maxLength: 10 }).map((b) => [b]),
    call: (b) => scheduleFromBetas(b as number[]),
    params: [
      { arg: 0, name: "betas", bad: ["empty", "non-finite-entry", "wrong-type", "missing"] },
    ],
  },
  {
    name: "gaussianKl",
    valid: fc
      .integer({ min: 2, max: 3 })
      .chain((d) => fc.tuple(array(d, -2, 2), spd(d), array(d, -2, 2), spd(d))),
    call: (m0, c0, m1, c1) =>
      gaussianKl(m0 as Float64Array, c0 as Float64Array, m1 as Float64Array, c1 as Float64Array),
    params: [
      { arg: 0, name: "mean0", bad: points },
      { arg: 1, name: "cov0", bad: [...points, "short"] },
      { arg: 2, name: "mean1", bad: [...points, "short"] },
      { arg: 3, name: "cov1", bad: [...points, "short"] },
    ],
  },
  {
    name: "normalKl",
    valid: fc.tuple(finite(-3, 3), finite(0.01, 3), finite(-3, 3), finite(0.01, 3)),
    call: (m0, v0, m1, v1) => normalKl(m0 as number, v0 as number, m1 as number, v1 as number),
    params: [
      { arg: 0, name: "mean0", bad: real },
      { arg: 1, name: "var0", bad: positive },
      { arg: 2, name: "mean1", bad: real },
      { arg: 3, name: "var1", bad: positive },
    ],
  },
  {
    name: "ddpmPosterior",
    valid: scheduleAndStep(1).map(([s, t]) => [s, t]),
    call: (s, t) => ddpmPosterior(s as DdpmSchedule, t as number),
    params: [
      { arg: 0, name: "schedule", bad: object },
      { arg: 1, name: "t", bad: step },
    ],
  },
  {
    name: "ddpmForward",
    valid: fc
      .tuple(seed, scheduleAndStep(1), fc.integer({ min: 1, max: 6 }))
      .chain(([r, [s, t], n]) => array(n, -3, 3).map((x0) => [createRng(r), s, x0, t])),
    call: (rng, s, x0, t) =>
      ddpmForward(rng as never, s as DdpmSchedule, x0 as Float64Array, t as number),
    params: [
      { arg: 0, name: "rng", bad: object },
      { arg: 1, name: "schedule", bad: object },
      { arg: 2, name: "x0", bad: points },
      { arg: 3, name: "t", bad: step },
    ],
  },
  {
    name: "convertPrediction",
    valid: fc
      .tuple(
        fc.constantFrom("x0", "eps", "score", "v"),
        fc.constantFrom("x0", "eps", "score", "v"),
        fc.integer({ min: 2, max: 6 }),
        finite(0.1, 2),
        finite(0.1, 2),
      )
      .chain(([from, to, n, a, s]) =>
        fc.tuple(array(n, -3, 3), array(n, -3, 3)).map(([p, x]) => [from, to, p, x, a, s]),
      ),
    call: (from, to, p, x, a, s) =>
      convertPrediction(
        from as never,
        to as never,
        p as Float64Array,
        x as Float64Array,
        a as number,
        s as number,
      ),
    params: [
      { arg: 0, name: "from", bad: object },
      { arg: 1, name: "to", bad: object },
      { arg: 2, name: "prediction", bad: points },
      { arg: 3, name: "xt", bad: [...points, "short"] },
      { arg: 4, name: "scale", bad: positive },
      { arg: 5, name: "std", bad: positive },
    ],
  },
  {
    name: "gaussianDataReverseModel",
    valid: fc
      .tuple(
        schedule,
        fc.record({
          dataMean: finite(-2, 2),
          dataVariance: finite(0.1, 3),
          reverseVariance: fc.constantFrom("beta", "betaTilde"),
          denoiserGain: finite(0, 2),
        }),
      )
      .map(([s, o]) => [s, o]),
    call: (s, o) => gaussianDataReverseModel(s as DdpmSchedule, o as never),
    params: [
      { arg: 0, name: "schedule", bad: object },
      { arg: 1, path: ["dataMean"], name: "dataMean", bad: real },
      { arg: 1, path: ["dataVariance"], name: "dataVariance", bad: positive },
      { arg: 1, path: ["reverseVariance"], name: "reverseVariance", bad: object },
      {
        arg: 1,
        path: ["denoiserGain"],
        name: "denoiserGain",
        bad: ["nan", "infinite", "wrong-type"],
      },
    ],
  },
  {
    name: "reverseModelMarginals",
    valid: scheduleAndModel.map(([, m]) => [m]),
    call: (m) => reverseModelMarginals(m as LinearReverseModel),
    params: [{ arg: 0, name: "model", bad: object }],
  },
  {
    name: "ddpmElboTerms",
    valid: fc.tuple(scheduleAndModel, finite(-3, 3)).map(([[s, m], x0]) => [s, m, x0]),
    call: (s, m, x0) => ddpmElboTerms(s as DdpmSchedule, m as LinearReverseModel, x0 as number),
    params: [
      { arg: 0, name: "schedule", bad: object },
      { arg: 1, name: "model", bad: object },
      { arg: 2, name: "x0", bad: real },
    ],
  },
  {
    name: "expectedDdpmElboTerms",
    valid: fc.tuple(scheduleAndModel, mixture1).map(([[s, m], data]) => [s, m, data]),
    call: (s, m, data) =>
      expectedDdpmElboTerms(s as DdpmSchedule, m as LinearReverseModel, data as never),
    params: [
      { arg: 0, name: "schedule", bad: object },
      { arg: 1, name: "model", bad: object },
      { arg: 2, name: "data", bad: object },
    ],
  },
  {
    name: "forwardPathLaw",
    valid: fc.tuple(schedule, finite(-3, 3)),
    call: (s, x0) => forwardPathLaw(s as DdpmSchedule, x0 as number),
    params: [
      { arg: 0, name: "schedule", bad: object },
      { arg: 1, name: "x0", bad: real },
    ],
  },
  {
    name: "reversePathPosterior",
    valid: fc.tuple(scheduleAndModel, finite(-3, 3)).map(([[, m], x0]) => [m, x0]),
    call: (m, x0) => reversePathPosterior(m as LinearReverseModel, x0 as number),
    params: [
      { arg: 0, name: "model", bad: object },
      { arg: 1, name: "x0", bad: real },
    ],
  },
  {
    name: "matchingWeights",
    valid: fc.tuple(scheduleAndStep(2), finite(1e-4, 1)).map(([[s, t], v]) => [s, t, v]),
    call: (s, t, v) => matchingWeights(s as DdpmSchedule, t as number, v as number),
    params: [
      { arg: 0, name: "schedule", bad: object },
      { arg: 1, name: "t", bad: step },
      { arg: 2, name: "variance", bad: positive },
    ],
  },
  {
    name: "mixtureEpsPredictor",
    valid: fc.tuple(schedule, mixture1),
    call: (s, data) => mixtureEpsPredictor(s as DdpmSchedule, data as never),
    params: [
      { arg: 0, name: "schedule", bad: object },
      { arg: 1, name: "data", bad: object },
    ],
  },
  {
    // the predictor it returns: errors name mixtureEpsPredictor
    name: "mixtureEpsPredictor",
    valid: fc
      .tuple(scheduleAndStep(1), mixture1, fc.integer({ min: 2, max: 5 }))
      .chain(([[s, t], data, n]) =>
        array(n, -3, 3).map((xt) => [mixtureEpsPredictor(s, data), t, xt, new Float64Array(n), n]),
      ),
    call: (p, t, xt, out, n) => {
      (p as EpsPredictor)(t as number, xt as Float64Array, out as Float64Array, n as number);
      return out;
    },
    params: [
      { arg: 1, name: "t", bad: step },
      { arg: 2, name: "xt", bad: [...points, "short"] },
      { arg: 3, name: "out", bad: ["empty", "short", "wrong-type", "missing"] },
      { arg: 4, name: "n", bad: step },
    ],
  },
  {
    name: "ddpmLoss",
    valid: fc
      .tuple(seed, schedule, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 5 }))
      .chain(([r, s, d, n]) =>
        array(n * d, -3, 3).map((x0) => [createRng(r), s, x0, d, epsOfStandardNormal(s)]),
      ),
    call: (rng, s, x0, d, p) =>
      ddpmLoss(rng as never, s as DdpmSchedule, x0 as Float64Array, d as number, p as EpsPredictor),
    params: [
      { arg: 0, name: "rng", bad: object },
      { arg: 1, name: "schedule", bad: object },
      { arg: 2, name: "x0", bad: points },
      { arg: 3, name: "dim", bad: step },
      { arg: 4, name: "predictor", bad: object },
    ],
  },
  {
    name: "epsLossFloor",
    valid: fc
      .tuple(seed, scheduleAndStep(1), mixture1, fc.integer({ min: 2, max: 50 }))
      .map(([r, [s, t], data, samples]) => [createRng(r), s, data, t, { samples }]),
    call: (rng, s, data, t, o) =>
      epsLossFloor(rng as never, s as DdpmSchedule, data as never, t as number, o as never),
    params: [
      { arg: 0, name: "rng", bad: object },
      { arg: 1, name: "schedule", bad: object },
      { arg: 2, name: "data", bad: object },
      { arg: 3, name: "t", bad: step },
      { arg: 4, path: ["samples"], name: "options.samples", bad: step.slice(0, -1) },
    ],
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {};
