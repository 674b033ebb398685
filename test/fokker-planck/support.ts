/** Shared test problems for the Fokker–Planck suites, each with its closed-form solution. */
import type { Coefficients1d } from "../../src/fokker-planck";

export const theta = 1;
export const sigma = 1;

/** dX = −θX dt + σ dW (Ornstein–Uhlenbeck), time-independent. */
export const ou: Coefficients1d = {
  drift: (_t, x) => -theta * x,
  diffusion: () => sigma,
  timeDependent: false,
};

/**
 * Law of X_t for X_0 ~ N(m0, v0): N(m0 e^{−θt}, v0 e^{−2θt} + σ²(1 − e^{−2θt})/(2θ))
 * (Gardiner 2009, §3.8.4).
 */
export function ouDensity(t: number, m0: number, v0: number): (x: number) => number {
  const m = m0 * Math.exp(-theta * t);
  const v =
    v0 * Math.exp(-2 * theta * t) + (sigma ** 2 * -Math.expm1(-2 * theta * t)) / (2 * theta);
  return (x) => Math.exp(-((x - m) ** 2) / (2 * v)) / Math.sqrt(2 * Math.PI * v);
}

/** log2 ratios of successive errors: the observed orders on grids refined by 2. */
export const observedOrders = (errors: number[]): number[] =>
  errors.slice(1).map((e, i) => Math.log2(errors[i] / e));
