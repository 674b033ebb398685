/** Recorded wrong solutions of lecture 10's labs, each with the mistake its grader must name. */
import { marginalVelocityLab, otPathTargetLab, scoreOfVelocityLab } from "../../src/labs";
import { Mutant, mutant } from "./mutant";

export const mutants: Mutant[] = [
  // the components weighted by w_k: the mean of the components' velocities, not given x
  mutant(marginalVelocityLab, "prior-weights", (x, data, path) => {
    const { alpha, sigma, alphaRate, sigmaRate } = path;
    return x.map((xi) => {
      let u = 0;
      data.weights.forEach((w, k) => {
        const c = alpha ** 2 * data.variances[k] + sigma ** 2;
        const gain = (alphaRate * alpha * data.variances[k] + sigma * sigmaRate) / c;
        u += w * (alphaRate * data.means[k] + gain * (xi - alpha * data.means[k]));
      });
      return u;
    });
  }),
  // only the x₀ part of the conditional velocity conditioned: σσ̇ left out of the gain
  mutant(marginalVelocityLab, "missing-noise-term", (x, data, path) => {
    const { alpha: a, sigma: s, alphaRate: da } = path;
    return x.map((xi) => {
      const comps = data.weights.map((w, k) => {
        const c = a * a * data.variances[k] + s * s;
        const r = xi - a * data.means[k];
        const density = (w * Math.exp((-r * r) / (2 * c))) / Math.sqrt(2 * Math.PI * c);
        return { density, u: da * data.means[k] + ((da * a * data.variances[k]) / c) * r };
      });
      const total = comps.reduce((acc, c) => acc + c.density, 0);
      return comps.reduce((acc, c) => acc + (c.density / total) * c.u, 0);
    });
  }),
  // p_t's components centred at μ_k instead of α_tμ_k
  mutant(marginalVelocityLab, "unscaled-mean", (x, data, path) => {
    const { alpha: a, sigma: s, alphaRate: da, sigmaRate: ds } = path;
    return x.map((xi) => {
      let [num, den] = [0, 0];
      for (let k = 0; k < data.weights.length; k++) {
        const c = a * a * data.variances[k] + s * s;
        const d = xi - data.means[k];
        const r = (data.weights[k] / Math.sqrt(c)) * Math.exp((-d * d) / (2 * c));
        num += r * (da * data.means[k] + ((da * a * data.variances[k] + s * ds) * d) / c);
        den += r;
      }
      return num / den;
    });
  }),
  // Lipman et al.'s formulas copied without converting the time: data at t = 1
  mutant(otPathTargetLab, "data-at-t1", (x0, eps, t, sigmaMin) => ({
    xt: x0.map((x, i) => t * x + (1 - (1 - sigmaMin) * t) * eps[i]),
    velocity: x0.map((x, i) => x - (1 - sigmaMin) * eps[i]),
  })),
  // the point converted to t = 0 data, the velocity left in Lipman et al.'s direction
  mutant(otPathTargetLab, "velocity-sign", (x0, eps, t, sigmaMin) => ({
    xt: x0.map((x, i) => (1 - t) * x + (sigmaMin + (1 - sigmaMin) * t) * eps[i]),
    velocity: x0.map((x, i) => x - (1 - sigmaMin) * eps[i]),
  })),
  // the rectified-flow velocity ε − x₀ kept although σ_min > 0
  mutant(otPathTargetLab, "sigma-rate", (x0, eps, t, sigmaMin) => ({
    xt: x0.map((x, i) => (1 - t) * x + (sigmaMin + (1 - sigmaMin) * t) * eps[i]),
    velocity: x0.map((x, i) => eps[i] - x),
  })),
  // Tweedie without the 1/σ
  mutant(scoreOfVelocityLab, "eps-for-score", (u, x, path) => {
    const { alpha, sigma, alphaRate, sigmaRate } = path;
    const det = alpha * sigmaRate - sigma * alphaRate;
    return u.map((v, i) => (alphaRate * x[i] - alpha * v) / det);
  }),
  // the determinant written σα̇ − ασ̇: the score comes out with the wrong sign
  mutant(scoreOfVelocityLab, "score-sign", (u, x, path) => {
    const { alpha, sigma, alphaRate, sigmaRate } = path;
    const det = sigma * alphaRate - alpha * sigmaRate;
    return u.map((v, i) => -(alpha * v - alphaRate * x[i]) / det / sigma);
  }),
  // the velocity negated first, as if it were given in Lipman et al.'s time
  mutant(scoreOfVelocityLab, "velocity-sign", (u, x, path) => {
    const { alpha, sigma, alphaRate, sigmaRate } = path;
    const det = alpha * sigmaRate - sigma * alphaRate;
    return u.map((v, i) => (alpha * v + alphaRate * x[i]) / (det * sigma));
  }),
];
