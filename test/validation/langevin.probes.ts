/** Probes of src/langevin (see harness.ts). */
import fc from "fast-check";
import { normalStream } from "../../src/brownian";
import {
  energyTarget,
  metropolisAdjustedLangevin,
  mixtureTarget,
  ulaStationaryVariance,
  unadjustedLangevin,
  type EnergySpec,
} from "../../src/langevin";
import { gaussianMixture } from "../../src/mixture";
import { createRng, fillNormal } from "../../src/rng";
import type { Probe } from "./harness";

const count = ["zero", "negative", "non-integer", "nan", "infinite", "wrong-type"] as const;
const positive = ["zero", "negative", "nan", "infinite", "wrong-type"] as const;

/** π = N(0, v I) in d dimensions as a mixture target. */
const gauss = (d: number, v: number) =>
  mixtureTarget(
    gaussianMixture({
      weights: [1],
      means: new Array(d).fill(0),
      covs: Array.from({ length: d * d }, (_, k) => (k % (d + 1) === 0 ? v : 0)),
    }),
  );

/** U(x) = |x|²/2 + |x|⁴/4 at one point: a non-Gaussian energy, finite everywhere. */
const quartic = (d: number): EnergySpec => ({
  dim: d,
  energy: (x) => {
    const r2 = x.reduce((a, v) => a + v * v, 0);
    return 0.5 * r2 + 0.25 * r2 * r2;
  },
  gradient: (x, g) => {
    const r2 = x.reduce((a, v) => a + v * v, 0);
    for (let i = 0; i < x.length; i++) g[i] = x[i] * (1 + r2);
  },
});

/** seed, target N(0, v I) in d dims, x0 (n, d) of normals, options. */
const chainArgs = fc
  .record({
    seed: fc.integer({ min: 0, max: 1e6 }),
    n: fc.integer({ min: 1, max: 4 }),
    d: fc.integer({ min: 1, max: 2 }),
    v: fc.double({ min: 0.5, max: 4, noNaN: true }),
    frac: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
    steps: fc.integer({ min: 1, max: 8 }),
    saveEvery: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ seed, n, d, v, frac, steps, saveEvery }) => ({
    rng: createRng(seed),
    target: gauss(d, v),
    x0: fillNormal(createRng(seed + 1), new Float64Array(n * d)),
    // a stable step: h < 2v for ULA on N(0, v)
    options: { step: frac * 2 * v, steps, saveEvery },
  }));

const chainParams = (source: string): Probe["params"] => [
  { arg: 0, name: source, bad: ["wrong-type", "missing"] },
  { arg: 1, name: "target", bad: ["wrong-type", "missing"] },
  { arg: 2, name: "x0", bad: ["empty", "non-finite-entry", "wrong-type", "missing"] },
  { arg: 3, path: ["step"], name: "options.step", bad: [...positive, "missing"] },
  { arg: 3, path: ["steps"], name: "options.steps", bad: [...count, "missing"] },
  { arg: 3, path: ["saveEvery"], name: "options.saveEvery", bad: [...count] },
];

/** x (n, d), out (n, w), n for a target's evaluation methods. */
const evaluation = (w: (d: number) => number) =>
  fc
    .record({
      seed: fc.integer({ min: 0, max: 1e6 }),
      n: fc.integer({ min: 2, max: 4 }),
      d: fc.integer({ min: 1, max: 2 }),
    })
    .map(({ seed, n, d }) => [
      d,
      fillNormal(createRng(seed), new Float64Array(n * d)),
      new Float64Array(n * w(d)),
      n,
    ]);

const evaluationParams: Probe["params"] = [
  { arg: 1, name: "x", bad: ["short", "wrong-type", "missing"] },
  { arg: 2, name: "out", bad: ["short", "wrong-type", "missing"] },
  { arg: 3, name: "n", bad: [...count, "missing"] },
];

/** Calls a target's method and returns what it wrote. */
const evaluate =
  (make: (d: number) => ReturnType<typeof gauss>, method: "logDensity" | "score") =>
  (d: unknown, x: unknown, out: unknown, n: unknown) => {
    make(d as number)[method](x as Float64Array, out as Float64Array, n as number);
    return out;
  };

export const probes: Probe[] = [
  {
    name: "unadjustedLangevin",
    valid: chainArgs.map(({ rng, target, x0, options }) => [
      normalStream(rng),
      target,
      x0,
      options,
    ]),
    call: (noise, target, x0, options) =>
      unadjustedLangevin(noise as never, target as never, x0 as Float64Array, options as never),
    params: chainParams("noise"),
  },
  {
    name: "metropolisAdjustedLangevin",
    valid: chainArgs.map(({ rng, target, x0, options }) => [rng, target, x0, options]),
    call: (rng, target, x0, options) =>
      metropolisAdjustedLangevin(
        rng as never,
        target as never,
        x0 as Float64Array,
        options as never,
      ),
    params: chainParams("rng"),
  },
  {
    name: "ulaStationaryVariance",
    valid: fc
      .tuple(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      )
      .map(([v, frac]) => [v, frac * 2 * v]),
    call: (variance, step) => ulaStationaryVariance(variance as number, step as number),
    params: [
      { arg: 0, name: "variance", bad: [...positive, "missing"] },
      { arg: 1, name: "step", bad: [...positive, "missing"] },
    ],
  },
  {
    name: "energyTarget",
    valid: fc.integer({ min: 1, max: 3 }).map((d) => [quartic(d)]),
    call: (spec) => energyTarget(spec as EnergySpec),
    params: [
      { arg: 0, name: "spec", bad: ["wrong-type", "missing"] },
      { arg: 0, path: ["energy"], name: "spec.energy", bad: ["wrong-type", "missing"] },
      { arg: 0, path: ["gradient"], name: "spec.gradient", bad: ["wrong-type", "missing"] },
      { arg: 0, path: ["dim"], name: "spec.dim", bad: [...count] },
    ],
  },
  {
    name: "energyTarget.logDensity",
    valid: evaluation(() => 1),
    call: evaluate((d) => energyTarget(quartic(d)), "logDensity"),
    params: evaluationParams,
  },
  {
    name: "energyTarget.score",
    valid: evaluation((d) => d),
    call: evaluate((d) => energyTarget(quartic(d)), "score"),
    params: evaluationParams,
  },
  {
    name: "mixtureTarget",
    valid: fc.integer({ min: 1, max: 3 }).map((d) => [
      gaussianMixture({
        weights: [0.3, 0.7],
        means: Array.from({ length: 2 * d }, (_, k) => (k < d ? -1 : 1)),
        covs: Array.from({ length: 2 * d * d }, (_, k) =>
          (k % (d * d)) % (d + 1) === 0 ? 0.5 : 0,
        ),
      }),
    ]),
    call: (mix) => mixtureTarget(mix as never),
    params: [{ arg: 0, name: "mix", bad: ["wrong-type", "missing"] }],
  },
  {
    name: "mixtureTarget.logDensity",
    valid: evaluation(() => 1),
    call: evaluate((d) => gauss(d, 2), "logDensity"),
    params: evaluationParams,
  },
  {
    name: "mixtureTarget.score",
    valid: evaluation((d) => d),
    call: evaluate((d) => gauss(d, 2), "score"),
    params: evaluationParams,
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {};
