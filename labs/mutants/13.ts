/** Recorded wrong solutions of lecture 13's labs, each with the mistake its grader must name. */
import { circleTrapezoidScoreLab, finiteSetScoreLab, pcaProjectionLab } from "../../src/labs";
import { Mutant, mutant } from "./mutant";

export const mutants: Mutant[] = [
  // the pull towards the posterior mean E[X_0 | x], forgetting that p_t's points sit at αy_j
  mutant(finiteSetScoreLab, "missing-alpha", (points, dim, x, alpha, sigma) => {
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length / dim; i++) {
      const logits = Array.from({ length: points.length / dim }, (_, j) => {
        let r2 = 0;
        for (let k = 0; k < dim; k++) r2 += (x[i * dim + k] - alpha * points[j * dim + k]) ** 2;
        return -r2 / (2 * sigma ** 2);
      });
      const top = Math.max(...logits);
      const w = logits.map((l) => Math.exp(l - top));
      const z = w.reduce((a, b) => a + b, 0);
      for (let k = 0; k < dim; k++) {
        const posterior = w.reduce((a, wj, j) => a + wj * points[j * dim + k], 0) / z;
        out[i * dim + k] = (posterior - x[i * dim + k]) / sigma ** 2;
      }
    }
    return out;
  }),
  // the softmax straight from exp: 0/0 far from the points
  mutant(finiteSetScoreLab, "no-log-sum-exp", (points, dim, x, alpha, sigma) => {
    const m = points.length / dim;
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length / dim; i++) {
      const num = new Float64Array(dim);
      let den = 0;
      for (let j = 0; j < m; j++) {
        let r2 = 0;
        for (let k = 0; k < dim; k++) r2 += (x[i * dim + k] - alpha * points[j * dim + k]) ** 2;
        const w = Math.exp(-r2 / (2 * sigma * sigma));
        den += w;
        for (let k = 0; k < dim; k++) num[k] += w * alpha * points[j * dim + k];
      }
      for (let k = 0; k < dim; k++) out[i * dim + k] = (num[k] / den - x[i * dim + k]) / sigma ** 2;
    }
    return out;
  }),
  // σ used as the variance throughout
  mutant(finiteSetScoreLab, "sigma-not-squared", (points, dim, x, alpha, sigma) => {
    const m = points.length / dim;
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length / dim; i++) {
      const row = x.subarray(i * dim, (i + 1) * dim);
      const logw = Array.from(
        { length: m },
        (_, j) =>
          row.reduce((s, v, k) => s - (v - alpha * points[j * dim + k]) ** 2, 0) / (2 * sigma),
      );
      const top = Math.max(...logw);
      const w = logw.map((l) => Math.exp(l - top));
      const z = w.reduce((a, b) => a + b, 0);
      row.forEach((v, k) => {
        const pull = w.reduce((a, wj, j) => a + wj * alpha * points[j * dim + k], 0) / z;
        out[i * dim + k] = (pull - v) / sigma;
      });
    }
    return out;
  }),
  // the library's m(κ) without the scale: the pull towards the unit circle, not α_t's
  mutant(circleTrapezoidScoreLab, "missing-alpha", (x, alpha, sigma, nodes) => {
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i += 2) {
      const rho = Math.hypot(x[i], x[i + 1]);
      if (rho === 0) continue;
      const kappa = (alpha * rho) / sigma ** 2;
      let num = 0;
      let den = 0;
      for (let j = 0; j < nodes; j++) {
        const psi = (2 * Math.PI * j) / nodes;
        const e = Math.exp(kappa * (Math.cos(psi) - 1));
        num += Math.cos(psi) * e;
        den += e;
      }
      const m = num / den;
      out[i] = ((m * x[i]) / rho - x[i]) / sigma ** 2;
      out[i + 1] = ((m * x[i + 1]) / rho - x[i + 1]) / sigma ** 2;
    }
    return out;
  }),
  // the textbook trapezoid rule on [0, 2π] with both ends at full weight
  mutant(circleTrapezoidScoreLab, "endpoint-twice", (x, alpha, sigma, nodes) => {
    const out = new Float64Array(x.length);
    const h = (2 * Math.PI) / nodes;
    for (let i = 0; i < x.length; i += 2) {
      const rho = Math.hypot(x[i], x[i + 1]);
      if (rho === 0) continue;
      const kappa = (alpha * rho) / (sigma * sigma);
      let [z, c] = [0, 0];
      for (let j = 0; j <= nodes; j++) {
        const w = Math.exp(kappa * (Math.cos(j * h) - 1));
        z += w;
        c += w * Math.cos(j * h);
      }
      const pull = (alpha * c) / z / rho;
      out[i] = (pull - 1) * (x[i] / (sigma * sigma));
      out[i + 1] = (pull - 1) * (x[i + 1] / (sigma * sigma));
    }
    return out;
  }),
  // I₁(κ)/I₀(κ) from e^{κ cos ψ} as it stands: Infinity/Infinity for κ > 709
  mutant(circleTrapezoidScoreLab, "no-rescale", (x, alpha, sigma, nodes) => {
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length / 2; i++) {
      const rho = Math.hypot(x[2 * i], x[2 * i + 1]);
      if (rho === 0) continue;
      let [i0, i1] = [0, 0];
      for (let j = 0; j < nodes; j++) {
        const cs = Math.cos((2 * Math.PI * j) / nodes);
        i0 += Math.exp(((alpha * rho) / sigma ** 2) * cs);
        i1 += cs * Math.exp(((alpha * rho) / sigma ** 2) * cs);
      }
      for (let k = 0; k < 2; k++) {
        const v = x[2 * i + k];
        out[2 * i + k] = ((alpha * (i1 / i0) * v) / rho - v) / sigma ** 2;
      }
    }
    return out;
  }),
  // the direction x/‖x‖ computed without a guard: NaN at the centre
  mutant(circleTrapezoidScoreLab, "origin-nan", (x, alpha, sigma, nodes) =>
    x.map((v, idx) => {
      const i = idx - (idx % 2);
      const rho = Math.sqrt(x[i] ** 2 + x[i + 1] ** 2);
      const kappa = (alpha * rho) / sigma ** 2;
      let [z, c] = [0, 0];
      for (let j = 0; j < nodes; j++) {
        const cs = Math.cos((2 * Math.PI * j) / nodes);
        z += Math.exp(kappa * (cs - 1));
        c += cs * Math.exp(kappa * (cs - 1));
      }
      return (alpha * (c / z) * (v / rho) - v) / sigma ** 2;
    }),
  ),
  // projection through the origin: VVᵀx
  mutant(pcaProjectionLab, "missing-mean", (x, _mean, components, dim) => {
    const k = components.length / dim;
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length / dim; i++) {
      for (let r = 0; r < k; r++) {
        const v = components.subarray(r * dim, (r + 1) * dim);
        const z = v.reduce((s, vp, p) => s + vp * x[i * dim + p], 0);
        v.forEach((vp, p) => (out[i * dim + p] += vp * z));
      }
    }
    return out;
  }),
  // encodes the centred x but decodes without the mean
  mutant(pcaProjectionLab, "mean-not-added", (x, mean, components, dim) => {
    const k = components.length / dim;
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length / dim; i++) {
      const z = new Float64Array(k);
      for (let r = 0; r < k; r++)
        for (let p = 0; p < dim; p++) z[r] += components[r * dim + p] * (x[i * dim + p] - mean[p]);
      for (let p = 0; p < dim; p++)
        for (let r = 0; r < k; r++) out[i * dim + p] += components[r * dim + p] * z[r];
    }
    return out;
  }),
  // V read as a (D, k) array: column r taken for direction r
  mutant(pcaProjectionLab, "transposed-basis", (x, mean, components, dim) => {
    const k = components.length / dim;
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length / dim; i++) {
      const z = Array.from({ length: k }, (_, r) => {
        let s = 0;
        for (let p = 0; p < dim; p++) s += components[p * k + r] * (x[i * dim + p] - mean[p]);
        return s;
      });
      for (let p = 0; p < dim; p++) {
        let s = mean[p];
        for (let r = 0; r < k; r++) s += components[p * k + r] * z[r];
        out[i * dim + p] = s;
      }
    }
    return out;
  }),
];
