import type { LinearProcess } from "../processes";
import type { GaussianMixture } from "../mixture";
import { MixtureKernels } from "../mixture";
import { requireLinearProcess, pushForward } from "../mixture";
import type { ScoreFunction } from "./score-function";
import { requireTime } from "../base";

/** The exact score of a mixture pushed through a linear process, with its log-density. */
export interface MixtureScore extends ScoreFunction {
  readonly data: GaussianMixture;
  readonly process: LinearProcess;
  /** $\partial_{ii}\log p_t(x)$. @param x (n, d) row-major @param out (n, d) @param n rows */
  hessianDiagonal(t: number, x: Float64Array, out: Float64Array, n: number): void;
  /** $\log p_t(x)$. @param x (n, d) row-major @param out (n) @param n rows */
  logDensity(t: number, x: Float64Array, out: Float64Array, n: number): void;
  /** $p_t$ as a mixture (validated t in [0, T]) */
  marginal(t: number): GaussianMixture;
}

/**
 * $\nabla_x\log p_t(x)$ exactly, for $p_0$ = data a Gaussian mixture and $X_t = \mathrm{scale}(t)X_0
 * + \mathrm{std}(t)\varepsilon$: $p_t = \sum_k w_k\mathcal N(\mathrm{scale}\,\mu_k,\ \mathrm{scale}^2\Sigma_k + \mathrm{std}^2 I)$.
 * The push-forward is rebuilt when t changes (two times are cached: a two-stage solver
 * alternates between $t_k$ and $t_{k+1}$); the per-state work is log-sum-exp stable.
 * No learned model: the exact "ideal denoiser" of smalldiffusion, so a sampler's error is only
 * its own (discretisation, prior mismatch).
 * Every method takes t in [0, T] (up to a rounding of 1e-12·T), n ≥ 1 rows, x with at least n·d
 * finite values (the first n rows are read) and out with at least n·d (logDensity: n) values;
 * errors name the method (`exactMixtureScore.score: …`).
 * @param data the law of $X_0$ (d-dimensional)
 * @param process a linear forward process (OU, VP, VE, sub-VP) of dimension d
 * @see Song et al. (2021), ICLR, §3.3 (affine drift: Gaussian transition kernels); Karras et al. (2022), NeurIPS, §2 (the ideal denoiser)
 */
export function exactMixtureScore(data: GaussianMixture, process: LinearProcess): MixtureScore {
  const fn = "exactMixtureScore";
  requireLinearProcess(fn, process, data, "data");
  const T = process.T;
  // a solver's t + h may leave [0, T] by a rounding: accepted within TIME_SLACK·T, clamped in
  const time = (method: string, t: number): number =>
    requireTime(method, "t", t, T, { slack: true });
  const cache: { t: number; kernels: MixtureKernels }[] = [];
  const at = (t: number): MixtureKernels => {
    for (const c of cache) if (c.t === t) return c.kernels;
    const kernels = new MixtureKernels(pushForward(data, process.scale(t), process.std(t)), fn);
    if (cache.length === 2) cache.shift();
    cache.push({ t, kernels });
    return kernels;
  };
  return Object.freeze({
    dim: data.dim,
    data,
    process,
    score(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const method = `${fn}.score`;
      at(time(method, t)).score(x, out, n, method);
    },
    hessianDiagonal(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const method = `${fn}.hessianDiagonal`;
      at(time(method, t)).hessianDiagonal(x, out, n, method);
    },
    logDensity(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const method = `${fn}.logDensity`;
      at(time(method, t)).logDensity(x, out, n, method);
    },
    marginal(t: number): GaussianMixture {
      return pushForward(
        data,
        process.scale(time(`${fn}.marginal`, t)),
        process.std(time(`${fn}.marginal`, t)),
      );
    },
  });
}
