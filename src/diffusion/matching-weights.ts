import { requireFinite } from "../base";
import { checkStep, type DdpmSchedule } from "./ddpm-schedule";
import { ddpmPosterior } from "./ddpm-posterior";

/** $L_{t-1} = C_t + \lambda\,\mathbb E\|\text{error}\|^2$ for each parameterisation of the denoiser. */
export interface MatchingWeights {
  /** $C_t = \tfrac12[\tilde\beta_t/\sigma_t^2 - 1 - \log(\tilde\beta_t/\sigma_t^2)]$ per dimension, the variance mismatch */
  readonly constant: number;
  /** $\bar\alpha_{t-1}\beta_t^2 / (2\sigma_t^2(1-\bar\alpha_t)^2)$, weight of $\|x_0 - \hat x_0\|^2$ */
  readonly x0: number;
  /** $\beta_t^2 / (2\sigma_t^2\alpha_t(1-\bar\alpha_t))$, weight of $\|\varepsilon - \hat\varepsilon\|^2$ */
  readonly eps: number;
  /** $\beta_t^2 / (2\sigma_t^2\alpha_t)$, weight of $\|\nabla\log q_t - \hat s\|^2$ */
  readonly score: number;
}

/**
 * $\mathrm{KL}(q(x_{t-1}|x_t,x_0)\|\mathcal N(\tilde\mu_t(x_t,\hat x_0), \sigma_t^2 I)) = dC_t + \tfrac{\bar\alpha_{t-1}\beta_t^2}{2\sigma_t^2(1-\bar\alpha_t)^2}\|x_0-\hat x_0\|^2$,
 * rewritten with $x_0 - \hat x_0 = -\sqrt{(1-\bar\alpha_t)/\bar\alpha_t}\,(\varepsilon - \hat\varepsilon)$ and
 * $\varepsilon = -\sqrt{1-\bar\alpha_t}\,s$ into the ε and score weights.
 * @param schedule the DDPM schedule
 * @param t step in [2, T]
 * @param variance the model's $\sigma_t^2 > 0$
 * @see Ho, Jain & Abbeel (2020), NeurIPS, eq. (8), (10), (12); Kingma et al. (2021), NeurIPS, eq. (13)
 */
export function matchingWeights(
  schedule: DdpmSchedule,
  t: number,
  variance: number,
): MatchingWeights {
  const fn = "matchingWeights";
  checkStep(fn, schedule, t, 2);
  requireFinite(fn, "variance", variance, "a finite number > 0", (v) => v > 0);
  const { alpha, beta, oneMinusAlphaBar } = schedule;
  const c1 = ddpmPosterior(schedule, t).x0Coef;
  const r = schedule.betaTilde[t] / variance;
  const b2 = (beta[t] * beta[t]) / (2 * variance);
  return Object.freeze({
    constant: 0.5 * (r - 1 - Math.log(r)),
    x0: (c1 * c1) / (2 * variance),
    eps: b2 / (alpha[t] * oneMinusAlphaBar[t]),
    score: b2 / alpha[t],
  });
}
