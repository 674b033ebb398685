import { describeValue, isFloat64Array, requireInteger, requireTime } from "../base";
import { checkTMin } from "./validate";

/** How a sampler on a time grid reads its times. */
export interface SamplingTimesOptions {
  /** K, the number of steps of the uniform grid from T down to tMin (default 50) */
  steps?: number;
  /** the last time of the uniform grid, in (0, T) (default 1e-3) */
  tMin?: number;
  /** (K + 1) strictly decreasing times in [0, T] instead of the uniform grid ($x_T$ is at times[0]) */
  times?: Float64Array;
}

/**
 * The times $t_0 > t_1 > \dots > t_K$ of a sampler: `options.times` (checked: a Float64Array of
 * at least 2 strictly decreasing times in [0, T], the last > 0 when `positiveEnd`), or the
 * uniform grid $t_k = T - k(T - t_{min})/K$ with $t_K = t_{min}$ exactly. @internal
 */
export function samplingTimes(
  fn: string,
  T: number,
  options: SamplingTimesOptions,
  positiveEnd: boolean,
): Float64Array {
  const { steps, tMin, times } = options;
  if (times === undefined) {
    // defaults for undefined only: a null is a wrong type, reported as such
    const K = requireInteger(fn, "options.steps", steps === undefined ? 50 : steps, 1);
    const t1 = checkTMin(fn, tMin === undefined ? 1e-3 : tMin, T);
    const grid = new Float64Array(K + 1); // (K + 1)
    for (let k = 0; k < K; k++) grid[k] = T - (k * (T - t1)) / K;
    grid[K] = t1;
    return grid;
  }
  if (steps !== undefined || tMin !== undefined) {
    throw new TypeError(
      `${fn}: options.times replaces options.steps and options.tMin, got both (steps = ${describeValue(steps)}, tMin = ${describeValue(tMin)})`,
    );
  }
  if (!isFloat64Array(times)) {
    throw new TypeError(`${fn}: options.times must be a Float64Array, got ${describeValue(times)}`);
  }
  if (times.length < 2) {
    throw new RangeError(
      `${fn}: options.times must hold at least 2 times, got length ${times.length}`,
    );
  }
  const last = times.length - 1;
  for (let k = 0; k <= last; k++) {
    const positive = positiveEnd || k < last; // every time but a last 0 evaluates the model
    requireTime(fn, `options.times[${k}]`, times[k], T, { positive });
    if (k > 0 && !(times[k] < times[k - 1])) {
      throw new RangeError(
        `${fn}: options.times must be strictly decreasing, got times[${k - 1}] = ${times[k - 1]}, times[${k}] = ${times[k]}`,
      );
    }
  }
  return times.slice();
}
