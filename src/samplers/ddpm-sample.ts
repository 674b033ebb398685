import {
  describeValue,
  requireFunction,
  requireInteger,
  requireInterface,
  requireOneOf,
  requireOptions,
} from "../base";
import type { NormalStream } from "../brownian";
import type { DdpmSchedule, EpsPredictor } from "../diffusion";
import { ancestralChain } from "./ancestral-chain";
import { checkNoise } from "./validate";

/**
 * Algorithm 2 of Ho et al. (2020), on a discrete schedule with a noise predictor ε̂:
 *
 *     x_T ~ N(0, I)                                                        line 1
 *     for t = T, …, 1                                                      line 2
 *       z ~ N(0, I) if t > 1, else z = 0                                   line 3
 *       x_{t−1} = (x_t − β_t/√(1 − ᾱ_t) ε̂(x_t, t)) / √α_t + σ_t z        line 4
 *     return x_0                                                           line 6
 *
 * with $\sigma_t^2 = \beta_t$ or $\tilde\beta_t$. Noise, in this order: n·d normals from `noise`
 * for $x_T$, then n·d per step t = T, …, 2 (`normalStream(rng)` reproduces the
 * `fillNormal(rng, ·)` calls in that order). Throws naming the step if the state stops being finite.
 * @param noise the $x_T$ and z (e.g. `normalStream(rng)`)
 * @param schedule the DDPM schedule (T steps)
 * @param predictor $\hat\varepsilon(t, x_t)$ at integer steps
 * @param n number of samples, positive integer
 * @param dim d, positive integer
 * @param options reverseVariance "beta" (default) or "betaTilde"
 * @returns (n, d) row-major samples $x_0$
 * @see Ho, Jain & Abbeel (2020), NeurIPS, Algorithm 2 and §3.2 (the two choices of σ_t²)
 */
export function ddpmSample(
  noise: NormalStream,
  schedule: DdpmSchedule,
  predictor: EpsPredictor,
  n: number,
  dim: number,
  options: { reverseVariance?: "beta" | "betaTilde" } = {},
): Float64Array {
  const fn = "ddpmSample";
  checkNoise(fn, noise);
  checkSchedule(fn, schedule);
  requireFunction(fn, "predictor", predictor);
  requireInteger(fn, "n", n, 1);
  requireInteger(fn, "dim", dim, 1);
  const { reverseVariance = "beta" } = requireOptions(fn, options);
  const variance = requireOneOf(fn, "options.reverseVariance", reverseVariance, [
    "beta",
    "betaTilde",
  ]);
  const T = schedule.steps;
  const invSqrtAlpha = new Float64Array(T + 1); // (T + 1)
  const modelWeight = new Float64Array(T + 1); // (T + 1)
  const sigma = new Float64Array(T + 1); // (T + 1)
  for (let t = 1; t <= T; t++) {
    invSqrtAlpha[t] = 1 / Math.sqrt(schedule.alpha[t]);
    modelWeight[t] = -(schedule.beta[t] / Math.sqrt(schedule.oneMinusAlphaBar[t]));
    sigma[t] = Math.sqrt(variance === "beta" ? schedule.beta[t] : schedule.betaTilde[t]);
  }
  const x = noise.normals(new Float64Array(n * dim)); // (n, d), line 1: x_T ~ N(0, I)
  const model = (t: number, xt: Float64Array, out: Float64Array): void => predictor(t, xt, out, n);
  // lines 2–6
  return ancestralChain(fn, noise, { steps: T, invSqrtAlpha, modelWeight, sigma }, model, x, dim);
}

/** Throws unless schedule has a positive integer number of steps and its arrays. */
function checkSchedule(fn: string, schedule: DdpmSchedule): void {
  const kind = "a DdpmSchedule (ddpmSchedule)";
  requireInterface(fn, "schedule", schedule, kind, []);
  requireInteger(fn, "schedule.steps", schedule.steps, 1);
  for (const key of ["alpha", "beta", "betaTilde", "oneMinusAlphaBar"] as const) {
    const a = schedule[key];
    if (!ArrayBuffer.isView(a) || (a as Float64Array).length !== schedule.steps + 1) {
      throw new TypeError(
        `${fn}: schedule must be ${kind}, got schedule.${key} = ${describeValue(a)}`,
      );
    }
  }
}
