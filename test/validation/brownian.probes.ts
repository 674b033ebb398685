/** Probes of src/brownian (see harness.ts). */
import fc from "fast-check";
import { createRng } from "../../src/rng";
import {
  BrownianPath,
  brownianStream,
  coarsenPath,
  gridFromTimes,
  gridTimes,
  normalStream,
  refinePath,
  sampleBrownianPath,
  uniformGrid,
  type TimeGrid,
} from "../../src/brownian";
import type { BadKind, Probe } from "./harness";

const rng = fc.integer({ min: 0, max: 2 ** 31 }).map((seed) => createRng(seed));
const finite = (a: number) => fc.double({ min: -a, max: a, noNaN: true });
/** K + 1 strictly increasing times, K in [1, maxSteps]. */
const times = (maxSteps: number) =>
  fc
    .tuple(
      finite(100),
      fc.array(fc.double({ min: 0.01, max: 2, noNaN: true }), {
        minLength: 1,
        maxLength: maxSteps,
      }),
    )
    .map(([t0, hs]) => [t0, ...hs.map((_, k) => t0 + hs.slice(0, k + 1).reduce((a, b) => a + b))]);
/** (t0, t1, steps) of a uniform grid, forward or backward. */
const uniformArgs = fc.tuple(
  finite(100),
  fc.double({ min: 0.1, max: 100, noNaN: true }),
  fc.boolean(),
  fc.integer({ min: 1, max: 1000 }),
);
const grid = uniformArgs.map(([t0, w, back, K]) => uniformGrid(t0, back ? t0 - w : t0 + w, K));
const values = (len: number) =>
  fc.array(finite(3), { minLength: len, maxLength: len }).map((a) => Float64Array.from(a));
/** Arguments of the BrownianPath constructor, with ΔZ, n·m >= 2. */
const pathArgs = fc
  .tuple(times(5), fc.integer({ min: 2, max: 3 }), fc.integer({ min: 1, max: 2 }))
  .chain(([t, n, m]) => {
    const size = (t.length - 1) * n * m;
    return fc.tuple(fc.constant(t), fc.constant(n), fc.constant(m), values(size), values(size));
  });
const path = pathArgs.map(
  ([t, n, m, dW, dZ]) => new BrownianPath(Float64Array.from(t), n, m, dW, dZ),
);

const COUNT: BadKind[] = ["zero", "negative", "non-integer", "nan", "wrong-type", "missing"];
const FINITE: BadKind[] = ["nan", "infinite", "wrong-type", "missing"];
const INDEX: BadKind[] = ["negative", "non-integer", "nan", "infinite", "wrong-type", "missing"];
const OBJECT: BadKind[] = ["wrong-type", "missing"];
const TIMES: BadKind[] = ["empty", "non-finite-entry", "wrong-type", "missing"];
const BUFFER: BadKind[] = ["empty", "short", "wrong-type", "missing"];

