/** Probes of src/flow (see harness.ts). */
import fc from "fast-check";
import {
  conditionalVelocity,
  convertFlowPrediction,
  exactMixtureVelocity,
  flowMatchingFloor,
  flowOde,
  interpolantPath,
  interpolantSde,
  linearPath,
  scoreToVelocity,
  straightness,
  velocityNet,
  velocityToScore,
  vePath,
  vpPath,
  type FlowPrediction,
  type MixtureVelocity,
  type ProbabilityPath,
  type VelocityFunction,
} from "../../src/flow";
import { gaussianMixture, type GaussianMixture } from "../../src/mixture";
import { createRng, type Rng } from "../../src/rng";
import type { ScoreFunction } from "../../src/score";
import type { Sde } from "../../src/sde";
import type { BadKind, Probe } from "./harness";

/** A Float64Array of `len` doubles in [min, max]. */
const floats = (len: number, min: number, max: number): fc.Arbitrary<Float64Array> =>
  fc
    .array(fc.double({ min, max, noNaN: true }), { minLength: len, maxLength: len })
    .map((a) => Float64Array.from(a));

/** A mixture with 1 ≤ K ≤ 3 components in dimension d, diagonal covariances in [0.1, 2]. */
const mixture = (d: number): fc.Arbitrary<GaussianMixture> =>
  fc.integer({ min: 1, max: 3 }).chain((K) =>
    fc.tuple(floats(K, 0.1, 1), floats(K * d, -3, 3), floats(K * d, 0.1, 2)).map(([w, mu, v]) => {
      const total = w.reduce((s, x) => s + x, 0);
      const covs = new Float64Array(K * d * d);
      for (let k = 0; k < K; k++)
        for (let i = 0; i < d; i++) covs[k * d * d + i * d + i] = v[k * d + i];
      return gaussianMixture({ weights: w.map((x) => x / total), means: mu, covs });
    }),
  );

/** One path of each kind (their methods share definePath; each is probed by name below). */
const PATHS: Record<string, () => ProbabilityPath> = {
  linearPath: () => linearPath({ sigmaMin: 0.01 }),
  vpPath: () => vpPath(),
  vePath: () => vePath(),
  interpolantPath: () => interpolantPath(linearPath(), { noise: 0.5 }),
};
const path = fc.constantFrom(...Object.values(PATHS).map((f) => f()));

const FINITE: BadKind[] = ["nan", "infinite", "wrong-type", "missing"];
const TIME: BadKind[] = ["nan", "infinite", "negative", "wrong-type", "missing"];
const ROWS: BadKind[] = ["empty", "short", "non-finite-entry", "wrong-type", "missing"];
const COUNT: BadKind[] = ["zero", "negative", "non-integer", "nan", "wrong-type", "missing"];
const INTERFACE: BadKind[] = ["wrong-type", "missing"];

/** The bad kinds of f(t, x, out, n), t at argument `first` (`finiteX`: x's entries checked). */
const rowParams = (first: number, time = TIME, finiteX = true): Probe["params"] => [
  { arg: first, name: "t", bad: time },
  {
    arg: first + 1,
    name: "x",
    bad: finiteX ? ROWS : ["empty", "short", "wrong-type", "missing"],
  },
  { arg: first + 2, name: "out", bad: ["empty", "short", "wrong-type", "missing"] },
  { arg: first + 3, name: "n", bad: COUNT },
];

type RowMethod = (t: number, x: Float64Array, out: Float64Array, n: number) => void;
/** Calls f(t, x, out, n) and returns out. */
const rows = (f: RowMethod, t: unknown, x: unknown, out: unknown, n: unknown): unknown => {
  f(t as number, x as Float64Array, out as Float64Array, n as number);
  return out;
};

/** [v, t, x (n, d), out, n]: the exact velocity of a mixture on the linear path, points near it. */
const exactCall = fc
  .tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 2, max: 5 }))
  .chain(([d, n]) =>
    fc.tuple(
      mixture(d).map((m) => exactMixtureVelocity(m, linearPath())),
      fc.double({ min: 0, max: 1, noNaN: true }),
      floats(n * d, -5, 5),
      fc.constant(new Float64Array(n * d)),
      fc.constant(n),
    ),
  );

