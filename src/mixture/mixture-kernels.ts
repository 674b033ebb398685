import type { GaussianMixture } from "./gaussian-mixture";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { exp, log } = Math;

/**
 * The per-point work shared by log-density, score and Hessian: for each component
 * $\ell_k = \log w_k\mathcal N(x;\mu_k,\Sigma_k)$ and $s_k = -\Sigma_k^{-1}(x - \mu_k)$, then the
 * responsibilities $r_k = e^{\ell_k - m}/\sum_j e^{\ell_j - m}$ with $m = \max_j \ell_j$
 * (log-sum-exp), so a point far from every component still gets finite values.
 * Scratch is allocated once per mixture dimension; the loops allocate nothing. @internal
 */
export class MixtureKernels {
  private readonly ell: Float64Array; // (K)
  private readonly s: Float64Array; // (K, d)
  private readonly y: Float64Array; // (d)
  private readonly means: Float64Array; // (K, d)
  private readonly precisions: Float64Array; // (K, d, d)
  private readonly logNormalizers: Float64Array; // (K)
  private readonly d: number;
  private readonly K: number;
  constructor(mix: GaussianMixture) {
    this.d = mix.dim;
    this.K = mix.components;
    this.means = mix.means;
    this.precisions = mix.precisions;
    this.logNormalizers = mix.logNormalizers;
    this.ell = new Float64Array(this.K);
    this.s = new Float64Array(this.K * this.d);
    this.y = new Float64Array(this.d);
  }

  /** Fills ℓ and s for the point x[o .. o + d) and turns ℓ into responsibilities; returns log p. */
  private point(x: Float64Array, o: number): number {
    const { ell, s, y, d, K, means, precisions, logNormalizers } = this;
    let m = -Infinity;
    for (let k = 0; k < K; k++) {
      const po = k * d * d;
      for (let i = 0; i < d; i++) y[i] = x[o + i] - means[k * d + i];
      let q = 0;
      for (let i = 0; i < d; i++) {
        let acc = 0;
        for (let j = 0; j < d; j++) acc += precisions[po + i * d + j] * y[j];
        s[k * d + i] = -acc;
        q += acc * y[i];
      }
      const l = logNormalizers[k] - 0.5 * q;
      ell[k] = l;
      if (l > m) m = l;
    }
    let z = 0;
    for (let k = 0; k < K; k++) {
      const e = exp(ell[k] - m); // ≤ 1, and 1 for the largest term: z ≥ 1, never 0
      ell[k] = e;
      z += e;
    }
    const iz = 1 / z;
    for (let k = 0; k < K; k++) ell[k] *= iz;
    return m + log(z);
  }

  /** log p at n points. @param x (n, d) @param out (n) */
  logDensity(x: Float64Array, out: Float64Array, n: number): void {
    const d = this.d;
    for (let r = 0; r < n; r++) out[r] = this.point(x, r * d);
  }

  /** $\nabla\log p = \sum_k r_k s_k$ at n points. @param x (n, d) @param out (n, d) */
  score(x: Float64Array, out: Float64Array, n: number): void {
    const { ell, s, d, K } = this;
    for (let r = 0; r < n; r++) {
      this.point(x, r * d);
      for (let i = 0; i < d; i++) {
        let acc = 0;
        for (let k = 0; k < K; k++) acc += ell[k] * s[k * d + i];
        out[r * d + i] = acc;
      }
    }
  }

  /**
   * $\partial_{ii}\log p = \sum_k r_k\big(s_{k,i}^2 - (\Sigma_k^{-1})_{ii}\big) - \big(\sum_k r_k s_{k,i}\big)^2$
   * at n points. @param x (n, d) @param out (n, d)
   */
  hessianDiagonal(x: Float64Array, out: Float64Array, n: number): void {
    const { ell, s, d, K } = this;
    const P = this.precisions;
    for (let r = 0; r < n; r++) {
      this.point(x, r * d);
      for (let i = 0; i < d; i++) {
        let mean = 0;
        let second = 0;
        for (let k = 0; k < K; k++) {
          const v = s[k * d + i];
          mean += ell[k] * v;
          second += ell[k] * (v * v - P[k * d * d + i * d + i]);
        }
        out[r * d + i] = second - mean * mean;
      }
    }
  }
}
