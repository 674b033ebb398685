import { fillNormal, type Rng } from "../rng";
import { requirePoints } from "../base";
import { checkRng } from "./check-rng";
import { checkStep, type DdpmSchedule } from "./ddpm-schedule";

/**
 * Runs the forward chain $x_s = \sqrt{1-\beta_s}\,x_{s-1} + \sqrt{\beta_s}\,\varepsilon_s$ step by step
 * for $s = 1, \dots, t$ (no shortcut through $\bar\alpha_t$, so it can test the closed form
 * $q(x_t\mid x_0) = \mathcal N(\sqrt{\bar\alpha_t}x_0, (1-\bar\alpha_t)I)$). Draw order: n·d normals per step.
 * @param rng generator (advanced)
 * @param schedule the DDPM schedule
 * @param x0 (n, d) row-major start (any d: the chain acts elementwise)
 * @param t last step in [1, T]
 * @returns x (same layout) $x_t$, and prev $x_{t-1}$
 * @see Ho, Jain & Abbeel (2020), NeurIPS, eq. (2)
 */
export function ddpmForward(
  rng: Rng,
  schedule: DdpmSchedule,
  x0: Float64Array,
  t: number,
): { x: Float64Array; prev: Float64Array } {
  const fn = "ddpmForward";
  checkRng(fn, rng);
  checkStep(fn, schedule, t);
  requirePoints(fn, "x0", x0, 1);
  const x = Float64Array.from(x0); // same layout as x0
  const prev = new Float64Array(x.length);
  const z = new Float64Array(x.length);
  for (let s = 1; s <= t; s++) {
    if (s === t) prev.set(x);
    fillNormal(rng, z);
    const a = Math.sqrt(schedule.alpha[s]);
    const b = Math.sqrt(schedule.beta[s]);
    for (let i = 0; i < x.length; i++) x[i] = a * x[i] + b * z[i];
  }
  return { x, prev };
}