export const probes: Probe[] = [
  {
    name: "uniformGrid",
    valid: uniformArgs.map(([t0, w, back, K]) => [t0, back ? t0 - w : t0 + w, K]),
    call: (t0, t1, steps) => uniformGrid(t0 as number, t1 as number, steps as number),
    params: [
      { arg: 0, name: "t0", bad: FINITE },
      { arg: 1, name: "t1", bad: FINITE },
      { arg: 2, name: "steps", bad: COUNT },
    ],
  },
  {
    name: "uniformGrid.at",
    valid: grid.chain((g) => fc.tuple(fc.constant(g), fc.integer({ min: 0, max: g.steps }))),
    call: (g, k) => (g as TimeGrid).at(k as number),
    params: [{ arg: 1, name: "k", bad: INDEX }],
  },
  {
    name: "gridFromTimes",
    valid: fc.tuple(times(20)),
    call: (t) => gridFromTimes(t as number[]),
    params: [{ arg: 0, name: "times", bad: TIMES }],
  },
  {
    name: "gridFromTimes.at",
    valid: times(20).chain((t) =>
      fc.tuple(fc.constant(t), fc.integer({ min: 0, max: t.length - 1 })),
    ),
    call: (t, k) => gridFromTimes(t as number[]).at(k as number),
    params: [{ arg: 1, name: "k", bad: INDEX }],
  },
  {
    name: "gridTimes",
    valid: fc.tuple(grid),
    call: (g) => gridTimes(g as TimeGrid),
    params: [{ arg: 0, name: "grid", bad: OBJECT }],
  },
  {
    name: "BrownianPath",
    valid: pathArgs,
    call: (t, n, m, dW, dZ) =>
      new BrownianPath(
        t as Float64Array,
        n as number,
        m as number,
        dW as Float64Array,
        dZ as Float64Array,
      ),
    params: [
      { arg: 0, name: "times", bad: TIMES },
      { arg: 1, name: "paths", bad: COUNT },
      { arg: 2, name: "dim", bad: COUNT },
      { arg: 3, name: "dW", bad: [...BUFFER, "non-finite-entry"] },
      { arg: 4, name: "dZ", bad: ["short", "non-finite-entry", "wrong-type", "missing"] },
    ],
  },
  {
    name: "BrownianPath.increments",
    valid: path.chain((p) =>
      fc.tuple(
        fc.constant(p),
        fc.integer({ min: 0, max: p.steps - 1 }),
        fc.constant(new Float64Array(p.paths * p.dim)),
        fc.constant(new Float64Array(p.paths * p.dim)),
      ),
    ),
    call: (p, k, dW, dZ) =>
      (p as BrownianPath).increments(k as number, dW as Float64Array, dZ as Float64Array),
    params: [
      { arg: 1, name: "k", bad: INDEX },
      { arg: 2, name: "dW", bad: BUFFER },
      { arg: 3, name: "dZ", bad: ["empty", "short", "wrong-type", "missing"] },
    ],
  },
  {
    name: "BrownianPath.values",
    valid: fc.tuple(path),
    call: (p) => (p as BrownianPath).values(),
    params: [], // no arguments
  },
  {
    name: "sampleBrownianPath",
    valid: fc.tuple(
      rng,
      times(10),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 3 }),
      fc.record({ levyArea: fc.boolean() }),
    ),
    call: (r, t, n, m, options) =>
      sampleBrownianPath(r as never, t as number[], n as number, m as number, options as object),
    params: [
      { arg: 0, name: "rng", bad: OBJECT },
      { arg: 1, name: "times", bad: TIMES },
      { arg: 2, name: "paths", bad: COUNT },
      { arg: 3, name: "dim", bad: COUNT },
    ],
  },
  {
    name: "brownianStream",
    valid: fc.tuple(
      rng,
      grid,
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 3 }),
      fc.record({ levyArea: fc.boolean() }),
    ),
    call: (r, g, n, m, options) =>
      brownianStream(r as never, g as TimeGrid, n as number, m as number, options as object),
    params: [
      { arg: 0, name: "rng", bad: OBJECT },
      { arg: 1, name: "grid", bad: OBJECT },
      { arg: 2, name: "paths", bad: COUNT },
      { arg: 3, name: "dim", bad: COUNT },
    ],
  },
  {
    name: "brownianStream.increments",
    valid: fc
      .tuple(rng, grid, fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 3 }))
      .map(([r, g, n, m]) => [
        brownianStream(r, g, n, m, { levyArea: true }),
        0, // a stream is read in order: the first step
        new Float64Array(n * m),
        new Float64Array(n * m),
      ]),
    call: (s, k, dW, dZ) =>
      (s as ReturnType<typeof brownianStream>).increments(
        k as number,
        dW as Float64Array,
        dZ as Float64Array,
      ),
    params: [
      { arg: 1, name: "k", bad: INDEX },
      { arg: 2, name: "dW", bad: BUFFER },
      { arg: 3, name: "dZ", bad: ["empty", "short", "wrong-type", "missing"] },
    ],
  },
  {
    name: "coarsenPath",
    valid: fc
      .tuple(rng, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.boolean())
      .map(([r, k, j, levyArea]) => [
        sampleBrownianPath(
          r,
          Float64Array.from({ length: k * j + 1 }, (_, i) => i / 8),
          2,
          1,
          {
            levyArea,
          },
        ),
        k,
      ]),
    call: (p, k) => coarsenPath(p as BrownianPath, k as number),
    params: [
      { arg: 0, name: "path", bad: OBJECT },
      { arg: 1, name: "k", bad: COUNT },
    ],
  },
  {
    name: "refinePath",
    valid: fc.tuple(rng, path),
    call: (r, p) => refinePath(r as never, p as BrownianPath),
    params: [
      { arg: 0, name: "rng", bad: OBJECT },
      { arg: 1, name: "path", bad: OBJECT },
    ],
  },
  {
    name: "normalStream",
    valid: fc.tuple(rng),
    call: (r) => normalStream(r as never),
    params: [{ arg: 0, name: "rng", bad: OBJECT }],
  },
  {
    name: "normalStream.normals",
    valid: fc.tuple(
      rng,
      fc.integer({ min: 0, max: 20 }).map((n) => new Float64Array(n)),
    ),
    call: (r, out) => normalStream(r as never).normals(out as Float64Array),
    params: [{ arg: 1, name: "out", bad: OBJECT }],
  },
];

const SAME =
  "returns a BrownianPath: its methods are probed as BrownianPath.increments and BrownianPath.values (errors name the class)";

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {
  "sampleBrownianPath.increments": SAME,
  "sampleBrownianPath.values": SAME,
  "coarsenPath.increments": SAME,
  "coarsenPath.values": SAME,
  "refinePath.increments": SAME,
  "refinePath.values": SAME,
};
