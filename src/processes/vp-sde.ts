import { requirePositive, requireTime } from "../base";
import { isotropicLinearSde, isotropicMoments, isotropicPrior } from "./helpers";
import type { LinearProcess } from "./process";
import { linearTransitionDensity } from "./transition-density";
import { checkMarginal, readOptions } from "./validate";

/** A VP-type process also exposes its schedule. */
export interface VpProcess extends LinearProcess {
  /** $\beta(t) = \beta_{min} + t(\beta_{max} - \beta_{min})$ @param t time in [0, T] */
  beta(t: number): number;
  /** $\bar\alpha_t = \exp(-\int_0^t \beta)$ @param t time in [0, T] */
  alphaBar(t: number): number;
}

/**
 * VP SDE $dX = -\tfrac12\beta(t)X\,dt + \sqrt{\beta(t)}\,dW$, linear $\beta$ on $[0, 1]$:
 * scale $= \sqrt{\bar\alpha_t}$, std $= \sqrt{1 - \bar\alpha_t}$,
 * $\int_0^t\beta = \beta_{min}t + \tfrac12(\beta_{max} - \beta_{min})t^2$; transition from s to t:
 * scale $\sqrt{\bar\alpha_t/\bar\alpha_s}$, variance $1 - \bar\alpha_t/\bar\alpha_s$. Prior $N(0, I)$.
 * @param options betaMin (default 0.1), betaMax (default 20, DDPM's), T (default 1), dim (default 1)
 * @see Song et al. (2021), Score-Based Generative Modeling through SDEs, ICLR, eq. (11), (32)–(33)
 */
export function vpSde(
  options: { betaMin?: number; betaMax?: number; T?: number; dim?: number } = {},
): VpProcess {
  const fn = "vpSde";
  const { betaMin = 0.1, betaMax = 20, T, dim } = readOptions(fn, options);
  requirePositive(fn, "betaMin", betaMin);
  requirePositive(fn, "betaMax", betaMax);
  const beta = (t: number): number => betaMin + t * (betaMax - betaMin);
  const B = (t: number): number => betaMin * t + 0.5 * (betaMax - betaMin) * t * t;
  const alphaBar = (t: number): number => Math.exp(-B(t));
  const scale = (t: number): number => Math.exp(-0.5 * B(t));
  const std = (t: number): number => Math.sqrt(-Math.expm1(-B(t)));
  return Object.freeze({
    name: fn,
    dim,
    T,
    sde: isotropicLinearSde(
      dim,
      (t) => -0.5 * beta(t),
      (t) => Math.sqrt(beta(t)),
    ),
    beta: (t: number) => beta(requireTime(`${fn}.beta`, "t", t, T)),
    alphaBar: (t: number) => alphaBar(requireTime(`${fn}.alphaBar`, "t", t, T)),
    scale: (t: number) => scale(requireTime(`${fn}.scale`, "t", t, T)),
    std: (t: number) => std(requireTime(`${fn}.std`, "t", t, T)),
    marginal(t: number, x0: Float64Array) {
      checkMarginal(`${fn}.marginal`, t, x0, dim, T);
      return isotropicMoments(scale(t), std(t), x0);
    },
    ...linearTransitionDensity(fn, dim, T, (s, t) => {
      const dB = B(t) - B(s); // ∫_s^t β > 0
      return { scale: Math.exp(-0.5 * dB), variance: -Math.expm1(-dB) };
    }),
    prior: isotropicPrior(dim, 0, 1),
  });
}
