import { requirePositive } from "../base";
import type { Sde } from "../sde";
import { cldTransitionDensity } from "./cld-transition";
import { add2, expm2, mul2, sub2, transpose2 } from "./matrix2";
import type { MarginalMoments, Process } from "./process";
import { checkMarginal, readOptions } from "./validate";

/** CLD also exposes its moments given data only, with $v_0 \sim N(0, \gamma M I)$. */
export interface CldProcess extends Process {
  readonly mass: number;
  readonly gamma: number;
  readonly beta: number;
  readonly initVelocityVariance: number;
  /**
   * moments of $(x_t, v_t)$ given $x_0$: @param t time in [0, T] @param x0 (d) data
   * @returns mean (2d), cov (2d, 2d)
   */
  marginalFromData(t: number, x0: Float64Array): MarginalMoments;
}

/**
 * Critically-damped Langevin, state $u = (x, v)$ stored per row as [x (d), v (d)]:
 * $dx = \beta M^{-1} v\,dt$, $dv = -\beta(x + \Gamma M^{-1} v)\,dt + \sqrt{2\Gamma\beta}\,dW$.
 * Per coordinate, $du = \beta A u\,dt + \dots$ with $A = \begin{pmatrix}0 & 1/M\\ -1 & -\Gamma/M\end{pmatrix}$,
 * so mean $= e^{\beta t A}u_0$ and $\Sigma_t = \Sigma_\infty + e^{\beta tA}(\Sigma_0 - \Sigma_\infty)e^{\beta tA^\top}$,
 * $\Sigma_\infty = \mathrm{diag}(1, M)$ (the prior); the transition from s to t is the marginal
 * at $t - s$ from a known $u_s$ ($\Sigma_0 = 0$). Critical damping: $\Gamma^2 = 4M$.
 * @param options mass M (default 0.25), gamma Γ (default 2√M = 1), beta (default 4),
 *   initVelocityVariance (default γM with γ = 0.04), T (default 1), dim d of the data (default 1)
 * @see Dockhorn, Vahdat & Kreis (2022), Score-Based Generative Modeling with Critically-Damped
 *   Langevin Diffusion, ICLR, eq. (5) and Appendix B.1 (their closed form expands this one)
 */
export function criticallyDampedLangevin(
  options: {
    mass?: number;
    gamma?: number;
    beta?: number;
    initVelocityVariance?: number;
    T?: number;
    dim?: number;
  } = {},
): CldProcess {
  const fn = "criticallyDampedLangevin";
  const opts = readOptions(fn, options);
  const { mass = 0.25, beta = 4, T, dim } = opts;
  requirePositive(fn, "mass", mass);
  const { gamma = 2 * Math.sqrt(mass), initVelocityVariance = 0.04 * mass } = opts;
  requirePositive(fn, "gamma", gamma);
  requirePositive(fn, "beta", beta);
  requirePositive(fn, "initVelocityVariance", initVelocityVariance);
  const D = 2 * dim;
  const noise = Math.sqrt(2 * gamma * beta);
  const sde: Sde = Object.freeze({
    dim: D,
    noiseDim: D,
    noise: "diagonal",
    additive: true,
    drift(_t: number, u: Float64Array, out: Float64Array, n: number) {
      for (let r = 0; r < n; r++) {
        const o = r * D;
        for (let i = 0; i < dim; i++) {
          const x = u[o + i];
          const v = u[o + dim + i];
          out[o + i] = (beta / mass) * v;
          out[o + dim + i] = -beta * (x + (gamma / mass) * v);
        }
      }
    },
    diffusion(_t: number, _u: Float64Array, out: Float64Array, n: number) {
      for (let r = 0; r < n; r++) {
        out.fill(0, r * D, r * D + dim);
        out.fill(noise, r * D + dim, (r + 1) * D);
      }
    },
  } as const);
  const A = [0, 1 / mass, -1, -gamma / mass]; // 2×2 row-major
  const inf = [1, 0, 0, mass]; // Σ∞, 2×2 row-major
  const moments = (
    t: number,
    x0: Float64Array,
    v0: Float64Array | null,
    s0: number[],
  ): MarginalMoments => {
    const E = expm2(A, beta * t);
    const S = add2(inf, mul2(mul2(E, sub2(s0, inf)), transpose2(E)));
    const mean = new Float64Array(D);
    const cov = new Float64Array(D * D); // (2d, 2d) row-major, blocks [xx xv; vx vv]
    for (let i = 0; i < dim; i++) {
      const v = v0 === null ? 0 : v0[i];
      mean[i] = E[0] * x0[i] + E[1] * v;
      mean[dim + i] = E[2] * x0[i] + E[3] * v;
      cov[i * D + i] = S[0];
      cov[i * D + dim + i] = S[1];
      cov[(dim + i) * D + i] = S[2];
      cov[(dim + i) * D + dim + i] = S[3];
    }
    return { mean, cov };
  };
  const zero = new Float64Array(D);
  return Object.freeze({
    name: fn,
    dim: D,
    T,
    sde,
    mass,
    gamma,
    beta,
    initVelocityVariance,
    marginal(t: number, u0: Float64Array) {
      checkMarginal(`${fn}.marginal`, t, u0, D, T);
      return moments(t, u0.subarray(0, dim), u0.subarray(dim), [0, 0, 0, 0]);
    },
    marginalFromData(t: number, x0: Float64Array) {
      checkMarginal(`${fn}.marginalFromData`, t, x0, dim, T);
      return moments(t, x0, null, [0, 0, 0, initVelocityVariance]);
    },
    ...cldTransitionDensity(fn, dim, T, beta, A, inf),
    prior: moments(Infinity, zero.subarray(0, dim), null, inf),
  });
}
