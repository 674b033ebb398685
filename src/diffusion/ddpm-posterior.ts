import { checkStep, type DdpmSchedule } from "./ddpm-schedule";

/** $q(x_{t-1}\mid x_t, x_0) = \mathcal N(\text{x0Coef}\,x_0 + \text{xtCoef}\,x_t,\ \text{variance}\,I)$. */
export interface DdpmPosterior {
  /** $\sqrt{\bar\alpha_{t-1}}\,\beta_t/(1 - \bar\alpha_t)$ */
  readonly x0Coef: number;
  /** $\sqrt{\alpha_t}\,(1 - \bar\alpha_{t-1})/(1 - \bar\alpha_t)$ */
  readonly xtCoef: number;
  /** $\tilde\beta_t$ */
  readonly variance: number;
}

/**
 * $q(x_{t-1}\mid x_t, x_0) = \mathcal N\big(\tfrac{\sqrt{\bar\alpha_{t-1}}\beta_t}{1-\bar\alpha_t}x_0 + \tfrac{\sqrt{\alpha_t}(1-\bar\alpha_{t-1})}{1-\bar\alpha_t}x_t,\ \tilde\beta_t I\big)$:
 * Bayes' rule on $q(x_t\mid x_{t-1})\,q(x_{t-1}\mid x_0)$, the same coefficients in every dimension.
 * @param schedule the DDPM schedule
 * @param t step in [1, T] (t = 1: x0Coef = 1, xtCoef = 0, variance 0)
 * @see Ho, Jain & Abbeel (2020), NeurIPS, eq. (6)–(7)
 */
export function ddpmPosterior(schedule: DdpmSchedule, t: number): DdpmPosterior {
  checkStep("ddpmPosterior", schedule, t);
  const { alpha, alphaBar, beta, betaTilde, oneMinusAlphaBar } = schedule;
  const om = oneMinusAlphaBar[t];
  const omPrev = oneMinusAlphaBar[t - 1];
  return Object.freeze({
    x0Coef: (Math.sqrt(alphaBar[t - 1]) * beta[t]) / om,
    xtCoef: (Math.sqrt(alpha[t]) * omPrev) / om,
    variance: betaTilde[t],
  });
}
