import { pushForward, type GaussianMixture } from "../mixture";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { exp } = Math;

/** The coefficients of a path at one time: α, σ, α̇ and σσ̇ = ½ dσ²/dt. @internal */
export interface PathCoefficients {
  alpha: number;
  sigma: number;
  alphaRate: number;
  /** $\sigma\dot\sigma = \tfrac12 d\sigma^2/dt$ */
  sigmaSigmaRate: number;
}

/**
 * The per-point work of the exact mixture velocity at one time. With $C_k = \alpha^2\Sigma_k +
 * \sigma^2 I$ and $z_k = C_k^{-1}(x - \alpha\mu_k)$, given the component k the pair $(x_0, \varepsilon)$
 * has $\mathbb E[x_0\mid x, k] = \mu_k + \alpha\Sigma_k z_k$ and $\mathbb E[\varepsilon\mid x, k] = \sigma z_k$,
 * so the component's velocity is $m_k = \dot\alpha\mu_k + (\dot\alpha\alpha\Sigma_k + \sigma\dot\sigma I)z_k$
 * (finite at α = 0 and at σ = 0); the responsibilities $r_k \propto w_k\mathcal N(x; \alpha\mu_k, C_k)$
 * by log-sum-exp. Scratch is allocated once; `point` allocates nothing. @internal
 * @see Bishop (2006), Pattern Recognition and Machine Learning, eq. (2.116) (linear-Gaussian posterior)
 */
export class MixtureVelocityKernel {
  readonly d: number;
  readonly K: number;
  /** p_t as a mixture */
  readonly pushed: GaussianMixture;
  /** (K, d) αμ_k */
  private readonly centres: Float64Array;
  /** (K, d, d) C_k⁻¹ */
  private readonly precisions: Float64Array;
  /** (K) log normalisers of p_t's components (with log w_k) */
  private readonly logNormalizers: Float64Array;
  /** (K, d) α̇μ_k */
  private readonly drift: Float64Array;
  /** (K, d, d) G_k = α̇αΣ_k + σσ̇ I */
  private readonly gains: Float64Array;
  /** (K) responsibilities of the last point */
  readonly r: Float64Array;
  /** (K, d) the components' velocities m_k at the last point */
  readonly m: Float64Array;
  /** (K, d) z_k = C_k⁻¹(x − αμ_k) at the last point (the component scores are −z_k) */
  readonly z: Float64Array;
  private readonly y: Float64Array;

  constructor(data: GaussianMixture, c: PathCoefficients, fn: string) {
    const { dim: d, components: K, means, covs } = data;
    this.d = d;
    this.K = K;
    let pushed: GaussianMixture;
    try {
      pushed = pushForward(data, c.alpha, c.sigma);
    } catch (error) {
      throw new RangeError(
        `${fn}: the path's α_t = ${c.alpha}, σ_t = ${c.sigma} must give finite, positive-definite α²Σ_k + σ²I`,
        { cause: error },
      );
    }
    this.pushed = pushed;
    this.centres = pushed.means;
    this.precisions = pushed.precisions;
    this.logNormalizers = pushed.logNormalizers;
    this.drift = means.map((mu) => c.alphaRate * mu);
    const ga = c.alphaRate * c.alpha;
    this.gains = covs.map(
      (s, i) => ga * s + ((i % (d * d)) % (d + 1) === 0 ? c.sigmaSigmaRate : 0),
    );
    this.r = new Float64Array(K);
    this.m = new Float64Array(K * d);
    this.z = new Float64Array(K * d);
    this.y = new Float64Array(d);
  }

  /**
   * Fills r, m, z for the point x[o .. o + d); returns false when every component's quadratic
   * form overflows (the point is too far from p_t for double precision).
   */
  point(x: Float64Array, o: number): boolean {
    const { d, K, centres, precisions, logNormalizers, drift, gains, r, m, z, y } = this;
    let top = -Infinity;
    for (let k = 0; k < K; k++) {
      const po = k * d * d;
      for (let i = 0; i < d; i++) y[i] = x[o + i] - centres[k * d + i];
      let q = 0;
      for (let i = 0; i < d; i++) {
        let acc = 0;
        for (let j = 0; j < d; j++) acc += precisions[po + i * d + j] * y[j];
        z[k * d + i] = acc;
        q += acc * y[i];
      }
      const l = logNormalizers[k] - 0.5 * q;
      r[k] = l;
      if (l > top) top = l;
      for (let i = 0; i < d; i++) {
        let acc = drift[k * d + i];
        for (let j = 0; j < d; j++) acc += gains[po + i * d + j] * z[k * d + j];
        m[k * d + i] = acc;
      }
    }
    if (!(top > -Infinity)) return false;
    let sum = 0;
    for (let k = 0; k < K; k++) sum += r[k] = exp(r[k] - top);
    for (let k = 0; k < K; k++) r[k] /= sum;
    return true;
  }
}
