import {
  optionalInteger,
  requireInteger,
  requireOptions,
  requirePoints,
  requirePositive,
} from "../base";
import { checkTarget, type LangevinTarget } from "./target";

// Read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { isFinite } = Number;

/** Step size, number of steps and thinning of a Langevin chain. */
export interface LangevinOptions {
  /** h > 0, the step size (time step of the discretised diffusion) */
  step: number;
  /** K, number of steps, positive integer */
  steps: number;
  /** keep the states at steps 0, k, 2k, … and K (an integer k ≥ 1); absent keeps steps 0 and K */
  saveEvery?: number;
}

/** What a Langevin chain returns. */
export interface LangevinResult {
  /** (n, d) row-major final states */
  x: Float64Array;
  /** (S) the Langevin times $k h$ of the saved states (S = 2 without saveEvery: 0 and $Kh$) */
  times: Float64Array;
  /** (S, n, d) time-major saved states, the first being x0 */
  states: Float64Array;
  /** (n) fraction of accepted proposals per chain (all 1 for ULA) */
  acceptance: Float64Array;
}

/**
 * Validates target, x0 and options (the caller checks its own source of randomness); returns n,
 * the number of chains. `parts` lists what the chain calls on the target. @internal
 */
export function checkChainArgs(
  fn: string,
  target: Partial<LangevinTarget>,
  x0: Float64Array,
  options: LangevinOptions,
  parts: readonly ("score" | "logDensity")[],
): number {
  checkTarget(fn, target, parts);
  const n = requirePoints(fn, "x0", x0, target.dim as number);
  const o = requireOptions(fn, options);
  requirePositive(fn, "options.step", o.step);
  requireInteger(fn, "options.steps", o.steps, 1);
  optionalInteger(fn, "options.saveEvery", o.saveEvery, 1);
  return n;
}

/** A recorder of the states at steps 0, k, 2k, … and K, with their times k·h. @internal */
export class Saver {
  readonly states: Float64Array; // (S, n, d)
  readonly times: Float64Array; // (S)
  private saved = 0;
  private readonly every: number;
  constructor(
    every: number | undefined,
    private readonly steps: number,
    private readonly h: number,
    size: number,
  ) {
    this.every = every ?? steps;
    const S = Math.floor(steps / this.every) + 1 + (steps % this.every === 0 ? 0 : 1);
    this.states = new Float64Array(S * size);
    this.times = new Float64Array(S);
  }
  /** Saves x after step k (k = 0 is the start). */
  save(k: number, x: Float64Array): void {
    if (k % this.every === 0 || k === this.steps) {
      this.times[this.saved] = k * this.h;
      this.states.set(x, x.length * this.saved++);
    }
  }
}

/** Throws naming the step and the first non-finite entry unless every entry of x is finite. @internal */
export function checkFiniteState(
  fn: string,
  x: Float64Array,
  d: number,
  k: number,
  h: number,
): void {
  for (let i = 0; i < x.length; i++) {
    if (!isFinite(x[i])) {
      throw new RangeError(
        `${fn}: state is not finite after step ${k} (h = ${h}): chain ${Math.floor(i / d)}, component ${i % d} = ${x[i]}`,
      );
    }
  }
}
