/** Probes of src/bridges (see harness.ts). */
import fc from "fast-check";
import {
  brownianBridgeMarginal,
  brownianBridgeSde,
  cldMarginal,
  cldVelocityScore,
  schrodingerFollmer,
} from "../../src/bridges";
import { gaussianMixture, type GaussianMixture } from "../../src/mixture";
import { criticallyDampedLangevin, type CldProcess } from "../../src/processes";
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

const cld: CldProcess[] = [
  criticallyDampedLangevin({ dim: 1 }),
  criticallyDampedLangevin({ dim: 2 }),
];
const FINITE: BadKind[] = ["nan", "infinite", "wrong-type", "missing"];
const POSITIVE: BadKind[] = ["nan", "infinite", "negative", "zero", "wrong-type", "missing"];
const TIME: BadKind[] = ["nan", "infinite", "negative", "wrong-type", "missing"];
const MIXTURE: BadKind[] = ["wrong-type", "missing"];

/** The bad kinds of f(t, x, out, n) (a drift, a diffusion, a score), t at argument `first`. */
const rowParams = (first: number, xName = "x"): Probe["params"] => [
  { arg: first, name: "t", bad: TIME },
  {
    arg: first + 1,
    name: xName,
    bad: ["empty", "short", "non-finite-entry", "wrong-type", "missing"],
  },
  { arg: first + 2, name: "out", bad: ["empty", "short", "wrong-type", "missing"] },
  {
    arg: first + 3,
    name: "n",
    bad: ["zero", "negative", "non-integer", "nan", "wrong-type", "missing"],
  },
];

type RowMethod = (t: number, x: Float64Array, out: Float64Array, n: number) => void;
/** Calls f(t, x, out, n) and returns out. */
const rows = (f: RowMethod, t: unknown, x: unknown, out: unknown, n: unknown): unknown => {
  f(t as number, x as Float64Array, out as Float64Array, n as number);
  return out;
};

/** [T, end (m ≥ 2), sigma]: a bridge to m end points. */
const bridgeArgs = fc.tuple(
  fc.double({ min: 0.1, max: 10, noNaN: true }),
  fc.integer({ min: 2, max: 6 }).chain((m) => floats(m, -10, 10)),
  fc.double({ min: 0.1, max: 5, noNaN: true }),
);

/** [sde, t, x, out, n] for a bridge's drift (t < T) or diffusion (t ≤ T). */
const bridgeCall = (upTo: number) =>
  bridgeArgs.chain(([T, end, sigma]) =>
    fc.tuple(
      fc.constant(brownianBridgeSde(end, T, sigma)),
      fc.double({ min: 0, max: upTo * T, noNaN: true }),
      floats(end.length, -10, 10),
      fc.constant(new Float64Array(end.length)),
      fc.constant(end.length),
    ),
  );

/** [target, t, x (n, d), out, n] for the Schrödinger–Föllmer process. */
const sfCall = fc
  .integer({ min: 1, max: 2 })
  .chain((d) =>
    fc
      .tuple(mixture(d), fc.integer({ min: 2, max: 5 }))
      .chain(([target, n]) =>
        fc.tuple(
          fc.constant(schrodingerFollmer(target)),
          fc.double({ min: 0, max: 1, noNaN: true }),
          floats(n * d, -10, 10),
          fc.constant(new Float64Array(n * d)),
          fc.constant(n),
        ),
      ),
  );

/** [data, cld, t, u (n, 2d), n] for CLD. */
const cldArgs = fc
  .integer({ min: 1, max: 2 })
  .chain((d) =>
    fc
      .tuple(mixture(d), fc.integer({ min: 2, max: 5 }))
      .chain(([data, n]) =>
        fc.tuple(
          fc.constant(data),
          fc.constant(cld[d - 1]),
          fc.double({ min: 0, max: 1, noNaN: true }),
          floats(2 * n * d, -10, 10),
          fc.constant(n),
        ),
      ),
  );

