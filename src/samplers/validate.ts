import {
  describeValue,
  requireFinite,
  requireInteger,
  requireInterface,
  requireRows,
  requireTime,
} from "../base";
import type { NormalStream } from "../brownian";
import type { LinearProcess } from "../processes";
import type { ScoreFunction } from "../score";

// Read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { isFinite } = Number;

/** Throws unless noise is a NormalStream (an Rng passed by habit is named as such). @internal */
export function checkNoise(fn: string, noise: NormalStream): void {
  requireInterface(fn, "noise", noise, "a NormalStream (normalStream(rng))", ["normals"]);
}

/**
 * Throws unless process has T > 0 and the methods a sampler calls (`methods`, e.g. std or
 * alphaBar and beta); returns T. @internal
 */
export function checkProcess(
  fn: string,
  process: Pick<LinearProcess, "T">,
  kind: string,
  methods: readonly string[],
): number {
  requireInterface(fn, "process", process, kind, methods);
  return requireFinite(fn, "process.T", process.T, "a finite number > 0", (T) => T > 0);
}

/**
 * Throws unless score is a ScoreFunction and x holds exactly n finite rows of its dimension;
 * returns a copy of x. @internal
 */
export function checkStart(
  fn: string,
  score: ScoreFunction,
  name: string,
  x: Float64Array,
  n: number,
): Float64Array {
  requireInterface(fn, "score", score, "a ScoreFunction", ["score"]);
  requireInteger(fn, "score.dim", score.dim, 1);
  requireInteger(fn, "n", n, 1);
  return requireRows(fn, name, x, n, score.dim).slice();
}

/** Throws unless tMin is in (0, T); returns it. @internal */
export function checkTMin(fn: string, tMin: unknown, T: number): number {
  return requireTime(fn, "options.tMin", tMin, T, { positive: true, open: true });
}

/** Throws naming the step unless every entry of x is finite (a blow-up, not a bad argument). @internal */
export function checkFiniteState(fn: string, x: Float64Array, d: number, where: string): void {
  for (let i = 0; i < x.length; i++) {
    if (!isFinite(x[i])) {
      throw new RangeError(
        `${fn}: state is not finite ${where}: sample ${Math.floor(i / d)}, component ${i % d} = ${describeValue(x[i])}`,
      );
    }
  }
}
