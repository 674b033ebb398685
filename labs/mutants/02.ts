/** Recorded wrong solutions of lecture 02's labs, each with the mistake its grader must name. */
import { chainMarginalLab, eulerMaruyamaPathLab, milsteinStepLab } from "../../src/labs";
import { Mutant, mutant } from "./mutant";

export const mutants: Mutant[] = [
  mutant(eulerMaruyamaPathLab, "variance-for-sd", (times, x0, xi, f, g) => {
    const x = new Float64Array(times.length);
    x[0] = x0;
    for (let k = 1; k < times.length; k++) {
      const h = times[k] - times[k - 1];
      x[k] = x[k - 1] + h * (f(times[k - 1], x[k - 1]) + g(times[k - 1], x[k - 1]) * xi[k - 1]);
    }
    return x;
  }),
  mutant(eulerMaruyamaPathLab, "unscaled-noise", (times, x0, xi, f, g) => {
    const out = [x0];
    for (let k = 0; k < xi.length; k++) {
      const x = out[k];
      out.push(x + f(times[k], x) * (times[k + 1] - times[k]) + g(times[k], x) * xi[k]);
    }
    return Float64Array.from(out);
  }),
  mutant(eulerMaruyamaPathLab, "right-end-time", (times, x0, xi, f, g) => {
    const x = new Float64Array(times.length);
    x[0] = x0;
    for (let k = 1; k < times.length; k++) {
      const t = times[k];
      const h = t - times[k - 1];
      x[k] = x[k - 1] + f(t, x[k - 1]) * h + g(t, x[k - 1]) * Math.sqrt(h) * xi[k - 1];
    }
    return x;
  }),
  mutant(milsteinStepLab, "euler-maruyama", (t, x, h, dW, f, g) => x + h * f(t, x) + dW * g(t, x)),
  mutant(milsteinStepLab, "missing-h", (t, x, h, dW, f, g, dg) => {
    const gx = g(t, x);
    return x + f(t, x) * h + gx * dW + (gx * dg(t, x) * dW ** 2) / 2;
  }),
  mutant(milsteinStepLab, "g-squared", (t, x, h, dW, f, g) => {
    const gx = g(t, x);
    return x + f(t, x) * h + gx * dW + 0.5 * gx * gx * (dW ** 2 - h);
  }),
  mutant(chainMarginalLab, "alpha-bar-for-scale", (x0, betas, k) => {
    const alphaBar = betas.subarray(0, k).reduce((a, b) => a * (1 - b), 1);
    return { mean: alphaBar * x0, variance: 1 - alphaBar };
  }),
  mutant(chainMarginalLab, "exp-of-sum", (x0, betas, k) => {
    const integral = betas.subarray(0, k).reduce((a, b) => a + b, 0);
    return { mean: x0 * Math.exp(-integral / 2), variance: 1 - Math.exp(-integral) };
  }),
  mutant(chainMarginalLab, "off-by-one", (x0, betas, k) => {
    let alphaBar = 1;
    for (let j = 0; j <= k; j++) alphaBar *= 1 - betas[j];
    return { mean: Math.sqrt(alphaBar) * x0, variance: 1 - alphaBar };
  }),
];
