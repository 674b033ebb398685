import { cholesky, inverseFromCholesky, logDetFromCholesky } from "../linalg";
import { describeValue } from "../base";

/**
 * $p(x) = \sum_{k} w_k\,\mathcal N(x;\,\mu_k, \Sigma_k)$ in $\mathbb R^d$ with full covariances.
 * Besides the parameters it carries what every evaluation reuses: precisions $\Sigma_k^{-1}$,
 * Cholesky factors and the log normalisers $\log w_k - \tfrac d2\log 2\pi - \tfrac12\log\det\Sigma_k$.
 * Built by {@link gaussianMixture} (validated, frozen); final: wrap, do not extend.
 */
export interface GaussianMixture {
  /** d, dimension of a point */
  readonly dim: number;
  /** K, number of components */
  readonly components: number;
  /** (K) weights, positive, summing to 1 */
  readonly weights: Float64Array;
  /** (K, d) row-major means */
  readonly means: Float64Array;
  /** (K, d, d) row-major covariances, symmetric positive definite */
  readonly covs: Float64Array;
  /** (K, d, d) row-major precisions $\Sigma_k^{-1}$ */
  readonly precisions: Float64Array;
  /** (K, d, d) row-major lower Cholesky factors $L_k$, $\Sigma_k = L_k L_k^\top$ */
  readonly choleskyFactors: Float64Array;
  /** (K) $\log w_k - \tfrac d2\log 2\pi - \tfrac12\log\det\Sigma_k$ */
  readonly logNormalizers: Float64Array;
}

/** The parameters of a mixture, as plain arrays or Float64Arrays (copied). */
export interface GaussianMixtureSpec {
  /** (K) positive weights summing to 1 (within 1e-9, for decimals typed by hand) */
  weights: ArrayLike<number>;
  /** (K, d) row-major means */
  means: ArrayLike<number>;
  /** (K, d, d) row-major symmetric positive-definite covariances */
  covs: ArrayLike<number>;
}

/**
 * A validated {@link GaussianMixture} $p(x) = \sum_k w_k\,\mathcal N(x; \mu_k, \Sigma_k)$; d is read
 * from means.length / K.
 * @param spec weights (K), means (K, d), covs (K, d, d)
 * @see Bishop (2006), Pattern Recognition and Machine Learning, §2.3.9, eq. (2.188)
 */
export function gaussianMixture(spec: GaussianMixtureSpec): GaussianMixture {
  const fn = "gaussianMixture";
  if (spec === null || typeof spec !== "object") {
    throw new TypeError(`${fn}: spec must be an object, got ${describeValue(spec)}`);
  }
  const weights = finiteArray(fn, "weights", spec.weights);
  const means = finiteArray(fn, "means", spec.means);
  const covs = finiteArray(fn, "covs", spec.covs);
  const K = weights.length;
  if (K === 0) throw new RangeError(`${fn}: weights must be non-empty, got length 0`);
  let sum = 0;
  weights.forEach((w, k) => {
    if (!(w > 0)) throw new RangeError(`${fn}: weights[${k}] must be positive, got ${w}`);
    sum += w;
  });
  if (Math.abs(sum - 1) > 1e-9) {
    throw new RangeError(`${fn}: weights must sum to 1, got sum ${sum}`);
  }
  const d = means.length / K;
  if (!Number.isInteger(d) || d < 1) {
    throw new RangeError(`${fn}: means must hold K·d values with K = ${K}, got ${means.length}`);
  }
  if (covs.length !== K * d * d) {
    throw new RangeError(
      `${fn}: covs must hold K·d·d = ${K * d * d} values (K = ${K}, d = ${d}), got ${covs.length}`,
    );
  }
  const precisions = new Float64Array(K * d * d); // (K, d, d)
  const factors = new Float64Array(K * d * d); // (K, d, d)
  const logNormalizers = new Float64Array(K); // (K)
  const l = new Float64Array(d * d); // (d, d) scratch
  for (let k = 0; k < K; k++) {
    const off = k * d * d;
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < i; j++) {
        const a = covs[off + i * d + j];
        const b = covs[off + j * d + i];
        // symmetric up to rounding of the caller's arithmetic
        if (Math.abs(a - b) > 1e-12 * (Math.abs(a) + Math.abs(b))) {
          throw new RangeError(
            `${fn}: covs[${k}] must be symmetric, got (${i},${j}) = ${a}, (${j},${i}) = ${b}`,
          );
        }
      }
    }
    if (!cholesky(covs, off, d, l)) {
      throw new RangeError(
        `${fn}: covs[${k}] must be positive definite, its Cholesky factorisation failed`,
      );
    }
    factors.set(l, off);
    inverseFromCholesky(l, d, precisions, off);
    logNormalizers[k] =
      Math.log(weights[k]) - 0.5 * d * Math.log(2 * Math.PI) - 0.5 * logDetFromCholesky(l, d);
  }
  return Object.freeze({
    dim: d,
    components: K,
    weights,
    means,
    covs,
    precisions,
    choleskyFactors: factors,
    logNormalizers,
  });
}

/** Throws unless a is an array-like of finite numbers; returns a copy. */
function finiteArray(fn: string, name: string, a: unknown): Float64Array {
  if (a === null || typeof a !== "object" || typeof (a as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${fn}: spec.${name} must be an array of numbers, got ${describeValue(a)}`);
  }
  const out = Float64Array.from(a as ArrayLike<number>);
  out.forEach((v, i) => {
    if (!Number.isFinite(v))
      throw new RangeError(
        `${fn}: spec.${name}[${i}] must be a finite number, got ${describeValue(v)}`,
      );
  });
  return out;
}
