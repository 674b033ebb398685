import {
  checkDim,
  checkMarginalArgs,
  checkPositive,
  isotropicLinearSde,
  isotropicMoments,
  isotropicPrior,
} from "./helpers";
import type { LinearProcess } from "./process";

/** A VP-type process also exposes its schedule. */
export interface VpProcess extends LinearProcess {
  /** $\beta(t) = \beta_{min} + t(\beta_{max} - \beta_{min})$ */
  beta(t: number): number;
  /** $\bar\alpha_t = \exp(-\int_0^t \beta)$ */
  alphaBar(t: number): number;
}

/**
 * VP SDE $dX = -\tfrac12\beta(t)X\,dt + \sqrt{\beta(t)}\,dW$, linear $\beta$ on $[0, 1]$:
 * scale $= \sqrt{\bar\alpha_t}$, std $= \sqrt{1 - \bar\alpha_t}$,
 * $\int_0^t\beta = \beta_{min}t + \tfrac12(\beta_{max} - \beta_{min})t^2$. Prior $N(0, I)$.
 * @param options betaMin (default 0.1), betaMax (default 20, DDPM's), T (default 1), dim (default 1)
 * @see Song et al. (2021), Score-Based Generative Modeling through SDEs, ICLR, eq. (11), (32)–(33)
 */
export function vpSde(
  options: { betaMin?: number; betaMax?: number; T?: number; dim?: number } = {},
): VpProcess {
  const { betaMin = 0.1, betaMax = 20, T = 1, dim = 1 } = options;
  checkPositive("vpSde", "betaMin", betaMin);
  checkPositive("vpSde", "betaMax", betaMax);
  checkPositive("vpSde", "T", T);
  checkDim("vpSde", dim);
  const beta = (t: number): number => betaMin + t * (betaMax - betaMin);
  const B = (t: number): number => betaMin * t + 0.5 * (betaMax - betaMin) * t * t;
  const alphaBar = (t: number): number => Math.exp(-B(t));
  const scale = (t: number): number => Math.exp(-0.5 * B(t));
  const std = (t: number): number => Math.sqrt(-Math.expm1(-B(t)));
  return Object.freeze({
    name: "vpSde",
    dim,
    T,
    sde: isotropicLinearSde(
      dim,
      (t) => -0.5 * beta(t),
      (t) => Math.sqrt(beta(t)),
    ),
    beta,
    alphaBar,
    scale,
    std,
    marginal(t: number, x0: Float64Array) {
      checkMarginalArgs("vpSde.marginal", t, x0, dim);
      return isotropicMoments(scale(t), std(t), x0);
    },
    prior: isotropicPrior(dim, 0, 1),
  });
}
