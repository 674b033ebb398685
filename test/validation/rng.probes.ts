/** Probes of src/rng (see harness.ts): the generators, spawn and the fills. */
import fc from "fast-check";
import { createRng, fillNormal, fillUniform, rngFromState, spawn } from "../../src/rng";
import type { BadKind, Probe } from "./harness";

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const rng = seed.map((s) => createRng(s));
const buffer = fc.integer({ min: 1, max: 300 }).map((n) => new Float64Array(n));
const array: BadKind[] = ["wrong-type", "missing"];

export const probes: Probe[] = [
  {
    name: "createRng",
    // a string is a seed too, so "wrong-type" (which tries "1") does not apply: null, {}, true
    // and a Symbol are refused with a TypeError in test/rng/create-rng.test.ts
    valid: fc.tuple(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.string())),
    call: (s) => createRng(s as number),
    params: [{ arg: 0, name: "seed", bad: ["nan", "infinite", "non-integer", "missing"] }],
  },
  {
    name: "rngFromState",
    valid: fc.tuple(
      fc
        .array(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { minLength: 4, maxLength: 4 })
        .filter((s) => s.some((w) => w !== 0)),
    ),
    call: (state) => rngFromState(state as number[]),
    params: [
      {
        arg: 0,
        name: "state",
        bad: ["empty", "short", "non-finite-entry", "wrong-type", "missing"],
      },
    ],
  },
  {
    name: "spawn",
    valid: fc.tuple(rng, fc.integer({ min: 0, max: 5 })),
    call: (root, n) => spawn(root as never, n as number).map((r) => r.nextUint32()),
    params: [
      { arg: 0, name: "root", bad: array },
      { arg: 1, name: "n", bad: ["negative", "non-integer", "nan", "infinite", "wrong-type"] },
    ],
  },
  {
    name: "fillUniform",
    valid: fc.tuple(rng, buffer),
    call: (r, out) => fillUniform(r as never, out as Float64Array),
    params: [
      { arg: 0, name: "rng", bad: array },
      { arg: 1, name: "out", bad: array },
    ],
  },
  {
    name: "fillNormal",
    valid: fc.tuple(
      rng,
      buffer,
      fc.double({ min: -1e3, max: 1e3, noNaN: true }),
      fc.double({ min: 0, max: 1e3, noNaN: true }),
    ),
    call: (r, out, mean, std) =>
      fillNormal(r as never, out as Float64Array, mean as number, std as number),
    params: [
      { arg: 0, name: "rng", bad: array },
      { arg: 1, name: "out", bad: array },
      { arg: 2, name: "mean", bad: ["nan", "infinite", "wrong-type"] },
      { arg: 3, name: "std", bad: ["nan", "infinite", "negative", "wrong-type"] },
    ],
  },
];

/** The generator's own methods take no arguments. */
export const exempt: Record<string, string> = Object.fromEntries(
  ["createRng", "rngFromState"].flatMap((f) =>
    ["nextUint32", "uniform", "normal", "clone", "jump"].map((m) => [
      `${f}.${m}`,
      "takes no arguments (a draw, a copy or a jump of the generator)",
    ]),
  ),
);
