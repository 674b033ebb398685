/**
 * Probes of src/check (see harness.ts). A check compares numbers; its bad input is a non-number
 * where a number is compared, a non-finite oracle, bound or tolerance, a missing label or reason.
 * A compared value that is NaN is not refused but fails the check (a CheckError that shows it):
 * that is tested in test/check/no-pass-on-nan.test.ts, since the harness expects a RangeError or
 * a TypeError. Strings (label, reason, message) and booleans (condition) are probed only for
 * "missing": the harness's wrong types include a string and true, which are valid for them.
 */
import fc from "fast-check";
import {
  CheckError,
  checkAbove,
  checkAllClose,
  checkBelow,
  checkClose,
  checkPValue,
  checkSlope,
  checkThrows,
  checkTrue,
  checkWithinSE,
  formatSignificant,
  setCheckMode,
  twoSidedNormalTail,
  chiSquareFalseFail,
} from "../../src/check";
import type { BadKind, Probe } from "./harness";

const reason = "a reason of the tolerance";
const value = fc.double({ min: -1e3, max: 1e3, noNaN: true });
/** u ∈ [-0.99, 0.99]: a fraction of the tolerance, so the check passes */
const within = fc.double({ min: -0.99, max: 0.99, noNaN: true });
const FINITE: BadKind[] = ["nan", "infinite", "wrong-type", "missing"];
const TOLERANCE: BadKind[] = ["nan", "infinite", "negative", "wrong-type", "missing"];
const COMPARED: BadKind[] = ["wrong-type", "missing"];
const LABEL = { arg: 0, name: "label", bad: ["missing"] as BadKind[] };
const REASON = (arg: number) => ({
  arg,
  path: ["reason"],
  name: "options.reason",
  bad: ["missing"] as BadKind[],
});
const OPTIONS = (arg: number) => ({
  arg,
  name: "options",
  bad: ["wrong-type", "missing"] as BadKind[],
});

