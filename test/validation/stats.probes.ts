/** Probes of src/stats (see harness.ts). */
import fc from "fast-check";
import { createRng } from "../../src/rng";
import {
  erf,
  erfc,
  fitSlope,
  gaussianKde,
  histogram,
  kolmogorovCdf,
  kolmogorovSurvival,
  ksOneSample,
  ksRejectionBound,
  ksTwoSample,
  mmd2,
  mmdPermutationTest,
  moments,
  normalCdf,
  normalPdf,
  normalQuantile,
  pca,
  riceCdf,
  type Pca,
  sampleQuantile,
  silvermanBandwidth,
  slicedWasserstein,
  wasserstein1,
  Welford,
} from "../../src/stats";
import type { BadKind, Probe } from "./harness";

/** n distinct values k/7 (distinct, so no sample is constant), as a plain array. */
const sample = (minLength: number, maxLength = 30) =>
  fc.uniqueArray(
    fc.integer({ min: -1000, max: 1000 }).map((k) => k / 7),
    { minLength, maxLength },
  );
/** (n, 2) row-major distinct points, n in [min, max]. */
const points2 = (min: number, max: number) =>
  fc
    .uniqueArray(fc.integer({ min: -500, max: 500 }), { minLength: 2 * min, maxLength: 2 * max })
    .map((a) => Float64Array.from(a.length % 2 === 0 ? a : a.slice(1), (k) => k / 50));
const rng = fc.integer({ min: 0, max: 2 ** 31 }).map((seed) => createRng(seed));
const anyNumber = fc.double({ noNaN: true }); // ±Infinity included
const finite = (a: number) => fc.double({ min: -a, max: a, noNaN: true });

const SAMPLE: BadKind[] = ["empty", "non-finite-entry", "wrong-type", "missing"];
const COUNT: BadKind[] = ["zero", "negative", "non-integer", "nan", "wrong-type"];
const POSITIVE: BadKind[] = ["zero", "negative", "nan", "infinite", "wrong-type"];
const FINITE: BadKind[] = ["nan", "infinite", "wrong-type", "missing"];
const NOT_NAN: BadKind[] = ["nan", "wrong-type", "missing"];
const OBJECT: BadKind[] = ["wrong-type", "missing"];

