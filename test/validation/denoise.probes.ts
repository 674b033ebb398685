/** Probes of src/denoise (see harness.ts). */
import fc from "fast-check";
import {
  empiricalScore,
  idealDenoiser,
  mixturePosterior,
  tweedieMean,
  tweedieVariance,
} from "../../src/denoise";
import { gaussianMixture, type GaussianMixture } from "../../src/mixture";
import type { BadKind, Probe } from "./harness";

/** A Float64Array of `len` doubles in [min, max]. */
const floats = (len: number, min: number, max: number): fc.Arbitrary<Float64Array> =>
  fc
    .array(fc.double({ min, max, noNaN: true }), { minLength: len, maxLength: len })
    .map((a) => Float64Array.from(a));

/** A mixture with K ≤ 3 components in dimension d, diagonal covariances in [0.1, 2]. */
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

// α, σ in [0.05, 5] and points in [-10, 10]: the softmax weights stay representable
const positive = fc.double({ min: 0.05, max: 5, noNaN: true });
const POSITIVE: BadKind[] = ["nan", "infinite", "negative", "zero", "wrong-type", "missing"];
const ARRAY: BadKind[] = ["empty", "non-finite-entry", "wrong-type", "missing"];

const tweedieArgs = fc
  .integer({ min: 2, max: 8 })
  .chain((len) => fc.tuple(floats(len, -10, 10), floats(len, -10, 10), positive, positive));

const denoiserArgs = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 5 }),
    fc.integer({ min: 1, max: 5 }),
  )
  .chain(([d, m, n]) =>
    fc.tuple(floats(m * d, -3, 3), floats(n * d, -10, 10), fc.constant(d), positive, positive),
  );

const denoiserParams = [
  { arg: 0, name: "data", bad: ARRAY },
  { arg: 1, name: "x", bad: ARRAY },
  { arg: 2, name: "dim", bad: ["zero", "negative", "non-integer", "nan", "wrong-type", "missing"] },
  { arg: 3, name: "scale", bad: POSITIVE },
  { arg: 4, name: "std", bad: POSITIVE },
] satisfies Probe["params"];

export const probes: Probe[] = [
  {
    name: "tweedieMean",
    valid: tweedieArgs,
    call: (x, s, a, sd) =>
      tweedieMean(x as Float64Array, s as Float64Array, a as number, sd as number),
    params: [
      { arg: 0, name: "x", bad: ARRAY },
      { arg: 1, name: "score", bad: ["short", "non-finite-entry", "wrong-type", "missing"] },
      { arg: 2, name: "scale", bad: POSITIVE },
      { arg: 3, name: "std", bad: POSITIVE },
    ],
  },
  {
    name: "tweedieVariance",
    valid: tweedieArgs.map(([, h, a, s]) => [h, a, s]),
    call: (h, a, s) => tweedieVariance(h as Float64Array, a as number, s as number),
    params: [
      { arg: 0, name: "hessianDiagonal", bad: ARRAY },
      { arg: 1, name: "scale", bad: POSITIVE },
      { arg: 2, name: "std", bad: POSITIVE },
    ],
  },
  {
    name: "idealDenoiser",
    valid: denoiserArgs,
    call: (y, x, d, a, s) =>
      idealDenoiser(y as Float64Array, x as Float64Array, d as number, a as number, s as number),
    params: denoiserParams,
  },
  {
    name: "empiricalScore",
    valid: denoiserArgs,
    call: (y, x, d, a, s) =>
      empiricalScore(y as Float64Array, x as Float64Array, d as number, a as number, s as number),
    params: denoiserParams,
  },
  {
    name: "mixturePosterior",
    valid: fc.integer({ min: 1, max: 2 }).chain((d) =>
      fc.tuple(
        mixture(d),
        fc.integer({ min: 1, max: 5 }).chain((n) => floats(n * d, -10, 10)),
        positive,
        positive,
      ),
    ),
    call: (mix, x, a, s) =>
      mixturePosterior(mix as GaussianMixture, x as Float64Array, a as number, s as number),
    params: [
      { arg: 0, name: "mix", bad: ["wrong-type", "missing"] },
      { arg: 1, name: "x", bad: ARRAY },
      { arg: 2, name: "scale", bad: POSITIVE },
      { arg: 3, name: "std", bad: POSITIVE },
    ],
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {};
