/** Recorded wrong solutions of lecture 04's labs, each with the mistake its grader must name. */
import { flowVelocityLab, ouMixtureScoreLab, reverseSdeStepLab } from "../../src/labs";
import { Mutant, mutant } from "./mutant";

export const mutants: Mutant[] = [
  // the score term added: "the drift plus the score correction"
  mutant(reverseSdeStepLab, "score-sign", (f, g, score, t, h, x, xi) =>
    x.map((v, i) => v - h * (f(t, v) + g(t) ** 2 * score(t, v)) + g(t) * Math.sqrt(h) * xi[i]),
  ),
  // g forgotten in front of the score
  mutant(reverseSdeStepLab, "missing-g-squared", (f, g, score, t, h, x, xi) => {
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const drift = f(t, x[i]) - score(t, x[i]);
      out[i] = x[i] - drift * h + g(t) * Math.sqrt(h) * xi[i];
    }
    return out;
  }),
  // an ordinary forward Euler–Maruyama step with the reverse drift
  mutant(reverseSdeStepLab, "forward-direction", (f, g, score, t, h, x, xi) => {
    const gt = g(t);
    return x.map((v, i) => v + (f(t, v) - gt * gt * score(t, v)) * h + gt * Math.sqrt(h) * xi[i]);
  }),
  mutant(reverseSdeStepLab, "variance-for-sd", (f, g, score, t, h, x, xi) => {
    const gt = g(t);
    return x.map((v, i) => v - h * (f(t, v) - gt * gt * score(t, v)) + gt * h * xi[i]);
  }),
  // the reverse SDE's drift instead of the flow's
  mutant(flowVelocityLab, "missing-half", (f, g, dg, score, t, x) =>
    x.map((v) => f(t, v) - 2 * g(t, v) * dg(t, v) - g(t, v) ** 2 * score(t, v)),
  ),
  // the additive-noise formula of section 5
  mutant(flowVelocityLab, "missing-divergence", (f, g, _dg, score, t, x) =>
    x.map((v) => f(t, v) - 0.5 * g(t, v) ** 2 * score(t, v)),
  ),
  mutant(flowVelocityLab, "chain-rule", (f, g, dg, score, t, x) => {
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const gi = g(t, x[i]);
      out[i] = f(t, x[i]) - 0.5 * (gi * dg(t, x[i]) + gi * gi * score(t, x[i]));
    }
    return out;
  }),
  // the responsibilities are the weights w_k
  mutant(ouMixtureScoreLab, "prior-weights", (theta, sigma, t, mixture, x) => {
    const a = Math.exp(-theta * t);
    const s2 = (sigma ** 2 * (1 - Math.exp(-2 * theta * t))) / (2 * theta);
    return x.map((v) =>
      mixture.weights.reduce((sum, w, k) => {
        const c = a * a * mixture.variances[k] + s2;
        return sum - (w * (v - a * mixture.means[k])) / c;
      }, 0),
    );
  }),
  // σ_t where σ_t² belongs
  mutant(ouMixtureScoreLab, "std-for-variance", (theta, sigma, t, mixture, x) => {
    const a = Math.exp(-theta * t);
    const st = sigma * Math.sqrt((1 - Math.exp(-2 * theta * t)) / (2 * theta));
    const c = mixture.variances.map((v) => a * a * v + st);
    return x.map((v) => {
      const logs = c.map(
        (ck, k) =>
          Math.log(mixture.weights[k]) -
          0.5 * Math.log(ck) -
          (v - a * mixture.means[k]) ** 2 / (2 * ck),
      );
      const top = Math.max(...logs);
      const r = logs.map((l) => Math.exp(l - top));
      const z = r.reduce((s, u) => s + u, 0);
      return -r.reduce((s, u, k) => s + (u * (v - a * mixture.means[k])) / c[k], 0) / z;
    });
  }),
  // plain exp: NaN in the far tails
  mutant(ouMixtureScoreLab, "no-log-sum-exp", (theta, sigma, t, mixture, x) => {
    const a = Math.exp(-theta * t);
    const s2 = (sigma ** 2 * (1 - Math.exp(-2 * theta * t))) / (2 * theta);
    return x.map((v) => {
      let p = 0;
      let dp = 0;
      mixture.weights.forEach((w, k) => {
        const c = a * a * mixture.variances[k] + s2;
        const d = v - a * mixture.means[k];
        const pk = (w * Math.exp((-d * d) / (2 * c))) / Math.sqrt(2 * Math.PI * c);
        p += pk;
        dp -= (pk * d) / c;
      });
      return dp / p;
    });
  }),
];
