import { pushForward, type GaussianMixture } from "../mixture";
import { requireMixturePoints } from "../mixture";
import { requirePositive } from "../base";

/**
 * Exact posterior of a mixture prior $x_0 \sim \sum_k w_k\mathcal N(\mu_k, \Sigma_k)$ given $x = \alpha x_0 + \sigma\varepsilon$:
 * $\mathbb E[x_0\mid x] = \sum_k r_k(x)\,m_k(x)$, $m_k = \mu_k + \alpha\Sigma_k C_k^{-1}(x - \alpha\mu_k)$,
 * $V_k = \Sigma_k - \alpha^2\Sigma_k C_k^{-1}\Sigma_k$, $C_k = \alpha^2\Sigma_k + \sigma^2 I$,
 * $r_k \propto w_k\mathcal N(x;\alpha\mu_k, C_k)$; the variance by the law of total variance.
 * @param mix the prior (d-dimensional)
 * @param x (n, d) row-major noisy points, finite, n ≥ 1
 * @param scale $\alpha > 0$
 * @param std $\sigma > 0$
 * @returns mean (n, d) and variance (n, d), the diagonal of $\operatorname{Cov}[x_0\mid x]$
 * @see Bishop (2006), Pattern Recognition and Machine Learning, eq. (2.116)–(2.117) (linear-Gaussian posterior)
 */
export function mixturePosterior(
  mix: GaussianMixture,
  x: Float64Array,
  scale: number,
  std: number,
): { mean: Float64Array; variance: Float64Array } {
  const fn = "mixturePosterior";
  const n = requireMixturePoints(fn, mix, x);
  const a = requirePositive(fn, "scale", scale);
  requirePositive(fn, "std", std);
  let q: GaussianMixture;
  try {
    q = pushForward(mix, a, std); // C_k = α²Σ_k + σ²I
  } catch (error) {
    // only at extreme scales: α²Σ_k + σ²I overflows, or underflows to a singular matrix
    throw new RangeError(
      `${fn}: scale and std must keep α²Σ_k + σ²I finite and positive definite in double precision, got scale = ${a}, std = ${std}`,
      { cause: error },
    );
  }
  const { dim: d, components: K, means: mu, covs: S } = mix;
  const P = q.precisions; // (K, d, d) C_k⁻¹
  const G = new Float64Array(K * d * d); // (K, d, d) gains α Σ_k C_k⁻¹
  const V = new Float64Array(K * d); // (K, d) diagonal of Σ_k − α G_k Σ_k
  for (let k = 0; k < K; k++) {
    const o = k * d * d;
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        let g = 0;
        for (let l = 0; l < d; l++) g += S[o + i * d + l] * P[o + l * d + j];
        G[o + i * d + j] = a * g;
      }
    }
    for (let i = 0; i < d; i++) {
      let v = S[o + i * d + i];
      for (let l = 0; l < d; l++) v -= a * G[o + i * d + l] * S[o + l * d + i];
      V[k * d + i] = v;
    }
  }
  const mean = new Float64Array(n * d); // (n, d)
  const second = new Float64Array(n * d); // (n, d) E[x0_i² | x]
  const logr = new Float64Array(K); // (K)
  const mk = new Float64Array(K * d); // (K, d)
  const y = new Float64Array(d); // (d)
  for (let r = 0; r < n; r++) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      const o = k * d * d;
      for (let i = 0; i < d; i++) y[i] = x[r * d + i] - a * mu[k * d + i];
      let quad = 0;
      for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++) quad += y[i] * P[o + i * d + j] * y[j];
      logr[k] = q.logNormalizers[k] - 0.5 * quad;
      if (logr[k] > max) max = logr[k];
      for (let i = 0; i < d; i++) {
        let m = mu[k * d + i];
        for (let j = 0; j < d; j++) m += G[o + i * d + j] * y[j];
        mk[k * d + i] = m;
      }
    }
    if (!(max > -Infinity)) {
      throw new RangeError(
        `${fn}: x row ${r} is too far from every component: (x − αμ)ᵀC⁻¹(x − αμ) overflows`,
      );
    }
    let total = 0;
    for (let k = 0; k < K; k++) total += logr[k] = Math.exp(logr[k] - max);
    for (let k = 0; k < K; k++) {
      const w = logr[k] / total;
      for (let i = 0; i < d; i++) {
        mean[r * d + i] += w * mk[k * d + i];
        second[r * d + i] += w * (V[k * d + i] + mk[k * d + i] ** 2);
      }
    }
  }
  const variance = second.map((s2, i) => s2 - mean[i] ** 2); // (n, d)
  return { mean, variance };
}
