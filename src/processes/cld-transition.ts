import { checkTransitionArgs, type TransitionDensityMethods } from "./transition-density";
import { expm2, mul2, sub2, transpose2 } from "./matrix2";

// hoisted: a global `Math` lookup per element is slow inside vm contexts (jest, tslab)
const { exp, log, PI } = Math;

/**
 * $\log p(s, u; t, u') = \sum_i \log\mathcal N\big((x'_i, v'_i);\ E\,(x_i, v_i),\ \Sigma_\infty - E\Sigma_\infty E^\top\big)$,
 * $E = e^{\beta(t-s)A}$: CLD is linear and time-homogeneous, each coordinate's (x, v) pair evolves
 * independently with the same 2×2 law. Accuracy: the x-block of the covariance is
 * $O((\beta(t-s))^3)$ and comes from a difference of O(1) terms, so its relative error is about
 * $10^{-16}/(\beta(t - s))^3$ (1e-10 at $\beta(t - s) = 0.01$). @internal
 * @param name the process's name, for errors
 * @param dim d, the data dimension (the state has 2d entries, [x (d), v (d)])
 * @param T horizon
 * @param beta β
 * @param A 2×2 row-major drift matrix (per coordinate, in units of β)
 * @param inf 2×2 row-major stationary covariance $\Sigma_\infty$
 * @see Särkkä & Solin (2019), Applied Stochastic Differential Equations, §6.1–6.2 (linear
 *   time-invariant SDEs: $\Sigma(\Delta t) = \Sigma_\infty - e^{F\Delta t}\Sigma_\infty e^{F^\top\Delta t}$);
 *   Dockhorn, Vahdat & Kreis (2022), ICLR, Appendix B.1
 */
export function cldTransitionDensity(
  name: string,
  dim: number,
  T: number,
  beta: number,
  A: number[],
  inf: number[],
): TransitionDensityMethods {
  const D = 2 * dim;
  const logDensity = (
    fn: string,
    s: number,
    u: Float64Array,
    t: number,
    y: Float64Array,
  ): Float64Array => {
    const n = checkTransitionArgs(fn, s, u, t, y, D, T);
    const E = expm2(A, beta * (t - s));
    const S = sub2(inf, mul2(mul2(E, inf), transpose2(E))); // 2×2 row-major
    const det = S[0] * S[3] - S[1] * S[2];
    const c = -dim * log(2 * PI) - 0.5 * dim * log(det);
    const out = new Float64Array(n); // (n)
    for (let r = 0; r < n; r++) {
      let q = 0;
      for (let i = 0; i < dim; i++) {
        const [x, v] = [u[i], u[dim + i]];
        const dx = y[r * D + i] - (E[0] * x + E[1] * v);
        const dv = y[r * D + dim + i] - (E[2] * x + E[3] * v);
        // (dx, dv) S⁻¹ (dx, dv)ᵀ with S⁻¹ = [S3, −S1; −S2, S0] / det
        q += (S[3] * dx * dx - (S[1] + S[2]) * dx * dv + S[0] * dv * dv) / det;
      }
      out[r] = c - 0.5 * q;
    }
    return out;
  };
  return {
    logTransitionDensity: (s, u, t, y) => logDensity(`${name}.logTransitionDensity`, s, u, t, y),
    transitionDensity: (s, u, t, y) => logDensity(`${name}.transitionDensity`, s, u, t, y).map(exp),
  };
}
