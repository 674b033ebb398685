import { describeValue } from "../base";
import type { GaussianMixture } from "../mixture";

/**
 * Throws a TypeError unless `data` looks like a GaussianMixture from `gaussianMixture`, and a
 * RangeError unless its dimension is `dim` (when given). Names the parameter `data`. @internal
 */
export function checkData(fn: string, data: GaussianMixture, dim?: number): void {
  if (
    data === null ||
    typeof data !== "object" ||
    !Number.isInteger(data.dim) ||
    !ArrayBuffer.isView(data.precisions) ||
    !ArrayBuffer.isView(data.logNormalizers)
  ) {
    throw new TypeError(
      `${fn}: data must be a GaussianMixture from gaussianMixture, got ${describeValue(data)}`,
    );
  }
  if (dim !== undefined && data.dim !== dim) {
    throw new RangeError(`${fn}: data must be ${dim}-dimensional, got data.dim = ${data.dim}`);
  }
}
