import type { GaussianMixture } from "../mixture";
import { checkData } from "./check-data";
import { checkSchedule, type DdpmSchedule } from "./ddpm-schedule";
import { ddpmPosterior } from "./ddpm-posterior";
import type { DdpmElboTerms } from "./elbo-terms";
import { normalKl } from "./gaussian-kl";
import { checkModel, type LinearReverseModel } from "./linear-reverse-model";

/**
 * $\mathbb E_{x_0\sim p_\text{data}}[\text{ELBO}(x_0)]$ term by term, exact: for an affine reverse
 * model every term of {@link ddpmElboTerms} is a quadratic polynomial in $x_0$, so with
 * $m = \mathbb E x_0$, $v = \operatorname{Var} x_0$ and $x_t = \sqrt{\bar\alpha_t}x_0 + \sqrt{1-\bar\alpha_t}\,\varepsilon$,
 * $\mathbb E(Ax_t + cx_0 + B)^2 = ((A\sqrt{\bar\alpha_t} + c)m + B)^2 + (A\sqrt{\bar\alpha_t} + c)^2v + A^2(1-\bar\alpha_t)$
 * and the prior term gains $\tfrac12\bar\alpha_T v$. No quadrature and no sampling: only the
 * mixture's mean $\sum_k w_k\mu_k$ and variance $\sum_k w_k(\Sigma_k + (\mu_k - m)^2)$ enter.
 * @param schedule the DDPM schedule (T steps)
 * @param model an affine reverse model of T steps
 * @param data the data law, a 1-D Gaussian mixture
 * @returns the expected reconstruction, prior and (T + 1) denoising terms, and the expected ELBO
 * @see Ho, Jain & Abbeel (2020), NeurIPS, eq. (5); Sohl-Dickstein et al. (2015), ICML, eq. (14)
 */
export function expectedDdpmElboTerms(
  schedule: DdpmSchedule,
  model: LinearReverseModel,
  data: GaussianMixture,
): DdpmElboTerms {
  const fn = "expectedDdpmElboTerms";
  checkSchedule(fn, schedule);
  checkModel(fn, model, schedule.steps);
  checkData(fn, data, 1);
  const { weights, means, covs, components: K } = data;
  let m = 0;
  for (let k = 0; k < K; k++) m += weights[k] * means[k];
  let v = 0; // law of total variance, without the cancellation of E x0² − m²
  for (let k = 0; k < K; k++) v += weights[k] * (covs[k] + (means[k] - m) ** 2);
  const { alphaBar, oneMinusAlphaBar, steps: T } = schedule;
  // E(A x_t + c x0 + B)² over x0 ~ data and x_t ~ q(x_t | x0)
  const meanSquare = (t: number, A: number, c: number, B: number): number => {
    const k = A * Math.sqrt(alphaBar[t]) + c;
    return (k * m + B) ** 2 + k * k * v + A * A * oneMinusAlphaBar[t];
  };
  const v1 = model.variance[1];
  const reconstruction =
    -0.5 * Math.log(2 * Math.PI * v1) -
    meanSquare(1, -model.slope[1], 1, -model.intercept[1]) / (2 * v1);
  const prior =
    normalKl(Math.sqrt(alphaBar[T]) * m, oneMinusAlphaBar[T], 0, 1) + 0.5 * alphaBar[T] * v;
  const denoising = new Float64Array(T + 1); // (T + 1), indexed by t
  let sum = 0;
  for (let t = 2; t <= T; t++) {
    const q = ddpmPosterior(schedule, t);
    const variance = model.variance[t];
    const r = q.variance / variance;
    const gap = meanSquare(t, q.xtCoef - model.slope[t], q.x0Coef, -model.intercept[t]);
    denoising[t] = 0.5 * (r - 1 - Math.log(r) + gap / variance);
    sum += denoising[t];
  }
  return Object.freeze({ reconstruction, prior, denoising, elbo: reconstruction - prior - sum });
}
