/**
 * Probes of src/sde (see harness.ts): noiseClass, sdeFromScalar and the coefficient methods of
 * what it returns, integrate, and each solver's `stepper(sde, n)` and `step(t, h, x, dW[, dZ])`.
 */
import fc from "fast-check";
import { sampleBrownianPath } from "../../src/brownian";
import { createRng } from "../../src/rng";
import {
  eulerMaruyama,
  exitTimes,
  girsanovLogWeight,
  integrate,
  pathKl,
  picardIteration,
  milstein,
  noiseClass,
  sdeFromScalar,
  sra1,
  stochasticHeun,
  type Sde,
  type Solver,
} from "../../src/sde";
import type { BadKind, Probe } from "./harness";

const count: BadKind[] = ["zero", "negative", "non-integer", "nan", "infinite", "wrong-type"];
const scalar: BadKind[] = ["nan", "infinite", "wrong-type", "missing"];
const buffer: BadKind[] = ["empty", "short", "wrong-type", "missing"];
const object: BadKind[] = ["wrong-type", "missing"];
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const array = (n: number, min = -3, max = 3) =>
  fc.array(finite(min, max), { minLength: n, maxLength: n }).map((a) => Float64Array.from(a));

/** An OU-like SDE of dimension d: dX = −X dt + σ(x) dW, σ = 1 (additive) or 1 + x²/10. */
function sde(d: number, additive: boolean): Sde {
  return sdeFromScalar({
    drift: (_t, x) => -x,
    diffusion: additive ? () => 1 : (_t, x) => 1 + 0.1 * x * x,
    diffusionDerivative: additive ? undefined : (_t, x) => 0.2 * x,
    additive,
    dim: d,
  });
}

const spec = fc.record({
  drift: fc.constant((_t: number, x: number) => -x),
  diffusion: fc.constant(() => 1),
  diffusionDerivative: fc.constant(() => 0),
  dim: fc.integer({ min: 1, max: 3 }),
  calculus: fc.constantFrom("ito", "stratonovich"),
});

/** A coefficient method of sdeFromScalar's Sde: f(t, x (n, d), out (n, d), n) → out. */
function coefficient(method: "drift" | "diffusion" | "diffusionDerivative"): Probe {
  return {
    name: `sdeFromScalar.${method}`,
    valid: fc
      .tuple(finite(0, 1), fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 3 }))
      .chain(([t, n, d]) =>
        array(n * d).map((x) => [t, x, new Float64Array(n * d), n, sde(d, false)]),
      ),
    call: (t, x, out, n, s) => {
      (s as Sde)[method]?.(t as number, x as Float64Array, out as Float64Array, n as number);
      return out;
    },
    params: [
      { arg: 0, name: "t", bad: scalar },
      { arg: 1, name: "x", bad: buffer },
      { arg: 2, name: "out", bad: buffer },
      { arg: 3, name: "n", bad: count },
    ],
  };
}

/** The SDE each solver is probed on: additive for sra1, multiplicative diagonal otherwise. */
const solvers: [string, Solver, boolean][] = [
  ["eulerMaruyama", eulerMaruyama, false],
  ["milstein", milstein, false],
  ["stochasticHeun", stochasticHeun, false],
  ["sra1", sra1, true],
];

function stepperProbes([name, solver, additive]: [string, Solver, boolean]): Probe[] {
  const area = solver.levyArea;
  return [
    {
      name: `${name}.stepper`,
      valid: fc
        .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }))
        .map(([d, n]) => [sde(d, additive), n]),
      call: (s, n) => solver.stepper(s as Sde, n as number),
      params: [
        { arg: 0, name: "sde", bad: object },
        { arg: 1, name: "n", bad: count },
      ],
    },
    {
      name: `${name}.step`,
      // (t, h, x, dW, dZ | null) and, not probed, the SDE and n the stepper is made for
      valid: fc
        .tuple(finite(0, 1), finite(0.001, 0.1), fc.integer({ min: 1, max: 3 }))
        .chain(([t, h, d]) =>
          fc
            .integer({ min: 2, max: 6 })
            .chain((n) =>
              fc
                .tuple(array(n * d), array(n * d), array(n * d))
                .map(([x, dW, dZ]) => [t, h, x, dW, area ? dZ : null, sde(d, additive), n]),
            ),
        ),
      call: (t, h, x, dW, dZ, s, n) => {
        const stepper = solver.stepper(s as Sde, n as number);
        const ok = stepper.step(
          t as number,
          h as number,
          x as Float64Array,
          dW as Float64Array,
          dZ as Float64Array | null,
        );
        return { ok: ok ? 1 : 0, x };
      },
      params: [
        { arg: 0, name: "t", bad: scalar },
        { arg: 1, name: "h", bad: area ? [...scalar, "zero"] : scalar },
        { arg: 2, name: "x", bad: buffer },
        { arg: 3, name: "dW", bad: buffer },
        ...(area ? [{ arg: 4, name: "dZ", bad: buffer }] : []),
      ],
    },
  ];
}

