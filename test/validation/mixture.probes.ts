/** Probes of src/mixture (see harness.ts). */
import fc from "fast-check";
import { createRng } from "../../src/rng";
import { ornsteinUhlenbeck, vpSde } from "../../src/processes";
import {
  circleNodes,
  circleScore,
  pointSetScore,
  type CircleScore,
  type PointSetScore,
  gaussianMixture,
  MixtureKernels,
  mixtureAtTime,
  mixtureCdf,
  mixtureHessianDiagonal,
  mixtureLogDensity,
  mixtureQuantile,
  mixtureScore,
  pushForward,
  sampleMixture,
  type GaussianMixture,
  type GaussianMixtureSpec,
} from "../../src/mixture";
import type { BadKind, Probe } from "./harness";

const finite = (a: number) => fc.double({ min: -a, max: a, noNaN: true });
const rng = fc.integer({ min: 0, max: 2 ** 31 }).map((seed) => createRng(seed));

/** A mixture spec with K in [minK, 3] components in d in [1, maxD] dimensions: Σ = AAᵀ + I/2. */
export const mixtureSpec = (minK = 1, maxD = 3, fixedD?: number) =>
  fc
    .tuple(fc.integer({ min: minK, max: 3 }), fc.integer({ min: 1, max: maxD }))
    .chain(([K, d0]) => {
      const d = fixedD ?? d0;
      return fc.record({
        weights: fc
          .array(fc.double({ min: 0.1, max: 1, noNaN: true }), { minLength: K, maxLength: K })
          .map((w) => w.map((v) => v / w.reduce((a, b) => a + b))),
        means: fc.array(finite(5), { minLength: K * d, maxLength: K * d }),
        covs: fc.array(finite(1), { minLength: K * d * d, maxLength: K * d * d }).map((a) => {
          const covs: number[] = [];
          for (let k = 0; k < K; k++) {
            for (let i = 0; i < d; i++) {
              for (let j = 0; j < d; j++) {
                let s = i === j ? 0.5 : 0;
                for (let l = 0; l < d; l++)
                  s += a[k * d * d + i * d + l] * a[k * d * d + j * d + l];
                covs.push(s);
              }
            }
          }
          return covs;
        }),
      });
    });
export const mixture = (maxD = 3, fixedD?: number) =>
  mixtureSpec(1, maxD, fixedD).map((spec) => gaussianMixture(spec));
/** Finite (n, d) points near the mixture, n in [minN, 5]. */
export const points = (mix: GaussianMixture, minN = 1) =>
  fc
    .integer({ min: minN, max: 5 })
    .chain((n) => fc.array(finite(8), { minLength: n * mix.dim, maxLength: n * mix.dim }))
    .map((a) => Float64Array.from(a));
/** (kernels or a score, x (n, d), out (n·width), n) for a batch evaluation, n ≥ 2. */
export const batch = <T>(make: (mix: GaussianMixture) => T, width: "d" | "1") =>
  mixture().chain((mix) =>
    points(mix, 2).map((x) => {
      const n = x.length / mix.dim;
      return [make(mix), x, new Float64Array(width === "d" ? n * mix.dim : n), n];
    }),
  );
export const linearProcess = (d: number) =>
  fc.constantFrom(vpSde({ dim: d }), ornsteinUhlenbeck({ dim: d, T: 2 }));

const FINITE: BadKind[] = ["nan", "infinite", "wrong-type", "missing"];
const OBJECT: BadKind[] = ["wrong-type", "missing"];
const POINTS: BadKind[] = ["empty", "non-finite-entry", "wrong-type", "missing"];
const COUNT: BadKind[] = ["zero", "negative", "non-integer", "nan", "wrong-type", "missing"];
/** The parameters of a batch evaluation (x, out, n) after its receiver. */
export const BATCH: Probe["params"] = [
  { arg: 1, name: "x", bad: [...POINTS, "short"] },
  { arg: 2, name: "out", bad: ["empty", "short", "wrong-type", "missing"] },
  { arg: 3, name: "n", bad: COUNT },
];

