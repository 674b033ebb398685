import { requireAllFinite, requireFloat64Array, requireInteger } from "../base";
import { requireVelocity } from "./flow-ode";
import type { VelocityFunction } from "./velocity-function";

/** The straightness of n paths, and each path's share. */
export interface Straightness {
  /** $S = \frac1n\sum_r\int\lVert u(t, x_r(t)) - \bar v_r\rVert^2\,|dt|$ */
  readonly value: number;
  /** (n) each path's integral */
  readonly perPath: Float64Array;
}

/**
 * $S = \mathbb E\int_0^T\lVert\dot x_t - \bar v\rVert^2\,dt$, $\bar v = (x_{end} - x_{start})/(t_{end} - t_{start})$:
 * how far the paths of $\dot x = u(t, x)$ are from straight lines at constant speed (0 exactly
 * for straight paths; Liu et al.'s $S(Z) = \int_0^1\mathbb E\lVert(Z_1 - Z_0) - \dot Z_t\rVert^2dt$
 * for T = 1). $\dot x$ is $u$ at the saved states, integrated by the trapezoid rule over the saved
 * times (either direction); save every step of a second-order solver for an $O(h^2)$ value.
 * @param velocity the field u the paths solve, dimension d
 * @param run times (S ≥ 2) strictly monotone, and states (S, n, d) time-major, as `integrate` returns
 * @param n paths, a positive integer
 * @see Liu, Gong & Liu (2023), ICLR, §3 (the straightness S(Z) and reflow)
 */
export function straightness(
  velocity: VelocityFunction,
  run: { times: Float64Array; states: Float64Array },
  n: number,
): Straightness {
  const fn = "straightness";
  const d = requireVelocity(fn, velocity);
  if (run === null || typeof run !== "object") {
    throw new TypeError(`${fn}: run must be an object { times, states }, got ${String(run)}`);
  }
  const rows = requireInteger(fn, "n", n, 1);
  const times = requireFloat64Array(fn, "run.times", run.times, { min: 2 });
  requireAllFinite(fn, "run.times", times);
  const S = times.length;
  const sign = Math.sign(times[S - 1] - times[0]);
  for (let j = 1; j < S; j++) {
    if (!(sign * (times[j] - times[j - 1]) > 0)) {
      throw new RangeError(
        `${fn}: run.times must be strictly monotone, got ${times[j - 1]} then ${times[j]}`,
      );
    }
  }
  const nd = rows * d;
  const states = requireFloat64Array(fn, "run.states", run.states, S * nd);
  requireAllFinite(fn, "run.states", states);
  const span = times[S - 1] - times[0];
  const mean = new Float64Array(nd); // (n, d) v̄
  for (let i = 0; i < nd; i++) mean[i] = (states[(S - 1) * nd + i] - states[i]) / span;
  const u = new Float64Array(nd);
  const perPath = new Float64Array(rows);
  for (let j = 0; j < S; j++) {
    const x = states.subarray(j * nd, (j + 1) * nd);
    velocity.velocity(times[j], x, u, rows);
    // trapezoid weights |t_{j+1} − t_j|/2 on each side of t_j
    const left = j > 0 ? Math.abs(times[j] - times[j - 1]) : 0;
    const right = j < S - 1 ? Math.abs(times[j + 1] - times[j]) : 0;
    const w = 0.5 * (left + right);
    for (let r = 0; r < rows; r++) {
      let sq = 0;
      for (let i = r * d; i < (r + 1) * d; i++) sq += (u[i] - mean[i]) ** 2;
      perPath[r] += w * sq;
    }
  }
  const value = perPath.reduce((a, v) => a + v, 0) / rows;
  return Object.freeze({ value, perPath });
}