export const probes: Probe[] = [
  {
    name: "noiseClass",
    valid: fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 3 })).map(([a, d]) => [sde(d, a)]),
    call: (s) => noiseClass(s as Sde),
    params: [{ arg: 0, name: "sde", bad: object }],
  },
  {
    name: "sdeFromScalar",
    valid: fc.tuple(spec),
    call: (s) => sdeFromScalar(s as never),
    params: [
      { arg: 0, name: "spec", bad: object },
      { arg: 0, path: ["drift"], name: "spec.drift", bad: object },
      { arg: 0, path: ["diffusion"], name: "spec.diffusion", bad: object },
      {
        arg: 0,
        path: ["diffusionDerivative"],
        name: "spec.diffusionDerivative",
        bad: ["wrong-type"],
      },
      { arg: 0, path: ["dim"], name: "spec.dim", bad: count },
      { arg: 0, path: ["calculus"], name: "spec.calculus", bad: ["wrong-type"] },
    ],
  },
  coefficient("drift"),
  coefficient("diffusion"),
  coefficient("diffusionDerivative"),
  {
    name: "integrate",
    // OU-like SDE, Euler–Maruyama, n paths of dimension 1 on a grid of K steps of [0, 1]
    valid: fc
      .tuple(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
      )
      .chain(([seed, n, K]) =>
        fc.tuple(array(n), fc.integer({ min: 1, max: K })).map(([x0, every]) => [
          sde(1, true),
          eulerMaruyama,
          x0,
          sampleBrownianPath(
            createRng(seed),
            Array.from({ length: K + 1 }, (_, k) => k / K),
            n,
            1,
          ),
          { saveEvery: every },
        ]),
      ),
    call: (s, solver, x0, path, options) =>
      integrate(s as Sde, solver as Solver, x0 as Float64Array, path as never, options as never),
    params: [
      { arg: 0, name: "sde", bad: object },
      { arg: 1, name: "solver", bad: object },
      { arg: 2, name: "x0", bad: ["empty", "short", "non-finite-entry", "wrong-type", "missing"] },
      { arg: 3, name: "path", bad: object },
      // options: {} is valid, so "wrong-type" does not apply; null and "1" are refused with a
      // TypeError in test/sde/integrate.test.ts
      { arg: 4, path: ["saveEvery"], name: "options.saveEvery", bad: count },
    ],
  },
  {
    name: "picardIteration",
    // OU-like SDE, additive noise, n paths of dimension 1 on K steps of [0, 1]
    valid: fc
      .tuple(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
      )
      .chain(([seed, n, K]) =>
        fc.tuple(array(n), fc.integer({ min: 1, max: 5 })).map(([x0, iterations]) => [
          sde(1, true),
          x0,
          sampleBrownianPath(
            createRng(seed),
            Array.from({ length: K + 1 }, (_, k) => k / K),
            n,
            1,
          ),
          iterations,
        ]),
      ),
    call: (s, x0, path, iterations) =>
      picardIteration(s as Sde, x0 as Float64Array, path as never, iterations as number),
    params: [
      { arg: 0, name: "sde", bad: object },
      { arg: 1, name: "x0", bad: ["empty", "short", "non-finite-entry", "wrong-type", "missing"] },
      { arg: 2, name: "path", bad: object },
      { arg: 3, name: "iterations", bad: count },
    ],
  },
  {
    name: "exitTimes",
    valid: fc
      .tuple(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
      )
      .chain(([seed, n, K]) =>
        fc.tuple(array(n), finite(0.5, 10)).map(([x0, radius]) => [
          sde(1, true),
          eulerMaruyama,
          x0,
          sampleBrownianPath(
            createRng(seed),
            Array.from({ length: K + 1 }, (_, k) => k / K),
            n,
            1,
          ),
          radius,
        ]),
      ),
    call: (s, solver, x0, path, radius) =>
      exitTimes(s as Sde, solver as Solver, x0 as Float64Array, path as never, radius as number),
    params: [
      { arg: 0, name: "sde", bad: object },
      { arg: 1, name: "solver", bad: object },
      { arg: 2, name: "x0", bad: ["empty", "short", "non-finite-entry", "wrong-type", "missing"] },
      { arg: 3, name: "path", bad: object },
      {
        arg: 4,
        name: "radius",
        bad: ["zero", "negative", "nan", "infinite", "wrong-type", "missing"],
      },
    ],
    mayReturnNonFinite: "a path that never leaves the ball has exit time +∞ (doc comment)",
  },
  ...(["girsanovLogWeight", "pathKl"] as const).map((name): Probe => ({
    name,
    // two OU-like SDEs with the same diffusion, and a saved trajectory (S = K + 1, n, 1)
    valid: fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }))
      .chain(([K, n]) =>
        array((K + 1) * n).map((states) => [
          sde(1, false),
          sdeFromScalar({
            drift: (_t, x) => 1 - x,
            diffusion: (_t, x) => 1 + 0.1 * x * x,
          }),
          { times: Float64Array.from({ length: K + 1 }, (_, k) => k / K), states },
        ]),
      ),
    call: (p, q, trajectory) =>
      (name === "pathKl" ? pathKl : girsanovLogWeight)(p as Sde, q as Sde, trajectory as never),
    params: [
      { arg: 0, name: "p", bad: object },
      { arg: 1, name: "q", bad: object },
      { arg: 2, name: "trajectory", bad: object },
      {
        arg: 2,
        path: ["times"],
        name: "trajectory.times",
        bad: ["empty", "non-finite-entry", "wrong-type", "missing"],
      },
      {
        arg: 2,
        path: ["states"],
        name: "trajectory.states",
        bad: ["empty", "non-finite-entry", "wrong-type", "missing"],
      },
    ],
  })),
  ...solvers.flatMap(stepperProbes),
];

/** Exports and methods without a probe, with the reason. */
export const exempt: Record<string, string> = {};
