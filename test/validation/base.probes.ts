/** Probes of src/base (see harness.ts). */
import fc from "fast-check";
import { column, linspace, row } from "../../src/base";
import type { Probe } from "./harness";

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
  requireTime: "a validator: its errors name its caller's function by design",
  requireFloat64Array: "a validator: its errors name its caller's function by design",
  requireAllFinite: "a validator: its errors name its caller's function by design",
  requireFiniteArray: "a validator: its errors name its caller's function by design",
  requirePoints: "a validator: its errors name its caller's function by design",
  requireRows: "a validator: its errors name its caller's function by design",
  requireSample: "a validator: its errors name its caller's function by design",
  requireFunction: "a validator: its errors name its caller's function by design",
  requireOptions: "a validator: its errors name its caller's function by design",
  requireOneOf: "a validator: its errors name its caller's function by design",
  requireInterface: "a validator: its errors name its caller's function by design",
};
