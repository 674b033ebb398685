/** Recorded wrong solutions of lecture 08's labs, each with the mistake its grader must name. */
import { cfgScoreLab, malaLogRatioLab, ulaStepLab } from "../../src/labs";
import { Mutant, mutant } from "./mutant";

export const mutants: Mutant[] = [
  mutant(ulaStepLab, "sqrt-h", (x, score, h, xi) => {
    const s = score(x);
    const next = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) next[i] = x[i] + h * s[i] + Math.sqrt(h) * xi[i];
    return next;
  }),
  mutant(ulaStepLab, "missing-h", (x, score, h, xi) => {
    const drift = score(x);
    return x.map((v, i) => v + drift[i] + Math.sqrt(2 * h) * xi[i]);
  }),
  mutant(ulaStepLab, "variance-for-sd", (x, score, h, xi) => {
    const s = score(x);
    return x.map((v, i) => v + h * s[i] + 2 * h * xi[i]);
  }),
  mutant(malaLogRatioLab, "no-proposal-correction", (x, y, logPi) => logPi(y) - logPi(x)),
  mutant(malaLogRatioLab, "q-ratio-inverted", (x, y, logPi, score, h) => {
    const logQ = (to: Float64Array, from: Float64Array) => {
      const s = score(from);
      return -to.reduce((acc, v, i) => acc + (v - from[i] - h * s[i]) ** 2, 0) / (4 * h);
    };
    return logPi(y) - logPi(x) + logQ(y, x) - logQ(x, y); // forward over backward
  }),
  mutant(malaLogRatioLab, "proposal-variance-h", (x, y, logPi, score, h) => {
    const [sx, sy] = [score(x), score(y)];
    let ratio = logPi(y) - logPi(x);
    for (let i = 0; i < x.length; i++) {
      ratio += ((y[i] - x[i] - h * sx[i]) ** 2 - (x[i] - y[i] - h * sy[i]) ** 2) / (2 * h);
    }
    return ratio;
  }),
  mutant(malaLogRatioLab, "score-at-x-twice", (x, y, logPi, score, h) => {
    const s = score(x);
    let ratio = logPi(y) - logPi(x);
    for (let i = 0; i < x.length; i++) {
      ratio += ((y[i] - x[i] - h * s[i]) ** 2 - (x[i] - y[i] - h * s[i]) ** 2) / (4 * h);
    }
    return ratio;
  }),
  mutant(cfgScoreLab, "unconditional-plus-w", (sCond, sUncond, w) =>
    sUncond.map((s, i) => s + w * (sCond[i] - s)),
  ),
  mutant(cfgScoreLab, "weights-swapped", (sCond, sUncond, w) =>
    sUncond.map((s, i) => (1 + w) * s - w * sCond[i]),
  ),
  mutant(cfgScoreLab, "sign-of-w", (sCond, sUncond, w) => {
    const out = new Float64Array(sCond.length);
    for (let i = 0; i < out.length; i++) out[i] = sCond[i] + w * (sCond[i] + sUncond[i]);
    return out;
  }),
];