export const probes: Probe[] = [
  {
    name: "gaussianMixture",
    valid: fc.tuple(mixtureSpec(2)),
    call: (spec) => gaussianMixture(spec as GaussianMixtureSpec),
    params: [
      { arg: 0, name: "spec", bad: OBJECT },
      { arg: 0, path: ["weights"], name: "spec.weights", bad: [...POINTS, "short"] },
      { arg: 0, path: ["means"], name: "spec.means", bad: POINTS },
      { arg: 0, path: ["covs"], name: "spec.covs", bad: [...POINTS, "short"] },
    ],
  },
  ...(
    [
      ["mixtureLogDensity", mixtureLogDensity],
      ["mixtureScore", mixtureScore],
      ["mixtureHessianDiagonal", mixtureHessianDiagonal],
    ] as const
  ).map(([name, f]): Probe => ({
    name,
    valid: mixture().chain((mix) => fc.tuple(fc.constant(mix), points(mix))),
    call: (mix, x) => f(mix as GaussianMixture, x as Float64Array),
    params: [
      { arg: 0, name: "mix", bad: OBJECT },
      { arg: 1, name: "x", bad: POINTS },
    ],
  })),
  {
    name: "MixtureKernels",
    valid: fc.tuple(mixture()),
    call: (mix) => new MixtureKernels(mix as GaussianMixture),
    params: [{ arg: 0, name: "mix", bad: OBJECT }],
  },
  {
    name: "MixtureKernels.logDensity",
    valid: batch((mix) => new MixtureKernels(mix), "1"),
    call: (k, x, out, n) =>
      (k as MixtureKernels).logDensity(x as Float64Array, out as Float64Array, n as number),
    params: BATCH,
  },
  {
    name: "MixtureKernels.score",
    valid: batch((mix) => new MixtureKernels(mix), "d"),
    call: (k, x, out, n) =>
      (k as MixtureKernels).score(x as Float64Array, out as Float64Array, n as number),
    params: BATCH,
  },
  {
    name: "MixtureKernels.hessianDiagonal",
    valid: batch((mix) => new MixtureKernels(mix), "d"),
    call: (k, x, out, n) =>
      (k as MixtureKernels).hessianDiagonal(x as Float64Array, out as Float64Array, n as number),
    params: BATCH,
  },
  {
    name: "sampleMixture",
    valid: fc
      .tuple(rng, mixture(), fc.integer({ min: 2, max: 20 }))
      .map(([r, mix, n]) => [r, mix, n, { labels: new Int32Array(n) }]),
    call: (r, mix, n, options) =>
      sampleMixture(r as never, mix as GaussianMixture, n as number, options as object),
    params: [
      { arg: 0, name: "rng", bad: OBJECT },
      { arg: 1, name: "mix", bad: OBJECT },
      { arg: 2, name: "n", bad: COUNT },
      { arg: 3, path: ["labels"], name: "options.labels", bad: ["short", "wrong-type"] },
    ],
  },
  {
    name: "pushForward",
    valid: fc.tuple(mixture(), finite(3), fc.double({ min: 0.01, max: 3, noNaN: true })),
    call: (mix, scale, std) => pushForward(mix as GaussianMixture, scale as number, std as number),
    params: [
      { arg: 0, name: "mix", bad: OBJECT },
      { arg: 1, name: "scale", bad: FINITE },
      { arg: 2, name: "std", bad: ["negative", ...FINITE] },
    ],
  },
  {
    name: "mixtureAtTime",
    valid: mixture().chain((mix) =>
      fc.tuple(
        fc.constant(mix),
        linearProcess(mix.dim),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
    ),
    call: (mix, process, t) => mixtureAtTime(mix as GaussianMixture, process as never, t as number),
    params: [
      { arg: 0, name: "mix", bad: OBJECT },
      { arg: 1, name: "process", bad: OBJECT },
      { arg: 2, name: "t", bad: ["negative", ...FINITE] },
    ],
  },
  {
    name: "mixtureCdf",
    valid: fc.tuple(mixture(1, 1), finite(20)),
    call: (mix, x) => mixtureCdf(mix as GaussianMixture, x as number),
    params: [
      { arg: 0, name: "mix", bad: OBJECT },
      { arg: 1, name: "x", bad: FINITE },
    ],
  },
  {
    name: "mixtureQuantile",
    valid: fc.tuple(mixture(1, 1), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true })),
    call: (mix, u) => mixtureQuantile(mix as GaussianMixture, u as number),
    params: [
      { arg: 0, name: "mix", bad: OBJECT },
      { arg: 1, name: "u", bad: ["zero", "negative", ...FINITE] },
    ],
  },
];

