import { cholesky, inverseFromCholesky, logDetFromCholesky } from "../linalg";
import { describeValue, isFloat64Array, requireSample } from "../base";

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

/** What the arrays of a mixture being built are called in error messages. @internal */
export interface SpecNames {
  weights: string;
  means: string;
  covs: string;
}

const SPEC: SpecNames = { weights: "spec.weights", means: "spec.means", covs: "spec.covs" };

/**
 * A validated {@link GaussianMixture} $p(x) = \sum_k w_k\,\mathcal N(x; \mu_k, \Sigma_k)$; d is read
 * from means.length / K.
 * @param spec weights (K): positive, summing to 1 (within 1e-9); means (K, d) finite; covs
 *   (K, d, d) finite, symmetric (to 1e-12 relative) and positive definite (Cholesky succeeds)
 * @see Bishop (2006), Pattern Recognition and Machine Learning, §2.3.9, eq. (2.188)
 */
export function gaussianMixture(spec: GaussianMixtureSpec): GaussianMixture {
  const fn = "gaussianMixture";
  if (spec === null || typeof spec !== "object") {
    throw new TypeError(`${fn}: spec must be an object, got ${describeValue(spec)}`);
  }
  return buildMixture(fn, spec, SPEC);
}

/** {@link gaussianMixture} for any caller: errors name `fn` and the arrays as in `names`. @internal */
export function buildMixture(
  fn: string,
  spec: GaussianMixtureSpec,
  names: SpecNames = SPEC,
): GaussianMixture {
  const weights = Float64Array.from(requireSample(fn, names.weights, spec.weights, 1));
  const means = Float64Array.from(requireSample(fn, names.means, spec.means, 1));
  const covs = Float64Array.from(requireSample(fn, names.covs, spec.covs, 1));
  const K = weights.length;
  let sum = 0;
  weights.forEach((w, k) => {
    if (!(w > 0)) {
      throw new RangeError(`${fn}: ${names.weights}[${k}] must be positive, got ${w}`);
    }
    sum += w;
  });
  if (Math.abs(sum - 1) > 1e-9) {
    throw new RangeError(`${fn}: ${names.weights} must sum to 1, got sum ${sum}`);
  }
  const d = means.length / K;
  if (!Number.isInteger(d) || d < 1) {
    throw new RangeError(
      `${fn}: ${names.means} must hold K·d values with K = ${K}, got ${means.length}`,
    );
  }
  if (covs.length !== K * d * d) {
    throw new RangeError(
      `${fn}: ${names.covs} must hold K·d·d = ${K * d * d} values (K = ${K}, d = ${d}), got ${covs.length}`,
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
            `${fn}: ${names.covs}[${k}] must be symmetric, got (${i},${j}) = ${a}, (${j},${i}) = ${b}`,
          );
        }
      }
    }
    if (!cholesky(covs, off, d, l)) {
      throw new RangeError(
        `${fn}: ${names.covs}[${k}] must be positive definite, its Cholesky factorisation failed`,
      );
    }
    factors.set(l, off);
    inverseFromCholesky(l, d, precisions, off);
    logNormalizers[k] =
      Math.log(weights[k]) - 0.5 * d * Math.log(2 * Math.PI) - 0.5 * logDetFromCholesky(l, d);
    for (let i = off; i < off + d * d; i++) {
      if (!Number.isFinite(precisions[i])) {
        throw new RangeError(
          `${fn}: ${names.covs}[${k}] must be invertible in double precision, its inverse overflows`,
        );
      }
    }
    if (!Number.isFinite(logNormalizers[k])) {
      throw new RangeError(
        `${fn}: ${names.covs}[${k}] must have a finite log-determinant, got ${logNormalizers[k]} for the log normaliser`,
      );
    }
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

/**
 * Throws a TypeError unless mix looks like a GaussianMixture from `gaussianMixture` (integer dim
 * and components ≥ 1, arrays of the matching lengths). @internal
 */
export function requireMixture(fn: string, mix: unknown, name = "mix"): GaussianMixture {
  const m = mix as GaussianMixture;
  const ok =
    m !== null &&
    typeof m === "object" &&
    Number.isInteger(m.dim) &&
    m.dim >= 1 &&
    Number.isInteger(m.components) &&
    m.components >= 1 &&
    hasLength(m.weights, m.components) &&
    hasLength(m.means, m.components * m.dim) &&
    hasLength(m.covs, m.components * m.dim * m.dim) &&
    hasLength(m.precisions, m.components * m.dim * m.dim) &&
    hasLength(m.choleskyFactors, m.components * m.dim * m.dim) &&
    hasLength(m.logNormalizers, m.components);
  if (!ok) {
    throw new TypeError(
      `${fn}: ${name} must be a GaussianMixture from gaussianMixture, got ${describeValue(mix)}`,
    );
  }
  return m;
}

const hasLength = (a: unknown, n: number): boolean => isFloat64Array(a) && a.length === n;
