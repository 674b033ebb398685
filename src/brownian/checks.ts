import { describeValue, isFloat64Array, requireInteger } from "../base";

/** Argument checks shared by the brownian constructors and sources. @internal */

/** Throws unless `value` is a positive integer (a number of paths, a dimension). @internal */
export function checkCount(fn: string, name: string, value: unknown): number {
  return requireInteger(fn, name, value, 1);
}

/** Throws unless `k` is an integer in [0, max] (a time index); returns it. @internal */
export function checkIndex(fn: string, name: string, k: unknown, max: number): number {
  const what = `an integer in [0, ${max}]`;
  if (typeof k !== "number") {
    throw new TypeError(`${fn}: ${name} must be ${what}, got ${describeValue(k)}`);
  }
  if (!Number.isInteger(k) || k < 0 || k > max) {
    throw new RangeError(`${fn}: ${name} must be ${what}, got ${describeValue(k)}`);
  }
  return k;
}

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
  checkIndex(fn, "k", k, steps - 1);
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
