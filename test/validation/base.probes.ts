/** Probes of src/base (see harness.ts). */
import fc from "fast-check";
import {
  column,
  linspace,
  optionalFinite,
  optionalInRange,
  optionalInteger,
  optionalNonNegative,
  optionalPositive,
  requireBatch,
  requireBatchAt,
  requireBoolean,
  requireFiniteArray,
  requireIndex,
  requireNonEmptyString,
  requireNumberArray,
  requireOption,
  requirePositive,
  requireRowsAtLeast,
  requireTime,
  row,
} from "../../src/base";
import type { Probe } from "./harness";

/** A finite Float64Array of exactly `length` values. */
const finiteArray = (length: number) =>
  fc.float64Array({ minLength: length, maxLength: length, noNaN: true, noDefaultInfinity: true });

/** (x (n, d), out (n, d), n) with 1 ≤ n ≤ 4 and d = 2: a batch call. */
const D = 2;
const batch = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(finiteArray(n * D), finiteArray(n * D), fc.constant(n)))
  .map((args) => args as unknown[]);

/** A finite number, for the optional-number probes. */
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });

/** The validators are probed as a user function of the same name would call them. */
const validators: Probe[] = [
  {
    name: "requireTime",
    valid: fc
      .tuple(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 0, max: 1 }))
      .map(([T, u]) => [u * T, T]),
    call: (t, T) => requireTime("requireTime", "t", t, T as number, { slack: true }),
    params: [{ arg: 0, name: "t", bad: ["nan", "infinite", "negative", "wrong-type", "missing"] }],
  },
  {
    name: "requireIndex",
    valid: fc
      .integer({ min: 1, max: 20 })
      .chain((size) => fc.tuple(fc.integer({ min: 0, max: size - 1 }), fc.constant(size))),
    call: (k, size) => requireIndex("requireIndex", "k", k, size as number),
    params: [
      {
        arg: 0,
        name: "k",
        bad: ["negative", "non-integer", "nan", "infinite", "wrong-type", "missing"],
      },
    ],
  },
  {
    name: "requireBatch",
    valid: batch,
    call: (x, out, n) => requireBatch("requireBatch", x, out, n, D),
    params: [
      { arg: 0, name: "x", bad: ["wrong-type", "missing", "empty", "short", "non-finite-entry"] },
      { arg: 1, name: "out", bad: ["wrong-type", "missing", "empty", "short"] },
      {
        arg: 2,
        name: "n",
        bad: ["zero", "negative", "non-integer", "nan", "wrong-type", "missing"],
      },
    ],
  },
  {
    name: "requireBatchAt",
    valid: batch.map(([x, out, n]) => [0.5, x, out, n]),
    call: (t, x, out, n) => requireBatchAt("requireBatchAt", t, x, out, n, D),
    params: [
      { arg: 0, name: "t", bad: ["nan", "infinite", "wrong-type", "missing"] },
      { arg: 1, name: "x", bad: ["wrong-type", "short", "non-finite-entry"] },
      { arg: 3, name: "n", bad: ["zero", "non-integer"] },
    ],
  },
  {
    name: "requireRowsAtLeast",
    valid: batch.map(([x, , n]) => [x, n]),
    call: (x, n) => requireRowsAtLeast("requireRowsAtLeast", "x", x, n as number, D),
    params: [
      { arg: 0, name: "x", bad: ["wrong-type", "missing", "empty", "short", "non-finite-entry"] },
    ],
  },
  {
    name: "requireFiniteArray",
    valid: fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(finiteArray(n))),
    call: (x) => requireFiniteArray("requireFiniteArray", "x", x, { min: 1 }),
    params: [{ arg: 0, name: "x", bad: ["wrong-type", "missing", "empty", "non-finite-entry"] }],
  },
  {
    name: "requireNonEmptyString",
    valid: fc.tuple(fc.string({ minLength: 1 }).filter((s) => s.trim() !== "")),
    call: (v) => requireNonEmptyString("requireNonEmptyString", "label", v),
    params: [{ arg: 0, name: "label", bad: ["missing"] }], // any other string is valid
  },
  {
    name: "requireBoolean",
    valid: fc.tuple(fc.boolean()),
    call: (v) => requireBoolean("requireBoolean", "flag", v),
    params: [{ arg: 0, name: "flag", bad: ["missing"] }], // "wrong-type" draws true, which is valid
  },
  {
    name: "requireNumberArray",
    valid: fc.tuple(fc.array(fc.double())),
    call: (v) => requireNumberArray("requireNumberArray", "x", v),
    params: [{ arg: 0, name: "x", bad: ["wrong-type", "missing"] }],
  },
  {
    name: "requireOption",
    valid: fc.tuple(fc.record({ T: fc.double({ min: 1e-6, max: 1e6, noNaN: true }) })),
    call: (o) => requireOption("requireOption", o as object, "options.T", 1, requirePositive),
    params: [
      {
        arg: 0,
        path: ["T"],
        name: "options.T",
        bad: ["zero", "negative", "nan", "infinite", "wrong-type"],
      },
    ],
  },
  {
    name: "optionalFinite",
    valid: fc.tuple(finite),
    call: (v) => optionalFinite("optionalFinite", "x", v),
    params: [{ arg: 0, name: "x", bad: ["nan", "infinite", "wrong-type"] }],
  },
  {
    name: "optionalPositive",
    valid: fc.tuple(fc.double({ min: 1e-6, max: 1e6, noNaN: true })),
    call: (v) => optionalPositive("optionalPositive", "x", v),
    params: [{ arg: 0, name: "x", bad: ["zero", "negative", "nan", "infinite", "wrong-type"] }],
  },
  {
    name: "optionalNonNegative",
    valid: fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true })),
    call: (v) => optionalNonNegative("optionalNonNegative", "x", v),
    params: [{ arg: 0, name: "x", bad: ["negative", "nan", "infinite", "wrong-type"] }],
  },
  {
    name: "optionalInRange",
    valid: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true })),
    call: (v) => optionalInRange("optionalInRange", "x", v, 0, 1),
    params: [{ arg: 0, name: "x", bad: ["negative", "nan", "infinite", "wrong-type"] }],
  },
  {
    name: "optionalInteger",
    valid: fc.tuple(fc.integer({ min: 1, max: 1000 })),
    call: (v) => optionalInteger("optionalInteger", "x", v, 1),
    params: [{ arg: 0, name: "x", bad: ["zero", "negative", "non-integer", "nan", "wrong-type"] }],
  },
];

