import { describeValue } from "../base";
/** Argument checks shared by the brownian constructors. @internal */
export function checkCount(fn: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${fn}: ${name} must be a positive integer, got ${value}`);
  }
}

/** Per-step (not per-element) check of an increments() call. @internal */
export function checkIncrementBuffers(
  fn: string,
  k: number,
  steps: number,
  nm: number,
  dW: Float64Array,
  dZ: Float64Array | null,
  levyArea: boolean,
): void {
  if (!Number.isInteger(k) || k < 0 || k >= steps) {
    throw new RangeError(`${fn}: k must be an integer in [0, ${steps}), got ${k}`);
  }
  if (!(dW instanceof Float64Array) || dW.length !== nm) {
    throw new RangeError(
      `${fn}: dW must be a Float64Array of length n·m = ${nm}, got ${describeValue(dW?.length)}`,
    );
  }
  if (dZ !== null) {
    if (!levyArea) throw new TypeError(`${fn}: dZ requested but this source has no Lévy area`);
    if (!(dZ instanceof Float64Array) || dZ.length !== nm) {
      throw new RangeError(
        `${fn}: dZ must be a Float64Array of length n·m = ${nm}, got ${describeValue(dZ?.length)}`,
      );
    }
  }
}
