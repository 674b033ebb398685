/** Recorded wrong solutions of lecture 07's labs, each with the mistake its grader must name. */
import { dsmLossLab, dsmTargetLab, slicedScoreLab } from "../../src/labs";
import { Mutant, mutant } from "./mutant";

export const mutants: Mutant[] = [
  mutant(dsmTargetLab, "wrong-sign", (x0, xt, alpha, sigma) => {
    const out = new Float64Array(xt.length);
    for (let i = 0; i < xt.length; i++) out[i] = (xt[i] - alpha * x0[i]) / sigma ** 2;
    return out;
  }),
  mutant(dsmTargetLab, "sigma-not-squared", (x0, xt, alpha, sigma) => {
    const eps = xt.map((x, i) => (x - alpha * x0[i]) / sigma); // recovers ε ...
    return eps.map((e) => -e); // ... and returns −ε
  }),
  mutant(dsmTargetLab, "missing-alpha", (x0, xt, alpha, sigma) =>
    xt.map((x, i) => (x0[i] - x) / (sigma * sigma)),
  ),
  mutant(slicedScoreLab, "implicit-trace", (A, b, x, v) => {
    const d = b.length;
    const n = x.length / d;
    let trace = 0;
    for (let i = 0; i < d; i++) trace += A[i * (d + 1)];
    let sum = 0;
    for (let r = 0; r < n; r++) {
      let proj = 0;
      for (let i = 0; i < d; i++) {
        let s = b[i];
        for (let j = 0; j < d; j++) s += A[i * d + j] * x[r * d + j];
        proj += s * v[r * d + i];
      }
      sum += trace + (proj * proj) / 2;
    }
    return sum / n;
  }),
  mutant(slicedScoreLab, "variance-reduced", (A, b, x, v) => {
    const d = b.length;
    const n = x.length / d;
    let sum = 0;
    for (let r = 0; r < n; r++) {
      for (let i = 0; i < d; i++) {
        let s = b[i];
        let av = 0;
        for (let j = 0; j < d; j++) {
          s += A[i * d + j] * x[r * d + j];
          av += A[i * d + j] * v[r * d + j];
        }
        sum += v[r * d + i] * av + (s * s) / 2;
      }
    }
    return sum / n;
  }),
  mutant(slicedScoreLab, "missing-half", (A, b, x, v) => {
    const d = b.length;
    const n = x.length / d;
    let sum = 0;
    for (let r = 0; r < n; r++) {
      let vAv = 0;
      let vs = 0;
      for (let i = 0; i < d; i++) {
        for (let j = 0; j < d; j++) vAv += v[r * d + i] * A[i * d + j] * v[r * d + j];
        let s = b[i];
        for (let j = 0; j < d; j++) s += A[i * d + j] * x[r * d + j];
        vs += v[r * d + i] * s;
      }
      sum += vAv + vs ** 2;
    }
    return sum / n;
  }),
  mutant(dsmLossLab, "score-at-x0", (score, t, x0, eps, alpha, sigma, lambda) => {
    const n = t.length;
    const d = x0.length / n;
    let loss = 0;
    for (let r = 0; r < n; r++) {
      const s = score(t[r], x0.slice(r * d, (r + 1) * d)); // the clean point
      for (let i = 0; i < d; i++) {
        loss += (0.5 * lambda(t[r]) * (s[i] + eps[r * d + i] / sigma(t[r])) ** 2) / n;
      }
    }
    return loss;
  }),
  mutant(dsmLossLab, "target-sign", (score, t, x0, eps, alpha, sigma, lambda) => {
    const n = t.length;
    const d = x0.length / n;
    let loss = 0;
    for (let r = 0; r < n; r++) {
      const xt = new Float64Array(d);
      for (let i = 0; i < d; i++)
        xt[i] = alpha(t[r]) * x0[r * d + i] + sigma(t[r]) * eps[r * d + i];
      const s = score(t[r], xt);
      const target = Array.from({ length: d }, (_, i) => eps[r * d + i] / sigma(t[r]));
      loss += 0.5 * lambda(t[r]) * s.reduce((acc, v, i) => acc + (v - target[i]) ** 2, 0);
    }
    return loss / n;
  }),
  mutant(dsmLossLab, "sum-not-mean", (score, t, x0, eps, alpha, sigma, lambda) => {
    const d = x0.length / t.length;
    let loss = 0;
    t.forEach((tr, r) => {
      const xt = x0
        .slice(r * d, (r + 1) * d)
        .map((x, i) => alpha(tr) * x + sigma(tr) * eps[r * d + i]);
      const s = score(tr, xt);
      for (let i = 0; i < d; i++)
        loss += 0.5 * lambda(tr) * (s[i] + eps[r * d + i] / sigma(tr)) ** 2;
    });
    return loss;
  }),
];
