import { requireInteger, requireInterface, requireOptions, requireTime } from "../base";
import { cholesky, inverseFromCholesky } from "../linalg";
import { requireMixture, sampleMixture, type GaussianMixture } from "../mixture";
import type { Rng } from "../rng";
import { coefficientsAt } from "./exact-velocity";
import { MixtureVelocityKernel } from "./mixture-velocity-kernel";
import { requirePath, type ProbabilityPath } from "./probability-path";

/** The floor of the conditional flow-matching loss at one time, what is exact and what estimated. */
export interface FlowMatchingFloor {
  /** $\min_u\mathbb E\lVert u(x_t) - (\dot\alpha_t x_0 + \dot\sigma_t\varepsilon)\rVert^2 = \mathbb E\operatorname{tr}\operatorname{Cov}(\dot\alpha_t x_0 + \dot\sigma_t\varepsilon\mid x_t)$: lower + the Monte Carlo between-component part */
  readonly value: number;
  /** standard error of value (0 for one component, where value is exact) */
  readonly standardError: number;
  /** exact: $(\dot\alpha\sigma - \dot\sigma\alpha)^2\sum_k w_k\operatorname{tr}(\Sigma_k C_k^{-1})$, the floor if the component were observed */
  readonly lower: number;
  /** exact: $(\dot\alpha\sigma - \dot\sigma\alpha)^2\operatorname{tr}(\Sigma C^{-1})$, the loss of the best affine predictor ($\Sigma$ the data covariance) */
  readonly upper: number;
}

/**
 * $\min_u\mathbb E\lVert u(x_t) - U\rVert^2 = \mathbb E\operatorname{tr}\operatorname{Cov}(U\mid x_t)$,
 * $U = \dot\alpha_t x_0 + \dot\sigma_t\varepsilon$, $x_0 \sim \sum_k w_k\mathcal N(\mu_k, \Sigma_k)$: the
 * value the conditional flow-matching loss at time t cannot go below, reached by the marginal
 * velocity. Given x and the component k, $\operatorname{Cov}(U\mid x, k) = (\dot\alpha\sigma - \dot\sigma\alpha)^2\,\Sigma_kC_k^{-1}$,
 * $C_k = \alpha^2\Sigma_k + \sigma^2 I$, so by the law of total covariance
 * $= (\dot\alpha\sigma - \dot\sigma\alpha)^2\sum_k w_k\operatorname{tr}(\Sigma_kC_k^{-1}) + \mathbb E\sum_k r_k(x_t)\lVert m_k(x_t) - u_t(x_t)\rVert^2$
 * with $m_k$ the components' velocities ({@link exactMixtureVelocity}). The first (within) part is
 * exact; the second (between) is a Monte Carlo mean over n draws $x_t \sim p_t$ with standard error
 * sd/√n (none for one component). Exact bounds: lower (within) ≤ floor ≤ upper (best affine
 * predictor, the data treated as Gaussian with its covariance); the estimate is clipped to them.
 * Draw order: as `sampleMixture(rng, p_t, n)`.
 * @param rng generator (advanced only when K > 1)
 * @param data the data law, a d-dimensional mixture
 * @param path the conditional path; $\dot\sigma_t$ must be finite at t
 * @param t time in [0, T]
 * @param options samples n ≥ 2 for the between part (default 10000)
 * @see Lipman et al. (2023), ICLR, Theorem 2 (the two losses differ by a constant); Ho, Jain & Abbeel (2020), NeurIPS (the same split for the ε loss, `epsLossFloor`)
 */
export function flowMatchingFloor(
  rng: Rng,
  data: GaussianMixture,
  path: ProbabilityPath,
  t: number,
  options: { samples?: number } = {},
): FlowMatchingFloor {
  const fn = "flowMatchingFloor";
  requireInterface(fn, "rng", rng, "an Rng from createRng", ["nextUint32", "uniform", "normal"]);
  requireMixture(fn, data, "data");
  requirePath(fn, path);
  const s = requireTime(fn, "t", t, path.T);
  const { samples = 10000 } = requireOptions(fn, options);
  const n = requireInteger(fn, "options.samples", samples, 2);
  const c = coefficientsAt(path, s);
  const sDot = path.stdRate(s);
  if (!Number.isFinite(sDot)) {
    throw new RangeError(`${fn}: t = ${s} gives an infinite σ̇_t: the floor is infinite there`);
  }
  const factor = (c.alphaRate * c.sigma - sDot * c.alpha) ** 2; // (α̇σ − σ̇α)²
  const kernel = new MixtureVelocityKernel(data, c, fn);
  const { dim: d, components: K, weights, covs } = data;
  const P = kernel.pushed.precisions;
  let lower = 0;
  for (let k = 0; k < K; k++) lower += weights[k] * traceProduct(covs, P, k * d * d, d);
  lower *= factor;
  const upper = factor * pooledTrace(data, c.alpha, c.sigma);
  if (K === 1) return Object.freeze({ value: lower, standardError: 0, lower, upper });
  const x = sampleMixture(rng, kernel.pushed, n); // (n, d)
  let sum = 0;
  let sumSq = 0;
  const u = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    kernel.point(x, r * d); // x is drawn from p_t: never too far
    u.fill(0);
    for (let k = 0; k < K; k++)
      for (let i = 0; i < d; i++) u[i] += kernel.r[k] * kernel.m[k * d + i];
    let b = 0;
    for (let k = 0; k < K; k++) {
      let dist = 0;
      for (let i = 0; i < d; i++) dist += (kernel.m[k * d + i] - u[i]) ** 2;
      b += kernel.r[k] * dist;
    }
    sum += b;
    sumSq += b * b;
  }
  const mean = sum / n;
  const se = Math.sqrt(Math.max(0, sumSq / n - mean * mean) / (n - 1));
  // the estimate projected onto the exact bracket: can only move it closer to the truth
  const value = Math.min(upper, Math.max(lower, lower + mean));
  return Object.freeze({ value, standardError: se, lower, upper });
}

/** tr(A_k B_k) for (d, d) blocks at offset o of two (K, d, d) arrays. */
function traceProduct(a: Float64Array, b: Float64Array, o: number, d: number): number {
  let acc = 0;
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) acc += a[o + i * d + j] * b[o + j * d + i];
  return acc;
}

/** tr(ΣC⁻¹), Σ the mixture's covariance, C = α²Σ + σ²I (positive definite: Σ is). */
function pooledTrace(data: GaussianMixture, alpha: number, sigma: number): number {
  const { dim: d, components: K, weights, means, covs } = data;
  const m = new Float64Array(d); // (d)
  for (let k = 0; k < K; k++) for (let i = 0; i < d; i++) m[i] += weights[k] * means[k * d + i];
  const cov = new Float64Array(d * d); // (d, d)
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        const outer = (means[k * d + i] - m[i]) * (means[k * d + j] - m[j]);
        cov[i * d + j] += weights[k] * (covs[k * d * d + i * d + j] + outer);
      }
    }
  }
  const c = cov.map((v, ij) => alpha * alpha * v + (ij % (d + 1) === 0 ? sigma * sigma : 0));
  const l = new Float64Array(d * d);
  cholesky(c, 0, d, l);
  const cInv = new Float64Array(d * d);
  inverseFromCholesky(l, d, cInv, 0);
  return traceProduct(cov, cInv, 0, d);
}
