/** Recorded wrong solutions of lecture 06's labs, each with the mistake its grader must name. */
import { ddpmPosteriorLab, denoisingTermLab, gaussianKlLab } from "../../src/labs";
import { Mutant, mutant } from "./mutant";

export const mutants: Mutant[] = [
  mutant(gaussianKlLab, "reversed-kl", (mean0, var0, mean1, var1) => {
    let kl = 0;
    for (let i = 0; i < mean0.length; i++) {
      kl += 0.5 * (var1[i] / var0[i] + (mean0[i] - mean1[i]) ** 2 / var0[i] - 1);
      kl += 0.5 * Math.log(var0[i] / var1[i]);
    }
    return kl;
  }),
  // "KL = ½[log(v₀/v₁) + …]": the determinants swapped
  mutant(gaussianKlLab, "log-ratio-inverted", (mean0, var0, mean1, var1) =>
    mean0.reduce(
      (s, m, i) =>
        s + 0.5 * (Math.log(var0[i] / var1[i]) + (var0[i] + (m - mean1[i]) ** 2) / var1[i] - 1),
      0,
    ),
  ),
  mutant(gaussianKlLab, "missing-d", (mean0, var0, mean1, var1) => {
    let trace = 0;
    let quad = 0;
    let logDet = 0;
    for (let i = 0; i < mean0.length; i++) {
      trace += var0[i] / var1[i];
      quad += (mean1[i] - mean0[i]) ** 2 / var1[i];
      logDet += Math.log(var1[i]) - Math.log(var0[i]);
    }
    return 0.5 * (trace + quad + logDet);
  }),
  // ᾱ_t where ᾱ_{t−1} belongs in the x_0 coefficient
  mutant(ddpmPosteriorLab, "alphabar-index", (beta, t) => {
    const alphaBar = [1];
    for (let s = 1; s <= t; s++) alphaBar.push(alphaBar[s - 1] * (1 - beta[s]));
    const denominator = 1 - alphaBar[t];
    return {
      x0Coef: (Math.sqrt(alphaBar[t]) * beta[t]) / denominator,
      xtCoef: (Math.sqrt(1 - beta[t]) * (1 - alphaBar[t - 1])) / denominator,
      variance: ((1 - alphaBar[t - 1]) / denominator) * beta[t],
    };
  }),
  // Ho et al.'s α_t read as the marginal scale ᾱ_t
  mutant(ddpmPosteriorLab, "alphabar-for-alpha", (beta, t) => {
    let bar = 1;
    let barPrev = 1;
    for (let s = 1; s <= t; s++) {
      barPrev = bar;
      bar *= 1 - beta[s];
    }
    return {
      x0Coef: (Math.sqrt(barPrev) * beta[t]) / (1 - bar),
      xtCoef: (Math.sqrt(bar) * (1 - barPrev)) / (1 - bar),
      variance: (beta[t] * (1 - barPrev)) / (1 - bar),
    };
  }),
  // the product starts at index 0 and stops before t: ᾱ_{t−1} used as ᾱ_t
  mutant(ddpmPosteriorLab, "product-off-by-one", (beta, t) => {
    let bar = 1;
    for (let s = 0; s < t; s++) bar *= 1 - beta[s];
    const barPrev = bar / (1 - beta[t - 1]);
    return {
      x0Coef: (Math.sqrt(barPrev) * beta[t]) / (1 - bar),
      xtCoef: (Math.sqrt(1 - beta[t]) * (1 - barPrev)) / (1 - bar),
      variance: (beta[t] * (1 - barPrev)) / (1 - bar),
    };
  }),
  // only the weighted squared error (L_simple's weighting), no variance mismatch
  mutant(denoisingTermLab, "missing-constant", (beta, t, x0, _xt, x0Hat, v) => {
    let barPrev = 1;
    for (let s = 1; s < t; s++) barPrev *= 1 - beta[s];
    const bar = barPrev * (1 - beta[t]);
    const lambda = (barPrev * beta[t] ** 2) / (2 * v * (1 - bar) ** 2);
    return lambda * (x0 - x0Hat) ** 2;
  }),
  mutant(denoisingTermLab, "reversed-kl", (beta, t, x0, xt, x0Hat, v) => {
    let barPrev = 1;
    for (let s = 1; s < t; s++) barPrev *= 1 - beta[s];
    const bar = barPrev * (1 - beta[t]);
    const c0 = (Math.sqrt(barPrev) * beta[t]) / (1 - bar);
    const ct = (Math.sqrt(1 - beta[t]) * (1 - barPrev)) / (1 - bar);
    const betaTilde = (beta[t] * (1 - barPrev)) / (1 - bar);
    const muQ = c0 * x0 + ct * xt;
    const muP = c0 * x0Hat + ct * xt;
    // KL(p_θ ‖ q)
    return 0.5 * (Math.log(betaTilde / v) + (v + (muP - muQ) ** 2) / betaTilde - 1);
  }),
  mutant(denoisingTermLab, "alphabar-index", (beta, t, x0, _xt, x0Hat, v) => {
    let bar = 1;
    for (let s = 1; s <= t; s++) bar *= 1 - beta[s];
    const barPrev = bar / (1 - beta[t]);
    const c0 = (Math.sqrt(bar) * beta[t]) / (1 - bar);
    const betaTilde = (beta[t] * (1 - barPrev)) / (1 - bar);
    const r = betaTilde / v;
    return 0.5 * (r - 1 - Math.log(r)) + (c0 * (x0 - x0Hat)) ** 2 / (2 * v);
  }),
];
