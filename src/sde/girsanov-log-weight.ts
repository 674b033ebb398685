import type { Sde } from "./sde";
import { checkPathPair, forEachDriftGap, type Trajectory } from "./path-pair";

/**
 * $\log\dfrac{dP}{dQ} = \sum_k \dfrac{b_P - b_Q}{g^2}\,\Delta X_k - \tfrac12\sum_k\dfrac{b_P^2 - b_Q^2}{g^2}\,h_k$
 * (componentwise, summed over i; coefficients at $(t_k, X_{t_k})$, left point, Itô): Girsanov's
 * log-likelihood ratio of the path laws of $dX = b_P\,dt + g\,dW$ and $dX = b_Q\,dt + g\,dW$ (same
 * diffusion), evaluated on a saved path. On the grid it is exactly the log-ratio of the
 * Euler–Maruyama transition densities $\prod_k \mathcal N(X_{k+1}; X_k + b\,h_k, g^2h_k)$, so for
 * paths drawn from Q's Euler chain $\mathbb E_Q[e^{\log w}] = 1$ with no discretisation bias.
 * Throws a RangeError naming the time where $g_P \ne g_Q$ (the laws are then mutually singular)
 * or $g = 0$.
 * @param p the SDE of P (diagonal noise, dimension d)
 * @param q the SDE of Q, same dimension and diffusion
 * @param trajectory times (S), increasing, and states (S, n, d) time-major (`integrate` with
 *   saveEvery 1)
 * @returns (n) the log-weight of each path
 * @see Øksendal (2003), Stochastic Differential Equations, 6th ed., Thm 8.6.6 (Girsanov II);
 *   Särkkä & Solin (2019), Applied SDEs, eq. (7.9)
 */
export function girsanovLogWeight(p: Sde, q: Sde, trajectory: Trajectory): Float64Array {
  const fn = "girsanovLogWeight";
  const { n, S } = checkPathPair(fn, p, q, trajectory);
  const d = p.dim;
  const nd = n * d;
  const { states } = trajectory;
  const out = new Float64Array(n);
  forEachDriftGap(fn, p, q, trajectory, n, S, (k, h, bp, bq, g) => {
    const o = k * nd;
    for (let i = 0; i < nd; i++) {
      const dx = states[o + nd + i] - states[o + i];
      // (b_P − b_Q)/g² · (ΔX − ½(b_P + b_Q)h) = the two terms of the sum at once
      out[Math.floor(i / d)] +=
        ((bp[i] - bq[i]) * (dx - 0.5 * (bp[i] + bq[i]) * h)) / (g[i] * g[i]);
    }
  });
  return out;
}
