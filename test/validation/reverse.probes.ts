/** Probes of src/reverse (see harness.ts). */
import fc from "fast-check";
import { uniformGrid } from "../../src/brownian";
import { geometricBrownianMotion, ornsteinUhlenbeck } from "../../src/processes";
import {
  likelihoodFlow,
  hutchinsonFlow,
  logDensityByFlow,
  probabilityFlow,
  reverseSde,
  zeroNoise,
} from "../../src/reverse";
import { createRng, fillNormal } from "../../src/rng";
import type { ScoreFunction } from "../../src/score";
import type { Sde } from "../../src/sde";
import type { Probe } from "./harness";

const count = ["zero", "negative", "non-integer", "nan", "infinite", "wrong-type"] as const;

/**
 * OU dX = −X dt + √2 dW in d dimensions started from N(0, I): p_t = N(0, I) for every t, so the
 * exact score is −x and ∂_i s_i = −1.
 */
const stationary = (d: number): { sde: Sde; score: ScoreFunction } => ({
  sde: ornsteinUhlenbeck({ theta: 1, sigma: Math.SQRT2, dim: d }).sde,
  score: {
    dim: d,
    score(_t, x, out, n) {
      for (let i = 0; i < n * d; i++) out[i] = -x[i];
    },
    hessianDiagonal(_t, _x, out, n) {
      out.fill(-1, 0, n * d);
    },
  },
});

/** GBM dX = 0.1X dt + 0.3X dW with a lognormal score: multiplicative noise with ∂g/∂x. */
const gbm = (): { sde: Sde; score: ScoreFunction } => ({
  sde: geometricBrownianMotion({ mu: 0.1, sigma: 0.3 }).sde,
  score: {
    dim: 1,
    score(_t, x, out, n) {
      for (let i = 0; i < n; i++) out[i] = -(1 + Math.log(Math.abs(x[i]) + 1e-9)) / (x[i] || 1);
    },
  },
});

const builders = { reverseSde, probabilityFlow, likelihoodFlow } as const;

/** hutchinsonFlow on the stationary OU with n rows of probes, and its drift/diffusion. */
const hutchinsonProbes: Probe[] = [
  {
    name: "hutchinsonFlow",
    valid: fc
      .record({
        seed: fc.integer({ min: 0, max: 1e6 }),
        n: fc.integer({ min: 2, max: 4 }),
        d: fc.integer({ min: 1, max: 3 }),
      })
      .map(({ seed, n, d }) => {
        const { sde, score } = stationary(d);
        return [sde, score, fillNormal(createRng(seed), new Float64Array(n * d))];
      }),
    call: (sde, score, probes) =>
      hutchinsonFlow(sde as Sde, score as ScoreFunction, probes as Float64Array),
    params: [
      { arg: 0, name: "sde", bad: ["wrong-type", "missing"] },
      { arg: 1, name: "score", bad: ["wrong-type", "missing"] },
      { arg: 2, name: "probes", bad: ["empty", "non-finite-entry", "wrong-type", "missing"] },
    ],
  },
  ...(["drift", "diffusion"] as const).map((method): Probe => ({
    name: `hutchinsonFlow.${method}`,
    valid: fc
      .record({
        seed: fc.integer({ min: 0, max: 1e6 }),
        t: fc.double({ min: 0.05, max: 1, noNaN: true }),
        n: fc.integer({ min: 2, max: 4 }),
        d: fc.integer({ min: 1, max: 3 }),
      })
      .map(({ seed, t, n, d }) => {
        const rng = createRng(seed);
        const x = fillNormal(rng, new Float64Array(n * (d + 1)));
        const probes = fillNormal(rng, new Float64Array(n * d));
        return [d, probes, t, x, new Float64Array(n * (d + 1)), n];
      }),
    call: (d, probes, t, x, out, n) => {
      const { sde, score } = stationary(d as number);
      const built = hutchinsonFlow(sde, score, probes as Float64Array);
      built[method](t as number, x as Float64Array, out as Float64Array, n as number);
      return out;
    },
    params: [
      { arg: 2, name: "t", bad: ["nan", "infinite", "wrong-type", "missing"] },
      { arg: 3, name: "x", bad: ["short", "wrong-type", "missing"] },
      { arg: 4, name: "out", bad: ["short", "wrong-type", "missing"] },
      { arg: 5, name: "n", bad: [...count, "missing"] },
    ],
  })),
];

