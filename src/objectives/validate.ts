import type { ScoreModel } from "../nn";
import { isFloat64Array, describeValue } from "../base";

/** Throws unless model is a ScoreModel and the named arrays hold n rows of their widths. @internal */
export function checkBatch(
  fn: string,
  model: ScoreModel,
  n: number,
  arrays: [string, Float64Array, number][],
): void {
  if (model === null || typeof model !== "object" || typeof model.evaluate !== "function") {
    throw new TypeError(`${fn}: model must be a ScoreModel, got ${describeValue(model)}`);
  }
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`${fn}: n must be a positive integer, got ${n}`);
  }
  for (const [name, a, width] of arrays) {
    if (!isFloat64Array(a)) {
      throw new TypeError(`${fn}: ${name} must be a Float64Array, got ${describeValue(a)}`);
    }
    if (a.length < n * width) {
      throw new RangeError(
        `${fn}: ${name} must hold (n, ${width}) = ${n * width} values, got ${a.length}`,
      );
    }
  }
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

/** Resolves a weighting to a function, std from the process. @internal */
export function weightFunction(
  fn: string,
  weighting: Weighting,
  std: ((t: number) => number) | undefined,
): (t: number) => number {
  if (weighting === "none") return () => 1;
  if (weighting === "std2") {
    if (!std) throw new TypeError(`${fn}: weighting "std2" needs a process with std(t)`);
    return (t) => std(t) ** 2;
  }
  if (typeof weighting === "function") return weighting;
  throw new TypeError(
    `${fn}: weighting must be "none", "std2" or a function, got ${describeValue(weighting)}`,
  );
}
