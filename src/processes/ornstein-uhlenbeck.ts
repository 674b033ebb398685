import {
  checkDim,
  checkMarginalArgs,
  checkPositive,
  isotropicLinearSde,
  isotropicMoments,
  isotropicPrior,
} from "./helpers";
import type { LinearProcess } from "./process";

/**
 * $dX = -\theta X\,dt + \sigma\,dW$: scale $= e^{-\theta t}$,
 * std $= \sigma\sqrt{(1 - e^{-2\theta t})/(2\theta)}$. Prior: the stationary law
 * $N(0, \sigma^2/(2\theta)\,I)$.
 * @param options theta (default 1), sigma (default 1), T (default 1), dim d (default 1)
 * @see Uhlenbeck & Ornstein (1930), Phys. Rev. 36; Gardiner (2009), Stochastic Methods, §3.8.4
 */
export function ornsteinUhlenbeck(
  options: { theta?: number; sigma?: number; T?: number; dim?: number } = {},
): LinearProcess {
  const { theta = 1, sigma = 1, T = 1, dim = 1 } = options;
  checkPositive("ornsteinUhlenbeck", "theta", theta);
  checkPositive("ornsteinUhlenbeck", "sigma", sigma);
  checkPositive("ornsteinUhlenbeck", "T", T);
  checkDim("ornsteinUhlenbeck", dim);
  const scale = (t: number): number => Math.exp(-theta * t);
  // -expm1(-2θt) = 1 − e^{−2θt} without cancellation at small t
  const std = (t: number): number => sigma * Math.sqrt(-Math.expm1(-2 * theta * t) / (2 * theta));
  return Object.freeze({
    name: "ornsteinUhlenbeck",
    dim,
    T,
    sde: isotropicLinearSde(
      dim,
      () => -theta,
      () => sigma,
    ),
    scale,
    std,
    marginal(t: number, x0: Float64Array) {
      checkMarginalArgs("ornsteinUhlenbeck.marginal", t, x0, dim);
      return isotropicMoments(scale(t), std(t), x0);
    },
    prior: isotropicPrior(dim, 0, sigma / Math.sqrt(2 * theta)),
  });
}
