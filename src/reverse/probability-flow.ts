import type { ScoreFunction } from "../score";
import type { Sde } from "../sde";
import { reverseDrift } from "./reverse-drift";
import { checkOptions } from "./reverse-sde";
import { requireBatchAt } from "../base";

/**
 * $\dfrac{dx}{dt} = f - \tfrac12\nabla\cdot(gg^\top) - \tfrac12 gg^\top\nabla_x\log p_t(x)$: the
 * probability-flow ODE, whose solutions have the same marginals $p_t$ as the forward SDE.
 * Returned as an Sde with zero diffusion (additive, diagonal, m = d), so every solver integrates
 * it, in either direction; drive it with `zeroNoise` (with g = 0, `stochasticHeun` is Heun's
 * method and `sra1` Ralston's, both of order 2; `eulerMaruyama` is Euler's, order 1).
 * @param sde the forward SDE (Itô): additive, or diagonal multiplicative with `diffusionDerivative`
 * @param score $\nabla_x\log p_t$, dimension d
 * @param options divergence (default true): false drops $\tfrac12\nabla\cdot(gg^\top)$
 * @see Song et al. (2021), ICLR, eq. (13) and (17); Maoutsa, Reich & Opper (2020), Entropy 22(8)
 */
export function probabilityFlow(
  sde: Sde,
  score: ScoreFunction,
  options: { divergence?: boolean } = {},
): Sde {
  const fn = "probabilityFlow";
  const divergence = checkOptions(fn, sde, score, options);
  const d = sde.dim;
  const drift = reverseDrift(sde, score, 0.5, divergence);
  return Object.freeze({
    dim: d,
    noiseDim: d,
    noise: "diagonal",
    additive: true,
    calculus: "ito",
    drift(t: number, x: Float64Array, out: Float64Array, n: number): void {
      requireBatchAt(`${fn}.drift`, t, x, out, n, d, { finite: false });
      drift(t, x, out, n);
    },
    diffusion(t: number, x: Float64Array, out: Float64Array, n: number): void {
      requireBatchAt(`${fn}.diffusion`, t, x, out, n, d, { finite: false });
      out.fill(0, 0, n * d);
    },
  } as const);
}
