import { requireFinite } from "./validate-number";

/**
 * The rounding a solver's time may carry, relative to the horizon: Heun and SRA1 evaluate at
 * t + h, a sampler at t0 + i·h, which can land $10^{-16}T$ or so outside [0, T]. With
 * `slack`, {@link requireTime} accepts times within `TIME_SLACK · T` of the interval.
 */
export const TIME_SLACK = 1e-12;

/** The default: [0, T], no slack (shared, so that a per-step call allocates nothing). */
const CLOSED: TimeOptions = Object.freeze({});

/** How {@link requireTime} reads the interval. */
export interface TimeOptions {
  /** accept a time within TIME_SLACK·T outside the interval (a solver's rounding) and clamp it in (default false) */
  slack?: boolean;
  /** exclude T: [0, T), where a formula is infinite at T such as a bridge's drift (default false) */
  open?: boolean;
  /** exclude 0: (0, T], where the law at 0 is a point mass (default false) */
  positive?: boolean;
  /** why the interval is what it is, printed in parentheses after it */
  note?: string;
}

/**
 * Throws unless `t` is a time of the horizon [0, T] (or [0, T), (0, T], (0, T) with `open` and
 * `positive`): `fn: t must be in [0, T] = [0, 1], got -0.5`. A string, null or undefined is a
 * TypeError; NaN, ±Infinity or a time outside the interval a RangeError.
 * @param T the horizon, finite and > 0
 * @param options slack, open, positive, note
 * @returns t, clamped into [0, T] when `slack` lets it lie a rounding outside (else t itself)
 */
export function requireTime(
  fn: string,
  name: string,
  t: unknown,
  T: number,
  options: TimeOptions = CLOSED,
): number {
  const { slack = false, open = false, positive = false, note } = options;
  const s = slack ? TIME_SLACK * T : 0;
  if (
    typeof t === "number" &&
    (positive ? t > 0 : t >= -s) &&
    (open ? t < T : t <= T + s) // NaN fails both comparisons
  ) {
    return slack ? Math.min(Math.max(t, 0), T) : t; // per-step calls build no message
  }
  const lo = positive ? "(" : "[";
  const hi = open ? ")" : "]";
  const what = `in ${lo}0, T${hi} = ${lo}0, ${T}${hi}${note === undefined ? "" : ` (${note})`}`;
  return requireFinite(fn, name, t, what, () => false);
}
