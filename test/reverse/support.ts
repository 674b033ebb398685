/** Closed forms for the reverse-process tests: Gaussian data through OU, lognormal data through GBM. */
import type { ScoreFunction } from "../../src/score";

// hoisted: a global Math lookup per element is slow inside jest's vm context
const { log } = Math;

/** OU dX = −θX dt + σ dW with X_0 ~ N(m, v): X_t ~ N(α m, α² v + σ_t²), α = e^{−θt}. */
export function ouGaussian(theta: number, sigma: number, m: number, v: number) {
  const alpha = (t: number) => Math.exp(-theta * t);
  const mean = (t: number) => alpha(t) * m;
  const variance = (t: number) =>
    alpha(t) ** 2 * v + (sigma * sigma * -Math.expm1(-2 * theta * t)) / (2 * theta);
  const score: ScoreFunction = {
    dim: 1,
    score(t, x, out, n) {
      const [mt, vt] = [mean(t), variance(t)];
      for (let i = 0; i < n; i++) out[i] = -(x[i] - mt) / vt;
    },
    hessianDiagonal(t, _x, out, n) {
      out.fill(-1 / variance(t), 0, n);
    },
  };
  return { mean, variance, score };
}

/**
 * GBM dX = μX dt + σX dW with log X_0 ~ N(m0, v0): log X_t ~ N(m0 + (μ − σ²/2)t, v0 + σ²t),
 * score ∂x log p_t = −(1 + (log x − m_t)/v_t)/x.
 */
export function gbmLognormal(mu: number, sigma: number, m0: number, v0: number) {
  const m = (t: number) => m0 + (mu - 0.5 * sigma * sigma) * t;
  const v = (t: number) => v0 + sigma * sigma * t;
  const score: ScoreFunction = {
    dim: 1,
    score(t, x, out, n) {
      const mt = m(t);
      const vt = v(t);
      for (let i = 0; i < n; i++) out[i] = -(1 + (log(x[i]) - mt) / vt) / x[i];
    },
  };
  return { m, v, score };
}
