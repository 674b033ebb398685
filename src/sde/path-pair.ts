import { describeValue, requireFloat64Array, requireAllFinite } from "../base";
import { checkSde, type Sde } from "./sde";

/** A saved trajectory: times (S) and states (S, n, d), as `integrate` returns with saveEvery 1. */
export interface Trajectory {
  readonly times: Float64Array;
  readonly states: Float64Array;
}

/**
 * Throws unless p and q are diagonal-noise SDEs of one dimension d and the trajectory holds S ≥ 2
 * strictly increasing finite times and (S, n, d) finite states; returns n and S. @internal
 */
export function checkPathPair(
  fn: string,
  p: Sde,
  q: Sde,
  trajectory: Trajectory,
): { n: number; S: number } {
  checkNamedSde(fn, "p", p);
  checkNamedSde(fn, "q", q);
  for (const [name, s] of [
    ["p", p],
    ["q", q],
  ] as const) {
    if (s.noise !== "diagonal") {
      throw new TypeError(`${fn}: ${name} must have diagonal noise, got ${s.noise} noise`);
    }
  }
  if (p.dim !== q.dim) {
    throw new RangeError(`${fn}: q.dim must equal p.dim = ${p.dim}, got ${q.dim}`);
  }
  if (trajectory === null || typeof trajectory !== "object") {
    throw new TypeError(
      `${fn}: trajectory must be an object { times, states }, got ${describeValue(trajectory)}`,
    );
  }
  const times = requireFloat64Array(fn, "trajectory.times", trajectory.times);
  const S = times.length;
  if (S < 2) {
    throw new RangeError(`${fn}: trajectory.times must hold at least 2 times, got ${S}`);
  }
  requireAllFinite(fn, "trajectory.times", times);
  for (let k = 0; k + 1 < S; k++) {
    if (!(times[k + 1] > times[k])) {
      throw new RangeError(
        `${fn}: trajectory.times must be strictly increasing, got ${times[k]} then ${times[k + 1]}`,
      );
    }
  }
  const states = requireFloat64Array(fn, "trajectory.states", trajectory.states);
  const per = S * p.dim;
  if (states.length === 0 || states.length % per !== 0) {
    throw new RangeError(
      `${fn}: trajectory.states must hold S·n·d values with S = ${S}, d = ${p.dim}, got length ${states.length}`,
    );
  }
  requireAllFinite(fn, "trajectory.states", states);
  return { n: states.length / per, S };
}

/**
 * Calls visit(k, h, bp, bq, g) for each step k of the trajectory with $b_P$, $b_Q$ and $g$ at
 * $(t_k, X_{t_k})$, (n, d) each, $h = t_{k+1} - t_k$; throws a RangeError (naming the time) where the diffusions differ
 * or g vanishes. @internal
 */
export function forEachDriftGap(
  fn: string,
  p: Sde,
  q: Sde,
  trajectory: Trajectory,
  n: number,
  S: number,
  visit: (k: number, h: number, bp: Float64Array, bq: Float64Array, g: Float64Array) => void,
): void {
  const d = p.dim;
  const nd = n * d;
  const bp = new Float64Array(nd);
  const bq = new Float64Array(nd);
  const gp = new Float64Array(nd);
  const gq = new Float64Array(nd);
  const { times, states } = trajectory;
  for (let k = 0; k + 1 < S; k++) {
    const t = times[k];
    const x = states.subarray(k * nd, (k + 1) * nd);
    p.drift(t, x, bp, n);
    q.drift(t, x, bq, n);
    p.diffusion(t, x, gp, n);
    q.diffusion(t, x, gq, n);
    for (let i = 0; i < nd; i++) {
      const g = gp[i];
      if (!(Math.abs(g - gq[i]) <= 1e-12 * Math.abs(g))) {
        throw new RangeError(
          `${fn}: the diffusions differ at t = ${t} (row ${Math.floor(i / d)}): g_P = ${g}, g_Q = ${gq[i]}; the path laws are mutually singular`,
        );
      }
      if (g === 0) {
        throw new RangeError(
          `${fn}: the diffusion vanishes at t = ${t} (row ${Math.floor(i / d)})`,
        );
      }
    }
    visit(k, times[k + 1] - t, bp, bq, gp);
  }
}

/** checkSde, its messages naming the parameter (p or q) instead of "sde". */
function checkNamedSde(fn: string, name: string, s: Sde): void {
  try {
    checkSde(fn, s);
  } catch (err) {
    if (!(err instanceof Error)) throw err;
    const msg = err.message.split(`${fn}: sde`).join(`${fn}: ${name}`);
    throw err instanceof TypeError ? new TypeError(msg) : new RangeError(msg);
  }
}
