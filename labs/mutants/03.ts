/** Recorded wrong solutions of lecture 03's labs, each with the mistake its grader must name. */
import { changCooperFluxLab, discreteEquilibriumLab, explicitStepLab } from "../../src/labs";
import { Mutant, mutant } from "./mutant";

export const mutants: Mutant[] = [
  mutant(changCooperFluxLab, "naive-bernoulli", (z, h, dLeft, pLeft, dRight, pRight) => {
    const B = (s: number) => s / (Math.exp(s) - 1);
    return (B(-z) * dLeft * pLeft - B(z) * dRight * pRight) / h;
  }),
  mutant(changCooperFluxLab, "swapped-weights", (z, h, dLeft, pLeft, dRight, pRight) => {
    const B = (s: number) => (s === 0 ? 1 : s / Math.expm1(s));
    return (B(z) * dLeft * pLeft - B(-z) * dRight * pRight) / h;
  }),
  mutant(changCooperFluxLab, "central-difference", (z, h, dLeft, pLeft, dRight, pRight) => {
    const qLeft = dLeft * pLeft;
    const qRight = dRight * pRight;
    return ((z / 2) * (qLeft + qRight) - (qRight - qLeft)) / h; // v q − q' with central averages
  }),
  mutant(changCooperFluxLab, "missing-diffusion", (z, h, _dLeft, pLeft, _dRight, pRight) => {
    const B = (s: number) => (Math.abs(s) < 1e-8 ? 1 - s / 2 : s / Math.expm1(s));
    return (B(-z) * pLeft - B(z) * pRight) / h;
  }),
  mutant(explicitStepLab, "divergence-sign", (p, z, d, h, dt) => {
    const B = (s: number) => (s === 0 ? 1 : s / Math.expm1(s));
    const out = Float64Array.from(p);
    for (let i = 0; i + 1 < p.length; i++) {
      const J = (B(-z[i]) * d[i] * p[i] - B(z[i]) * d[i + 1] * p[i + 1]) / h;
      out[i] += (dt / h) * J; // wrong: J leaves cell i
      out[i + 1] -= (dt / h) * J;
    }
    return out;
  }),
  mutant(explicitStepLab, "leaky-ends", (p, z, d, h, dt) => {
    const B = (s: number) => (s === 0 ? 1 : s / Math.expm1(s));
    const n = p.length;
    // ghost cells p_{−1} = p_n = 0 with z = 0 beyond the ends
    const P = (i: number) => (i < 0 || i >= n ? 0 : p[i]);
    const D = (i: number) => d[Math.min(Math.max(i, 0), n - 1)];
    const Z = (i: number) => (i < 0 || i >= n - 1 ? 0 : z[i]);
    const J = (i: number) => (B(-Z(i)) * D(i) * P(i) - B(Z(i)) * D(i + 1) * P(i + 1)) / h;
    return p.map((q, i) => q - (dt / h) * (J(i) - J(i - 1)));
  }),
  mutant(explicitStepLab, "single-h", (p, z, d, h, dt) => {
    const B = (s: number) => (s === 0 ? 1 : s / Math.expm1(s));
    const n = p.length;
    const J = new Float64Array(n + 1);
    for (let i = 1; i < n; i++) {
      J[i] = B(-z[i - 1]) * d[i - 1] * p[i - 1] - B(z[i - 1]) * d[i] * p[i];
    }
    return p.map((q, i) => q - (dt / h) * (J[i + 1] - J[i]));
  }),
  mutant(discreteEquilibriumLab, "sign-of-z", (z, d, h) => {
    const q = [1];
    for (let i = 0; i < z.length; i++) q.push(q[i] * Math.exp(-z[i]));
    const p = q.map((v, i) => v / d[i]);
    const mass = h * p.reduce((a, b) => a + b, 0);
    return Float64Array.from(p, (v) => v / mass);
  }),
  mutant(discreteEquilibriumLab, "missing-diffusion", (z, _d, h) => {
    const logP = [0];
    for (let i = 0; i < z.length; i++) logP.push(logP[i] + z[i]);
    const top = Math.max(...logP);
    const p = logP.map((v) => Math.exp(v - top));
    const mass = h * p.reduce((a, b) => a + b, 0);
    return Float64Array.from(p, (v) => v / mass);
  }),
  mutant(discreteEquilibriumLab, "sum-not-mass", (z, d, h) => {
    void h;
    const logP = [-Math.log(d[0])];
    for (let i = 0; i < z.length; i++) logP.push(logP[i] + z[i] + Math.log(d[i] / d[i + 1]));
    const top = Math.max(...logP);
    const p = logP.map((v) => Math.exp(v - top));
    const total = p.reduce((a, b) => a + b, 0);
    return Float64Array.from(p, (v) => v / total);
  }),
  mutant(discreteEquilibriumLab, "overflow", (z, d, h) => {
    const p = new Float64Array(d.length);
    let q = 1; // D_0 p_0
    for (let i = 0; i < d.length; i++) {
      if (i > 0) q *= Math.exp(z[i - 1]);
      p[i] = q / d[i];
    }
    const mass = h * p.reduce((a, b) => a + b, 0);
    return p.map((v) => v / mass);
  }),
];