/** A point set (m ≤ 4 points in d ≤ 3 dimensions) and a VP or OU process of its dimension. */
const pointSet = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
  .chain(([m, d]) =>
    fc.tuple(
      fc.array(finite(3), { minLength: m * d, maxLength: m * d }).map((a) => Float64Array.from(a)),
      fc.constant(d),
      linearProcess(d),
    ),
  );
/** A time with σ_t > 0 (the manifold laws have no density at σ = 0). */
const positiveTime = fc.double({ min: 0.05, max: 1, noNaN: true });
/** (score, t, x (n, d), out (n·width), n), n ≥ 2. */
const manifoldCall = <S extends { dim: number }>(scores: fc.Arbitrary<S>, width: "d" | "1") =>
  scores.chain((sc) =>
    fc
      .tuple(
        fc.constant(sc),
        positiveTime,
        fc
          .integer({ min: 2, max: 5 })
          .chain((n) =>
            fc
              .array(finite(4), { minLength: n * sc.dim, maxLength: n * sc.dim })
              .map((a) => Float64Array.from(a)),
          ),
      )
      .map(([s, t, x]) => {
        const n = x.length / s.dim;
        return [s, t, x, new Float64Array(width === "d" ? n * s.dim : n), n];
      }),
  );
const TIME: BadKind[] = ["negative", "nan", "infinite", "wrong-type", "missing"];
const AFTER_T: Probe["params"] = [
  { arg: 1, name: "t", bad: TIME },
  ...BATCH.map((p) => ({ ...p, arg: p.arg + 1 })),
];
type Method = (t: number, x: Float64Array, out: Float64Array, n: number) => void;
const TOL: BadKind[] = ["zero", "negative", "nan", "infinite", "wrong-type"];

probes.push(
  {
    name: "pointSetScore",
    valid: pointSet,
    call: (y, d, process) => pointSetScore(y as Float64Array, d as number, process as never),
    params: [
      { arg: 0, name: "points", bad: POINTS },
      { arg: 1, name: "dim", bad: COUNT },
      { arg: 2, name: "process", bad: OBJECT },
    ],
  },
  {
    name: "circleScore",
    valid: fc.tuple(
      linearProcess(2),
      fc.record({ radius: fc.double({ min: 0.1, max: 3, noNaN: true }), tol: fc.constant(1e-12) }),
    ),
    call: (process, options) => circleScore(process as never, options as object),
    params: [
      { arg: 0, name: "process", bad: OBJECT },
      { arg: 1, path: ["radius"], name: "options.radius", bad: TOL },
      { arg: 1, path: ["tol"], name: "options.tol", bad: TOL },
    ],
  },
  {
    name: "circleNodes",
    valid: fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.constant(1e-10)),
    call: (kappa, tol) => circleNodes(kappa as number, tol as number),
    params: [
      { arg: 0, name: "kappa", bad: ["negative", ...FINITE] },
      { arg: 1, name: "tol", bad: TOL },
    ],
  },
  ...(
    [
      ["score", "d"],
      ["logDensity", "1"],
    ] as const
  ).flatMap(([method, width]): Probe[] => [
    {
      name: `pointSetScore.${method}`,
      valid: manifoldCall(
        pointSet.map(([y, d, p]) => pointSetScore(y, d, p)),
        width,
      ),
      call: (s, t, x, out, n) =>
        ((s as PointSetScore)[method] as Method)(
          t as number,
          x as Float64Array,
          out as Float64Array,
          n as number,
        ),
      params: AFTER_T,
    },
    {
      name: `circleScore.${method}`,
      valid: manifoldCall(
        linearProcess(2).map((p) => circleScore(p)),
        width,
      ),
      call: (s, t, x, out, n) =>
        ((s as CircleScore)[method] as Method)(
          t as number,
          x as Float64Array,
          out as Float64Array,
          n as number,
        ),
      params: AFTER_T,
    },
  ]),
);

const VALIDATOR = "a validator: its errors name its caller's function by design";

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {
  requireMixture: VALIDATOR,
  requireMixturePoints: VALIDATOR,
  requireLinearProcess: VALIDATOR,
};
