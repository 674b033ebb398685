import { requireBatchAt, requireTime } from "../base";
import { requireMixture, type GaussianMixture } from "../mixture";
import { MixtureVelocityKernel, type PathCoefficients } from "./mixture-velocity-kernel";
import { requirePath, type ProbabilityPath } from "./probability-path";
import type { VelocityFunction } from "./velocity-function";

/** The exact marginal velocity of a mixture along a path, with the path's score and marginal. */
export interface MixtureVelocity extends VelocityFunction {
  readonly data: GaussianMixture;
  readonly path: ProbabilityPath;
  /** $\nabla_x\log p_t(x)$ of the same marginal. @param x (n, d) @param out (n, d) @param n rows */
  score(t: number, x: Float64Array, out: Float64Array, n: number): void;
  /** $p_t$ as a mixture, $\sum_k w_k\mathcal N(\alpha_t\mu_k, \alpha_t^2\Sigma_k + \sigma_t^2 I)$ @param t time in [0, T] */
  marginal(t: number): GaussianMixture;
}

/** α, σ, α̇ and σσ̇ of a path at a checked time. @internal */
export function coefficientsAt(path: ProbabilityPath, t: number): PathCoefficients {
  return {
    alpha: path.scale(t),
    sigma: path.std(t),
    alphaRate: path.scaleRate(t),
    sigmaSigmaRate: 0.5 * path.varianceRate(t),
  };
}

/**
 * $u_t(x) = \mathbb E[\dot\alpha_t x_0 + \dot\sigma_t\varepsilon \mid x_t = x]
 * = \sum_k r_k(x)\big(\dot\alpha_t\mu_k + (\dot\alpha_t\alpha_t\Sigma_k + \sigma_t\dot\sigma_t I)\,C_k^{-1}(x - \alpha_t\mu_k)\big)$,
 * $C_k = \alpha_t^2\Sigma_k + \sigma_t^2 I$, $r_k \propto w_k\mathcal N(x; \alpha_t\mu_k, C_k)$:
 * the marginal velocity of the path for data $x_0 \sim \sum_k w_k\mathcal N(\mu_k, \Sigma_k)$, in
 * closed form. It needs only $\sigma_t\dot\sigma_t = \tfrac12 d\sigma_t^2/dt$, finite at both ends
 * of every path here (VP at t = 0 included). Also $\nabla\log p_t = -\sum_k r_k C_k^{-1}(x - \alpha_t\mu_k)$.
 * The per-time work is cached for two times (a two-stage solver alternates); rows are log-sum-exp
 * stable. Methods take t ∈ [0, T] (a solver's rounding accepted), n ≥ 1, x with n finite rows;
 * a point too far from every component for double precision is a RangeError naming its row.
 * @param data the law of $x_0$, a d-dimensional mixture
 * @param path the conditional path (α, σ and their rates)
 * @see Lipman et al. (2023), ICLR, eq. (8) and Theorem 1 (the marginal vector field); Bishop (2006), eq. (2.116)
 */
export function exactMixtureVelocity(
  data: GaussianMixture,
  path: ProbabilityPath,
): MixtureVelocity {
  const fn = "exactMixtureVelocity";
  requireMixture(fn, data, "data");
  requirePath(fn, path);
  const { T } = path;
  const d = data.dim;
  const cache: { t: number; kernel: MixtureVelocityKernel }[] = [];
  const at = (method: string, t: unknown): MixtureVelocityKernel => {
    const s = requireTime(method, "t", t, T, { slack: true });
    for (const c of cache) if (c.t === s) return c.kernel;
    const kernel = new MixtureVelocityKernel(data, coefficientsAt(path, s), method);
    if (cache.length === 2) cache.shift();
    cache.push({ t: s, kernel });
    return kernel;
  };
  const tooFar = (method: string, r: number): never => {
    throw new RangeError(
      `${method}: x row ${r} is too far from every component of p_t: (x − αμ)ᵀC⁻¹(x − αμ) overflows`,
    );
  };
  const each = (
    method: string,
    t: number,
    x: Float64Array,
    out: Float64Array,
    n: number,
    fill: (k: MixtureVelocityKernel, o: number) => void,
  ): void => {
    requireBatchAt(method, t, x, out, n, d);
    const kernel = at(method, t);
    for (let row = 0; row < n; row++) {
      if (!kernel.point(x, row * d)) tooFar(method, row);
      fill(kernel, row * d);
    }
    for (let i = 0; i < n * d; i++) if (!Number.isFinite(out[i])) tooFar(method, Math.floor(i / d));
  };
  return Object.freeze({
    dim: d,
    data,
    path,
    velocity(t: number, x: Float64Array, out: Float64Array, n: number): void {
      each(`${fn}.velocity`, t, x, out, n, (k, o) => {
        for (let i = 0; i < d; i++) {
          let acc = 0;
          for (let c = 0; c < k.K; c++) acc += k.r[c] * k.m[c * d + i];
          out[o + i] = acc;
        }
      });
    },
    score(t: number, x: Float64Array, out: Float64Array, n: number): void {
      each(`${fn}.score`, t, x, out, n, (k, o) => {
        for (let i = 0; i < d; i++) {
          let acc = 0;
          for (let c = 0; c < k.K; c++) acc -= k.r[c] * k.z[c * d + i];
          out[o + i] = acc;
        }
      });
    },
    marginal(t: number): GaussianMixture {
      return at(`${fn}.marginal`, t).pushed;
    },
  });
}
