import { requireInteger, requireOptions } from "../base";
import { cholesky, inverseFromCholesky } from "../linalg";
import { pushForward, sampleMixture, type GaussianMixture } from "../mixture";
import type { Rng } from "../rng";
import { checkData } from "./check-data";
import { checkStep, type DdpmSchedule } from "./ddpm-schedule";
import { checkRng } from "./check-rng";

/** The floor of the ε-prediction loss at one step, with what is exact and what is estimated. */
export interface EpsLossFloor {
  /** $\min_{\hat\varepsilon}\mathbb E\|\varepsilon - \hat\varepsilon(x_t, t)\|^2 = \mathbb E\operatorname{tr}\operatorname{Cov}(\varepsilon\mid x_t)$: lower + the Monte Carlo between-component part */
  readonly value: number;
  /** standard error of value: that of the Monte Carlo part (0 for one component, where value is exact) */
  readonly standardError: number;
  /** exact: $\bar\alpha_t\sum_k w_k\operatorname{tr}(\Sigma_kC_k^{-1})$, the floor if the component were observed */
  readonly lower: number;
  /** exact: $\bar\alpha_t\operatorname{tr}(\Sigma C^{-1})$, the loss of the best affine predictor ($\Sigma$ the data covariance) */
  readonly upper: number;
}

/**
 * $\min_{\hat\varepsilon}\mathbb E\|\varepsilon - \hat\varepsilon(x_t, t)\|^2 = \mathbb E\operatorname{tr}\operatorname{Cov}(\varepsilon\mid x_t)$
 * for $x_t = \sqrt{\bar\alpha_t}x_0 + \sigma\varepsilon$, $\sigma^2 = 1 - \bar\alpha_t$, $x_0 \sim \sum_k w_k\mathcal N(\mu_k, \Sigma_k)$.
 * By the law of total covariance over the component k,
 * $= \bar\alpha_t\sum_k w_k\operatorname{tr}(\Sigma_kC_k^{-1}) + \sigma^2\,\mathbb E\sum_k r_k(x_t)\|s_k(x_t) - \bar s(x_t)\|^2$,
 * $C_k = \bar\alpha_t\Sigma_k + \sigma^2 I$, $s_k = -C_k^{-1}(x_t - \sqrt{\bar\alpha_t}\mu_k)$ the component scores,
 * $r_k$ the responsibilities, $\bar s = \sum_k r_ks_k$ the score of $p_t$. The first (within)
 * part is exact (each component makes $(\varepsilon, x_t)$ jointly Gaussian); the second (between)
 * part, an integral of responsibilities with no closed form, is a Monte Carlo mean over n draws
 * $x_t \sim p_t$ with standard error $\sigma^2\,\mathrm{sd}/\sqrt n$. For one component it is 0 and
 * the result exact, $\bar\alpha_t\operatorname{tr}(\Sigma C^{-1})$, with no draws. Exact bounds:
 * lower (the within part) ≤ floor ≤ upper (best affine predictor); the estimate is clipped to
 * them (a projection onto an interval that holds the truth only reduces the error). Draw order: as
 * `sampleMixture(rng, p_t, n)`.
 * @param rng generator (advanced only when K > 1)
 * @param schedule the DDPM schedule
 * @param data the data law, a d-dimensional Gaussian mixture
 * @param t step in [1, T]
 * @param options samples n for the between part (default 10000)
 * @see Ho, Jain & Abbeel (2020), NeurIPS, eq. (14) (the ε loss); Efron (2011), JASA 106(496),
 *   Tweedie's formula (the posterior mean of ε is $-\sigma\nabla\log p_t$)
 */
