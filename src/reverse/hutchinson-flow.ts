import { requireBatchAt, requirePoints } from "../base";
import type { ScoreFunction } from "../score";
import type { Sde } from "../sde";
import { Scratch } from "./checks";
import { probabilityFlow } from "./probability-flow";
import { checkOptions } from "./reverse-sde";

/**
 * $\dfrac{d}{dt}(x, \ell) = \big(F(t, x),\ \varepsilon^\top \partial_x F(t, x)\,\varepsilon\big)$, F
 * the probability-flow drift and $\varepsilon$ a fixed probe per state: the likelihood flow with
 * Hutchinson's trace estimator, $\mathbb E[\varepsilon^\top J\varepsilon] = \operatorname{tr}J$ for
 * $\mathbb E\varepsilon\varepsilon^\top = I$, so $\ell$ (and the log-density it gives) is unbiased;
 * for Gaussian probes $\operatorname{Var}\,\varepsilon^\top J\varepsilon = 2\|\tfrac12(J + J^\top)\|_F^2$,
 * for Rademacher probes $2\sum_{i\ne j}(\tfrac12(J + J^\top))_{ij}^2$. The Jacobian–vector product is a
 * central difference along $\varepsilon$, step $\delta = 10^{-4}(1 + \|x\|_\infty)/\|\varepsilon\|_\infty$
 * (error $O(\delta^2)$, about 1e-8 relative). Needs no Hessian of the score (a trained network
 * works); state (n, d + 1) row-major, n fixed by the probes.
 * @param sde the forward SDE (as for `probabilityFlow`)
 * @param score $\nabla_x\log p_t$, dimension d
 * @param probes (n, d) row-major $\varepsilon$, one row per state, held fixed along the solution
 * @see Hutchinson (1990), Commun. Stat. Simul. Comput. 19(2), Prop. 1; Grathwohl et al. (2019),
 *   FFJORD, ICLR, eq. (7); Song et al. (2021), ICLR, Appendix D.2
 */
export function hutchinsonFlow(sde: Sde, score: ScoreFunction, probes: Float64Array): Sde {
  const fn = "hutchinsonFlow";
  checkOptions(fn, sde, score, {});
  const flow = probabilityFlow(sde, score);
  const d = sde.dim;
  const rows = requirePoints(fn, "probes", probes, d, { finite: true });
  const eps = Float64Array.from(probes); // (rows, d)
  const D = d + 1;
  const scratch = new Scratch(4); // x, F, xp, Fp: (n, d) each
  const scratchN = new Scratch(2); // step, acc: (n)
  return Object.freeze({
    dim: D,
    noiseDim: D,
    noise: "diagonal",
    additive: true,
    calculus: "ito",
    drift(t: number, z: Float64Array, out: Float64Array, n: number): void {
      requireBatchAt(`${fn}.drift`, t, z, out, n, D, { finite: false });
      if (n !== rows) {
        throw new RangeError(`${fn}.drift: n must equal the probes' rows = ${rows}, got ${n}`);
      }
      const [x, F, xp, Fp] = scratch.get(n * d);
      for (let r = 0; r < n; r++) for (let i = 0; i < d; i++) x[r * d + i] = z[r * D + i];
      flow.drift(t, x, F, n);
      const [step, acc] = scratchN.get(n);
      acc.fill(0, 0, n);
      for (let r = 0; r < n; r++) {
        let xMax = 0;
        let eMax = 0;
        for (let i = 0; i < d; i++) {
          xMax = Math.max(xMax, Math.abs(x[r * d + i]));
          eMax = Math.max(eMax, Math.abs(eps[r * d + i]));
        }
        step[r] = eMax > 0 ? (1e-4 * (1 + xMax)) / eMax : 0;
      }
      for (const sign of [1, -1]) {
        for (let r = 0; r < n; r++) {
          for (let i = 0; i < d; i++)
            xp[r * d + i] = x[r * d + i] + sign * step[r] * eps[r * d + i];
        }
        flow.drift(t, xp, Fp, n);
        for (let r = 0; r < n; r++) {
          let dot = 0;
          for (let i = 0; i < d; i++) dot += eps[r * d + i] * Fp[r * d + i];
          acc[r] += sign * dot;
        }
      }
      for (let r = 0; r < n; r++) {
        for (let i = 0; i < d; i++) out[r * D + i] = F[r * d + i];
        out[r * D + d] = step[r] > 0 ? acc[r] / (2 * step[r]) : 0;
      }
    },
    diffusion(t: number, z: Float64Array, out: Float64Array, n: number): void {
      requireBatchAt(`${fn}.diffusion`, t, z, out, n, D, { finite: false });
      out.fill(0, 0, n * D);
    },
  } as const);
}