/** An (rows, width) row-major array with 1 ≤ rows, width ≤ 5, and an index valid for both. */
const rowsAndIndex = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([rows, width]) =>
    fc.tuple(
      fc.float64Array({
        minLength: rows * width,
        maxLength: rows * width,
        noNaN: true,
        noDefaultInfinity: true,
      }),
      fc.integer({ min: 0, max: Math.min(rows, width) - 1 }),
      fc.constant(width),
    ),
  )
  .map(([x, i, width]) => [x, i, width] as unknown[]);

export const probes: Probe[] = [
  ...validators,
  {
    name: "linspace",
    valid: fc.tuple(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: 1, max: 50 }),
    ),
    call: (a, b, n) => linspace(a as number, b as number, n as number),
    params: [
      { arg: 0, name: "a", bad: ["nan", "infinite", "wrong-type", "missing"] },
      { arg: 1, name: "b", bad: ["nan", "infinite", "wrong-type", "missing"] },
      { arg: 2, name: "n", bad: ["zero", "negative", "non-integer", "nan", "wrong-type"] },
    ],
  },
  {
    name: "row",
    valid: rowsAndIndex,
    call: (x, i, width) => row(x as Float64Array, i as number, width as number),
    params: [
      { arg: 0, name: "x", bad: ["wrong-type", "missing"] },
      { arg: 1, name: "i", bad: ["negative", "non-integer", "nan", "wrong-type", "missing"] },
      { arg: 2, name: "width", bad: ["zero", "negative", "non-integer", "nan", "wrong-type"] },
    ],
  },
  {
    name: "column",
    valid: rowsAndIndex,
    call: (x, j, width) => column(x as Float64Array, j as number, width as number),
    params: [
      { arg: 0, name: "x", bad: ["wrong-type", "missing"] },
      { arg: 1, name: "j", bad: ["negative", "non-integer", "nan", "wrong-type", "missing"] },
      { arg: 2, name: "width", bad: ["zero", "negative", "non-integer", "nan", "wrong-type"] },
    ],
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {
  describeValue: "describes any value, bad ones included: it has no bad input",
  isFloat64Array: "a predicate over any value: it has no bad input",
  requireFinite: "a validator: its errors name its caller's function by design",
  requireNotNaN: "a validator: its errors name its caller's function by design",
  requirePositive: "a validator: its errors name its caller's function by design",
  requireNonNegative: "a validator: its errors name its caller's function by design",
  requireInRange: "a validator: its errors name its caller's function by design",
  requireInteger: "a validator: its errors name its caller's function by design",
  requireFloat64Array: "a validator: its errors name its caller's function by design",
  requireAllFinite: "a validator: its errors name its caller's function by design",
  requirePoints: "a validator: its errors name its caller's function by design",
  requireRows: "a validator: its errors name its caller's function by design",
  requireSample: "a validator: its errors name its caller's function by design",
  requireFunction: "a validator: its errors name its caller's function by design",
  requireOptions: "a validator: its errors name its caller's function by design",
  requireOneOf: "a validator: its errors name its caller's function by design",
  requireInterface: "a validator: its errors name its caller's function by design",
  // the validators added for issues 17 and 18 are probed above, as a function of their own name
};
