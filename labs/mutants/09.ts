/** Recorded wrong solutions of lecture 09's labs, each with the mistake its grader must name. */
import { bridgeMarginalLab, bridgeStepLab, cldMeanLab } from "../../src/labs";
import { Mutant, mutant } from "./mutant";

export const mutants: Mutant[] = [
  mutant(bridgeMarginalLab, "unpinned-variance", (a, b, T, t, sigma) => ({
    mean: a + ((b - a) * t) / T,
    variance: sigma ** 2 * t,
  })),
  mutant(bridgeMarginalLab, "sd-for-variance", (a, b, T, t, sigma) => {
    const s = t / T;
    return { mean: (1 - s) * a + s * b, variance: Math.sqrt(sigma ** 2 * t * (1 - s)) };
  }),
  mutant(bridgeMarginalLab, "weights-swapped", (a, b, T, t, sigma) => {
    const s = t / T;
    return { mean: s * a + (1 - s) * b, variance: sigma * sigma * s * (T - t) };
  }),
  mutant(bridgeStepLab, "next-time", (x, b, T, t, h, sigma, xi) => {
    const next = new Float64Array(x.length);
    const tNext = t + h;
    for (let i = 0; i < x.length; i++) {
      next[i] = x[i] + (h * (b[i] - x[i])) / (T - tNext) + sigma * Math.sqrt(h) * xi[i];
    }
    return next;
  }),
  mutant(bridgeStepLab, "variance-for-sd", (x, b, T, t, h, sigma, xi) =>
    x.map((v, i) => v + (h * (b[i] - v)) / (T - t) + sigma * h * xi[i]),
  ),
  mutant(bridgeStepLab, "total-horizon", (x, b, T, t, h, sigma, xi) =>
    x.map((v, i) => v + ((b[i] - v) / T) * h + sigma * Math.sqrt(h) * xi[i]),
  ),
  mutant(cldMeanLab, "euler-step", (x0, v0, t, beta, mass) => {
    const gamma = 2 * Math.sqrt(mass);
    // u + βt A u
    return {
      x: x0 + beta * t * (v0 / mass),
      v: v0 + beta * t * (-x0 - (gamma / mass) * v0),
    };
  }),
  mutant(cldMeanLab, "missing-beta", (x0, v0, t, beta, mass) => {
    const r = 1 / Math.sqrt(mass);
    const e = Math.exp(-r * t);
    return { x: e * ((1 + r * t) * x0 + (t / mass) * v0), v: e * (-t * x0 + (1 - r * t) * v0) };
  }),
  mutant(cldMeanLab, "transposed", (x0, v0, t, beta, mass) => {
    const tau = beta * t;
    const r = 1 / Math.sqrt(mass);
    const e = Math.exp(-r * tau);
    return {
      x: e * ((1 + r * tau) * x0 - tau * v0),
      v: e * ((tau / mass) * x0 + (1 - r * tau) * v0),
    };
  }),
];
