import { optionalPositive, requireOptions } from "../base";
import { definePath, type ProbabilityPath } from "./probability-path";

/**
 * The VP path on [0, 1]: $\alpha_t = e^{-B(t)/2}$, $\sigma_t = \sqrt{1 - e^{-B(t)}}$ with
 * $B(t) = \int_0^t\beta = \beta_{min}t + \tfrac12(\beta_{max} - \beta_{min})t^2$, exactly the
 * marginals of `vpSde` with the same β; $\dot\alpha_t = -\tfrac12\beta(t)\alpha_t$,
 * $d\sigma_t^2/dt = \beta(t)\alpha_t^2$, $\dot\sigma_t = \beta(t)\alpha_t^2/(2\sigma_t)$ ($+\infty$ at t = 0).
 * Its flow-matching ODE is the probability-flow ODE of the VP SDE.
 * @param options betaMin (default 0.1), betaMax (default 20), both > 0
 * @see Lipman et al. (2023), ICLR, §4.1, Example I (VP path); Song et al. (2021), ICLR, eq. (11), (13)
 */
export function vpPath(options: { betaMin?: number; betaMax?: number } = {}): ProbabilityPath {
  const fn = "vpPath";
  const o = requireOptions(fn, options);
  const betaMin = optionalPositive(fn, "options.betaMin", o.betaMin) ?? 0.1;
  const betaMax = optionalPositive(fn, "options.betaMax", o.betaMax) ?? 20;
  const beta = (t: number): number => betaMin + t * (betaMax - betaMin);
  const B = (t: number): number => betaMin * t + 0.5 * (betaMax - betaMin) * t * t;
  const scale = (t: number): number => Math.exp(-0.5 * B(t));
  const std = (t: number): number => Math.sqrt(-Math.expm1(-B(t)));
  const varianceRate = (t: number): number => beta(t) * Math.exp(-B(t)); // β α²
  return definePath(fn, 1, {
    scale,
    std,
    scaleRate: (t) => -0.5 * beta(t) * scale(t),
    stdRate: (t) => {
      const s = std(t);
      return s > 0 ? varianceRate(t) / (2 * s) : Infinity;
    },
    varianceRate,
  });
}