/** The constructor's own probe: sde, score, options. */
const constructorProbe = (name: keyof typeof builders): Probe => ({
  name,
  valid: fc.integer({ min: 1, max: 3 }).map((d) => {
    const { sde, score } = stationary(d);
    return [sde, score, {}];
  }),
  call: (sde, score, options) =>
    builders[name](sde as Sde, score as ScoreFunction, options as never),
  params: [
    { arg: 0, name: "sde", bad: ["wrong-type", "missing"] },
    { arg: 1, name: "score", bad: ["wrong-type", "missing"] },
    ...(name === "likelihoodFlow"
      ? [
          {
            arg: 2,
            path: ["driftDivergence"],
            name: "options.driftDivergence",
            bad: ["wrong-type" as const],
          },
        ]
      : []),
  ],
});

/** t, x (n, D), out (n, w), n for a coefficient method of the Sde a constructor returns. */
const methodProbe = (
  name: keyof typeof builders,
  method: "drift" | "diffusion" | "diffusionDerivative",
  make: (d: number) => { sde: Sde; score: ScoreFunction },
  dims: { maxD: number; state: (d: number) => number },
): Probe => ({
  name: `${name}.${method}`,
  valid: fc
    .record({
      seed: fc.integer({ min: 0, max: 1e6 }),
      t: fc.double({ min: 0.05, max: 1, noNaN: true }),
      n: fc.integer({ min: 2, max: 4 }),
      d: fc.integer({ min: 1, max: dims.maxD }),
    })
    .map(({ seed, t, n, d }) => {
      const D = dims.state(d);
      const x = fillNormal(createRng(seed), new Float64Array(n * D)).map((v) => 1 + 0.1 * v);
      return [d, t, x, new Float64Array(n * D), n];
    }),
  call: (d, t, x, out, n) => {
    const { sde, score } = make(d as number);
    const built = builders[name](sde, score) as Sde;
    const f = built[method] as Sde["drift"];
    f.call(built, t as number, x as Float64Array, out as Float64Array, n as number);
    return out;
  },
  params: [
    { arg: 1, name: "t", bad: ["nan", "infinite", "wrong-type", "missing"] },
    { arg: 2, name: "x", bad: ["short", "wrong-type", "missing"] },
    { arg: 3, name: "out", bad: ["short", "wrong-type", "missing"] },
    { arg: 4, name: "n", bad: [...count, "missing"] },
  ],
});

const same = { maxD: 3, state: (d: number) => d };

