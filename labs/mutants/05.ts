/** Recorded wrong solutions of lecture 05's labs, each with the mistake its grader must name. */
import { idealDenoiserLab, tweedieMeanLab, tweedieVarianceLab } from "../../src/labs";
import { Mutant, mutant } from "./mutant";

export const mutants: Mutant[] = [
  // Robbins–Efron's α = 1 form used for a scaled observation
  mutant(tweedieMeanLab, "missing-alpha", (x, score, _alpha, sigma) => {
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = x[i] + sigma ** 2 * score[i];
    return out;
  }),
  mutant(tweedieMeanLab, "sigma-not-squared", (x, score, alpha, sigma) =>
    x.map((v, i) => (v + sigma * score[i]) / alpha),
  ),
  mutant(tweedieMeanLab, "score-sign", (x, score, alpha, sigma) =>
    x.map((v, i) => (v - sigma * sigma * score[i]) / alpha),
  ),
  // compares x with the clean points
  mutant(idealDenoiserLab, "unscaled-data", (data, x, _alpha, sigma) =>
    x.map((v) => {
      const logits = Array.from(data, (y) => -((v - y) ** 2) / (2 * sigma * sigma));
      const top = Math.max(...logits);
      const w = logits.map((l) => Math.exp(l - top));
      const z = w.reduce((a, b) => a + b, 0);
      return w.reduce((a, wi, i) => a + wi * data[i], 0) / z;
    }),
  ),
  // the softmax straight from exp: 0/0 far from the data
  mutant(idealDenoiserLab, "no-log-sum-exp", (data, x, alpha, sigma) => {
    const out = new Float64Array(x.length);
    for (let r = 0; r < x.length; r++) {
      let num = 0;
      let den = 0;
      for (const y of data) {
        const w = Math.exp(-((x[r] - alpha * y) ** 2) / (2 * sigma ** 2));
        num += w * y;
        den += w;
      }
      out[r] = num / den;
    }
    return out;
  }),
  // returns the denoised x (the mean of αy_i), not x_0
  mutant(idealDenoiserLab, "returns-scaled", (data, x, alpha, sigma) =>
    x.map((v) => {
      const means = Array.from(data, (y) => alpha * y);
      const logits = means.map((m) => -((v - m) ** 2) / (2 * sigma * sigma));
      const top = Math.max(...logits);
      const w = logits.map((l) => Math.exp(l - top));
      return w.reduce((a, wi, i) => a + wi * means[i], 0) / w.reduce((a, b) => a + b, 0);
    }),
  ),
  mutant(tweedieVarianceLab, "alpha-not-squared", (hessian, alpha, sigma) =>
    hessian.map((h) => (sigma ** 2 + sigma ** 4 * h) / alpha),
  ),
  mutant(tweedieVarianceLab, "missing-alpha", (hessian, _alpha, sigma) =>
    hessian.map((h) => sigma ** 2 * (1 + sigma ** 2 * h)),
  ),
  mutant(tweedieVarianceLab, "hessian-unweighted", (hessian, alpha, sigma) => {
    const out = new Float64Array(hessian.length);
    for (let i = 0; i < hessian.length; i++) out[i] = (sigma ** 2 * (1 + hessian[i])) / alpha ** 2;
    return out;
  }),
];
