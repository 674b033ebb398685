import {
  describeValue,
  requireAllFinite,
  requireFinite,
  requireOneOf,
  requireOptions,
} from "../base";
import { checkSchedule, type DdpmSchedule } from "./ddpm-schedule";
import { ddpmPosterior } from "./ddpm-posterior";

/**
 * A 1-D reverse model whose means are affine in $x_t$: $p_\theta(x_T) = \mathcal N(0, 1)$ and
 * $p_\theta(x_{t-1}\mid x_t) = \mathcal N(a_t x_t + b_t,\ \sigma_t^2)$ for $t = T, \dots, 1$
 * ($t = 1$ is the decoder $p_\theta(x_0\mid x_1)$, here Gaussian). Arrays (T + 1), indexed by t.
 */
export interface LinearReverseModel {
  readonly steps: number;
  /** (T + 1) $a_t$ */
  readonly slope: Float64Array;
  /** (T + 1) $b_t$ */
  readonly intercept: Float64Array;
  /** (T + 1) $\sigma_t^2 > 0$ */
  readonly variance: Float64Array;
}

/**
 * The reverse model of Gaussian data $x_0 \sim \mathcal N(m, s^2)$ with the exact denoiser
 * $\hat x_0(x_t) = m + \tfrac{\sqrt{\bar\alpha_t}s^2}{\bar\alpha_t s^2 + 1 - \bar\alpha_t}(x_t - \sqrt{\bar\alpha_t}m)$
 * plugged into the posterior mean, $\mu_\theta = \tilde\mu_t(x_t, \hat x_0(x_t))$ (affine in $x_t$),
 * and variance $\sigma_t^2 = \beta_t$ or $\tilde\beta_t$ ($\beta_1$ for the decoder either way,
 * since $\tilde\beta_1 = 0$).
 * @param schedule the DDPM schedule
 * @param options dataMean m (finite), dataVariance s² > 0, reverseVariance "beta" | "betaTilde",
 *   denoiserGain: multiplies the slope of $\hat x_0$ (default 1: the exact denoiser), to build imperfect models
 * @see Ho, Jain & Abbeel (2020), NeurIPS, §3.2 (the two choices of $\sigma_t^2$), eq. (7)
 */
export function gaussianDataReverseModel(
  schedule: DdpmSchedule,
  options: {
    dataMean: number;
    dataVariance: number;
    reverseVariance: "beta" | "betaTilde";
    denoiserGain?: number;
  },
): LinearReverseModel {
  const fn = "gaussianDataReverseModel";
  checkSchedule(fn, schedule);
  const opts = requireOptions(fn, options);
  const m = requireFinite(fn, "dataMean", opts.dataMean, "a finite number");
  const s2 = requireFinite(
    fn,
    "dataVariance",
    opts.dataVariance,
    "a finite number > 0",
    (v) => v > 0,
  );
  const { denoiserGain = 1 } = opts;
  requireFinite(fn, "denoiserGain", denoiserGain, "a finite number");
  const reverseVariance = requireOneOf(fn, "reverseVariance", opts.reverseVariance, [
    "beta",
    "betaTilde",
  ] as const);
  const T = schedule.steps;
  const slope = new Float64Array(T + 1); // (T + 1)
  const intercept = new Float64Array(T + 1); // (T + 1)
  const variance = new Float64Array(T + 1); // (T + 1)
  for (let t = 1; t <= T; t++) {
    const ab = schedule.alphaBar[t];
    const g = (denoiserGain * Math.sqrt(ab) * s2) / (ab * s2 + schedule.oneMinusAlphaBar[t]);
    // x̂0 = g x_t + (m − g √ᾱ m)
    const q = ddpmPosterior(schedule, t);
    slope[t] = q.xtCoef + q.x0Coef * g;
    intercept[t] = q.x0Coef * (m - g * Math.sqrt(ab) * m);
    variance[t] = reverseVariance === "beta" || t === 1 ? schedule.beta[t] : schedule.betaTilde[t];
  }
  return Object.freeze({ steps: T, slope, intercept, variance });
}

/**
 * $p_\theta(x_0) = \mathcal N(M_0, V_0)$ by the recursion $M_T = 0$, $V_T = 1$,
 * $M_{t-1} = a_t M_t + b_t$, $V_{t-1} = a_t^2 V_t + \sigma_t^2$ (an affine Gaussian chain).
 * @param model the reverse model
 * @returns mean (T + 1) and variance (T + 1) of each $p_\theta(x_t)$, indexed by t
 * @see Bishop (2006), Pattern Recognition and Machine Learning, eq. (2.115)
 */
export function reverseModelMarginals(model: LinearReverseModel): {
  mean: Float64Array;
  variance: Float64Array;
} {
  checkModel("reverseModelMarginals", model);
  const T = model.steps;
  const mean = new Float64Array(T + 1); // (T + 1)
  const variance = new Float64Array(T + 1); // (T + 1)
  variance[T] = 1;
  for (let t = T; t >= 1; t--) {
    mean[t - 1] = model.slope[t] * mean[t] + model.intercept[t];
    variance[t - 1] = model.slope[t] ** 2 * variance[t] + model.variance[t];
  }
  return { mean, variance };
}

/**
 * Throws unless model is a LinearReverseModel (optionally of T steps) with finite slopes and
 * intercepts and variances > 0 at t = 1..T. @internal
 */
export function checkModel(fn: string, model: LinearReverseModel, steps?: number): void {
  if (
    model === null ||
    typeof model !== "object" ||
    !Number.isInteger(model.steps) ||
    !ArrayBuffer.isView(model.slope) ||
    model.slope.length !== model.steps + 1 ||
    !ArrayBuffer.isView(model.intercept) ||
    model.intercept.length !== model.steps + 1 ||
    !ArrayBuffer.isView(model.variance) ||
    model.variance.length !== model.steps + 1
  ) {
    throw new TypeError(`${fn}: model must be a LinearReverseModel, got ${describeValue(model)}`);
  }
  requireAllFinite(fn, "model.slope", model.slope);
  requireAllFinite(fn, "model.intercept", model.intercept);
  for (let t = 1; t <= model.steps; t++) {
    requireFinite(
      fn,
      `model.variance[${t}]`,
      model.variance[t],
      "a finite number > 0",
      (v) => v > 0,
    );
  }
  if (steps !== undefined && model.steps !== steps) {
    throw new RangeError(
      `${fn}: model.steps must equal schedule.steps = ${steps}, got ${model.steps}`,
    );
  }
}
