/** Recorded wrong solutions of lecture 11's labs, each with the mistake its grader must name. */
import { ddimStepLab, dpmSolver2StepLab, karrasLevelsLab } from "../../src/labs";
import { Mutant, mutant } from "./mutant";

export const mutants: Mutant[] = [
  // x̂₀ = x − σ_t ε̂: the α_t of x_t = α_t x₀ + σ_t ε forgotten
  mutant(ddimStepLab, "x0-not-rescaled", (x, epsHat, aT, sT, aS, sS, eta, z) => {
    const sigmaRatio = (sS * aT) / (aS * sT);
    const v = eta ** 2 * sS ** 2 * (1 - sigmaRatio ** 2);
    return x.map((xi, i) => {
      const predicted = xi - sT * epsHat[i];
      return aS * predicted + Math.sqrt(sS ** 2 - v) * epsHat[i] + Math.sqrt(v) * z[i];
    });
  }),
  // the deterministic step's σ_s ε̂ kept when the noise is added
  mutant(ddimStepLab, "direction-ignores-v", (x, epsHat, aT, sT, aS, sS, eta, z) => {
    const v = eta * eta * (sS * sS - ((sS * sS * aT * aT) / (aS * aS * sT * sT)) * sS * sS);
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      out[i] = (aS * (x[i] - sT * epsHat[i])) / aT + sS * epsHat[i] + Math.sqrt(v) * z[i];
    }
    return out;
  }),
  // v z instead of √v z
  mutant(ddimStepLab, "variance-for-sd", (x, epsHat, aT, sT, aS, sS, eta, z) => {
    const v = eta ** 2 * sS ** 2 * (1 - (sS / aS) ** 2 / (sT / aT) ** 2);
    return x.map(
      (xi, i) => aS * ((xi - sT * epsHat[i]) / aT) + Math.sqrt(sS ** 2 - v) * epsHat[i] + v * z[i],
    );
  }),
  // (σ_max + i/(N − 1)(σ_min − σ_max))^ρ
  mutant(karrasLevelsLab, "rho-on-sigma", (n, sigmaMin, sigmaMax, rho) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++)
      out[i] = Math.pow(sigmaMax + (i / (n - 1)) * (sigmaMin - sigmaMax), rho);
    return out;
  }),
  // a step of 1/N: the last level stops short of σ_min
  mutant(karrasLevelsLab, "index-over-n", (n, sigmaMin, sigmaMax, rho) => {
    const [a, b] = [Math.pow(sigmaMax, 1 / rho), Math.pow(sigmaMin, 1 / rho)];
    const step = (b - a) / n;
    return Float64Array.from({ length: n }, (_, i) => Math.pow(a + i * step, rho));
  }),
  // from σ_min up to σ_max
  mutant(karrasLevelsLab, "ascending", (n, sigmaMin, sigmaMax, rho) => {
    const [a, b] = [sigmaMin ** (1 / rho), sigmaMax ** (1 / rho)];
    return Float64Array.from({ length: n }, (_, i) => (a + (i / (n - 1)) * (b - a)) ** rho);
  }),
  // r = (t + s)/2
  mutant(dpmSolver2StepLab, "midpoint-in-t", (x, t, s, schedule, epsHat) => {
    const { alpha, sigma } = schedule;
    const h = Math.log(alpha(s) / sigma(s)) - Math.log(alpha(t) / sigma(t));
    const r = (t + s) / 2;
    const e = epsHat(x, t);
    const u = x.map((v, i) => (alpha(r) / alpha(t)) * v - sigma(r) * Math.expm1(h / 2) * e[i]);
    const eMid = epsHat(u, r);
    return x.map((v, i) => (alpha(s) / alpha(t)) * v - sigma(s) * Math.expm1(h) * eMid[i]);
  }),
  // the intermediate point computed but the step taken with ε̂(x, t)
  mutant(dpmSolver2StepLab, "first-order", (x, t, s, schedule, epsHat) => {
    const { alpha, sigma } = schedule;
    const h = Math.log((alpha(s) * sigma(t)) / (sigma(s) * alpha(t)));
    const e = epsHat(x, t);
    return x.map((v, i) => (alpha(s) / alpha(t)) * v - sigma(s) * (Math.exp(h) - 1) * e[i]);
  }),
  // h/2 and h for e^{h/2} − 1 and e^h − 1
  mutant(dpmSolver2StepLab, "linear-in-h", (x, t, s, schedule, epsHat) => {
    const { alpha, sigma, timeAt } = schedule;
    const [lt, ls] = [Math.log(alpha(t) / sigma(t)), Math.log(alpha(s) / sigma(s))];
    const h = ls - lt;
    const r = timeAt((lt + ls) / 2);
    const e = epsHat(x, t);
    const u = x.map((v, i) => (alpha(r) / alpha(t)) * v - sigma(r) * (h / 2) * e[i]);
    const eMid = epsHat(u, r);
    return x.map((v, i) => (alpha(s) / alpha(t)) * v - sigma(s) * h * eMid[i]);
  }),
];
