import { optionalInteger, requireInteger, requireOptions } from "../base";

/** The result of marching a grid function through K steps. */
export interface MarchResult {
  /** the final state, shape (n,) */
  readonly p: Float64Array;
  /** times of the saved states, shape (S,) (S = 2 without saveEvery: the first and last) */
  readonly times: Float64Array;
  /** saved states, shape (S, n) time-major */
  readonly states: Float64Array;
}

/** Options shared by the 1-D drivers. */
export interface MarchOptions {
  /** number of equal steps K (a positive integer) */
  steps: number;
  /** keep the state at steps 0, k, 2k, … and K (an integer k ≥ 1); absent keeps steps 0 and K */
  saveEvery?: number;
}

/** Reads `options.steps` and `options.saveEvery` (default K). @internal */
export function marchOptions(
  fn: string,
  options: MarchOptions | undefined,
): { steps: number; saveEvery: number } {
  const opts = requireOptions(fn, options);
  const steps = requireInteger(fn, "options.steps", opts.steps, 1);
  const saveEvery = optionalInteger(fn, "options.saveEvery", opts.saveEvery, 1) ?? steps;
  return { steps, saveEvery };
}

/**
 * $p^{k+1} = \Phi(t_k, \Delta t, p^k)$ for $k < K$, $t_k = t_0 + k\Delta t$, $\Delta t = (t_1 - t_0)/K$,
 * saving steps 0, `saveEvery`, 2·`saveEvery`, … and K (the same convention as `integrate`).
 * Throws a RangeError naming the step and time if the state stops being finite (checked at
 * the saved steps). A one-step method of order $q$ has global error $O(\Delta t^q)$ over $[t_0, t_1]$.
 * Unchecked: the callers validate p0 (n finite values), t0 < t1 (finite, with a finite
 * difference) and the options (`marchOptions`).
 * @see R. J. LeVeque (2007), Finite Difference Methods for Ordinary and Partial Differential
 *   Equations, ch. 9 (time stepping for diffusion equations).
 * @internal
 */
export function march(
  fn: string,
  step: (t: number, dt: number, p: Float64Array) => void,
  p0: Float64Array,
  t0: number,
  t1: number,
  options: { steps: number; saveEvery: number },
): MarchResult {
  const { steps: K, saveEvery } = options;
  const n = p0.length;
  const dt = (t1 - t0) / K;
  const p = Float64Array.from(p0);
  const S = Math.floor(K / saveEvery) + 1 + (K % saveEvery === 0 ? 0 : 1);
  const states = new Float64Array(S * n); // (S, n)
  const times = new Float64Array(S);
  let saved = 0;
  states.set(p, 0);
  times[saved++] = t0;
  for (let k = 0; k < K; k++) {
    const t = t0 + k * dt;
    step(t, dt, p);
    const last = k + 1 === K;
    if (last || (k + 1) % saveEvery === 0) {
      let s = 0;
      for (let i = 0; i < n; i++) s += p[i];
      if (!Number.isFinite(s)) {
        throw new RangeError(`${fn}: state is not finite after step ${k} (t = ${t + dt})`);
      }
      states.set(p, saved * n);
      times[saved++] = last ? t1 : t0 + (k + 1) * dt;
    }
  }
  return { p, times, states };
}