/** [t (n) in [0.01, 1], x0 (n, d), eps (n, d), n, d]. */
const batchArgs = fc
  .tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 2, max: 5 }))
  .chain(([d, n]) =>
    fc.tuple(
      floats(n, 0.01, 1),
      floats(n * d, -5, 5),
      floats(n * d, -5, 5),
      fc.constant(n),
      fc.constant(d),
    ),
  );

/** A velocity net of dimension d with parameters in [-1, 1]. */
const net = (d: number) =>
  floats(1, 0, 1).map(() => {
    const v = velocityNet({ dim: d, hidden: [4] });
    v.net.init(createRng(1));
    return v;
  });

/** [v, t (n), x (n, d), n] for velocityNet's evaluate. */
const netCall = fc
  .tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 2, max: 5 }))
  .chain(([d, n]) => fc.tuple(net(d), floats(n, 0, 1), floats(n * d, -5, 5), fc.constant(n)));

const seed = fc.integer({ min: 0, max: 2 ** 31 }).map((s): Rng => createRng(s));
const KINDS: FlowPrediction[] = ["velocity", "x0", "eps", "score"];

/** [v, score, g, options] for interpolantSde on a mixture and the linear path. */
const interpolantArgs = fc
  .integer({ min: 1, max: 2 })
  .chain((d) => mixture(d))
  .map((m) => {
    const v = exactMixtureVelocity(m, linearPath());
    return [v, v, (t: number) => 0.5 * t, { direction: "forward" }];
  });
/** [sde, t, x (n, d), out, n] for interpolantSde's methods (t ∈ [0.01, 1]). */
const interpolantCall = (of: (v: MixtureVelocity) => Sde) =>
  fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 2, max: 5 })).chain(([d, n]) =>
    fc.tuple(
      mixture(d).map((m) => of(exactMixtureVelocity(m, linearPath()))),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      floats(n * d, -5, 5),
      fc.constant(new Float64Array(n * d)),
      fc.constant(n),
    ),
  );
const withSde = (v: MixtureVelocity) => interpolantSde(v, v, (t) => 0.5 * t);

/** [v, run { times, states }, n]: a straight run of n paths of dimension d over S times. */
const straightArgs = fc
  .tuple(
    fc.integer({ min: 1, max: 2 }),
    fc.integer({ min: 2, max: 4 }),
    fc.integer({ min: 3, max: 5 }),
  )
  .chain(([d, n, S]) =>
    fc.tuple(
      mixture(d).map((m) => exactMixtureVelocity(m, linearPath())),
      floats(S * n * d, -3, 3).map((states) => ({
        times: Float64Array.from({ length: S }, (_, j) => 1 - j / (S - 1)),
        states,
      })),
      fc.constant(n),
    ),
  );

const pathProbes: Probe[] = Object.entries(PATHS).flatMap(([name, make]) =>
  (["scale", "std", "scaleRate", "stdRate", "varianceRate"] as const).map((m): Probe => ({
    name: `${name}.${m}`,
    // t ≥ 1e-3: VP's and the interpolant's σ̇ are +∞ at t = 0 (doc comment)
    valid: fc.tuple(fc.constant(make()), fc.double({ min: 1e-3, max: 1, noNaN: true })),
    call: (p, t) => (p as ProbabilityPath)[m](t as number),
    params: [{ arg: 1, name: "t", bad: TIME }],
  })),
);

