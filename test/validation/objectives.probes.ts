/** Probes of src/objectives (see harness.ts). */
import fc from "fast-check";
import { affineScore, type ScoreModel } from "../../src/nn";
import {
  denoisingScoreMatching,
  dsmBatch,
  flowMatchingBatch,
  flowMatchingLoss,
  explicitScoreMatching,
  implicitScoreMatching,
  slicedScoreMatching,
  type DsmBatch,
} from "../../src/objectives";
import { linearPath, vpPath, type ProbabilityPath } from "../../src/flow";
import { vpSde, type LinearProcess } from "../../src/processes";
import { createRng, type Rng } from "../../src/rng";
import type { BadKind, Probe } from "./harness";

/** A Float64Array of `len` doubles in [min, max]. */
const floats = (len: number, min: number, max: number): fc.Arbitrary<Float64Array> =>
  fc
    .array(fc.double({ min, max, noNaN: true }), { minLength: len, maxLength: len })
    .map((a) => Float64Array.from(a));

/** An affine model s = Ax + b of dimension d with parameters in [-2, 2]. */
const model = (d: number): fc.Arbitrary<ScoreModel> =>
  floats(d * d + d, -2, 2).map((p) => {
    const m = affineScore(d);
    m.params.set(p);
    return m;
  });

const vp = [vpSde({ dim: 1 }), vpSde({ dim: 2 })];

/** [model, t (n) in [0.01, 1], x (n, d), y (n, d), n, d] with n ∈ [2, 6]. */
const batchArgs = fc
  .tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 2, max: 6 }))
  .chain(([d, n]) =>
    fc.tuple(
      model(d),
      floats(n, 0.01, 1),
      floats(n * d, -5, 5),
      floats(n * d, -5, 5),
      fc.constant(n),
      fc.constant(d),
    ),
  );

const ROWS: BadKind[] = ["empty", "short", "non-finite-entry", "wrong-type", "missing"];
const COUNT: BadKind[] = ["zero", "negative", "non-integer", "nan", "wrong-type", "missing"];
const INTERFACE: BadKind[] = ["wrong-type", "missing"];
/** options.perRow (an optional Float64Array of length n; missing is its default). */
const perRow = (arg: number) => ({
  arg,
  path: ["perRow"],
  name: "options.perRow",
  bad: ["empty", "short", "wrong-type"] as BadKind[],
});

