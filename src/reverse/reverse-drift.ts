import type { ScoreFunction } from "../score";
import type { Sde } from "../sde";
import { Scratch } from "./checks";

/**
 * $b(t, x) = f - \lambda\,\nabla\cdot(gg^\top) - \lambda\,gg^\top\nabla\log p_t$ for n states:
 * $\lambda = 1$ is the reverse-time SDE, $\lambda = \tfrac12$ the probability-flow ODE.
 * Additive noise: $\nabla\cdot(gg^\top) = 0$, and $gg^\top$ is diagonal ($g_i^2$) or a full
 * (d, d) product. Diagonal multiplicative noise: $(gg^\top)_{ii} = g_i^2$ and
 * $\nabla\cdot(gg^\top)_i = \partial_i g_i^2 = 2g_i\,\partial_i g_i$ from `sde.diffusionDerivative`.
 * `divergence: false` drops that term (wrong unless g is additive; shown in lecture 04). @internal
 */
export function reverseDrift(
  sde: Sde,
  score: ScoreFunction,
  lambda: number,
  divergence: boolean,
): (t: number, x: Float64Array, out: Float64Array, n: number) => void {
  const d = sde.dim;
  const m = sde.noiseDim;
  const diagonal = sde.noise === "diagonal";
  const scratch = new Scratch(3);
  return (t, x, out, n) => {
    const [s, g, dg] = scratch.get(n * Math.max(d * (diagonal ? 1 : m), d));
    sde.drift(t, x, out, n);
    score.score(t, x, s, n); // (n, d)
    if (sde.additive) {
      sde.diffusion(t, x, g, 1); // (1, d) or (1, d, m): shared by every state
      for (let r = 0; r < n; r++) {
        const o = r * d;
        for (let i = 0; i < d; i++) {
          let acc = 0;
          if (diagonal) acc = g[i] * g[i] * s[o + i];
          else {
            for (let j = 0; j < d; j++) {
              let a = 0; // (ggᵀ)_ij
              for (let k = 0; k < m; k++) a += g[i * m + k] * g[j * m + k];
              acc += a * s[o + j];
            }
          }
          out[o + i] -= lambda * acc;
        }
      }
      return;
    }
    sde.diffusion(t, x, g, n); // (n, d) diagonal
    const nd = n * d;
    if (divergence) {
      (sde.diffusionDerivative as NonNullable<Sde["diffusionDerivative"]>)(t, x, dg, n);
      for (let i = 0; i < nd; i++) out[i] -= lambda * (2 * g[i] * dg[i] + g[i] * g[i] * s[i]);
    } else {
      for (let i = 0; i < nd; i++) out[i] -= lambda * g[i] * g[i] * s[i];
    }
  };
}
