/** Probes of src/fokker-planck (see harness.ts). */
import fc from "fast-check";
import { principalAxes, tridiagonal } from "../../src/linalg";
import {
  bernoulli,
  cellGrid,
  densityOnGrid,
  fokkerPlanckOperator,
  gridMass,
  gridMoments,
  gridMoments2d,
  implicitStepper,
  interpolateGrid,
  kolmogorovBackward,
  kolmogorovOperator,
  l1Distance,
  pointMass,
  solveFokkerPlanck,
  solveFokkerPlanck2d,
  type CellGrid,
  type Coefficients1d,
  type OperatorSource,
  type Problem2d,
} from "../../src/fokker-planck";
import type { BadKind, Probe } from "./harness";

const finite = (a: number) => fc.double({ min: -a, max: a, noNaN: true });
/** A grid on [lo, lo + w] with n cells, n in [3, max]. */
const grid = (max: number) =>
  fc
    .tuple(finite(10), fc.double({ min: 1, max: 10, noNaN: true }), fc.integer({ min: 3, max }))
    .map(([lo, w, n]) => cellGrid(lo, lo + w, n));
/** Positive finite values on a grid's cells. */
const density = (g: CellGrid) =>
  fc
    .array(fc.double({ min: 0.01, max: 5, noNaN: true }), { minLength: g.n, maxLength: g.n })
    .map((a) => Float64Array.from(a));
/** An OU-like problem, mean-reverting to the grid's centre (time-dependent or not). */
const coefficients = (g: CellGrid) =>
  fc
    .tuple(fc.double({ min: 0.2, max: 2, noNaN: true }), fc.boolean())
    .map(([sigma, timeDependent]): Coefficients1d => ({
      drift: (_t, x) => -(x - (g.lo + g.hi) / 2),
      diffusion: () => sigma,
      timeDependent,
    }));
const problem1d = grid(20).chain((g) =>
  fc.tuple(fc.constant(g), coefficients(g), density(g), fc.double({ min: 0, max: 1, noNaN: true })),
);
const options = fc.record({
  steps: fc.integer({ min: 1, max: 10 }),
  saveEvery: fc.integer({ min: 1, max: 12 }),
  scheme: fc.constantFrom("backward-euler", "tr-bdf2"),
});
const axes = fc
  .tuple(finite(1), finite(1), fc.double({ min: 0.3, max: 1.5, noNaN: true }))
  .map(([a, b, c]) => principalAxes(Float64Array.of(1, a, b, c + Math.abs(a * b) + 0.5)));
const problem2d = fc.tuple(axes, fc.boolean()).map(([ax, timeDependent]): Problem2d => ({
  drift: (_t, x, out) => {
    out[0] = -x[0];
    out[1] = -x[1] + 0.3 * x[0];
  },
  axes: ax,
  timeDependent,
}));
const grids2d = fc.tuple(grid(8), grid(8)).chain(([g1, g2]) =>
  fc.tuple(
    fc.constant(g1),
    fc.constant(g2),
    fc
      .array(fc.double({ min: 0.01, max: 5, noNaN: true }), {
        minLength: g1.n * g2.n,
        maxLength: g1.n * g2.n,
      })
      .map((a) => Float64Array.from(a)),
  ),
);

const COUNT: BadKind[] = ["zero", "negative", "non-integer", "nan", "wrong-type"];
const FINITE: BadKind[] = ["nan", "infinite", "wrong-type", "missing"];
const OBJECT: BadKind[] = ["wrong-type", "missing"];
const ARRAY: BadKind[] = ["empty", "short", "non-finite-entry", "wrong-type", "missing"];

