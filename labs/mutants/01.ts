/** Recorded wrong solutions of lecture 01's labs, each with the mistake its grader must name. */
import { isometryLab, itoCoefficientsLab, leftPointSumLab } from "../../src/labs";
import { Mutant, mutant } from "./mutant";

export const mutants: Mutant[] = [
  mutant(leftPointSumLab, "right-point", (times, w, f) => {
    let s = 0;
    for (let k = 1; k < times.length; k++) s += f(times[k], w[k]) * (w[k] - w[k - 1]);
    return s;
  }),
  mutant(leftPointSumLab, "trapezoid", (times, w, f) => {
    let s = 0;
    for (let k = 0; k < times.length - 1; k++) {
      const mid = (f(times[k], w[k]) + f(times[k + 1], w[k + 1])) / 2;
      s += mid * (w[k + 1] - w[k]);
    }
    return s;
  }),
  mutant(leftPointSumLab, "stale-time", (times, w, f) => {
    let s = 0;
    for (let k = 1; k < times.length; k++) s += f(times[k], w[k - 1]) * (w[k] - w[k - 1]);
    return s;
  }),
  mutant(leftPointSumLab, "drops-last-increment", (times, w, f) => {
    let s = 0;
    for (let k = 0; k < w.length - 2; k++) s += f(times[k], w[k]) * (w[k + 1] - w[k]);
    return s;
  }),
  mutant(isometryLab, "square-of-integral", (times, f) => {
    let integral = 0;
    for (let k = 0; k < times.length - 1; k++) integral += f(times[k]) * (times[k + 1] - times[k]);
    return integral ** 2;
  }),
  mutant(isometryLab, "step-squared", (times, f) => {
    let s = 0;
    for (let k = 0; k < times.length - 1; k++) {
      const dt = times[k + 1] - times[k];
      s += (f(times[k]) * dt) ** 2;
    }
    return s;
  }),
  mutant(isometryLab, "right-point", (times, f) => {
    let s = 0;
    for (let k = 1; k < times.length; k++) s += f(times[k]) ** 2 * (times[k] - times[k - 1]);
    return s;
  }),
  mutant(itoCoefficientsLab, "chain-rule", (f, g, dH) => ({
    drift: dH.t + f * dH.x,
    diffusion: g * dH.x,
  })),
  mutant(itoCoefficientsLab, "correction-sign", (f, g, dH) => ({
    drift: dH.t + f * dH.x - (g * g * dH.xx) / 2,
    diffusion: g * dH.x,
  })),
  mutant(itoCoefficientsLab, "g-not-squared", (f, g, dH) => ({
    drift: dH.t + f * dH.x + (g * dH.xx) / 2,
    diffusion: g * dH.x,
  })),
  mutant(itoCoefficientsLab, "missing-time-derivative", (f, g, dH) => ({
    drift: f * dH.x + 0.5 * g ** 2 * dH.xx,
    diffusion: dH.x * g,
  })),
];
