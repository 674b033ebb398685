/**
 * Test problems with known answers for the solver tests.
 * - Higham (2001), SIAM Review 43(3), §4: GBM dX = λX dt + μX dW, λ = 2, μ = 1, X0 = 1, T = 1,
 *   X_T = X0 exp((λ − μ²/2)T + μW_T); E X_T = e^{λT}, E X_T² = e^{(2λ+μ²)T}.
 * - the same GBM read in Stratonovich sense: X_T = X0 exp(λT + μW_T),
 *   E X_T = e^{(λ+μ²/2)T}, E X_T² = e^{(2λ+2μ²)T} (Kloeden & Platen 1992, §4.9).
 * - an additive-noise problem with time-dependent g and nonlinear drift, no closed form:
 *   dX = (−X + sin 2X + cos t) dt + (1 + t) dW; strong reference = SRA1 on a much finer grid.
 * - OU dX = −θX dt + σ dW, θ = 1, σ = 0.8, X0 = 1: E X_T = X0 e^{−θT},
 *   E X_T² = (E X_T)² + σ²(1 − e^{−2θT})/(2θ).
 */
import { geometricBrownianMotion, ornsteinUhlenbeck } from "../../src/processes";
import { sdeFromScalar, type Sde } from "../../src/sde";

// hoisted: a global `Math` lookup per call is ~10x slower inside jest's vm context
const { sin, cos } = Math;

export interface Problem {
  name: string;
  sde: Sde;
  x0: number;
  T: number;
  /** X_T from W_T − W_0 (pathwise exact), when known */
  exact?: (wT: number) => number;
  /** exact E X_T and E X_T², when known */
  moments?: [number, number];
}

const lambda = 2;
const mu = 1;

export const higham: Problem = {
  name: "GBM (Higham 2001), Itô",
  sde: geometricBrownianMotion({ mu: lambda, sigma: mu }).sde,
  x0: 1,
  T: 1,
  exact: (w) => Math.exp(lambda - 0.5 * mu * mu + mu * w),
  moments: [Math.exp(lambda), Math.exp(2 * lambda + mu * mu)],
};

export const highamStratonovich: Problem = {
  name: "GBM, Stratonovich",
  sde: sdeFromScalar({
    drift: (_t, x) => lambda * x,
    diffusion: (_t, x) => mu * x,
    calculus: "stratonovich",
  }),
  x0: 1,
  T: 1,
  exact: (w) => Math.exp(lambda + mu * w),
  moments: [Math.exp(lambda + 0.5 * mu * mu), Math.exp(2 * lambda + 2 * mu * mu)],
};

export const additive: Problem = {
  name: "additive, nonlinear, g = 1 + t",
  sde: sdeFromScalar({
    drift: (t, x) => -x + sin(2 * x) + cos(t),
    diffusion: (t) => 1 + t,
    additive: true,
  }),
  x0: 0.5,
  T: 1,
};

const theta = 1;
const sigma = 0.8;
export const ou: Problem = {
  name: "OU",
  sde: ornsteinUhlenbeck({ theta, sigma }).sde,
  x0: 1,
  T: 1,
  moments: [
    Math.exp(-theta),
    Math.exp(-2 * theta) + (sigma * sigma * -Math.expm1(-2 * theta)) / (2 * theta),
  ],
};
