import type { Rng } from "../rng";
import { describeValue, isFloat64Array } from "../base";
import { checkTarget, type LangevinTarget } from "./target";

/** Step size, number of steps and thinning of a Langevin chain. */
export interface LangevinOptions {
  /** h > 0, the step size (time step of the discretised diffusion) */
  step: number;
  /** K, number of steps, positive integer */
  steps: number;
  /** keep the states at steps 0, k, 2k, … (k > 0); 0 or absent keeps only the last */
  saveEvery?: number;
}

/** What a Langevin chain returns. */
export interface LangevinResult {
  /** (n, d) row-major final states */
  x: Float64Array;
  /** (S, n, d) time-major saved states, or null */
  states: Float64Array | null;
  /** (n) fraction of accepted proposals per chain (all 1 for ULA) */
  acceptance: Float64Array;
}

/** Validates the common arguments; returns n, the number of chains. @internal */
export function checkChainArgs(
  fn: string,
  rng: Rng,
  target: LangevinTarget,
  x0: Float64Array,
  options: LangevinOptions,
): number {
  if (rng === null || typeof rng !== "object" || typeof rng.normal !== "function") {
    throw new TypeError(`${fn}: rng must be an Rng, got ${describeValue(rng)}`);
  }
  checkTarget(fn, target);
  const d = target.dim;
  if (!isFloat64Array(x0) || x0.length === 0 || x0.length % d !== 0) {
    throw new RangeError(
      `${fn}: x0 must be a Float64Array of n·d values with d = ${d}, got ${describeValue(x0)}`,
    );
  }
  x0.forEach((v, i) => {
    if (!Number.isFinite(v))
      throw new RangeError(`${fn}: x0[${i}] must be a finite number, got ${describeValue(v)}`);
  });
  if (options === null || typeof options !== "object") {
    throw new TypeError(`${fn}: options must be an object, got ${describeValue(options)}`);
  }
  const { step, steps, saveEvery = 0 } = options;
  if (typeof step !== "number" || !(step > 0) || !Number.isFinite(step)) {
    throw new RangeError(
      `${fn}: options.step must be a finite number > 0, got ${describeValue(step)}`,
    );
  }
  if (!Number.isInteger(steps) || steps < 1) {
    throw new RangeError(
      `${fn}: options.steps must be a positive integer, got ${describeValue(steps)}`,
    );
  }
  if (!Number.isInteger(saveEvery) || saveEvery < 0) {
    throw new RangeError(
      `${fn}: options.saveEvery must be a non-negative integer, got ${describeValue(saveEvery)}`,
    );
  }
  return x0.length / d;
}

/** A recorder of states every `saveEvery` steps (and the last). @internal */
export class Saver {
  readonly states: Float64Array | null;
  private saved = 0;
  constructor(
    private readonly every: number,
    private readonly steps: number,
    size: number,
  ) {
    const S = every > 0 ? Math.floor(steps / every) + 1 + (steps % every === 0 ? 0 : 1) : 0;
    this.states = S > 0 ? new Float64Array(S * size) : null; // (S, n, d)
  }
  /** Saves x after step k (k = 0 is the start). */
  save(k: number, x: Float64Array): void {
    if (this.states === null) return;
    if (k % this.every === 0 || k === this.steps) this.states.set(x, x.length * this.saved++);
  }
}
