import { gaussianMixture, requireMixture, type GaussianMixture } from "../mixture";
import { requireBatch, requireTime } from "../base";
import type { Sde } from "../sde";

/** The Schrödinger–Föllmer process of a mixture target: its SDE and exact marginals. */
export interface SchrodingerFollmer {
  /**
   * $dX = b(t, X)\,dt + dW$ on [0, 1], additive unit noise, dimension d; `drift(t, x, out, n)`
   * and `diffusion` take t in [0, 1] (up to the rounding of a solver's t + h), n ≥ 1 rows of
   * finite x, (n, d) row-major, and out of at least n·d entries
   */
  readonly sde: Sde;
  /** the target $\mu$ = law of $X_1$ */
  readonly target: GaussianMixture;
  /**
   * law of $X_t$, $t \in (0, 1]$: $\sum_k w_k\mathcal N(t\mu_k,\ t^2\Sigma_k + t(1 - t)I)$ (a t
   * so small, about 1e-308, that the covariance has no finite inverse is a RangeError)
   */
  marginal(t: number): GaussianMixture;
}

/**
 * $dX = \nabla_x\log h(t, X)\,dt + dW$, $X_0 = 0$, $h(t, x) = \mathbb E_z[f(x + \sqrt{1 - t}\,z)]$,
 * $f = d\mu/d\mathcal N(0, I)$: X reaches $X_1 \sim \mu$ exactly at t = 1. For $\mu = \sum_k w_k\mathcal N(\mu_k, \Sigma_k)$,
 * with $B_k = t\Sigma_k + (1 - t)I$: $h = \sum_k w_k |B_k|^{-1/2}\exp\{-\tfrac12[x^\top B_k^{-1}(I - \Sigma_k)x - 2\mu_k^\top B_k^{-1}x + t\mu_k^\top B_k^{-1}\mu_k]\}$
 * and $\nabla\log h = \sum_k r_k B_k^{-1}[(\Sigma_k - I)x + \mu_k]$, $r_k \propto$ the k-th term: finite on all of [0, 1]
 * (it equals $\nabla\log p_t(x) + x/t$, the Doob h-transform of Brownian motion by the bridge mixture).
 * @param target the mixture μ (d-dimensional), from `gaussianMixture` (positive-definite covariances)
 * @see Huang, Jiao, Kang, Liao, Liu & Liu (2021), Schrödinger–Föllmer Sampler, arXiv:2106.10880, eq. (3)–(5);
 *   Wang, Jiao, Xu, Wang & Yang (2021), Deep Generative Learning via Schrödinger Bridge, ICML, §3; Föllmer (1985)
 */
export function schrodingerFollmer(target: GaussianMixture): SchrodingerFollmer {
  const fn = "schrodingerFollmer";
  requireMixture(fn, target, "target");
  const { dim: d, components: K, weights, means, covs } = target;
  const cache: { t: number; b: GaussianMixture }[] = [];
  /** the mixture with covariances B_k(t): its precisions and log normalisers are what h needs */
  const at = (t: number): GaussianMixture => {
    for (const c of cache) if (c.t === t) return c.b;
    const B = covs.map((c) => t * c); // (K, d, d)
    for (let k = 0; k < K; k++) for (let i = 0; i < d; i++) B[k * d * d + i * d + i] += 1 - t;
    const b = gaussianMixture({ weights, means, covs: B });
    if (cache.length === 2) cache.shift();
    cache.push({ t, b });
    return b;
  };
  const l = new Float64Array(K); // (K) log terms of h, then responsibilities
  const a = new Float64Array(d); // (d) (Σ_k − I)x + μ_k
  const pa = new Float64Array(K * d); // (K, d) B_k⁻¹ a_k: the component drifts
  const sde: Sde = Object.freeze({
    dim: d,
    noiseDim: d,
    noise: "diagonal",
    additive: true,
    drift(t: number, x: Float64Array, out: Float64Array, n: number): void {
      requireTime(`${fn}.sde.drift`, "t", t, 1, { slack: true }); // the drift reads t as given
      requireBatch(`${fn}.sde.drift`, x, out, n, d);
      const { precisions: P, logNormalizers } = at(t);
      for (let r = 0; r < n; r++) {
        const o = r * d;
        let m = -Infinity;
        for (let k = 0; k < K; k++) {
          const kd = k * d;
          const kdd = k * d * d;
          for (let i = 0; i < d; i++) {
            let v = means[kd + i] - x[o + i];
            for (let j = 0; j < d; j++) v += covs[kdd + i * d + j] * x[o + j];
            a[i] = v;
          }
          // q = xᵀB⁻¹(I − Σ)x − 2μᵀB⁻¹x + tμᵀB⁻¹μ, with (I − Σ)x = μ − a:
          // q = Σ_i [−x_i (B⁻¹μ)_i − x_i (B⁻¹a)_i + t μ_i (B⁻¹μ)_i]
          let q = 0;
          for (let i = 0; i < d; i++) {
            let pai = 0;
            let pmu = 0;
            for (let j = 0; j < d; j++) {
              pai += P[kdd + i * d + j] * a[j];
              pmu += P[kdd + i * d + j] * means[kd + j];
            }
            pa[kd + i] = pai;
            q += -x[o + i] * (pmu + pai) + t * means[kd + i] * pmu;
          }
          l[k] = logNormalizers[k] - 0.5 * q;
          m = Math.max(m, l[k]);
        }
        let z = 0;
        for (let k = 0; k < K; k++) z += l[k] = Math.exp(l[k] - m);
        for (let i = 0; i < d; i++) {
          let acc = 0;
          for (let k = 0; k < K; k++) acc += l[k] * pa[k * d + i];
          out[o + i] = acc / z;
        }
      }
    },
    diffusion(t: number, x: Float64Array, out: Float64Array, n: number): void {
      requireTime(`${fn}.sde.diffusion`, "t", t, 1, { slack: true });
      requireBatch(`${fn}.sde.diffusion`, x, out, n, d);
      out.fill(1, 0, n * d);
    },
  });
  return Object.freeze({
    sde,
    target,
    marginal(t: number): GaussianMixture {
      requireTime(`${fn}.marginal`, "t", t, 1, {
        positive: true,
        note: "the law at 0 is a point mass",
      });
      const c = covs.map((v) => t * t * v); // (K, d, d)
      for (let k = 0; k < K; k++)
        for (let i = 0; i < d; i++) c[k * d * d + i * d + i] += t * (1 - t);
      try {
        return gaussianMixture({ weights, means: means.map((v) => t * v), covs: c });
      } catch (error) {
        // only for t near the smallest doubles: t(1 − t) underflows and Σ_t⁻¹ overflows
        throw new RangeError(
          `${fn}.marginal: t must be large enough that the covariance t²Σ + t(1 − t)I has a finite inverse, got ${t}`,
          { cause: error },
        );
      }
    },
  });
}
