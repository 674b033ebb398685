import { requirePositive, requireTime } from "../base";
import { isotropicLinearSde, isotropicMoments, isotropicPrior } from "./helpers";
import type { LinearProcess } from "./process";
import { linearTransitionDensity } from "./transition-density";
import { checkMarginal, readOptions } from "./validate";

/**
 * $dX = -\theta X\,dt + \sigma\,dW$: scale $= e^{-\theta t}$,
 * std $= \sigma\sqrt{(1 - e^{-2\theta t})/(2\theta)}$; time-homogeneous, so the transition from s
 * to t is the marginal at $t - s$. Prior: the stationary law $N(0, \sigma^2/(2\theta)\,I)$.
 * @param options theta (default 1), sigma (default 1), T (default 1), dim d (default 1)
 * @see Uhlenbeck & Ornstein (1930), Phys. Rev. 36; Gardiner (2009), Stochastic Methods, §3.8.4
 */
export function ornsteinUhlenbeck(
  options: { theta?: number; sigma?: number; T?: number; dim?: number } = {},
): LinearProcess {
  const fn = "ornsteinUhlenbeck";
  const { theta = 1, sigma = 1, T, dim } = readOptions(fn, options);
  requirePositive(fn, "theta", theta);
  requirePositive(fn, "sigma", sigma);
  const scale = (t: number): number => Math.exp(-theta * t);
  // -expm1(-2θt) = 1 − e^{−2θt} without cancellation at small t
  const std = (t: number): number => sigma * Math.sqrt(-Math.expm1(-2 * theta * t) / (2 * theta));
  return Object.freeze({
    name: fn,
    dim,
    T,
    sde: isotropicLinearSde(
      dim,
      () => -theta,
      () => sigma,
    ),
    scale: (t: number) => scale(requireTime(`${fn}.scale`, "t", t, T)),
    std: (t: number) => std(requireTime(`${fn}.std`, "t", t, T)),
    marginal(t: number, x0: Float64Array) {
      checkMarginal(`${fn}.marginal`, t, x0, dim, T);
      return isotropicMoments(scale(t), std(t), x0);
    },
    ...linearTransitionDensity(fn, dim, T, (s, t) => ({
      scale: scale(t - s),
      variance: std(t - s) ** 2,
    })),
    prior: isotropicPrior(dim, 0, sigma / Math.sqrt(2 * theta)),
  });
}