export const probes: Probe[] = [
  {
    name: "checkClose",
    valid: fc
      .tuple(value, fc.double({ min: 0.1, max: 10, noNaN: true }), within)
      .map(([e, abs, u]) => ["x", e + u * abs, e, { abs, reason }]),
    call: (l, a, e, o) => checkClose(l as string, a as number, e as number, o as never),
    params: [
      LABEL,
      { arg: 1, name: "actual", bad: COMPARED },
      { arg: 2, name: "expected", bad: FINITE },
      { arg: 3, path: ["abs"], name: "options.abs", bad: TOLERANCE },
      REASON(3),
      OPTIONS(3),
    ],
  },
  {
    name: "checkAllClose",
    valid: fc
      .integer({ min: 2, max: 6 })
      .chain((n) =>
        fc
          .tuple(
            fc.array(value, { minLength: n, maxLength: n }),
            fc.array(within, { minLength: n, maxLength: n }),
            fc.double({ min: 0.1, max: 10, noNaN: true }),
          )
          .map(([e, u, abs]) => ["x", e.map((v, i) => v + u[i] * abs), e, { abs, reason }]),
      ),
    call: (l, a, e, o) => checkAllClose(l as string, a as number[], e as number[], o as never),
    params: [
      LABEL,
      { arg: 1, name: "actual", bad: ["empty", "wrong-type", "missing"] },
      {
        arg: 2,
        name: "expected",
        bad: ["empty", "short", "non-finite-entry", "wrong-type", "missing"],
      },
      { arg: 3, path: ["abs"], name: "options.abs", bad: TOLERANCE },
      REASON(3),
      OPTIONS(3),
    ],
  },
  {
    name: "checkWithinSE",
    valid: fc
      .tuple(
        value,
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 2, max: 5, noNaN: true }),
        within,
      )
      .map(([e, se, z, u]) => ["m", e + u * z * se, e, se, { z, reason }]),
    call: (l, est, e, se, o) =>
      checkWithinSE(l as string, est as number, e as number, se as number, o as never),
    params: [
      LABEL,
      { arg: 1, name: "estimate", bad: COMPARED },
      { arg: 2, name: "expected", bad: FINITE },
      { arg: 3, name: "se", bad: TOLERANCE },
      { arg: 4, path: ["z"], name: "options.z", bad: ["zero", ...TOLERANCE] },
      REASON(4),
      OPTIONS(4),
    ],
  },
  {
    name: "checkBelow",
    valid: fc
      .tuple(value, fc.double({ min: 0, max: 10, noNaN: true }))
      .map(([b, gap]) => ["e", b - gap, b, { reason }]),
    call: (l, a, b, o) => checkBelow(l as string, a as number, b as number, o as never),
    params: [
      LABEL,
      { arg: 1, name: "actual", bad: COMPARED },
      { arg: 2, name: "bound", bad: FINITE },
      REASON(3),
      OPTIONS(3),
    ],
  },
  {
    name: "checkAbove",
    valid: fc
      .tuple(value, fc.double({ min: 0, max: 10, noNaN: true }))
      .map(([b, gap]) => ["e", b + gap, b, { reason }]),
    call: (l, a, b, o) => checkAbove(l as string, a as number, b as number, o as never),
    params: [
      LABEL,
      { arg: 1, name: "actual", bad: COMPARED },
      { arg: 2, name: "bound", bad: FINITE },
      REASON(3),
      OPTIONS(3),
    ],
  },
  {
    name: "checkSlope",
    // y = C x^p exactly: the fitted slope is p up to rounding (≈ 1e-14), well within the band
    valid: fc
      .tuple(
        fc.array(fc.double({ min: 1e-3, max: 1, noNaN: true }), { minLength: 3, maxLength: 6 }),
        fc.double({ min: 0.25, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
      )
      .filter(([x]) => Math.max(...x) > 1.01 * Math.min(...x))
      .map(([x, p, c, tolerance]) => [
        "order",
        x,
        x.map((h) => c * h ** p),
        { expected: p, tolerance, reason, scale: "log" },
      ]),
    call: (l, x, y, o) => checkSlope(l as string, x as number[], y as number[], o as never),
    params: [
      LABEL,
      { arg: 1, name: "x", bad: ["empty", "short", "non-finite-entry", "wrong-type", "missing"] },
      { arg: 2, name: "y", bad: ["empty", "short", "wrong-type", "missing"] },
      { arg: 3, path: ["expected"], name: "options.expected", bad: FINITE },
      { arg: 3, path: ["tolerance"], name: "options.tolerance", bad: TOLERANCE },
      { arg: 3, path: ["scale"], name: "options.scale", bad: ["wrong-type"] },
      REASON(3),
      OPTIONS(3),
    ],
  },
  {
    name: "checkPValue",
    valid: fc
      .tuple(
        fc.double({ min: 1e-3, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([alpha, u]) => ["ks", alpha + u * (1 - alpha), { alpha, reason }]),
    call: (l, p, o) => checkPValue(l as string, p as number, o as never),
    params: [
      LABEL,
      { arg: 1, name: "p", bad: ["infinite", "negative", "wrong-type", "missing"] },
      { arg: 2, path: ["alpha"], name: "options.alpha", bad: ["zero", ...TOLERANCE] },
      REASON(2),
      OPTIONS(2),
    ],
  },
  {
    name: "checkThrows",
    valid: fc.string({ minLength: 1, maxLength: 8 }).map((word) => [
      "throws",
      () => {
        throw new RangeError(`bad ${word}`);
      },
      { type: RangeError, message: "bad", reason },
    ]),
    call: (l, f, o) => checkThrows(l as string, f as () => unknown, o as never),
    params: [
      LABEL,
      { arg: 1, name: "fn", bad: ["wrong-type", "missing"] },
      { arg: 2, path: ["type"], name: "options.type", bad: ["wrong-type", "missing"] },
      { arg: 2, path: ["message"], name: "options.message", bad: ["missing"] },
      REASON(2),
      OPTIONS(2),
    ],
  },
  {
    name: "checkTrue",
    valid: fc.constant<unknown[]>(["fact", true, { reason }]),
    call: (l, c, o) => checkTrue(l as string, c as boolean, o as never),
    params: [LABEL, { arg: 1, name: "condition", bad: ["missing"] }, REASON(2), OPTIONS(2)],
  },
  {
    name: "formatSignificant",
    valid: fc.tuple(fc.double({ noNaN: false }), fc.integer({ min: 1, max: 17 })),
    call: (x, d) => formatSignificant(x as number, d as number),
    params: [
      { arg: 0, name: "x", bad: ["wrong-type", "missing"] },
      // missing digits is the default 5
      {
        arg: 1,
        name: "digits",
        bad: ["zero", "negative", "non-integer", "nan", "infinite", "wrong-type"],
      },
    ],
  },
  {
    name: "twoSidedNormalTail",
    valid: fc.tuple(fc.double({ min: 0, max: 40, noNaN: true })),
    call: (z) => twoSidedNormalTail(z as number),
    params: [{ arg: 0, name: "z", bad: ["nan", "infinite", "negative", "wrong-type", "missing"] }],
  },
  {
    name: "chiSquareFalseFail",
    valid: fc.tuple(
      fc.double({ min: 1, max: 1e6, noNaN: true }),
      fc.double({ min: 0, max: 40, noNaN: true }),
    ),
    call: (k, z) => chiSquareFalseFail(k as number, z as number),
    params: [
      { arg: 0, name: "k", bad: ["nan", "infinite", "negative", "zero", "wrong-type", "missing"] },
      { arg: 1, name: "z", bad: ["nan", "infinite", "negative", "wrong-type", "missing"] },
    ],
  },
  {
    name: "setCheckMode",
    valid: fc.constantFrom<unknown[]>(["throw"]),
    call: (m) => setCheckMode(m as never),
    params: [{ arg: 0, name: "mode", bad: ["wrong-type", "missing"] }],
  },
  {
    name: "CheckError",
    valid: fc.constant<unknown[]>([
      "✗ x: 2 vs 1 differ by 1 (reason)",
      {
        kind: "close",
        label: "x",
        actual: 2,
        expected: 1,
        tolerance: 0.5,
        reason: "reason",
        excess: 0.5,
        index: null,
        falseFail: 0,
        statistic: null,
        spec: "abs = 0.5, rel = 0",
      },
    ]),
    call: (m, f) => new CheckError(m as string, f as never),
    params: [
      { arg: 0, name: "message", bad: ["missing"] },
      { arg: 1, name: "fields", bad: ["wrong-type", "missing"] },
    ],
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {
  setCheckRecorder:
    "its one argument is a function or null (null removes the recorder); a non-function is refused, tested in test/check/calibration-fields.test.ts",
  lastCheckResult: "takes no arguments (returns the record of the last passing check)",
  "CheckError.toString": "Error.prototype.toString, inherited: takes no arguments",
};