export const probes: Probe[] = [
  {
    name: "linearPath",
    valid: fc.tuple(fc.double({ min: 0, max: 0.99, noNaN: true }).map((s) => ({ sigmaMin: s }))),
    call: (o) => linearPath(o as { sigmaMin: number }),
    params: [
      {
        arg: 0,
        path: ["sigmaMin"],
        name: "options.sigmaMin",
        bad: ["nan", "infinite", "negative"],
      },
    ],
  },
  {
    name: "vpPath",
    valid: fc.tuple(
      fc
        .tuple(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 1, max: 30 }))
        .map(([betaMin, betaMax]) => ({ betaMin, betaMax })),
    ),
    call: (o) => vpPath(o as { betaMin: number }),
    params: [
      { arg: 0, path: ["betaMin"], name: "options.betaMin", bad: ["nan", "negative", "zero"] },
      { arg: 0, path: ["betaMax"], name: "options.betaMax", bad: ["infinite", "negative"] },
    ],
  },
  {
    name: "vePath",
    valid: fc.tuple(
      fc
        .tuple(fc.double({ min: 1e-3, max: 0.1, noNaN: true }), fc.double({ min: 1, max: 80 }))
        .map(([sigmaMin, sigmaMax]) => ({ sigmaMin, sigmaMax })),
    ),
    call: (o) => vePath(o as { sigmaMin: number }),
    params: [
      { arg: 0, path: ["sigmaMin"], name: "options.sigmaMin", bad: ["nan", "negative", "zero"] },
      { arg: 0, path: ["sigmaMax"], name: "options.sigmaMax", bad: ["nan", "negative", "zero"] },
    ],
  },
  {
    name: "interpolantPath",
    valid: fc.tuple(
      path,
      fc.double({ min: 0, max: 2, noNaN: true }).map((noise) => ({ noise })),
    ),
    call: (b, o) => interpolantPath(b as ProbabilityPath, o as { noise: number }),
    params: [
      { arg: 0, name: "base", bad: INTERFACE },
      { arg: 1, path: ["noise"], name: "options.noise", bad: ["nan", "infinite", "negative"] },
    ],
  },
  ...pathProbes,
  {
    name: "conditionalVelocity",
    valid: fc.tuple(path, batchArgs).map(([p, [t, x0, eps, n]]) => [p, t, x0, eps, n]),
    call: (p, t, x0, eps, n) =>
      conditionalVelocity(
        p as ProbabilityPath,
        t as Float64Array,
        x0 as Float64Array,
        eps as Float64Array,
        n as number,
      ),
    params: [
      { arg: 0, name: "path", bad: INTERFACE },
      { arg: 1, name: "t", bad: ROWS },
      { arg: 2, name: "x0", bad: ROWS },
      { arg: 3, name: "eps", bad: ROWS },
      { arg: 4, name: "n", bad: COUNT },
    ],
  },
  {
    name: "exactMixtureVelocity",
    valid: fc.tuple(
      fc.integer({ min: 1, max: 2 }).chain((d) => mixture(d)),
      path,
    ),
    call: (m, p) => exactMixtureVelocity(m as GaussianMixture, p as ProbabilityPath),
    params: [
      { arg: 0, name: "data", bad: INTERFACE },
      { arg: 1, name: "path", bad: INTERFACE },
    ],
  },
  {
    name: "exactMixtureVelocity.velocity",
    valid: exactCall,
    call: (v, t, x, out, n) => rows((v as MixtureVelocity).velocity, t, x, out, n),
    params: rowParams(1),
  },
  {
    name: "exactMixtureVelocity.score",
    // t < 1 on the linear path: σ > 0 is not needed, α ≠ 0 is not needed either; any t works
    valid: exactCall,
    call: (v, t, x, out, n) => rows((v as MixtureVelocity).score, t, x, out, n),
    params: rowParams(1),
  },
  {
    name: "exactMixtureVelocity.marginal",
    valid: exactCall.map(([v, t]) => [v, t]),
    call: (v, t) => (v as MixtureVelocity).marginal(t as number),
    params: [{ arg: 1, name: "t", bad: TIME }],
  },
  {
    name: "flowMatchingFloor",
    // [rng, data, path, t, options]; t ≥ 0.01: σ̇ is +∞ at 0 for VP and the interpolant
    valid: fc.tuple(
      seed,
      fc.integer({ min: 1, max: 2 }).chain((d) => mixture(d)),
      path,
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      fc.integer({ min: 2, max: 50 }).map((samples) => ({ samples })),
    ),
    call: (r, m, p, t, o) =>
      flowMatchingFloor(
        r as Rng,
        m as GaussianMixture,
        p as ProbabilityPath,
        t as number,
        o as { samples: number },
      ),
    params: [
      { arg: 0, name: "rng", bad: INTERFACE },
      { arg: 1, name: "data", bad: INTERFACE },
      { arg: 2, name: "path", bad: INTERFACE },
      { arg: 3, name: "t", bad: TIME },
      {
        arg: 4,
        path: ["samples"],
        name: "options.samples",
        bad: ["zero", "negative", "non-integer", "nan", "wrong-type"],
      },
    ],
  },
  {
    name: "convertFlowPrediction",
    // [from, to, prediction, xt, path, t]; t ∈ [0.01, 0.99]: every route is defined there
    valid: fc
      .tuple(
        fc.constantFrom(...KINDS),
        fc.constantFrom(...KINDS),
        fc.integer({ min: 2, max: 6 }),
        path,
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
      )
      .chain(([from, to, len, p, t]) =>
        fc.tuple(
          fc.constant(from),
          fc.constant(to),
          floats(len, -5, 5),
          floats(len, -5, 5),
          fc.constant(p),
          fc.constant(t),
        ),
      ),
    call: (from, to, pr, xt, p, t) =>
      convertFlowPrediction(
        from as FlowPrediction,
        to as FlowPrediction,
        pr as Float64Array,
        xt as Float64Array,
        p as ProbabilityPath,
        t as number,
      ),
    params: [
      { arg: 0, name: "from", bad: INTERFACE },
      { arg: 1, name: "to", bad: INTERFACE },
      { arg: 2, name: "prediction", bad: ROWS },
      { arg: 3, name: "xt", bad: ROWS },
      { arg: 4, name: "path", bad: INTERFACE },
      { arg: 5, name: "t", bad: TIME },
    ],
  },
  {
    name: "velocityToScore",
    valid: exactCall.map(([v]) => [v, linearPath()]),
    call: (v, p) => velocityToScore(v as VelocityFunction, p as ProbabilityPath),
    params: [
      { arg: 0, name: "velocity", bad: INTERFACE },
      { arg: 1, name: "path", bad: INTERFACE },
    ],
  },
  {
    name: "velocityToScore.score",
    // t ∈ [0.01, 1]: the linear path's score needs σ_t > 0
    valid: exactCall.chain(([v, , x, out, n]) =>
      fc.tuple(
        fc.constant(velocityToScore(v, linearPath())),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.constant(x),
        fc.constant(out),
        fc.constant(n),
      ),
    ),
    call: (s, t, x, out, n) => rows((s as ScoreFunction).score, t, x, out, n),
    params: rowParams(1),
  },
  {
    name: "scoreToVelocity",
    valid: exactCall.map(([v]) => [v, linearPath()]),
    call: (s, p) => scoreToVelocity(s as ScoreFunction, p as ProbabilityPath),
    params: [
      { arg: 0, name: "score", bad: INTERFACE },
      { arg: 1, name: "path", bad: INTERFACE },
    ],
  },
  {
    name: "scoreToVelocity.velocity",
    // t ∈ [0, 0.99]: the linear path's α_t = 1 − t must be ≠ 0
    valid: exactCall.chain(([v, , x, out, n]) =>
      fc.tuple(
        fc.constant(scoreToVelocity(v, linearPath())),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.constant(x),
        fc.constant(out),
        fc.constant(n),
      ),
    ),
    call: (s, t, x, out, n) => rows((s as VelocityFunction).velocity, t, x, out, n),
    params: rowParams(1),
  },
  {
    name: "flowOde",
    valid: exactCall.map(([v]) => [v]),
    call: (v) => flowOde(v as VelocityFunction),
    params: [{ arg: 0, name: "velocity", bad: INTERFACE }],
  },
  {
    name: "flowOde.drift",
    valid: exactCall.map(([v, t, x, out, n]) => [flowOde(v), t, x, out, n]),
    call: (s, t, x, out, n) => rows((s as Sde).drift, t, x, out, n),
    // t's range and x's entries are the velocity's to check (it names itself)
    params: rowParams(1, FINITE, false),
  },
  {
    name: "flowOde.diffusion",
    valid: exactCall.map(([v, t, x, out, n]) => [flowOde(v), t, x, out, n]),
    call: (s, t, x, out, n) => rows((s as Sde).diffusion, t, x, out, n),
    params: rowParams(1, FINITE, false),
  },
  {
    name: "interpolantSde",
    valid: interpolantArgs,
    call: (v, s, g, o) =>
      interpolantSde(
        v as VelocityFunction,
        s as ScoreFunction,
        g as (t: number) => number,
        o as { direction: "forward" },
      ),
    params: [
      { arg: 0, name: "velocity", bad: INTERFACE },
      { arg: 1, name: "score", bad: INTERFACE },
      { arg: 2, name: "diffusion", bad: INTERFACE },
      { arg: 3, path: ["direction"], name: "options.direction", bad: ["wrong-type"] },
    ],
  },
  {
    name: "interpolantSde.drift",
    valid: interpolantCall(withSde),
    call: (s, t, x, out, n) => rows((s as Sde).drift, t, x, out, n),
    params: rowParams(1, FINITE, false),
  },
  {
    name: "interpolantSde.diffusion",
    valid: interpolantCall(withSde),
    call: (s, t, x, out, n) => rows((s as Sde).diffusion, t, x, out, n),
    params: rowParams(1, FINITE, false),
  },
  {
    name: "velocityNet",
    valid: fc.tuple(
      fc
        .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }))
        .map(([dim, w]) => ({ dim, hidden: [w], embedding: 2 })),
    ),
    call: (o) => velocityNet(o as { dim: number; hidden: number[] }),
    params: [
      { arg: 0, name: "options", bad: INTERFACE },
      { arg: 0, path: ["dim"], name: "options.dim", bad: COUNT },
      { arg: 0, path: ["hidden"], name: "options.hidden", bad: INTERFACE },
      {
        arg: 0,
        path: ["embedding"],
        name: "options.embedding",
        bad: ["negative", "non-integer", "nan", "wrong-type"],
      },
    ],
  },
  {
    name: "velocityNet.evaluate",
    valid: netCall,
    call: (v, t, x, n) =>
      (v as ReturnType<typeof velocityNet>).evaluate(
        t as Float64Array,
        x as Float64Array,
        n as number,
      ),
    params: [
      { arg: 1, name: "t", bad: ["empty", "short", "wrong-type", "missing"] },
      { arg: 2, name: "x", bad: ["empty", "short", "wrong-type", "missing"] },
      { arg: 3, name: "n", bad: COUNT },
    ],
  },
  {
    name: "velocityNet.backward",
    // [v, g (n, d), n] after an evaluate of n rows
    valid: netCall.map(([v, t, x, n]) => {
      v.evaluate(t, x, n);
      return [v, new Float64Array(x.length).fill(0.5), n];
    }),
    call: (v, g, n) => {
      const m = v as ReturnType<typeof velocityNet>;
      m.backward(g as Float64Array, n as number);
      return m.grad;
    },
    params: [
      { arg: 1, name: "gVelocity", bad: ["empty", "short", "wrong-type", "missing"] },
      { arg: 2, name: "n", bad: COUNT },
    ],
  },
  {
    name: "velocityNet.velocity",
    valid: netCall.map(([v, t, x, n]) => [v, t[0], x, new Float64Array(x.length), n]),
    call: (v, t, x, out, n) => rows((v as ReturnType<typeof velocityNet>).velocity, t, x, out, n),
    params: rowParams(1, FINITE),
  },
  {
    name: "straightness",
    valid: straightArgs,
    call: (v, run, n) =>
      straightness(
        v as VelocityFunction,
        run as { times: Float64Array; states: Float64Array },
        n as number,
      ),
    params: [
      { arg: 0, name: "velocity", bad: INTERFACE },
      { arg: 1, name: "run", bad: INTERFACE },
      {
        arg: 1,
        path: ["times"],
        name: "run.times",
        bad: ["empty", "non-finite-entry", "wrong-type", "missing"],
      },
      { arg: 1, path: ["states"], name: "run.states", bad: ROWS },
      { arg: 2, name: "n", bad: COUNT },
    ],
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {
  "velocityNet.zeroGrad": "takes no arguments: it zeroes the accumulated gradient",
};
