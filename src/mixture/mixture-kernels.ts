import type { GaussianMixture } from "./gaussian-mixture";
import { requireMixture } from "./gaussian-mixture";
import { requireBatch } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { exp, log } = Math;

/** The mixture's arrays and the per-point scratch, allocated once per mixture. */
interface State {
  readonly d: number;
  readonly K: number;
  readonly means: Float64Array; // (K, d)
  readonly precisions: Float64Array; // (K, d, d)
  readonly logNormalizers: Float64Array; // (K)
  readonly ell: Float64Array; // (K): ℓ_k, then the responsibilities r_k
  readonly s: Float64Array; // (K, d): s_k = −Σ_k⁻¹(x − μ_k)
  readonly y: Float64Array; // (d)
}

/**
 * The per-point work shared by log-density, score and Hessian: for each component
 * $\ell_k = \log w_k\mathcal N(x;\mu_k,\Sigma_k)$ and $s_k = -\Sigma_k^{-1}(x - \mu_k)$, then the
 * responsibilities $r_k = e^{\ell_k - m}/\sum_j e^{\ell_j - m}$ with $m = \max_j \ell_j$
 * (log-sum-exp), so a point far from every component still gets finite values.
 * Scratch is allocated once per mixture; the loops allocate nothing. Each method reads the first
 * n rows of x, which must be finite; a point so far away that the quadratic forms
 * $(x - \mu_k)^\top\Sigma_k^{-1}(x - \mu_k)$ overflow (beyond about $10^{154}$ standard deviations)
 * is a RangeError, never a NaN. Errors name `caller` (default `MixtureKernels.<method>`), so a
 * wrapper such as `exactMixtureScore` reports its own name.
 * @see Bishop (2006), Pattern Recognition and Machine Learning, eqs. (2.188), (9.23)
 */
export class MixtureKernels {
  private readonly st: State;
  /**
   * @param mix a mixture from `gaussianMixture`
   * @param caller the name errors report (default "MixtureKernels")
   */
  constructor(mix: GaussianMixture, caller = "MixtureKernels") {
    requireMixture(caller, mix);
    const { dim: d, components: K } = mix;
    this.st = {
      d,
      K,
      means: mix.means,
      precisions: mix.precisions,
      logNormalizers: mix.logNormalizers,
      ell: new Float64Array(K),
      s: new Float64Array(K * d),
      y: new Float64Array(d),
    };
  }

  /**
   * $\log p$ at the first n rows of x.
   * @param x (n, d) row-major, at least n·d values, finite
   * @param out (n) written, at least n values
   * @param n rows, a positive integer
   * @param caller the name errors report
   */
  logDensity(
    x: Float64Array,
    out: Float64Array,
    n: number,
    caller = "MixtureKernels.logDensity",
  ): void {
    const st = this.st;
    requireBatch(caller, x, out, n, st.d, { outWidth: 1 });
    for (let r = 0; r < n; r++) {
      const v = point(st, x, r * st.d);
      if (!(v > -Infinity)) tooFar(caller, r);
      out[r] = v;
    }
  }

  /**
   * $\nabla\log p = \sum_k r_k s_k$ at the first n rows of x.
   * @param x (n, d) row-major, at least n·d values, finite
   * @param out (n, d) written, at least n·d values
   * @param n rows, a positive integer
   * @param caller the name errors report
   */
  score(x: Float64Array, out: Float64Array, n: number, caller = "MixtureKernels.score"): void {
    const st = this.st;
    const { ell, s, d, K } = st;
    requireBatch(caller, x, out, n, d);
    for (let r = 0; r < n; r++) {
      if (!(point(st, x, r * d) > -Infinity)) tooFar(caller, r);
      for (let i = 0; i < d; i++) {
        let acc = 0;
        for (let k = 0; k < K; k++) acc += ell[k] * s[k * d + i];
        if (!Number.isFinite(acc)) tooFar(caller, r);
        out[r * d + i] = acc;
      }
    }
  }

  /**
   * $\partial_{ii}\log p = \sum_k r_k\big(s_{k,i}^2 - (\Sigma_k^{-1})_{ii}\big) - \big(\sum_k r_k s_{k,i}\big)^2$
   * at the first n rows of x.
   * @param x (n, d) row-major, at least n·d values, finite
   * @param out (n, d) written, at least n·d values
   * @param n rows, a positive integer
   * @param caller the name errors report
   */
  hessianDiagonal(
    x: Float64Array,
    out: Float64Array,
    n: number,
    caller = "MixtureKernels.hessianDiagonal",
  ): void {
    const st = this.st;
    const { ell, s, d, K } = st;
    const P = st.precisions;
    requireBatch(caller, x, out, n, d);
    for (let r = 0; r < n; r++) {
      if (!(point(st, x, r * d) > -Infinity)) tooFar(caller, r);
      for (let i = 0; i < d; i++) {
        let mean = 0;
        let second = 0;
        for (let k = 0; k < K; k++) {
          const v = s[k * d + i];
          mean += ell[k] * v;
          second += ell[k] * (v * v - P[k * d * d + i * d + i]);
        }
        const h = second - mean * mean;
        if (!Number.isFinite(h)) tooFar(caller, r);
        out[r * d + i] = h;
      }
    }
  }
}

/** Fills ℓ and s for the point x[o .. o + d) and turns ℓ into responsibilities; returns log p. */
function point(st: State, x: Float64Array, o: number): number {
  const { ell, s, y, d, K, means, precisions, logNormalizers } = st;
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
  if (!(m > -Infinity)) return m; // every quadratic form overflowed (or is NaN): the caller reports it
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

function tooFar(fn: string, r: number): never {
  throw new RangeError(
    `${fn}: x row ${r} is too far from every component: (x − μ)ᵀΣ⁻¹(x − μ) or the score overflows`,
  );
}
