import { requirePositive, requireTime } from "../base";
import { isotropicLinearSde, isotropicMoments, isotropicPrior } from "./helpers";
import { linearTransitionDensity } from "./transition-density";
import { checkMarginal, readOptions } from "./validate";
import type { VpProcess } from "./vp-sde";

/**
 * sub-VP SDE $dX = -\tfrac12\beta(t)X\,dt + \sqrt{\beta(t)(1 - e^{-2\int_0^t\beta})}\,dW$:
 * scale $= e^{-\frac12\int_0^t\beta}$, std $= 1 - e^{-\int_0^t\beta}$ (never above the VP std).
 * Transition from s to t, with $B_t = \int_0^t\beta$: scale $e^{-(B_t - B_s)/2}$, variance
 * $\sigma_t^2 - e^{-(B_t - B_s)}\sigma_s^2 = (1 - e^{-(B_t - B_s)})(1 - e^{-(B_t + B_s)})$. Prior $N(0, I)$.
 * @param options betaMin (default 0.1), betaMax (default 20), T (default 1), dim (default 1)
 * @see Song et al. (2021), Score-Based Generative Modeling through SDEs, ICLR, eq. (34)
 */
export function subVpSde(
  options: { betaMin?: number; betaMax?: number; T?: number; dim?: number } = {},
): VpProcess {
  const fn = "subVpSde";
  const { betaMin = 0.1, betaMax = 20, T, dim } = readOptions(fn, options);
  requirePositive(fn, "betaMin", betaMin);
  requirePositive(fn, "betaMax", betaMax);
  const beta = (t: number): number => betaMin + t * (betaMax - betaMin);
  const B = (t: number): number => betaMin * t + 0.5 * (betaMax - betaMin) * t * t;
  const scale = (t: number): number => Math.exp(-0.5 * B(t));
  const std = (t: number): number => -Math.expm1(-B(t));
  return Object.freeze({
    name: fn,
    dim,
    T,
    sde: isotropicLinearSde(
      dim,
      (t) => -0.5 * beta(t),
      (t) => Math.sqrt(beta(t) * -Math.expm1(-2 * B(t))),
    ),
    beta: (t: number) => beta(requireTime(`${fn}.beta`, "t", t, T)),
    alphaBar: (t: number) => Math.exp(-B(requireTime(`${fn}.alphaBar`, "t", t, T))),
    scale: (t: number) => scale(requireTime(`${fn}.scale`, "t", t, T)),
    std: (t: number) => std(requireTime(`${fn}.std`, "t", t, T)),
    marginal(t: number, x0: Float64Array) {
      checkMarginal(`${fn}.marginal`, t, x0, dim, T);
      return isotropicMoments(scale(t), std(t), x0);
    },
    ...linearTransitionDensity(fn, dim, T, (s, t) => {
      const dB = B(t) - B(s);
      // (1 − r)(1 − u²r) with r = e^{−(B_t − B_s)}, u = e^{−B_s}: no cancellation as s → t
      return { scale: Math.exp(-0.5 * dB), variance: Math.expm1(-dB) * Math.expm1(-B(t) - B(s)) };
    }),
    prior: isotropicPrior(dim, 0, 1),
  });
}
