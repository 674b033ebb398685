import { requireFinite } from "../base";
import { checkSchedule, type DdpmSchedule } from "./ddpm-schedule";
import { ddpmPosterior } from "./ddpm-posterior";
import { normalKl } from "./gaussian-kl";
import { checkModel, type LinearReverseModel } from "./linear-reverse-model";

/** The three parts of the DDPM bound for one data point, in nats. */
export interface DdpmElboTerms {
  /** $\mathbb E_q\log p_\theta(x_0\mid x_1)$ */
  readonly reconstruction: number;
  /** $L_T = \mathrm{KL}(q(x_T\mid x_0)\,\|\,p(x_T))$ */
  readonly prior: number;
  /** (T + 1) $L_{t-1} = \mathbb E_q\,\mathrm{KL}(q(x_{t-1}\mid x_t, x_0)\,\|\,p_\theta(x_{t-1}\mid x_t))$ at index t = 2..T (0 at 0, 1) */
  readonly denoising: Float64Array;
  /** reconstruction − prior − Σ denoising */
  readonly elbo: number;
}

/**
 * $\log p_\theta(x_0) \ge \mathbb E_q[\log p_\theta(x_0\mid x_1)] - \mathrm{KL}(q(x_T\mid x_0)\|p(x_T))
 * - \sum_{t=2}^T \mathbb E_q\,\mathrm{KL}(q(x_{t-1}\mid x_t,x_0)\|p_\theta(x_{t-1}\mid x_t))$, each term
 * exact for a 1-D affine reverse model: with $x_t \sim \mathcal N(\sqrt{\bar\alpha_t}x_0, 1-\bar\alpha_t)$,
 * $\mathbb E(Ax_t + B)^2 = (A\sqrt{\bar\alpha_t}x_0 + B)^2 + A^2(1-\bar\alpha_t)$.
 * @param schedule the DDPM schedule (T steps)
 * @param model an affine reverse model of T steps
 * @param x0 the data point (a finite number)
 * @see Ho, Jain & Abbeel (2020), NeurIPS, eq. (5); Sohl-Dickstein et al. (2015), ICML, eq. (14)
 */
export function ddpmElboTerms(
  schedule: DdpmSchedule,
  model: LinearReverseModel,
  x0: number,
): DdpmElboTerms {
  const fn = "ddpmElboTerms";
  checkSchedule(fn, schedule);
  checkModel(fn, model, schedule.steps);
  requireFinite(fn, "x0", x0, "a finite number");
  const { alphaBar, oneMinusAlphaBar, steps: T } = schedule;
  // E(A x_t + B)² for x_t ~ q(x_t | x0)
  const meanSquare = (t: number, A: number, B: number): number =>
    (A * Math.sqrt(alphaBar[t]) * x0 + B) ** 2 + A * A * oneMinusAlphaBar[t];
  const v1 = model.variance[1];
  const reconstruction =
    -0.5 * Math.log(2 * Math.PI * v1) -
    meanSquare(1, -model.slope[1], x0 - model.intercept[1]) / (2 * v1);
  const prior = normalKl(Math.sqrt(alphaBar[T]) * x0, oneMinusAlphaBar[T], 0, 1);
  const denoising = new Float64Array(T + 1); // (T + 1), indexed by t
  let sum = 0;
  for (let t = 2; t <= T; t++) {
    const q = ddpmPosterior(schedule, t);
    const v = model.variance[t];
    const r = q.variance / v;
    const gap = meanSquare(t, q.xtCoef - model.slope[t], q.x0Coef * x0 - model.intercept[t]);
    denoising[t] = 0.5 * (r - 1 - Math.log(r) + gap / v);
    sum += denoising[t];
  }
  return Object.freeze({
    reconstruction,
    prior,
    denoising,
    elbo: reconstruction - prior - sum,
  });
}