export const probes: Probe[] = [
  {
    name: "explicitScoreMatching",
    valid: batchArgs.chain(([m, t, x, y, n]) =>
      fc.tuple(
        fc.constant(m),
        fc.constant(t),
        fc.constant(x),
        fc.constant(y),
        fc.constant(n),
        fc
          .constantFrom("none", (s: number) => 1 + s)
          .map((weighting) => ({
            weighting,
            perRow: new Float64Array(n),
          })),
      ),
    ),
    call: (m, t, x, y, n, o) =>
      explicitScoreMatching(
        m as ScoreModel,
        t as Float64Array,
        x as Float64Array,
        y as Float64Array,
        n as number,
        o as never,
      ),
    params: [
      { arg: 0, name: "model", bad: INTERFACE },
      { arg: 1, name: "t", bad: ROWS },
      { arg: 2, name: "x", bad: ROWS },
      { arg: 3, name: "target", bad: ROWS },
      { arg: 4, name: "n", bad: COUNT },
      { arg: 5, path: ["weighting"], name: "options.weighting", bad: ["wrong-type"] },
      perRow(5),
    ],
  },
  {
    name: "implicitScoreMatching",
    valid: batchArgs.map(([m, t, x, , n]) => [m, t, x, n, { perRow: new Float64Array(n) }]),
    call: (m, t, x, n, o) =>
      implicitScoreMatching(
        m as ScoreModel,
        t as Float64Array,
        x as Float64Array,
        n as number,
        o as never,
      ),
    params: [
      { arg: 0, name: "model", bad: INTERFACE },
      { arg: 1, name: "t", bad: ROWS },
      { arg: 2, name: "x", bad: ROWS },
      { arg: 3, name: "n", bad: COUNT },
      perRow(4),
    ],
  },
  {
    name: "slicedScoreMatching",
    valid: batchArgs.chain(([m, t, x, v, n]) =>
      fc.tuple(
        fc.constant(m),
        fc.constant(t),
        fc.constant(x),
        fc.constant(v),
        fc.constant(n),
        fc.boolean().map((varianceReduced) => ({ varianceReduced, perRow: new Float64Array(n) })),
      ),
    ),
    call: (m, t, x, v, n, o) =>
      slicedScoreMatching(
        m as ScoreModel,
        t as Float64Array,
        x as Float64Array,
        v as Float64Array,
        n as number,
        o as never,
      ),
    params: [
      { arg: 0, name: "model", bad: INTERFACE },
      { arg: 1, name: "t", bad: ROWS },
      { arg: 2, name: "x", bad: ROWS },
      { arg: 3, name: "v", bad: ROWS },
      { arg: 4, name: "n", bad: COUNT },
      // options.varianceReduced: the harness's wrong types include true (test/objectives)
      perRow(5),
    ],
  },
  {
    name: "denoisingScoreMatching",
    // [model, process, batch, n, options]
    valid: batchArgs.chain(([m, t, x0, eps, n, d]) =>
      fc.tuple(
        fc.constant(m),
        fc.constant(vp[d - 1]),
        fc.constant({ t, x0, eps }),
        fc.constant(n),
        fc
          .constantFrom("none", "std2", (s: number) => s * s)
          .map((weighting) => ({
            weighting,
            perRow: new Float64Array(n),
          })),
      ),
    ),
    call: (m, p, b, n, o) =>
      denoisingScoreMatching(
        m as ScoreModel,
        p as LinearProcess,
        b as DsmBatch,
        n as number,
        o as never,
      ),
    params: [
      { arg: 0, name: "model", bad: INTERFACE },
      { arg: 1, name: "process", bad: INTERFACE },
      { arg: 2, name: "batch", bad: INTERFACE },
      { arg: 2, path: ["t"], name: "batch.t", bad: ROWS },
      { arg: 2, path: ["x0"], name: "batch.x0", bad: ROWS },
      { arg: 2, path: ["eps"], name: "batch.eps", bad: ROWS },
      { arg: 3, name: "n", bad: COUNT },
      { arg: 4, path: ["weighting"], name: "options.weighting", bad: ["wrong-type"] },
      perRow(4),
    ],
  },
  {
    name: "dsmBatch",
    // [rng, process, x0, n, d, tMin]
    valid: batchArgs.chain(([, , x0, , n, d]) =>
      fc.tuple(
        fc.integer({ min: 0, max: 2 ** 31 }).map((seed): Rng => createRng(seed)),
        fc.constant(vp[d - 1]),
        fc.constant(x0),
        fc.constant(n),
        fc.constant(d),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
      ),
    ),
    call: (r, p, x0, n, d, tMin) =>
      dsmBatch(
        r as Rng,
        p as LinearProcess,
        x0 as Float64Array,
        n as number,
        d as number,
        tMin as number,
      ),
    params: [
      { arg: 0, name: "rng", bad: INTERFACE },
      { arg: 1, name: "process", bad: INTERFACE },
      { arg: 2, name: "x0", bad: ROWS },
      { arg: 3, name: "n", bad: COUNT },
      { arg: 4, name: "d", bad: COUNT },
      // missing tMin is its default 1e-3
      { arg: 5, name: "tMin", bad: ["nan", "infinite", "negative", "zero", "wrong-type"] },
    ],
  },
  {
    name: "flowMatchingLoss",
    // [model, path, batch, n, options]; t ∈ [0.01, 1]: VP's σ̇ is +∞ at t = 0
    valid: batchArgs.chain(([m, t, x, y, n]) =>
      fc.tuple(
        fc.constant(m),
        fc.constantFrom(linearPath(), vpPath()),
        fc.constant({ t, x0: x, eps: y }),
        fc.constant(n),
        fc.constant({ perRow: new Float64Array(n) }),
      ),
    ),
    call: (m, p, b, n, o) =>
      flowMatchingLoss(
        m as ScoreModel,
        p as ProbabilityPath,
        b as DsmBatch,
        n as number,
        o as { perRow: Float64Array },
      ),
    params: [
      { arg: 0, name: "model", bad: INTERFACE },
      { arg: 1, name: "path", bad: INTERFACE },
      { arg: 2, name: "batch", bad: INTERFACE },
      { arg: 2, path: ["t"], name: "batch.t", bad: ROWS },
      { arg: 2, path: ["x0"], name: "batch.x0", bad: ROWS },
      { arg: 2, path: ["eps"], name: "batch.eps", bad: ROWS },
      { arg: 3, name: "n", bad: COUNT },
      { arg: 4, path: ["weighting"], name: "options.weighting", bad: ["wrong-type"] },
      { arg: 4, path: ["target"], name: "options.target", bad: ["wrong-type"] },
      perRow(4),
    ],
  },
  {
    name: "flowMatchingBatch",
    // [rng, path, x0, n, d, options]
    valid: batchArgs.chain(([, , x0, , n, d]) =>
      fc.tuple(
        fc.integer({ min: 0, max: 2 ** 31 }).map((seed): Rng => createRng(seed)),
        fc.constantFrom(linearPath(), vpPath()),
        fc.constant(x0),
        fc.constant(n),
        fc.constant(d),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }).map((tMin) => ({ tMin, tMax: 1 })),
      ),
    ),
    call: (r, p, x0, n, d, o) =>
      flowMatchingBatch(
        r as Rng,
        p as ProbabilityPath,
        x0 as Float64Array,
        n as number,
        d as number,
        o as { tMin: number },
      ),
    params: [
      { arg: 0, name: "rng", bad: INTERFACE },
      { arg: 1, name: "path", bad: INTERFACE },
      { arg: 2, name: "x0", bad: ROWS },
      { arg: 3, name: "n", bad: COUNT },
      { arg: 4, name: "d", bad: COUNT },
      { arg: 5, path: ["tMin"], name: "options.tMin", bad: ["nan", "infinite", "negative"] },
      { arg: 5, path: ["tMax"], name: "options.tMax", bad: ["nan", "infinite", "zero"] },
    ],
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {};