export const probes: Probe[] = [
  {
    name: "cellGrid",
    valid: fc
      .tuple(
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0.5, max: 10, noNaN: true }),
        fc.integer({ min: 3, max: 200 }),
      )
      .map(([lo, w, n]) => [lo, lo + w, n]),
    call: (lo, hi, n) => cellGrid(lo as number, hi as number, n as number),
    params: [
      { arg: 0, name: "lo", bad: FINITE },
      { arg: 1, name: "hi", bad: [...FINITE, "negative"] },
      { arg: 2, name: "n", bad: [...COUNT, "missing"] },
    ],
  },
  {
    name: "pointMass",
    valid: grid(30).chain((g) =>
      fc.tuple(fc.constant(g), fc.double({ min: g.lo, max: g.hi, noNaN: true })),
    ),
    call: (g, x0) => pointMass(g as CellGrid, x0 as number),
    params: [
      { arg: 0, name: "grid", bad: OBJECT },
      { arg: 1, name: "x0", bad: [...FINITE, "negative"] },
    ],
  },
  {
    name: "densityOnGrid",
    valid: fc.tuple(
      grid(30),
      fc.constant((x: number) => Math.exp(-x * x)),
    ),
    call: (g, rho) => densityOnGrid(g as CellGrid, rho as (x: number) => number),
    params: [
      { arg: 0, name: "grid", bad: OBJECT },
      { arg: 1, name: "density", bad: OBJECT },
    ],
  },
  {
    name: "gridMass",
    valid: grid(30).chain((g) => fc.tuple(fc.constant(g), density(g))),
    call: (g, p) => gridMass(g as CellGrid, p as Float64Array),
    params: [
      { arg: 0, name: "grid", bad: OBJECT },
      { arg: 1, name: "p", bad: ARRAY },
    ],
  },
  {
    name: "l1Distance",
    valid: grid(30).chain((g) => fc.tuple(fc.constant(g), density(g), density(g))),
    call: (g, p, q) => l1Distance(g as CellGrid, p as Float64Array, q as Float64Array),
    params: [
      { arg: 0, name: "grid", bad: OBJECT },
      { arg: 1, name: "p", bad: ARRAY },
      { arg: 2, name: "q", bad: ARRAY },
    ],
  },
  {
    name: "gridMoments",
    valid: grid(30).chain((g) => fc.tuple(fc.constant(g), density(g))),
    call: (g, p) => gridMoments(g as CellGrid, p as Float64Array),
    params: [
      { arg: 0, name: "grid", bad: OBJECT },
      { arg: 1, name: "p", bad: ARRAY },
    ],
  },
  {
    name: "interpolateGrid",
    valid: grid(30).chain((g) =>
      fc.tuple(fc.constant(g), density(g), fc.double({ min: g.lo, max: g.hi, noNaN: true })),
    ),
    call: (g, p, x) => interpolateGrid(g as CellGrid, p as Float64Array, x as number),
    params: [
      { arg: 0, name: "grid", bad: OBJECT },
      { arg: 1, name: "p", bad: ARRAY },
      { arg: 2, name: "x", bad: [...FINITE, "negative"] },
    ],
  },
  {
    name: "bernoulli",
    valid: fc.tuple(fc.double({ min: -1e300, max: 1e300, noNaN: true })),
    call: (z) => bernoulli(z as number),
    params: [{ arg: 0, name: "z", bad: FINITE }],
  },
  {
    name: "fokkerPlanckOperator",
    valid: grid(30).chain((g) => fc.tuple(fc.constant(g), coefficients(g))),
    call: (g, c) => fokkerPlanckOperator(g as CellGrid, c as Coefficients1d),
    params: [
      { arg: 0, name: "grid", bad: OBJECT },
      { arg: 1, name: "coefficients", bad: OBJECT },
      { arg: 1, path: ["drift"], name: "coefficients.drift", bad: OBJECT },
      { arg: 1, path: ["diffusion"], name: "coefficients.diffusion", bad: OBJECT },
    ],
  },
  {
    name: "fokkerPlanckOperator.assemble",
    valid: grid(30).chain((g) =>
      fc.tuple(
        coefficients(g).map((c) => fokkerPlanckOperator(g, c)),
        finite(10),
        fc.constant(tridiagonal(g.n)),
      ),
    ),
    call: (op, t, out) => (op as OperatorSource).assemble(t as number, out as never),
    params: [
      { arg: 1, name: "t", bad: FINITE },
      { arg: 2, name: "out", bad: OBJECT },
    ],
  },
  {
    name: "kolmogorovOperator",
    valid: grid(30).chain((g) => fc.tuple(fc.constant(g), coefficients(g))),
    call: (g, c) => kolmogorovOperator(g as CellGrid, c as Coefficients1d),
    params: [
      { arg: 0, name: "grid", bad: OBJECT },
      { arg: 1, name: "coefficients", bad: OBJECT },
      { arg: 1, path: ["diffusion"], name: "coefficients.diffusion", bad: OBJECT },
    ],
  },
  {
    name: "kolmogorovOperator.assemble",
    valid: grid(30).chain((g) =>
      fc.tuple(
        coefficients(g).map((c) => kolmogorovOperator(g, c)),
        finite(10),
        fc.constant(tridiagonal(g.n)),
      ),
    ),
    call: (op, t, out) => (op as OperatorSource).assemble(t as number, out as never),
    params: [
      { arg: 1, name: "t", bad: FINITE },
      { arg: 2, name: "out", bad: OBJECT },
    ],
  },
  {
    name: "implicitStepper",
    valid: grid(30).chain((g) =>
      fc.tuple(
        coefficients(g).map((c) => fokkerPlanckOperator(g, c)),
        fc.constantFrom("backward-euler", "tr-bdf2"),
      ),
    ),
    call: (op, scheme) => implicitStepper(op as OperatorSource, scheme as "tr-bdf2"),
    params: [
      { arg: 0, name: "op", bad: OBJECT },
      { arg: 1, name: "scheme", bad: ["wrong-type"] },
    ],
  },
  {
    name: "implicitStepper.step",
    valid: problem1d.chain(([g, c, p0]) =>
      fc.tuple(
        fc
          .constantFrom("backward-euler" as const, "tr-bdf2" as const)
          .map((s) => implicitStepper(fokkerPlanckOperator(g, c), s)),
        finite(10),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        fc.constant(p0),
      ),
    ),
    call: (s, t, dt, p) =>
      (s as ReturnType<typeof implicitStepper>).step(t as number, dt as number, p as Float64Array),
    params: [
      { arg: 1, name: "t", bad: FINITE },
      { arg: 2, name: "dt", bad: ["zero", "negative", ...FINITE] },
      { arg: 3, name: "p", bad: ARRAY },
    ],
  },
  {
    name: "solveFokkerPlanck",
    valid: fc
      .tuple(problem1d, fc.double({ min: 0.1, max: 2, noNaN: true }), options)
      .map(([[g, c, p0, t0], w, o]) => [g, c, p0, t0, t0 + w, o]),
    call: (g, c, p0, t0, T, o) =>
      solveFokkerPlanck(
        g as CellGrid,
        c as Coefficients1d,
        p0 as Float64Array,
        t0 as number,
        T as number,
        o as { steps: number },
      ),
    params: [
      { arg: 0, name: "grid", bad: OBJECT },
      { arg: 1, name: "coefficients", bad: OBJECT },
      { arg: 1, path: ["drift"], name: "coefficients.drift", bad: OBJECT },
      { arg: 2, name: "p0", bad: ARRAY },
      { arg: 3, name: "t0", bad: FINITE },
      { arg: 4, name: "T", bad: [...FINITE, "negative"] },
      { arg: 5, path: ["steps"], name: "options.steps", bad: [...COUNT, "missing"] },
      { arg: 5, path: ["saveEvery"], name: "options.saveEvery", bad: COUNT },
      { arg: 5, path: ["scheme"], name: "options.scheme", bad: ["wrong-type"] },
    ],
  },
  {
    name: "kolmogorovBackward",
    valid: fc
      .tuple(problem1d, fc.double({ min: 0.1, max: 2, noNaN: true }), options)
      .map(([[g, c, phi, t], w, o]) => [g, c, phi, t, t + w, o]),
    call: (g, c, phi, t, T, o) =>
      kolmogorovBackward(
        g as CellGrid,
        c as Coefficients1d,
        phi as Float64Array,
        t as number,
        T as number,
        o as { steps: number },
      ),
    params: [
      { arg: 0, name: "grid", bad: OBJECT },
      { arg: 1, name: "coefficients", bad: OBJECT },
      { arg: 2, name: "phi", bad: ARRAY },
      { arg: 3, name: "t", bad: FINITE },
      { arg: 4, name: "T", bad: [...FINITE, "negative"] },
      { arg: 5, path: ["steps"], name: "options.steps", bad: [...COUNT, "missing"] },
      { arg: 5, path: ["saveEvery"], name: "options.saveEvery", bad: COUNT },
      { arg: 5, path: ["scheme"], name: "options.scheme", bad: ["wrong-type"] },
    ],
  },
  {
    name: "solveFokkerPlanck2d",
    valid: fc
      .tuple(
        problem2d,
        grids2d,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 2, noNaN: true }),
        fc.record({
          steps: fc.integer({ min: 1, max: 5 }),
          scheme: fc.constantFrom("backward-euler", "tr-bdf2"),
        }),
      )
      .map(([pr, [g1, g2, p0], t0, w, o]) => [pr, g1, g2, p0, t0, t0 + w, o]),
    call: (pr, g1, g2, p0, t0, T, o) =>
      solveFokkerPlanck2d(
        pr as Problem2d,
        g1 as CellGrid,
        g2 as CellGrid,
        p0 as Float64Array,
        t0 as number,
        T as number,
        o as { steps: number },
      ),
    params: [
      { arg: 0, name: "problem", bad: OBJECT },
      { arg: 0, path: ["drift"], name: "problem.drift", bad: OBJECT },
      { arg: 0, path: ["axes"], name: "problem.axes", bad: OBJECT },
      { arg: 1, name: "grid1", bad: OBJECT },
      { arg: 2, name: "grid2", bad: OBJECT },
      { arg: 3, name: "p0", bad: ARRAY },
      { arg: 4, name: "t0", bad: FINITE },
      { arg: 5, name: "T", bad: [...FINITE, "negative"] },
      { arg: 6, path: ["steps"], name: "options.steps", bad: [...COUNT, "missing"] },
      { arg: 6, path: ["scheme"], name: "options.scheme", bad: ["wrong-type"] },
    ],
  },
  {
    name: "gridMoments2d",
    valid: fc.tuple(axes, grids2d).map(([ax, [g1, g2, p]]) => [ax, g1, g2, p]),
    call: (ax, g1, g2, p) =>
      gridMoments2d(ax as never, g1 as CellGrid, g2 as CellGrid, p as Float64Array),
    params: [
      { arg: 0, name: "axes", bad: OBJECT },
      { arg: 1, name: "grid1", bad: OBJECT },
      { arg: 2, name: "grid2", bad: OBJECT },
      { arg: 3, name: "p", bad: ARRAY },
    ],
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {};
