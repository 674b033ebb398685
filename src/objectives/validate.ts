import type { ScoreModel } from "../nn";
import {
  describeValue,
  isFloat64Array,
  requireAllFinite,
  requireFloat64Array,
  requireInteger,
  requireInterface,
  requireOptions,
  requireRows,
} from "../base";

/**
 * Throws unless model is a ScoreModel (with the given methods) of dimension d ≥ 1 with finite
 * parameters (a NaN there, e.g. after a diverged step, would make every loss NaN); returns d.
 * @internal
 */
export function checkModel(fn: string, model: unknown, methods: readonly string[]): number {
  requireInterface(fn, "model", model, "a ScoreModel", methods);
  const m = model as ScoreModel;
  const d = requireInteger(fn, "model.dim", m.dim, 1);
  if (isFloat64Array(m.params)) requireAllFinite(fn, "model.params", m.params);
  return d;
}

/**
 * Throws unless n is a positive integer and each named array holds exactly n rows of its width
 * ((n, width) row-major), all finite: a batch whose arrays disagree is refused. Returns n.
 * @internal
 */
export function checkBatch(
  fn: string,
  n: unknown,
  arrays: readonly (readonly [string, unknown, number])[],
): number {
  const rows = requireInteger(fn, "n", n, 1);
  for (const [name, a, width] of arrays) requireRows(fn, name, a, rows, width);
  return rows;
}

/** The options every objective shares: perRow (n) receives the per-row losses. @internal */
export function checkOptions<T extends { perRow?: Float64Array }>(
  fn: string,
  options: T | undefined,
  n: number,
): Partial<T> {
  const o = requireOptions(fn, options);
  if (o.perRow !== undefined) requireFloat64Array(fn, "options.perRow", o.perRow, n);
  return o;
}

/** Grow-only scratch: get(i, size) returns buffer i with at least size doubles. @internal */
export class Scratch {
  private readonly bufs: Float64Array[] = [];
  get(i: number, size: number): Float64Array {
    if (!this.bufs[i] || this.bufs[i].length < size) this.bufs[i] = new Float64Array(size);
    return this.bufs[i];
  }
}

/** λ(t) from an option: "none" → 1, "std2" → std(t)², or a function. @internal */
export type Weighting = "none" | "std2" | ((t: number) => number);

/**
 * Resolves a weighting to a function, std from the process; a user function's value is checked
 * at each call (finite and ≥ 0), naming fn and t. @internal
 */
export function weightFunction(
  fn: string,
  weighting: unknown,
  std: ((t: number) => number) | undefined,
): (t: number) => number {
  if (weighting === "none") return () => 1;
  if (weighting === "std2") {
    if (!std) {
      throw new TypeError(
        `${fn}: options.weighting "std2" needs a process with std(t); pass "none" or a function`,
      );
    }
    return (t) => std(t) ** 2;
  }
  if (typeof weighting === "function") {
    const lambda = weighting as (t: number) => number;
    return (t) => {
      const v: unknown = lambda(t);
      if (typeof v !== "number") {
        throw new TypeError(
          `${fn}: options.weighting(t) must return a number, got ${describeValue(v)} at t = ${t}`,
        );
      }
      if (!(v >= 0 && v < Infinity)) {
        throw new RangeError(
          `${fn}: options.weighting(t) must be a finite number >= 0, got ${describeValue(v)} at t = ${t}`,
        );
      }
      return v;
    };
  }
  throw new TypeError(
    `${fn}: options.weighting must be "none", "std2" or a function, got ${describeValue(weighting)}`,
  );
}
