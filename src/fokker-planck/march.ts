import type { ImplicitStepper } from "./implicit-stepper";
import { describeValue, requireFinite, requireInteger } from "../base";

/** The result of marching a grid function through K steps. */
export interface MarchResult {
  /** the final state, shape (n,) */
  readonly p: Float64Array;
  /** times of the saved states, shape (S,), or null */
  readonly times: Float64Array | null;
  /** saved states, shape (S, n) time-major, or null */
  readonly states: Float64Array | null;
}

/** Options shared by the 1-D drivers. */
export interface MarchOptions {
  /** number of equal steps K (a positive integer) */
  steps: number;
  /** keep the state at steps 0, k, 2k, … and K; 0 or absent keeps only the final state */
  saveEvery?: number;
}

/**
 * $p^{k+1} = \Phi(t_k, \Delta t, p^k)$ for $k < K$, $t_k = t_0 + k\Delta t$, $\Delta t = (t_1 - t_0)/K$,
 * saving every `saveEvery` steps. Throws a RangeError naming the step and time if the state stops
 * being finite. A one-step method of order $q$ has global error $O(\Delta t^q)$ over $[t_0, t_1]$.
 * @see R. J. LeVeque (2007), Finite Difference Methods for Ordinary and Partial Differential
 *   Equations, ch. 9 (time stepping for diffusion equations).
 * @internal
 */
export function march(
  fn: string,
  stepper: ImplicitStepper,
  p0: Float64Array,
  t0: number,
  t1: number,
  options: MarchOptions,
): MarchResult {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`${fn}: options must be an object, got ${describeValue(options)}`);
  }
  const K = requireInteger(fn, "options.steps", options.steps, 1);
  const saveEvery = requireInteger(fn, "options.saveEvery", options.saveEvery ?? 0, 0);
  requireFinite(fn, "t0", t0);
  requireFinite(fn, "T", t1);
  if (!(t1 > t0)) throw new RangeError(`${fn}: T must exceed t0 = ${t0}, got ${t1}`);
  const n = stepper.n;
  const dt = (t1 - t0) / K;
  const p = Float64Array.from(p0);
  const S = saveEvery > 0 ? Math.ceil(K / saveEvery) + 1 : 0;
  const states = S > 0 ? new Float64Array(S * n) : null; // (S, n)
  const times = S > 0 ? new Float64Array(S) : null;
  let saved = 0;
  if (states && times) {
    states.set(p, 0);
    times[saved++] = t0;
  }
  for (let k = 0; k < K; k++) {
    const t = t0 + k * dt;
    stepper.step(t, dt, p);
    const last = k + 1 === K;
    if (last || (states && (k + 1) % saveEvery === 0)) {
      let s = 0;
      for (let i = 0; i < n; i++) s += p[i];
      if (!Number.isFinite(s)) {
        throw new RangeError(`${fn}: state is not finite after step ${k} (t = ${t + dt})`);
      }
    }
    if (states && times && ((k + 1) % saveEvery === 0 || last)) {
      states.set(p, saved * n);
      times[saved++] = last ? t1 : t0 + (k + 1) * dt;
    }
  }
  return { p, times, states };
}
