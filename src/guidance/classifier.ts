import { gaussianMixture, MixtureKernels, requireMixture, type GaussianMixture } from "../mixture";
import { requireIndex, requirePoints } from "../base";

/**
 * $p(x \mid y = k) = \mathcal N(x; \mu_k, \Sigma_k)$: component k of a mixture as the
 * class-conditional law, when the components are the classes and $p(y = k) = w_k$.
 * @param mix the mixture $p(x) = \sum_k w_k\mathcal N(x;\mu_k,\Sigma_k)$
 * @param y the class k, an integer in [0, K)
 * @returns a one-component mixture of the same dimension
 * @see Bishop (2006), Pattern Recognition and Machine Learning, §9.2, eq. (9.12)
 */
export function classConditional(mix: GaussianMixture, y: number): GaussianMixture {
  const fn = "classConditional";
  requireMixture(fn, mix);
  requireIndex(fn, "y", y, mix.components);
  return component(mix, y);
}

/**
 * $\log p(y \mid x) = \log w_y + \log\mathcal N(x;\mu_y,\Sigma_y) - \log p(x)$: the exact Bayes
 * classifier of a mixture (the responsibility of component y, in log space).
 * @param mix the mixture
 * @param y the class, an integer in [0, K)
 * @param x (n, d) row-major points, finite, n ≥ 1
 * @returns (n) log posterior probabilities
 * @see Bishop (2006), Pattern Recognition and Machine Learning, eq. (9.13)
 */
export function classifierLogProbability(
  mix: GaussianMixture,
  y: number,
  x: Float64Array,
): Float64Array {
  const fn = "classifierLogProbability";
  requireMixture(fn, mix);
  requireIndex(fn, "y", y, mix.components);
  const n = requirePoints(fn, "x", x, mix.dim);
  const lp = logDensity(fn, mix, x, n); // (n)
  const ly = logDensity(fn, component(mix, y), x, n); // (n)
  const lw = Math.log(mix.weights[y]);
  return ly.map((v, i) => lw + v - lp[i]);
}

/**
 * $\nabla_x\log p(y \mid x) = -\Sigma_y^{-1}(x - \mu_y) + \sum_k r_k(x)\,\Sigma_k^{-1}(x - \mu_k)$:
 * the class score minus the mixture score, with responsibilities $r_k$ in log space.
 * @param mix the mixture
 * @param y the class, an integer in [0, K)
 * @param x (n, d) row-major points, finite, n ≥ 1
 * @returns (n, d) row-major gradients
 * @see Dhariwal & Nichol (2021), Diffusion Models Beat GANs on Image Synthesis, NeurIPS, §4.1
 */
export function classifierGradient(mix: GaussianMixture, y: number, x: Float64Array): Float64Array {
  const fn = "classifierGradient";
  requireMixture(fn, mix);
  requireIndex(fn, "y", y, mix.components);
  const n = requirePoints(fn, "x", x, mix.dim);
  return classGradient(fn, mix, y, x, n);
}

/** Component y of mix as a one-component mixture (validated arguments). @internal */
export function component(mix: GaussianMixture, y: number): GaussianMixture {
  const d = mix.dim;
  return gaussianMixture({
    weights: [1],
    means: mix.means.subarray(y * d, (y + 1) * d),
    covs: mix.covs.subarray(y * d * d, (y + 1) * d * d),
  });
}

/** log p at the first n rows of x (validated arguments), errors naming fn: (n). @internal */
export function logDensity(
  fn: string,
  mix: GaussianMixture,
  x: Float64Array,
  n: number,
): Float64Array {
  const out = new Float64Array(n); // (n)
  new MixtureKernels(mix, fn).logDensity(x, out, n, fn);
  return out;
}

/**
 * ∇ log p(y | x) at the first n rows of x (validated arguments): (n, d). A point so far from
 * every component that the quadratic forms overflow is a RangeError naming fn, never a NaN.
 * @internal
 */
export function classGradient(
  fn: string,
  mix: GaussianMixture,
  y: number,
  x: Float64Array,
  n: number,
): Float64Array {
  const { dim: d, components: K, means, precisions: P, logNormalizers } = mix;
  const out = new Float64Array(n * d); // (n, d)
  const l = new Float64Array(K); // (K) log w_k N_k(x)
  const dx = new Float64Array(d); // (d)
  for (let r = 0; r < n; r++) {
    let m = -Infinity;
    for (let k = 0; k < K; k++) {
      let q = 0;
      for (let i = 0; i < d; i++) dx[i] = x[r * d + i] - means[k * d + i];
      for (let i = 0; i < d; i++) {
        for (let j = 0; j < d; j++) q += dx[i] * P[k * d * d + i * d + j] * dx[j];
      }
      l[k] = logNormalizers[k] - 0.5 * q;
      m = Math.max(m, l[k]);
    }
    if (!(m > -Infinity)) {
      throw new RangeError(
        `${fn}: x row ${r} is too far from every component: (x − μ)ᵀΣ⁻¹(x − μ) overflows`,
      );
    }
    let z = 0;
    for (let k = 0; k < K; k++) z += Math.exp(l[k] - m);
    for (let k = 0; k < K; k++) {
      const c = (k === y ? 1 : 0) - Math.exp(l[k] - m) / z; // δ_ky − r_k
      for (let i = 0; i < d; i++) {
        let acc = 0;
        for (let j = 0; j < d; j++) {
          acc += P[k * d * d + i * d + j] * (x[r * d + j] - means[k * d + j]);
        }
        out[r * d + i] -= c * acc;
      }
    }
  }
  return out;
}