export const probes: Probe[] = [
  constructorProbe("reverseSde"),
  methodProbe("reverseSde", "drift", stationary, same),
  methodProbe("reverseSde", "diffusion", stationary, same),
  methodProbe("reverseSde", "diffusionDerivative", () => gbm(), { maxD: 1, state: () => 1 }),
  constructorProbe("probabilityFlow"),
  methodProbe("probabilityFlow", "drift", stationary, same),
  methodProbe("probabilityFlow", "diffusion", stationary, same),
  constructorProbe("likelihoodFlow"),
  methodProbe("likelihoodFlow", "drift", stationary, { maxD: 3, state: (d) => d + 1 }),
  methodProbe("likelihoodFlow", "diffusion", stationary, { maxD: 3, state: (d) => d + 1 }),
  {
    name: "logDensityByFlow",
    valid: fc
      .record({
        seed: fc.integer({ min: 0, max: 1e6 }),
        n: fc.integer({ min: 1, max: 4 }),
        d: fc.integer({ min: 1, max: 2 }),
        t: fc.double({ min: 0, max: 0.5, noNaN: true }),
        steps: fc.integer({ min: 1, max: 6 }),
      })
      .map(({ seed, n, d, t, steps }) => {
        const { sde, score } = stationary(d);
        // p_T = N(0, I): log p_T(x) = −|x|²/2 − (d/2) log 2π, row by row
        const logDensityAtT = (xT: Float64Array) =>
          Float64Array.from({ length: xT.length / d }, (_, r) => {
            let q = 0;
            for (let i = 0; i < d; i++) q += xT[r * d + i] ** 2;
            return -0.5 * q - 0.5 * d * Math.log(2 * Math.PI);
          });
        const x = fillNormal(createRng(seed), new Float64Array(n * d));
        return [sde, score, x, { t, T: 1, steps, logDensityAtT }];
      }),
    call: (sde, score, x, options) =>
      logDensityByFlow(sde as Sde, score as ScoreFunction, x as Float64Array, options as never),
    params: [
      { arg: 0, name: "sde", bad: ["wrong-type", "missing"] },
      { arg: 1, name: "score", bad: ["wrong-type", "missing"] },
      { arg: 2, name: "x", bad: ["empty", "non-finite-entry", "wrong-type", "missing"] },
      { arg: 3, path: ["t"], name: "options.t", bad: ["nan", "infinite", "wrong-type", "missing"] },
      { arg: 3, path: ["T"], name: "options.T", bad: ["nan", "infinite", "wrong-type", "missing"] },
      { arg: 3, path: ["steps"], name: "options.steps", bad: [...count, "missing"] },
      {
        arg: 3,
        path: ["logDensityAtT"],
        name: "options.logDensityAtT",
        bad: ["wrong-type", "missing"],
      },
      { arg: 3, path: ["solver"], name: "options.solver", bad: ["wrong-type"] },
      { arg: 3, path: ["driftDivergence"], name: "options.driftDivergence", bad: ["wrong-type"] },
    ],
  },
  {
    name: "logDensityByFlow",
    // Hutchinson's estimate: options.probes (n, d)
    valid: fc
      .record({
        seed: fc.integer({ min: 0, max: 1e6 }),
        n: fc.integer({ min: 2, max: 4 }),
        d: fc.integer({ min: 1, max: 2 }),
      })
      .map(({ seed, n, d }) => {
        const { sde, score } = stationary(d);
        const logDensityAtT = (xT: Float64Array) => new Float64Array(xT.length / d);
        const rng = createRng(seed);
        const x = fillNormal(rng, new Float64Array(n * d));
        const probes = fillNormal(rng, new Float64Array(n * d));
        return [sde, score, x, { t: 0, T: 1, steps: 2, logDensityAtT, probes }];
      }),
    call: (sde, score, x, options) =>
      logDensityByFlow(sde as Sde, score as ScoreFunction, x as Float64Array, options as never),
    params: [
      {
        arg: 3,
        path: ["probes"],
        name: "options.probes",
        bad: ["short", "non-finite-entry", "wrong-type"],
      },
    ],
  },
  ...hutchinsonProbes,
  {
    name: "zeroNoise",
    valid: fc
      .tuple(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 3 }),
      )
      .map(([K, paths, dim]) => [uniformGrid(1, 0, K), paths, dim]),
    call: (grid, paths, dim) => zeroNoise(grid as never, paths as number, dim as number),
    params: [
      { arg: 0, name: "grid", bad: ["wrong-type", "missing"] },
      { arg: 1, name: "paths", bad: [...count, "missing"] },
      { arg: 2, name: "dim", bad: [...count, "missing"] },
    ],
  },
  {
    name: "zeroNoise.increments",
    valid: fc
      .record({
        K: fc.integer({ min: 1, max: 20 }),
        paths: fc.integer({ min: 2, max: 4 }),
        dim: fc.integer({ min: 1, max: 2 }),
        u: fc.double({ min: 0, max: 0.999, noNaN: true }),
      })
      .map(({ K, paths, dim, u }) => [
        zeroNoise(uniformGrid(0, 1, K), paths, dim),
        Math.floor(u * K),
        new Float64Array(paths * dim).fill(1),
        new Float64Array(paths * dim).fill(1),
      ]),
    call: (source, k, dW, dZ) => {
      (source as ReturnType<typeof zeroNoise>).increments(k as number, dW as never, dZ as never);
      return [dW, dZ];
    },
    params: [
      {
        arg: 1,
        name: "k",
        bad: ["negative", "non-integer", "nan", "infinite", "wrong-type", "missing"],
      },
      { arg: 2, name: "dW", bad: ["short", "wrong-type", "missing"] },
      { arg: 3, name: "dZ", bad: ["short", "missing"] },
    ],
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {};
