import { describeValue } from "../base";
import type { ScoreFunction } from "../score";

/** Throws unless score, x, n and steps are usable; returns a copy of x's first n rows. @internal */
export function checkSampler(
  fn: string,
  score: ScoreFunction,
  x: Float64Array,
  n: number,
  steps: number,
  tMin: number,
  T: number,
): Float64Array {
  if (score === null || typeof score !== "object" || typeof score.score !== "function") {
    throw new TypeError(`${fn}: score must be a ScoreFunction, got ${describeValue(score)}`);
  }
  if (!Number.isInteger(n) || n < 1 || x.length < n * score.dim) {
    throw new RangeError(
      `${fn}: x must hold (n, ${score.dim}) values with n >= 1, got n = ${n}, length ${x.length}`,
    );
  }
  if (!Number.isInteger(steps) || steps < 1) {
    throw new RangeError(`${fn}: steps must be a positive integer, got ${steps}`);
  }
  if (!(tMin > 0 && tMin < T))
    throw new RangeError(`${fn}: tMin must be in (0, T = ${T}), got ${tMin}`);
  return x.slice(0, n * score.dim);
}
