import { fillNormal, type Rng } from "../rng";
import { describeValue } from "../base";
import { checkSchedule, type DdpmSchedule } from "./ddpm-schedule";
import type { EpsPredictor } from "./eps-predictor";

/**
 * Ancestral sampling: $x_T \sim \mathcal N(0, I)$, then for $t = T, \dots, 1$
 * $x_{t-1} = \tfrac{1}{\sqrt{\alpha_t}}\big(x_t - \tfrac{\beta_t}{\sqrt{1-\bar\alpha_t}}\hat\varepsilon(x_t, t)\big) + \sigma_t z$,
 * $z \sim \mathcal N(0, I)$ for $t > 1$, $z = 0$ at $t = 1$; $\sigma_t^2 = \beta_t$ or $\tilde\beta_t$.
 * Draw order: n·d normals for $x_T$, then n·d per step $t = T, \dots, 2$.
 * @param rng generator (advanced)
 * @param schedule the DDPM schedule
 * @param predictor $\hat\varepsilon$
 * @param n number of samples, positive integer
 * @param dim d, positive integer
 * @param options reverseVariance "beta" (default) or "betaTilde"
 * @returns (n, d) row-major samples $x_0$
 * @see Ho, Jain & Abbeel (2020), NeurIPS, Algorithm 2
 */
export function ddpmSample(
  rng: Rng,
  schedule: DdpmSchedule,
  predictor: EpsPredictor,
  n: number,
  dim: number,
  options: { reverseVariance?: "beta" | "betaTilde" } = {},
): Float64Array {
  const fn = "ddpmSample";
  if (rng === null || typeof rng !== "object" || typeof rng.normal !== "function") {
    throw new TypeError(`${fn}: rng must be an Rng, got ${describeValue(rng)}`);
  }
  checkSchedule(fn, schedule);
  if (typeof predictor !== "function") {
    throw new TypeError(`${fn}: predictor must be a function, got ${describeValue(predictor)}`);
  }
  for (const [name, v] of [
    ["n", n],
    ["dim", dim],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new RangeError(`${fn}: ${name} must be a positive integer, got ${describeValue(v)}`);
    }
  }
  const { reverseVariance = "beta" } = options;
  if (reverseVariance !== "beta" && reverseVariance !== "betaTilde") {
    throw new RangeError(
      `${fn}: reverseVariance must be "beta" or "betaTilde", got ${describeValue(reverseVariance)}`,
    );
  }
  const m = n * dim;
  const x = fillNormal(rng, new Float64Array(m)); // (n, d)
  const eps = new Float64Array(m); // (n, d)
  const z = new Float64Array(m); // (n, d)
  for (let t = schedule.steps; t >= 1; t--) {
    predictor(t, x, eps, n);
    const c = schedule.beta[t] / Math.sqrt(schedule.oneMinusAlphaBar[t]);
    const inv = 1 / Math.sqrt(schedule.alpha[t]);
    const sd = Math.sqrt(reverseVariance === "beta" ? schedule.beta[t] : schedule.betaTilde[t]);
    if (t > 1) fillNormal(rng, z);
    for (let i = 0; i < m; i++) {
      x[i] = inv * (x[i] - c * eps[i]) + (t > 1 ? sd * z[i] : 0);
      if (!Number.isFinite(x[i])) throw new RangeError(`${fn}: state not finite at step t = ${t}`);
    }
  }
  return x;
}
