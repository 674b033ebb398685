import { requireBatchAt, requireBoolean, requireOption, requireOptions } from "../base";
import type { ScoreFunction } from "../score";
import type { Sde } from "../sde";
import { checkSdeAndScore } from "./checks";
import { reverseDrift } from "./reverse-drift";

/**
 * $dX = [f - \nabla\cdot(gg^\top) - gg^\top\nabla_x\log p_t(X)]\,dt + g\,d\bar W$, to integrate
 * on a grid running from T down to 0 (`uniformGrid(T, 0, K)`): no reparametrisation, no sign flip.
 * Why: on a backward grid the steps $h_k < 0$ and $\operatorname{Var}\Delta\bar W_k = |h_k|$, so
 * Euler–Maruyama reads $X_{k+1} = X_k + b(t_k, X_k)h_k + g(t_k, X_k)\Delta\bar W_k$. With
 * $s = T - t$, $Y_s = X_{T-s}$ and $\delta = -h_k > 0$ this is $Y + (-b)\delta + g\Delta B$, the
 * Itô–Euler step of $dY = [-f + \nabla\cdot(gg^\top) + gg^\top\nabla\log p_{T-s}]\,ds + g\,dB$, which is
 * Anderson's reverse process; g is evaluated at $t_k$, the left end in s, so multiplicative
 * noise is read in Itô form in reversed time, as the theorem requires (Milstein too: it uses |h|).
 * Noise: additive (diagonal or general), or diagonal multiplicative with `diffusionDerivative`.
 * @param sde the forward SDE (Itô), d-dimensional
 * @param score $\nabla_x\log p_t$ of the forward marginals, dimension d
 * @param options divergence (default true): false drops $\nabla\cdot(gg^\top)$, which is wrong for
 *   state-dependent g (a demonstration, not a method)
 * @see Anderson (1982), Stoch. Proc. Appl. 12(3), 313–326; Song et al. (2021), ICLR, eq. (6), (16);
 *   Haussmann & Pardoux (1986), Ann. Probab. 14(4), Thm. 2.1
 */
export function reverseSde(
  sde: Sde,
  score: ScoreFunction,
  options: { divergence?: boolean } = {},
): Sde {
  const fn = "reverseSde";
  const divergence = checkOptions(fn, sde, score, options);
  const drift = reverseDrift(sde, score, 1, divergence);
  const d = sde.dim;
  const width = sde.noise === "diagonal" ? d : d * sde.noiseDim; // a row of g
  const out: Sde = {
    dim: d,
    noiseDim: sde.noiseDim,
    noise: sde.noise,
    additive: sde.additive,
    calculus: "ito",
    drift(t, x, o, n) {
      requireBatchAt(`${fn}.drift`, t, x, o, n, d, { finite: false });
      drift(t, x, o, n);
    },
    diffusion(t, x, o, n) {
      requireBatchAt(`${fn}.diffusion`, t, x, o, n, d, { outWidth: width, finite: false });
      sde.diffusion(t, x, o, n);
    },
  };
  if (sde.diffusionDerivative) {
    const dg = sde.diffusionDerivative;
    return Object.freeze({
      ...out,
      diffusionDerivative(t: number, x: Float64Array, o: Float64Array, n: number): void {
        requireBatchAt(`${fn}.diffusionDerivative`, t, x, o, n, d, { finite: false });
        dg.call(sde, t, x, o, n);
      },
    });
  }
  return Object.freeze(out);
}

/** Validates and returns options.divergence (default true). @internal */
export function checkOptions(
  fn: string,
  sde: Sde,
  score: ScoreFunction,
  options: { divergence?: boolean },
): boolean {
  checkSdeAndScore(fn, sde, score);
  const o = requireOptions(fn, options);
  const divergence = requireOption(fn, o, "options.divergence", true, requireBoolean);
  if (!sde.additive && divergence && typeof sde.diffusionDerivative !== "function") {
    throw new TypeError(
      `${fn}: state-dependent noise needs sde.diffusionDerivative for the term ∇·(ggᵀ)`,
    );
  }
  return divergence;
}
