/** Probes of src/guidance (see harness.ts). */
import fc from "fast-check";
import {
  classConditional,
  classifierFreeScore,
  classifierGradient,
  classifierGuidedScore,
  classifierLogProbability,
  tiltedLogDensity,
} from "../../src/guidance";
import { gaussianMixture, type GaussianMixture } from "../../src/mixture";
import { vpSde } from "../../src/processes";
import { exactMixtureScore, type ScoreFunction } from "../../src/score";
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

/** [mix, y, x (n, d), n, d] with a class y of mix and n ∈ [2, 5] finite points in [-10, 10]. */
const classArgs = fc
  .integer({ min: 1, max: 2 })
  .chain((d) =>
    fc
      .tuple(mixture(d), fc.integer({ min: 2, max: 5 }))
      .chain(([mix, n]) =>
        fc.tuple(
          fc.constant(mix),
          fc.integer({ min: 0, max: mix.components - 1 }),
          floats(n * d, -10, 10),
          fc.constant(n),
          fc.constant(d),
        ),
      ),
  );

const vp = [vpSde({ dim: 1 }), vpSde({ dim: 2 })];
const CLASS: BadKind[] = ["nan", "infinite", "negative", "non-integer", "wrong-type", "missing"];
const POINTS: BadKind[] = ["empty", "non-finite-entry", "wrong-type", "missing"];
const MIXTURE: BadKind[] = ["wrong-type", "missing"];
const gammaArb = fc.double({ min: 0, max: 5, noNaN: true });
const tArb = fc.double({ min: 0, max: 1, noNaN: true });

/** The bad kinds of score(t, x, out, n)'s arguments. */
const scoreParams = (first: number): Probe["params"] => [
  { arg: first, name: "t", bad: ["nan", "infinite", "negative", "wrong-type", "missing"] },
  {
    arg: first + 1,
    name: "x",
    bad: ["empty", "short", "non-finite-entry", "wrong-type", "missing"],
  },
  { arg: first + 2, name: "out", bad: ["empty", "short", "wrong-type", "missing"] },
  {
    arg: first + 3,
    name: "n",
    bad: ["zero", "negative", "non-integer", "nan", "wrong-type", "missing"],
  },
];

/** Calls s.score(t, x, out, n) and returns out. */
const scoreOf = (s: ScoreFunction, t: unknown, x: unknown, out: unknown, n: unknown) => {
  s.score(t as number, x as Float64Array, out as Float64Array, n as number);
  return out;
};

export const probes: Probe[] = [
  {
    name: "classConditional",
    valid: classArgs.map(([mix, y]) => [mix, y]),
    call: (mix, y) => classConditional(mix as GaussianMixture, y as number),
    params: [
      { arg: 0, name: "mix", bad: MIXTURE },
      { arg: 1, name: "y", bad: CLASS },
    ],
  },
  {
    name: "classifierLogProbability",
    valid: classArgs.map(([mix, y, x]) => [mix, y, x]),
    call: (mix, y, x) =>
      classifierLogProbability(mix as GaussianMixture, y as number, x as Float64Array),
    params: [
      { arg: 0, name: "mix", bad: MIXTURE },
      { arg: 1, name: "y", bad: CLASS },
      { arg: 2, name: "x", bad: POINTS },
    ],
  },
  {
    name: "classifierGradient",
    valid: classArgs.map(([mix, y, x]) => [mix, y, x]),
    call: (mix, y, x) => classifierGradient(mix as GaussianMixture, y as number, x as Float64Array),
    params: [
      { arg: 0, name: "mix", bad: MIXTURE },
      { arg: 1, name: "y", bad: CLASS },
      { arg: 2, name: "x", bad: POINTS },
    ],
  },
  {
    name: "tiltedLogDensity",
    valid: classArgs.chain(([mix, y, x]) =>
      fc.tuple(fc.constant(mix), fc.constant(y), gammaArb, fc.constant(x)),
    ),
    call: (mix, y, g, x) =>
      tiltedLogDensity(mix as GaussianMixture, y as number, g as number, x as Float64Array),
    params: [
      { arg: 0, name: "mix", bad: MIXTURE },
      { arg: 1, name: "y", bad: CLASS },
      { arg: 2, name: "gamma", bad: ["nan", "infinite", "negative", "wrong-type", "missing"] },
      { arg: 3, name: "x", bad: POINTS },
    ],
  },
  {
    name: "classifierGuidedScore",
    valid: classArgs.chain(([mix, y, , , d]) =>
      fc.tuple(fc.constant(mix), fc.constant(vp[d - 1]), fc.constant(y), gammaArb),
    ),
    call: (mix, p, y, g) =>
      classifierGuidedScore(mix as GaussianMixture, p as never, y as number, g as number),
    params: [
      { arg: 0, name: "data", bad: MIXTURE },
      { arg: 1, name: "process", bad: ["wrong-type", "missing"] },
      { arg: 2, name: "y", bad: CLASS },
      { arg: 3, name: "gamma", bad: ["nan", "infinite", "negative", "wrong-type", "missing"] },
    ],
  },
  {
    name: "classifierGuidedScore.score",
    // [score, t, x, out, n]
    valid: classArgs.chain(([mix, y, x, n, d]) =>
      fc.tuple(
        gammaArb.map((g) => classifierGuidedScore(mix, vp[d - 1], y, g)),
        tArb,
        fc.constant(x),
        fc.constant(new Float64Array(n * d)),
        fc.constant(n),
      ),
    ),
    call: (s, t, x, out, n) => scoreOf(s as ScoreFunction, t, x, out, n),
    params: scoreParams(1),
  },
  {
    name: "classifierFreeScore",
    valid: classArgs.chain(([mix, y, , , d]) =>
      fc.tuple(
        fc.constant(exactMixtureScore(classConditional(mix, y), vp[d - 1])),
        fc.constant(exactMixtureScore(mix, vp[d - 1])),
        fc.double({ min: -5, max: 5, noNaN: true }),
      ),
    ),
    call: (c, u, w) => classifierFreeScore(c as ScoreFunction, u as ScoreFunction, w as number),
    params: [
      { arg: 0, name: "conditional", bad: ["wrong-type", "missing"] },
      { arg: 1, name: "unconditional", bad: ["wrong-type", "missing"] },
      { arg: 2, name: "w", bad: ["nan", "infinite", "wrong-type", "missing"] },
    ],
  },
  {
    name: "classifierFreeScore.score",
    valid: classArgs.chain(([mix, y, x, n, d]) =>
      fc.tuple(
        fc
          .double({ min: -5, max: 5, noNaN: true })
          .map((w) =>
            classifierFreeScore(
              exactMixtureScore(classConditional(mix, y), vp[d - 1]),
              exactMixtureScore(mix, vp[d - 1]),
              w,
            ),
          ),
        tArb,
        fc.constant(x),
        fc.constant(new Float64Array(n * d)),
        fc.constant(n),
      ),
    ),
    call: (s, t, x, out, n) => scoreOf(s as ScoreFunction, t, x, out, n),
    // t may be negative here: the range of t is the wrapped scores' to judge
    params: scoreParams(1).map((p) =>
      p.name === "t" ? { ...p, bad: ["nan", "infinite", "wrong-type", "missing"] } : p,
    ),
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {};
