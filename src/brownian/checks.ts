import { describeValue, isFloat64Array, requireIndex } from "../base";

/** Per-step (not per-element) check of an increments() call. @internal */
export function checkIncrementBuffers(
  fn: string,
  k: unknown,
  steps: number,
  nm: number,
  dW: unknown,
  dZ: unknown,
  levyArea: boolean,
): void {
  requireIndex(fn, "k", k, steps, "K");
  checkBuffer(fn, "dW", dW, nm);
  if (dZ === null) return;
  if (!isFloat64Array(dZ)) {
    throw new TypeError(`${fn}: dZ must be null or a Float64Array, got ${describeValue(dZ)}`);
  }
  if (!levyArea) {
    throw new TypeError(
      `${fn}: dZ must be null: this source has no Lévy area (create it with levyArea: true), got ${describeValue(dZ)}`,
    );
  }
  checkBuffer(fn, "dZ", dZ, nm);
}

function checkBuffer(fn: string, name: string, v: unknown, nm: number): void {
  if (!isFloat64Array(v)) {
    throw new TypeError(
      `${fn}: ${name} must be a Float64Array of length n·m = ${nm}, got ${describeValue(v)}`,
    );
  }
  if (v.length !== nm) {
    throw new RangeError(`${fn}: ${name} must have length n·m = ${nm}, got ${v.length}`);
  }
}