export function epsLossFloor(
  rng: Rng,
  schedule: DdpmSchedule,
  data: GaussianMixture,
  t: number,
  options: { samples?: number } = {},
): EpsLossFloor {
  const fn = "epsLossFloor";
  checkRng(fn, rng);
  checkStep(fn, schedule, t);
  checkData(fn, data);
  const { samples = 10000 } = requireOptions(fn, options);
  const n = requireInteger(fn, "options.samples", samples, 2);
  const ab = schedule.alphaBar[t];
  const s2 = schedule.oneMinusAlphaBar[t];
  const { dim: d, components: K, weights, means, covs } = data;
  const pt = pushForward(data, Math.sqrt(ab), Math.sqrt(s2)); // components N(√ᾱ μ_k, C_k)
  // tr(Σ C⁻¹) = Σ_ij Σ_ij (C⁻¹)_ji: equals d − σ² tr C⁻¹ without its cancellation as ᾱ → 0
  const traceProduct = (a: Float64Array, ao: number, b: Float64Array, bo: number): number => {
    let acc = 0;
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) acc += a[ao + i * d + j] * b[bo + j * d + i];
    return acc;
  };
  let lower = 0;
  for (let k = 0; k < K; k++)
    lower += weights[k] * ab * traceProduct(covs, k * d * d, pt.precisions, k * d * d);
  // the data covariance Σ = Σ_k w_k (Σ_k + (μ_k − m)(μ_k − m)ᵀ), then C = ᾱΣ + σ²I
  const m = new Float64Array(d); // (d)
  for (let k = 0; k < K; k++) for (let i = 0; i < d; i++) m[i] += weights[k] * means[k * d + i];
  const cov = new Float64Array(d * d); // (d, d)
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        const outer = (means[k * d + i] - m[i]) * (means[k * d + j] - m[j]);
        cov[i * d + j] += weights[k] * (covs[k * d * d + i * d + j] + outer);
      }
    }
  }
  const c = cov.map((v, ij) => ab * v + (ij % (d + 1) === 0 ? s2 : 0)); // (d, d)
  const l = new Float64Array(d * d); // (d, d)
  cholesky(c, 0, d, l); // C ⪰ σ²I ≻ 0
  const cInv = new Float64Array(d * d); // (d, d)
  inverseFromCholesky(l, d, cInv, 0);
  const upper = ab * traceProduct(cov, 0, cInv, 0);
  if (K === 1) return Object.freeze({ value: lower, standardError: 0, lower, upper });
  const x = sampleMixture(rng, pt, n); // (n, d)
  let sum = 0;
  let sumSq = 0;
  const between = betweenComponents(pt);
  const b = new Float64Array(n); // (n)
  for (let r = 0; r < n; r++) b[r] = between(x, r);
  for (let r = 0; r < n; r++) sum += b[r];
  const mean = sum / n;
  for (let r = 0; r < n; r++) sumSq += (b[r] - mean) ** 2;
  const se = s2 * Math.sqrt(sumSq / (n - 1) / n);
  // the estimate projected onto the exact bracket: can only move it closer to the truth
  const value = Math.min(upper, Math.max(lower, lower + s2 * mean));
  return Object.freeze({ value, standardError: se, lower, upper });
}

/**
 * $x \mapsto \sum_k r_k(x)\|s_k(x) - \bar s(x)\|^2$ for the mixture q at row r of x (n, d),
 * responsibilities in log space; scratch allocated once. @internal
 */
function betweenComponents(q: GaussianMixture): (x: Float64Array, r: number) => number {
  const { dim: d, components: K, means, precisions, logNormalizers } = q;
  const s = new Float64Array(K * d); // (K, d) component scores
  const w = new Float64Array(K); // (K) log weights, then responsibilities
  const sBar = new Float64Array(d); // (d)
  return (x, r) => {
    let top = -Infinity;
    for (let k = 0; k < K; k++) {
      let quad = 0;
      for (let i = 0; i < d; i++) {
        let acc = 0;
        for (let j = 0; j < d; j++) {
          acc += precisions[k * d * d + i * d + j] * (x[r * d + j] - means[k * d + j]);
        }
        s[k * d + i] = -acc;
        quad += acc * (x[r * d + i] - means[k * d + i]);
      }
      w[k] = logNormalizers[k] - 0.5 * quad;
      top = Math.max(top, w[k]);
    }
    let z = 0;
    for (let k = 0; k < K; k++) z += w[k] = Math.exp(w[k] - top);
    sBar.fill(0);
    for (let k = 0; k < K; k++) {
      w[k] /= z;
      for (let i = 0; i < d; i++) sBar[i] += w[k] * s[k * d + i];
    }
    let acc = 0;
    for (let k = 0; k < K; k++) {
      let dist = 0;
      for (let i = 0; i < d; i++) dist += (s[k * d + i] - sBar[i]) ** 2;
      acc += w[k] * dist;
    }
    return acc;
  };
}