export const probes: Probe[] = [
  {
    name: "moments",
    valid: fc.tuple(sample(2)),
    call: (xs) => moments(xs as number[]),
    params: [{ arg: 0, name: "xs", bad: SAMPLE }],
  },
  {
    name: "Welford",
    valid: fc.constant<unknown[]>([]),
    call: () => new Welford(),
    params: [],
  },
  {
    name: "Welford.push",
    valid: fc.tuple(sample(0), finite(1e6)),
    call: (xs, x) => new Welford().pushAll(xs as number[]).push(x as number),
    params: [{ arg: 1, name: "x", bad: FINITE }],
  },
  {
    name: "Welford.pushAll",
    valid: fc.tuple(sample(1)),
    call: (xs) => new Welford().pushAll(xs as number[]),
    params: [{ arg: 0, name: "xs", bad: ["non-finite-entry", "wrong-type", "missing"] }],
  },
  {
    name: "Welford.merge",
    valid: fc.tuple(
      sample(0),
      sample(0).map((ys) => new Welford().pushAll(ys)),
    ),
    call: (xs, other) => new Welford().pushAll(xs as number[]).merge(other as Welford),
    params: [{ arg: 1, name: "other", bad: OBJECT }],
  },
  {
    name: "Welford.moments",
    valid: fc.tuple(sample(2)),
    call: (xs) => new Welford().pushAll(xs as number[]).moments(),
    params: [], // its only input is the state; fewer than 2 values: test/stats/welford.test.ts
  },
  {
    name: "erf",
    valid: fc.tuple(anyNumber),
    call: (x) => erf(x as number),
    params: [{ arg: 0, name: "x", bad: NOT_NAN }],
  },
  {
    name: "erfc",
    valid: fc.tuple(anyNumber),
    call: (x) => erfc(x as number),
    params: [{ arg: 0, name: "x", bad: NOT_NAN }],
  },
  {
    name: "normalPdf",
    valid: fc.tuple(anyNumber, finite(1e3), fc.double({ min: 1e-3, max: 1e3, noNaN: true })),
    call: (x, mean, sd) => normalPdf(x as number, mean as number, sd as number),
    params: [
      { arg: 0, name: "x", bad: NOT_NAN },
      { arg: 1, name: "mean", bad: ["nan", "infinite", "wrong-type"] },
      { arg: 2, name: "sd", bad: POSITIVE },
    ],
  },
  {
    name: "normalCdf",
    valid: fc.tuple(anyNumber, finite(1e3), fc.double({ min: 1e-3, max: 1e3, noNaN: true })),
    call: (x, mean, sd) => normalCdf(x as number, mean as number, sd as number),
    params: [
      { arg: 0, name: "x", bad: NOT_NAN },
      { arg: 1, name: "mean", bad: ["nan", "infinite", "wrong-type"] },
      { arg: 2, name: "sd", bad: POSITIVE },
    ],
  },
  {
    name: "normalQuantile",
    valid: fc.tuple(fc.double({ min: Number.MIN_VALUE, max: 1 - 2 ** -53, noNaN: true })),
    call: (p) => normalQuantile(p as number),
    params: [{ arg: 0, name: "p", bad: ["nan", "negative", "infinite", "wrong-type", "missing"] }],
  },
  {
    name: "kolmogorovCdf",
    valid: fc.tuple(
      fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1001, max: 2 ** 40 })),
      fc.double({ min: 0, max: 1, noNaN: true }),
    ),
    call: (n, d) => kolmogorovCdf(n as number, d as number),
    params: [
      { arg: 0, name: "n", bad: [...COUNT, "missing"] },
      { arg: 1, name: "d", bad: ["nan", "negative", "infinite", "wrong-type", "missing"] },
    ],
  },
  {
    name: "kolmogorovSurvival",
    valid: fc.tuple(fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constant(Infinity))),
    call: (lambda) => kolmogorovSurvival(lambda as number),
    params: [{ arg: 0, name: "lambda", bad: ["nan", "negative", "wrong-type", "missing"] }],
  },
  {
    name: "ksRejectionBound",
    valid: fc.tuple(
      fc.double({ min: 1e-9, max: 0.5, noNaN: true }),
      fc.integer({ min: 1, max: 100000 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    ),
    call: (alpha, n, d) => ksRejectionBound(alpha as number, n as number, d as number),
    params: [
      { arg: 0, name: "alpha", bad: ["nan", "negative", "infinite", "wrong-type", "missing"] },
      { arg: 1, name: "n", bad: [...COUNT, "missing"] },
      { arg: 2, name: "d", bad: ["nan", "negative", "infinite", "wrong-type", "missing"] },
    ],
  },
  {
    name: "ksOneSample",
    valid: fc.tuple(
      sample(1),
      fc.constant((x: number) => normalCdf(x)),
    ),
    call: (xs, cdf) => ksOneSample(xs as number[], cdf as (x: number) => number),
    params: [
      { arg: 0, name: "xs", bad: SAMPLE },
      { arg: 1, name: "cdf", bad: OBJECT },
    ],
  },
  {
    name: "ksTwoSample",
    valid: fc.tuple(sample(1), sample(1)),
    call: (xs, ys) => ksTwoSample(xs as number[], ys as number[]),
    params: [
      { arg: 0, name: "xs", bad: SAMPLE },
      { arg: 1, name: "ys", bad: SAMPLE },
    ],
  },
  {
    name: "fitSlope",
    valid: sample(3).chain((x) =>
      fc.tuple(fc.constant(x), fc.array(finite(100), { minLength: x.length, maxLength: x.length })),
    ),
    call: (x, y) => fitSlope(x as number[], y as number[]),
    params: [
      { arg: 0, name: "x", bad: [...SAMPLE, "short"] },
      { arg: 1, name: "y", bad: [...SAMPLE, "short"] },
    ],
  },
  {
    name: "sampleQuantile",
    valid: fc.tuple(sample(1), fc.double({ min: 0, max: 1, noNaN: true })),
    call: (xs, p) => sampleQuantile(xs as number[], p as number),
    params: [
      { arg: 0, name: "xs", bad: SAMPLE },
      { arg: 1, name: "p", bad: ["nan", "negative", "infinite", "wrong-type", "missing"] },
    ],
  },
  {
    name: "histogram",
    valid: fc.tuple(
      sample(1),
      fc.record({
        bins: fc.integer({ min: 1, max: 50 }),
        range: fc
          .tuple(finite(100), fc.double({ min: 0.01, max: 100, noNaN: true }))
          .map(([lo, w]) => [lo, lo + w]),
      }),
    ),
    call: (xs, options) => histogram(xs as number[], options as { bins: number }),
    params: [
      { arg: 0, name: "xs", bad: SAMPLE },
      { arg: 1, path: ["bins"], name: "options.bins", bad: [...COUNT, "infinite"] },
      {
        arg: 1,
        path: ["range"],
        name: "options.range",
        bad: ["empty", "short", "non-finite-entry", "wrong-type"],
      },
    ],
  },
  {
    name: "gaussianKde",
    valid: fc.tuple(
      sample(2),
      sample(1),
      fc.record({ bandwidth: fc.double({ min: 0.05, max: 5, noNaN: true }) }),
    ),
    call: (xs, grid, options) =>
      gaussianKde(xs as number[], grid as number[], options as { bandwidth: number }),
    params: [
      { arg: 0, name: "xs", bad: SAMPLE },
      { arg: 1, name: "grid", bad: SAMPLE },
      { arg: 2, path: ["bandwidth"], name: "options.bandwidth", bad: POSITIVE },
    ],
  },
  {
    name: "silvermanBandwidth",
    valid: fc.tuple(sample(2)),
    call: (xs) => silvermanBandwidth(xs as number[]),
    params: [{ arg: 0, name: "xs", bad: SAMPLE }],
  },
  {
    name: "wasserstein1",
    valid: fc.tuple(sample(1), sample(1)),
    call: (xs, ys) => wasserstein1(xs as number[], ys as number[]),
    params: [
      { arg: 0, name: "xs", bad: SAMPLE },
      { arg: 1, name: "ys", bad: SAMPLE },
    ],
  },
  {
    name: "slicedWasserstein",
    valid: fc.tuple(
      rng,
      points2(1, 12),
      points2(1, 12),
      fc.record({ projections: fc.integer({ min: 1, max: 20 }) }),
    ),
    call: (r, a, b, options) =>
      slicedWasserstein(
        r as never,
        a as Float64Array,
        b as Float64Array,
        options as { projections: number },
      ),
    params: [
      { arg: 0, name: "rng", bad: OBJECT },
      { arg: 1, name: "a", bad: SAMPLE },
      { arg: 2, name: "b", bad: SAMPLE },
      { arg: 3, path: ["projections"], name: "options.projections", bad: COUNT },
    ],
  },
  {
    name: "mmd2",
    valid: fc.tuple(
      points2(2, 12),
      points2(2, 12),
      fc.record(
        { dim: fc.constant(2), bandwidth: fc.double({ min: 0.1, max: 5, noNaN: true }) },
        { requiredKeys: ["dim"] },
      ),
    ),
    call: (a, b, options) => mmd2(a as Float64Array, b as Float64Array, options as object),
    params: [
      { arg: 0, name: "a", bad: SAMPLE },
      { arg: 1, name: "b", bad: SAMPLE },
      { arg: 2, path: ["dim"], name: "options.dim", bad: COUNT },
      { arg: 2, path: ["bandwidth"], name: "options.bandwidth", bad: POSITIVE },
    ],
  },
  {
    name: "mmdPermutationTest",
    valid: fc.tuple(
      rng,
      points2(2, 10),
      points2(2, 10),
      fc.record({
        permutations: fc.integer({ min: 1, max: 20 }),
        alpha: fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        bandwidth: fc.double({ min: 0.1, max: 5, noNaN: true }),
      }),
    ),
    call: (r, a, b, options) =>
      mmdPermutationTest(r as never, a as Float64Array, b as Float64Array, options as object),
    params: [
      { arg: 0, name: "rng", bad: OBJECT },
      { arg: 1, name: "a", bad: SAMPLE },
      { arg: 2, name: "b", bad: SAMPLE },
      { arg: 3, path: ["permutations"], name: "options.permutations", bad: COUNT },
      { arg: 3, path: ["alpha"], name: "options.alpha", bad: POSITIVE },
      { arg: 3, path: ["bandwidth"], name: "options.bandwidth", bad: POSITIVE },
      { arg: 3, path: ["dim"], name: "options.dim", bad: COUNT },
    ],
  },
];

const NONNEG: BadKind[] = ["negative", "nan", "infinite", "wrong-type", "missing"];
const POS: BadKind[] = ["zero", ...NONNEG];
const COUNT1: BadKind[] = ["zero", "negative", "non-integer", "nan", "wrong-type", "missing"];
/** (n, D) data, n in [3, 8], D in [1, 4], with a latent dimension k ≤ D. */
const pcaData = fc
  .tuple(fc.integer({ min: 3, max: 8 }), fc.integer({ min: 1, max: 4 }))
  .chain(([n, D]) =>
    fc.tuple(
      fc.array(finite(5), { minLength: n * D, maxLength: n * D }).map((a) => Float64Array.from(a)),
      fc.constant(D),
      fc.integer({ min: 1, max: D }),
    ),
  );
const pcaBatch = (method: "encode" | "decode") =>
  pcaData.chain(([x, D, k]) => {
    const p = pca(x, D, k);
    const [win, wout] = method === "encode" ? [D, k] : [k, D];
    return fc
      .integer({ min: 2, max: 5 })
      .chain((n) =>
        fc
          .array(finite(5), { minLength: n * win, maxLength: n * win })
          .map((a) => [p, Float64Array.from(a), new Float64Array(n * wout), n]),
      );
  });

probes.push(
  {
    name: "riceCdf",
    valid: fc.tuple(
      finite(5),
      fc.double({ min: 0, max: 3, noNaN: true }),
      fc.double({ min: 1e-3, max: 3, noNaN: true }),
    ),
    call: (x, nu, sigma) => riceCdf(x as number, nu as number, sigma as number),
    params: [
      { arg: 0, name: "x", bad: FINITE },
      { arg: 1, name: "nu", bad: NONNEG },
      { arg: 2, name: "sigma", bad: POS },
    ],
  },
  {
    name: "pca",
    valid: pcaData,
    call: (x, D, k) => pca(x as Float64Array, D as number, k as number),
    params: [
      { arg: 0, name: "x", bad: ["empty", "non-finite-entry", "wrong-type", "missing"] },
      { arg: 1, name: "dim", bad: COUNT1 },
      { arg: 2, name: "k", bad: COUNT1 },
    ],
  },
  ...(["encode", "decode"] as const).map((method): Probe => ({
    name: `pca.${method}`,
    valid: pcaBatch(method),
    call: (p, x, out, n) => (p as Pca)[method](x as Float64Array, out as Float64Array, n as number),
    params: [
      {
        arg: 1,
        name: method === "encode" ? "x" : "z",
        bad: ["empty", "short", "non-finite-entry", "wrong-type", "missing"],
      },
      { arg: 2, name: "out", bad: ["empty", "short", "wrong-type", "missing"] },
      { arg: 3, name: "n", bad: COUNT1 },
    ],
  })),
);

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {};
