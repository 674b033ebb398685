import type { Sde } from "./sde";
import { checkPathPair, forEachDriftGap, type Trajectory } from "./path-pair";

/**
 * $\tfrac12\sum_k \sum_i \dfrac{(b_P - b_Q)_i^2}{g_i^2}(t_k, X_{t_k})\,h_k$ per path: the integrand of
 * $\mathrm{KL}(P\,\|\,Q) = \tfrac12\,\mathbb E_P\!\int_0^T \|b_P - b_Q\|^2/g^2\,dt$ between the path laws
 * of two SDEs with the same diffusion (the $dW$ part of $\log dP/dQ$ has mean zero under P). Its
 * mean over paths drawn from P estimates the KL divergence (left-point sums; for P's Euler chain,
 * exactly the KL of the two Euler chains). Throws a RangeError naming the time where $g_P \ne g_Q$
 * or $g = 0$.
 * @param p the SDE of P (diagonal noise, dimension d); the paths should be drawn from P
 * @param q the SDE of Q, same dimension and diffusion
 * @param trajectory times (S), increasing, and states (S, n, d) time-major
 * @returns (n) each path's $\tfrac12\int\|b_P - b_Q\|^2/g^2\,dt$
 * @see Øksendal (2003), Thm 8.6.6 (Girsanov II); Song, Durkan, Murray & Ermon (2021), NeurIPS,
 *   "Maximum likelihood training of score-based diffusion models", Thm 1 and eq. (9)
 */
export function pathKl(p: Sde, q: Sde, trajectory: Trajectory): Float64Array {
  const fn = "pathKl";
  const { n, S } = checkPathPair(fn, p, q, trajectory);
  const d = p.dim;
  const out = new Float64Array(n);
  forEachDriftGap(fn, p, q, trajectory, n, S, (_k, h, bp, bq, g) => {
    for (let i = 0; i < n * d; i++) {
      const u = (bp[i] - bq[i]) / g[i];
      out[Math.floor(i / d)] += 0.5 * u * u * h;
    }
  });
  return out;
}
