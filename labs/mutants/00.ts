/** Recorded wrong solutions of lecture 00's labs, each with the mistake its grader must name. */
import { brownianPathLab, covarianceSELab, quadraticVariationLab } from "../../src/labs";
import { Mutant, mutant } from "./mutant";

export const mutants: Mutant[] = [
  mutant(brownianPathLab, "variance-for-sd", (times, xi) => {
    const w = new Float64Array(times.length);
    for (let k = 0; k + 1 < times.length; k++) w[k + 1] = w[k] + (times[k + 1] - times[k]) * xi[k];
    return w;
  }),
  mutant(brownianPathLab, "cumulative-time", (times, xi) => {
    const w = new Float64Array(times.length);
    for (let k = 1; k < times.length; k++) w[k] = w[k - 1] + Math.sqrt(times[k]) * xi[k - 1];
    return w;
  }),
  mutant(brownianPathLab, "missing-start", (times, xi) => {
    const w = new Float64Array(times.length - 1);
    let x = 0;
    for (let k = 0; k < w.length; k++) w[k] = x += Math.sqrt(times[k + 1] - times[k]) * xi[k];
    return w;
  }),
  mutant(quadraticVariationLab, "total-variation", (w) => {
    let s = 0;
    for (let k = 1; k < w.length; k++) s += Math.abs(w[k] - w[k - 1]);
    return s;
  }),
  mutant(quadraticVariationLab, "drops-last-increment", (w) => {
    let s = 0;
    for (let k = 1; k < w.length - 1; k++) s += (w[k] - w[k - 1]) ** 2;
    return s;
  }),
  mutant(covarianceSELab, "no-isserlis", (s, t, n) => Math.sqrt((s * t) / n)),
  mutant(covarianceSELab, "min-missing", (s, t, n) => Math.sqrt((s * s + s * t) / n)),
  mutant(covarianceSELab, "variance-for-sd", (s, t, n) => (Math.min(s, t) ** 2 + s * t) / n),
];
