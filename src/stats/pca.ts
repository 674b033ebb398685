import { requireBatch, requireFloat64Array, requireInteger, requireAllFinite } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { sqrt, abs, sign, max } = Math;

/** A PCA encoder/decoder: $z = V^\top(x - \mu)$, $\hat x = \mu + V z$. */
export interface Pca {
  /** D, the data dimension */
  readonly dim: number;
  /** k, the latent dimension */
  readonly latentDim: number;
  /** μ, the sample mean, (D) */
  readonly mean: Float64Array;
  /** V, (k, D) row-major: row j is the j-th principal direction (unit, orthogonal) */
  readonly components: Float64Array;
  /** the k largest eigenvalues of the sample covariance (divisor n), decreasing */
  readonly variances: Float64Array;
  /** every eigenvalue of the sample covariance, decreasing, (D) */
  readonly spectrum: Float64Array;
  /** $z = V^\top(x-\mu)$. @param x (n, D) row-major @param out (n, k) @param n rows */
  encode(x: Float64Array, out: Float64Array, n: number): void;
  /** $\hat x = \mu + Vz$. @param z (n, k) row-major @param out (n, D) @param n rows */
  decode(z: Float64Array, out: Float64Array, n: number): void;
}

/**
 * $C = \frac1n\sum_i (x_i-\mu)(x_i-\mu)^\top = \sum_j \lambda_j v_j v_j^\top$; the encoder keeps the k
 * leading directions, $z = V^\top(x-\mu)$, and the decoder maps back, $\hat x = \mu + Vz$, so
 * decode∘encode is the orthogonal projection onto the affine span $\mu + \mathrm{span}(v_1..v_k)$,
 * the best rank-k affine reconstruction in mean squared error (error $\sum_{j>k}\lambda_j$). The
 * eigenvectors come from the cyclic Jacobi method (exact to rounding for the small D of a
 * latent-diffusion toy; O(D³) per sweep).
 * @param x the data, (n, D) row-major, n ≥ 2, finite
 * @param dim D, a positive integer dividing x.length
 * @param k latent dimension, integer in [1, D]
 * @see Rombach et al. (2022), CVPR, §3 (diffuse in an encoder's latent space, then decode); Golub & Van Loan (2013), §8.5.2 (the cyclic Jacobi method)
 */
export function pca(x: Float64Array, dim: number, k: number): Pca {
  const fn = "pca";
  const a = requireFloat64Array(fn, "x", x);
  const D = requireInteger(fn, "dim", dim, 1);
  if (a.length % D !== 0 || a.length / D < 2) {
    throw new RangeError(
      `${fn}: x must hold n·D values with D = ${D} and n >= 2, got length ${a.length}`,
    );
  }
  requireAllFinite(fn, "x", a);
  const K = requireInteger(fn, "k", k, 1);
  if (K > D) throw new RangeError(`${fn}: k must be an integer in [1, D = ${D}], got ${K}`);
  const n = a.length / D;
  const mean = new Float64Array(D);
  for (let i = 0; i < n; i++) for (let j = 0; j < D; j++) mean[j] += a[i * D + j] / n;
  const C = new Float64Array(D * D);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < D; p++) {
      const u = a[i * D + p] - mean[p];
      for (let q = p; q < D; q++) C[p * D + q] += (u * (a[i * D + q] - mean[q])) / n;
    }
  }
  for (let p = 0; p < D; p++) for (let q = 0; q < p; q++) C[p * D + q] = C[q * D + p];
  const { values, vectors } = jacobiEigen(C, D);
  const order = Array.from({ length: D }, (_, j) => j).sort((i, j) => values[j] - values[i]);
  const components = new Float64Array(K * D);
  for (let r = 0; r < K; r++) {
    for (let p = 0; p < D; p++) components[r * D + p] = vectors[p * D + order[r]];
  }
  const spectrum = Float64Array.from(order, (j) => max(0, values[j]));
  return Object.freeze({
    dim: D,
    latentDim: K,
    mean,
    components,
    variances: spectrum.slice(0, K),
    spectrum,
    encode(xs: Float64Array, out: Float64Array, m: number): void {
      const rows = requireBatch(`${fn}.encode`, xs, out, m, D, { outWidth: K });
      for (let i = 0; i < rows; i++) {
        for (let r = 0; r < K; r++) {
          let s = 0;
          for (let p = 0; p < D; p++) s += components[r * D + p] * (xs[i * D + p] - mean[p]);
          out[i * K + r] = s;
        }
      }
    },
    decode(z: Float64Array, out: Float64Array, m: number): void {
      const rows = requireBatch(`${fn}.decode`, z, out, m, K, { outWidth: D, xName: "z" });
      for (let i = 0; i < rows; i++) {
        for (let p = 0; p < D; p++) {
          let s = mean[p];
          for (let r = 0; r < K; r++) s += components[r * D + p] * z[i * K + r];
          out[i * D + p] = s;
        }
      }
    },
  });
}

/** Cyclic Jacobi: C = V diag(values) Vᵀ for a symmetric (D, D) C; V's columns are eigenvectors. */
function jacobiEigen(c: Float64Array, D: number): { values: Float64Array; vectors: Float64Array } {
  const A = c.slice();
  const V = new Float64Array(D * D);
  for (let i = 0; i < D; i++) V[i * D + i] = 1;
  let scale = 0;
  for (let i = 0; i < D * D; i++) scale += A[i] * A[i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < D; p++) for (let q = p + 1; q < D; q++) off += A[p * D + q] ** 2;
    if (off <= 1e-32 * scale || off === 0) break;
    for (let p = 0; p < D - 1; p++) {
      for (let q = p + 1; q < D; q++) {
        const apq = A[p * D + q];
        if (apq === 0) continue;
        const theta = (A[q * D + q] - A[p * D + p]) / (2 * apq);
        const t = sign(theta || 1) / (abs(theta) + sqrt(theta * theta + 1));
        const cs = 1 / sqrt(t * t + 1);
        const sn = t * cs;
        for (let r = 0; r < D; r++) {
          const arp = A[r * D + p];
          const arq = A[r * D + q];
          A[r * D + p] = cs * arp - sn * arq;
          A[r * D + q] = sn * arp + cs * arq;
        }
        for (let r = 0; r < D; r++) {
          const apr = A[p * D + r];
          const aqr = A[q * D + r];
          A[p * D + r] = cs * apr - sn * aqr;
          A[q * D + r] = sn * apr + cs * aqr;
        }
        for (let r = 0; r < D; r++) {
          const vrp = V[r * D + p];
          const vrq = V[r * D + q];
          V[r * D + p] = cs * vrp - sn * vrq;
          V[r * D + q] = sn * vrp + cs * vrq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: D }, (_, i) => A[i * D + i]), vectors: V };
}
