/** Recorded wrong solutions of lecture 12's labs, each with the mistake its grader must name. */
import { girsanovLogRatioLab, ouPathKlLab, picardStepLab } from "../../src/labs";
import { Mutant, mutant } from "./mutant";

export const mutants: Mutant[] = [
  // the coefficients read at the end of each step
  mutant(picardStepLab, "right-point", (times, dw, prev, b, sigma) => {
    const next = new Float64Array(prev.length);
    next[0] = prev[0];
    for (let j = 1; j < prev.length; j++) {
      const h = times[j] - times[j - 1];
      next[j] =
        next[j - 1] + b(times[j - 1], prev[j]) * h + sigma(times[j - 1], prev[j]) * dw[j - 1];
    }
    return next;
  }),
  // the sums alone, started from 0
  mutant(picardStepLab, "missing-start", (times, dw, prev, b, sigma) => {
    let acc = 0;
    const next = [0];
    for (let i = 0; i < dw.length; i++) {
      acc += b(times[i], prev[i]) * (times[i + 1] - times[i]) + sigma(times[i], prev[i]) * dw[i];
      next.push(acc);
    }
    return Float64Array.from(next);
  }),
  // the coefficients read along the iterate being built: Euler–Maruyama, not Picard
  mutant(picardStepLab, "new-iterate", (times, dw, prev, b, sigma) => {
    const x = Float64Array.from(prev);
    for (let i = 0; i < dw.length; i++) {
      x[i + 1] =
        x[i] + b(times[i], x[i]) * (times[i + 1] - times[i]) + sigma(times[i], x[i]) * dw[i];
    }
    return x;
  }),
  // b and σ at X_{k+1}
  mutant(girsanovLogRatioLab, "right-point", (times, x, bP, bQ, g) => {
    let s = 0;
    for (let k = 1; k < x.length; k++) {
      const [p, q] = [bP(times[k - 1], x[k]), bQ(times[k - 1], x[k])];
      s +=
        ((p - q) / g ** 2) * (x[k] - x[k - 1]) -
        (0.5 * (p ** 2 - q ** 2) * (times[k] - times[k - 1])) / g ** 2;
    }
    return s;
  }),
  // the ½ of the dt term dropped
  mutant(girsanovLogRatioLab, "missing-half", (times, x, bP, bQ, g) => {
    let [stochastic, drift] = [0, 0];
    for (let k = 0; k < x.length - 1; k++) {
      const [p, q] = [bP(times[k], x[k]), bQ(times[k], x[k])];
      stochastic += (p - q) * (x[k + 1] - x[k]);
      drift += (p * p - q * q) * (times[k + 1] - times[k]);
    }
    return (stochastic - drift) / (g * g);
  }),
  // −½(b_P − b_Q)² with ΔX: the dW form's dt term mixed with the dX form's first sum
  mutant(girsanovLogRatioLab, "mixed-forms", (times, x, bP, bQ, g) => {
    let s = 0;
    for (let k = 0; k + 1 < x.length; k++) {
      const gap = (bP(times[k], x[k]) - bQ(times[k], x[k])) / g;
      s += (gap / g) * (x[k + 1] - x[k]) - 0.5 * gap * gap * (times[k + 1] - times[k]);
    }
    return s;
  }),
  // the ½ of KL forgotten
  mutant(ouPathKlLab, "missing-half", (thetaP, thetaQ, g, x0, T) => {
    const e = thetaP === 0 ? T : (1 - Math.exp(-2 * thetaP * T)) / (2 * thetaP);
    const m2 =
      thetaP === 0
        ? x0 ** 2 * T + (g ** 2 * T ** 2) / 2
        : x0 ** 2 * e + (g ** 2 / (2 * thetaP)) * (T - e);
    return ((thetaP - thetaQ) ** 2 * m2) / g ** 2;
  }),
  // E X_t² under Q's dynamics
  mutant(ouPathKlLab, "expectation-under-q", (thetaP, thetaQ, g, x0, T) => {
    const th = thetaQ;
    const e = th === 0 ? T : -Math.expm1(-2 * th * T) / (2 * th);
    const m2 =
      th === 0 ? x0 * x0 * T + (g * g * T * T) / 2 : x0 * x0 * e + (g * g * (T - e)) / (2 * th);
    return (0.5 * (thetaP - thetaQ) ** 2 * m2) / (g * g);
  }),
  // only (E X_t)² = x₀² e^{−2θt} integrated
  mutant(ouPathKlLab, "mean-squared", (thetaP, thetaQ, g, x0, T) => {
    const e = thetaP === 0 ? T : (1 - Math.exp(-2 * thetaP * T)) / (2 * thetaP);
    return ((thetaP - thetaQ) ** 2 / (2 * g * g)) * x0 * x0 * e;
  }),
  // the general formula, NaN at θ_P = 0
  mutant(ouPathKlLab, "theta-zero-limit", (thetaP, thetaQ, g, x0, T) => {
    const e = (1 - Math.exp(-2 * thetaP * T)) / (2 * thetaP);
    return (
      ((thetaP - thetaQ) ** 2 / (2 * g * g)) * (x0 * x0 * e + (g * g * (T - e)) / (2 * thetaP))
    );
  }),
];
