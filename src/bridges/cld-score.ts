import type { CldProcess } from "../processes";
import { gaussianMixture, type GaussianMixture } from "../mixture";
import { type ScoreFunction } from "../score";
import { MixtureKernels, requireMixture } from "../mixture";
import { describeValue, requireBatch, requireInterface, requireTime } from "../base";

/**
 * $p_t(x, v) = \sum_k w_k\,\mathcal N\big((a_x\mu_k, a_v\mu_k),\ \Sigma_t \otimes I_d + aa^\top\otimes\Sigma_k\big)$
 * for CLD started at $x_0 \sim \sum_k w_k\mathcal N(\mu_k, \Sigma_k)$, $v_0 \sim N(0, \gamma M I)$:
 * $u_t \mid x_0$ is Gaussian with mean $a\,x_0$, $a = (a_x, a_v)$ the first column of $e^{\beta tA}$,
 * and covariance $\Sigma_t$ (from `marginalFromData`), so each data component stays Gaussian.
 * Layout of a point: [x (d), v (d)], as in the process.
 * @param data the data mixture (d-dimensional)
 * @param cld a CLD process whose data dimension is d (cld.dim = 2d)
 * @param t time in [0, T]
 * @returns the joint law of $(x_t, v_t)$, a mixture in dimension 2d
 * @see Dockhorn, Vahdat & Kreis (2022), ICLR, eq. (5) and Appendix B.1 (the perturbation kernel)
 */
export function cldMarginal(data: GaussianMixture, cld: CldProcess, t: number): GaussianMixture {
  checkCld("cldMarginal", data, cld);
  requireTime("cldMarginal", "t", t, cld.T);
  return cldLaw(data, cld, t);
}

/** The joint law of (x_t, v_t) for validated arguments. */
function cldLaw(data: GaussianMixture, cld: CldProcess, t: number): GaussianMixture {
  const { dim: d, components: K, weights, means, covs } = data;
  const D = 2 * d;
  const { mean: a, cov: S } = cld.marginalFromData(t, new Float64Array(d).fill(1)); // a_x, a_v; Σ_t
  const ax = a[0];
  const av = a[d];
  const m = new Float64Array(K * D); // (K, 2d)
  const c = new Float64Array(K * D * D); // (K, 2d, 2d)
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < d; i++) {
      m[k * D + i] = ax * means[k * d + i];
      m[k * D + d + i] = av * means[k * d + i];
    }
    for (let p = 0; p < 2; p++) {
      for (let q = 0; q < 2; q++) {
        const apq = (p === 0 ? ax : av) * (q === 0 ? ax : av);
        for (let i = 0; i < d; i++) {
          for (let j = 0; j < d; j++) {
            const row = p * d + i;
            const col = q * d + j;
            c[k * D * D + row * D + col] = S[row * D + col] + apq * covs[k * d * d + i * d + j];
          }
        }
      }
    }
  }
  return gaussianMixture({ weights, means: m, covs: c });
}

/**
 * $s(t, x, v) = \big(0,\ \nabla_v\log p_t(x, v)\big)$: CLD's noise acts on v only
 * ($gg^\top = \mathrm{diag}(0, 2\Gamma\beta)$), so the reverse SDE $du = [f - gg^\top\nabla_u\log p_t]\,dt + g\,d\bar W$
 * needs the score in the velocity only; the position part is returned as 0. Exact for mixture data.
 * @param data the data mixture (d-dimensional)
 * @param cld a CLD process with cld.dim = 2d
 * @returns a ScoreFunction of dimension 2d, points laid out [x (d), v (d)]; its
 *   `score(t, u, out, n)` takes t in [0, T] (up to the rounding of a solver's t + h), n ≥ 1 rows
 *   of finite u, (n, 2d) row-major, and out of at least n·2d entries
 * @see Dockhorn, Vahdat & Kreis (2022), ICLR, eq. (6)–(7) (score in velocity only)
 */
export function cldVelocityScore(data: GaussianMixture, cld: CldProcess): ScoreFunction {
  const fn = "cldVelocityScore";
  checkCld(fn, data, cld);
  const d = data.dim;
  const D = 2 * d;
  const cache: { t: number; kernels: MixtureKernels }[] = [];
  const at = (t: number): MixtureKernels => {
    for (const e of cache) if (e.t === t) return e.kernels;
    const kernels = new MixtureKernels(cldLaw(data, cld, t), `${fn}.score`);
    if (cache.length === 2) cache.shift();
    cache.push({ t, kernels });
    return kernels;
  };
  return Object.freeze({
    dim: D,
    score(t: number, u: Float64Array, out: Float64Array, n: number): void {
      const s = requireTime(`${fn}.score`, "t", t, cld.T, { slack: true }); // clamped into [0, T]
      requireBatch(`${fn}.score`, u, out, n, D, { xName: "u" });
      at(s).score(u, out, n, `${fn}.score`);
      for (let r = 0; r < n; r++) out.fill(0, r * D, r * D + d);
    },
  });
}

function checkCld(fn: string, data: GaussianMixture, cld: CldProcess): void {
  requireMixture(fn, data, "data");
  requireInterface(fn, "cld", cld, "a CldProcess", ["marginalFromData"]);
  if (cld.dim !== 2 * data.dim) {
    throw new RangeError(
      `${fn}: cld.dim must be 2·data.dim = ${2 * data.dim}, got ${describeValue(cld.dim)}`,
    );
  }
}