export const probes: Probe[] = [
  {
    name: "brownianBridgeSde",
    valid: bridgeArgs.map(([T, end, sigma]) => [end, T, sigma]),
    call: (end, T, sigma) => brownianBridgeSde(end as Float64Array, T as number, sigma as number),
    params: [
      { arg: 0, name: "end", bad: ["empty", "non-finite-entry", "wrong-type", "missing"] },
      { arg: 1, name: "T", bad: POSITIVE },
      // missing sigma is the default 1
      { arg: 2, name: "sigma", bad: ["nan", "infinite", "negative", "zero", "wrong-type"] },
    ],
  },
  {
    name: "brownianBridgeSde.drift",
    valid: bridgeCall(0.99),
    call: (s, t, x, out, n) => rows((s as Sde).drift, t, x, out, n),
    params: rowParams(1),
  },
  {
    name: "brownianBridgeSde.diffusion",
    valid: bridgeCall(1),
    call: (s, t, x, out, n) => rows((s as Sde).diffusion, t, x, out, n),
    params: rowParams(1),
  },
  {
    name: "brownianBridgeMarginal",
    valid: bridgeArgs.chain(([T, end, sigma]) =>
      fc.tuple(
        fc.constant(end[0]),
        fc.constant(end[1]),
        fc.constant(T),
        fc.double({ min: 0, max: T, noNaN: true }),
        fc.constant(sigma),
      ),
    ),
    call: (a, b, T, t, s) =>
      brownianBridgeMarginal(a as number, b as number, T as number, t as number, s as number),
    params: [
      { arg: 0, name: "a", bad: FINITE },
      { arg: 1, name: "b", bad: FINITE },
      { arg: 2, name: "T", bad: POSITIVE },
      { arg: 3, name: "t", bad: TIME },
      { arg: 4, name: "sigma", bad: ["nan", "infinite", "negative", "zero", "wrong-type"] },
    ],
  },
  {
    name: "schrodingerFollmer",
    valid: fc.integer({ min: 1, max: 2 }).chain((d) => fc.tuple(mixture(d))),
    call: (target) => schrodingerFollmer(target as GaussianMixture),
    params: [{ arg: 0, name: "target", bad: MIXTURE }],
  },
  {
    name: "schrodingerFollmer.marginal",
    // t ≥ 1e-6: near 1e-308 the covariance t(1 − t) + t²Σ has no finite inverse (a RangeError)
    valid: sfCall.chain(([sf]) =>
      fc.tuple(fc.constant(sf), fc.double({ min: 1e-6, max: 1, noNaN: true })),
    ),
    call: (sf, t) => (sf as ReturnType<typeof schrodingerFollmer>).marginal(t as number),
    params: [
      { arg: 1, name: "t", bad: ["nan", "infinite", "negative", "zero", "wrong-type", "missing"] },
    ],
  },
  {
    name: "schrodingerFollmer.sde.drift",
    valid: sfCall,
    call: (sf, t, x, out, n) =>
      rows((sf as ReturnType<typeof schrodingerFollmer>).sde.drift, t, x, out, n),
    params: rowParams(1),
  },
  {
    name: "schrodingerFollmer.sde.diffusion",
    valid: sfCall,
    call: (sf, t, x, out, n) =>
      rows((sf as ReturnType<typeof schrodingerFollmer>).sde.diffusion, t, x, out, n),
    params: rowParams(1),
  },
  {
    name: "cldMarginal",
    valid: cldArgs.map(([data, c, t]) => [data, c, t]),
    call: (data, c, t) => cldMarginal(data as GaussianMixture, c as CldProcess, t as number),
    params: [
      { arg: 0, name: "data", bad: MIXTURE },
      { arg: 1, name: "cld", bad: ["wrong-type", "missing"] },
      { arg: 2, name: "t", bad: TIME },
    ],
  },
  {
    name: "cldVelocityScore",
    valid: cldArgs.map(([data, c]) => [data, c]),
    call: (data, c) => cldVelocityScore(data as GaussianMixture, c as CldProcess),
    params: [
      { arg: 0, name: "data", bad: MIXTURE },
      { arg: 1, name: "cld", bad: ["wrong-type", "missing"] },
    ],
  },
  {
    name: "cldVelocityScore.score",
    // [score, t, u, out, n]
    valid: cldArgs.map(([data, c, t, u, n]) => [
      cldVelocityScore(data, c),
      t,
      u,
      new Float64Array(u.length),
      n,
    ]),
    call: (s, t, u, out, n) => {
      const f = s as ScoreFunction;
      return rows((...a) => f.score(...a), t, u, out, n);
    },
    params: rowParams(1, "u"),
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {};
