import { describeValue, requireBatchAt, requireOptions } from "../base";
import type { ScoreFunction } from "../score";
import type { Sde } from "../sde";
import { checkSdeAndScore, Scratch } from "./checks";
import { probabilityFlow } from "./probability-flow";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { abs } = Math;

/** $\nabla\cdot f$ for n states. @param x (n, d) @param out (n) */
export type DriftDivergence = (t: number, x: Float64Array, out: Float64Array, n: number) => void;

/**
 * $\dfrac{d}{dt}(x, \ell) = \big(F(t, x),\ \nabla\cdot F(t, x)\big)$, F the probability-flow drift,
 * $\nabla\cdot F = \nabla\cdot f - \tfrac12\sum_i g_i^2\,\partial_i s_i$: the flow augmented with
 * its divergence, state (n, d + 1) row-major. Along a solution
 * $\tfrac{d}{dt}\log p_t(x_t) = -\nabla\cdot F(t, x_t)$ (instantaneous change of variables), so
 * $\log p_{t_0}(x_{t_0}) = \log p_{t_1}(x_{t_1}) + \ell_{t_1} - \ell_{t_0}$.
 * Additive diagonal noise only; the score must provide `hessianDiagonal`. $\nabla\cdot f$ comes
 * from `options.driftDivergence` or else by central differences with step $10^{-4}(1 + |x_i|)$
 * (exact up to rounding, about 1e-12 relative, for the linear drifts of OU, VP, VE, sub-VP).
 * @param sde the forward SDE: additive, diagonal noise
 * @param score $\nabla_x\log p_t$ with hessianDiagonal, dimension d
 * @param options driftDivergence: exact $\nabla\cdot f$
 * @see Chen et al. (2018), Neural ODEs, NeurIPS, Thm. 1; Song et al. (2021), ICLR, Appendix D.2
 */
export function likelihoodFlow(
  sde: Sde,
  score: ScoreFunction,
  options: { driftDivergence?: DriftDivergence } = {},
): Sde {
  const fn = "likelihoodFlow";
  const given = checkLikelihoodArgs(fn, sde, score, options);
  const hd = score.hessianDiagonal as NonNullable<ScoreFunction["hessianDiagonal"]>;
  const d = sde.dim;
  const D = d + 1;
  const flow = probabilityFlow(sde, score);
  const scratchNd = new Scratch(5); // x, F, H, xp, fp: (n, d) each
  const scratchN = new Scratch(1); // div: (n)
  const g = new Float64Array(d); // (1, d) g(t), shared by every state
  return Object.freeze({
    dim: D,
    noiseDim: D,
    noise: "diagonal",
    additive: true,
    calculus: "ito",
    drift(t: number, z: Float64Array, out: Float64Array, n: number): void {
      requireBatchAt(`${fn}.drift`, t, z, out, n, D, { finite: false });
      const [x, F, H, xp, fp] = scratchNd.get(n * d);
      const [div] = scratchN.get(n);
      for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) x[r * d + i] = z[r * D + i];
      flow.drift(t, x, F, n);
      hd.call(score, t, x, H, n);
      sde.diffusion(t, x, g, 1);
      if (given) given(t, x, div, n);
      else centralDivergence(sde, t, x, xp, fp, div, n, d);
      for (let r = 0; r < n; r++) {
        let acc = div[r];
        for (let i = 0; i < d; i++) {
          out[r * D + i] = F[r * d + i];
          acc -= 0.5 * g[i] * g[i] * H[r * d + i];
        }
        out[r * D + d] = acc;
      }
    },
    diffusion(t: number, z: Float64Array, out: Float64Array, n: number): void {
      requireBatchAt(`${fn}.diffusion`, t, z, out, n, D, { finite: false });
      out.fill(0, 0, n * D);
    },
  } as const);
}

/**
 * Throws unless sde has additive diagonal noise, score has hessianDiagonal (when `hessian`) and
 * options.driftDivergence is absent or a function; returns it. @internal
 */
export function checkLikelihoodArgs(
  fn: string,
  sde: Sde,
  score: ScoreFunction,
  options: { driftDivergence?: DriftDivergence } | undefined,
  hessian = true,
): DriftDivergence | undefined {
  checkSdeAndScore(fn, sde, score);
  if (!sde.additive || sde.noise !== "diagonal") {
    throw new TypeError(
      `${fn}: sde must have additive diagonal noise, got ${sde.additive ? "additive" : "multiplicative"} ${sde.noise} noise`,
    );
  }
  if (hessian && typeof score.hessianDiagonal !== "function") {
    throw new TypeError(`${fn}: score must provide hessianDiagonal`);
  }
  const given = requireOptions(fn, options).driftDivergence;
  if (given !== undefined && typeof given !== "function") {
    throw new TypeError(
      `${fn}: options.driftDivergence must be a function, got ${describeValue(given)}`,
    );
  }
  return given;
}

/**
 * $\sum_i [f_i(x + \delta_i e_i) - f_i(x - \delta_i e_i)]/(2\delta_i)$, $\delta_i = 10^{-4}(1 + |x_i|)$,
 * into div (n); xp, fp (n, d) scratch. The denominator is the difference of the two perturbed
 * points as stored, so the rounding of $x \pm \delta$ does not enter.
 */
function centralDivergence(
  sde: Sde,
  t: number,
  x: Float64Array,
  xp: Float64Array,
  fp: Float64Array,
  div: Float64Array,
  n: number,
  d: number,
): void {
  div.fill(0, 0, n);
  for (let i = 0; i < d; i++) {
    for (const sign of [1, -1]) {
      for (let j = 0; j < n * d; j++) xp[j] = x[j];
      for (let r = 0; r < n; r++) xp[r * d + i] += sign * 1e-4 * (1 + abs(x[r * d + i]));
      sde.drift(t, xp, fp, n);
      for (let r = 0; r < n; r++) {
        const xi = x[r * d + i];
        const step = xi + 1e-4 * (1 + abs(xi)) - (xi - 1e-4 * (1 + abs(xi)));
        div[r] += (sign * fp[r * d + i]) / step;
      }
    }
  }
}
