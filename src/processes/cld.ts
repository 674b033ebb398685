import type { Sde } from "../sde";
import { checkDim, checkMarginalArgs, checkPositive } from "./helpers";
import type { MarginalMoments, Process } from "./process";

/** CLD also exposes its moments given data only, with $v_0 \sim N(0, \gamma M I)$. */
export interface CldProcess extends Process {
  readonly mass: number;
  readonly gamma: number;
  readonly beta: number;
  readonly initVelocityVariance: number;
  /** moments of $(x_t, v_t)$ given $x_0$: @param x0 (d) data @returns mean (2d), cov (2d, 2d) */
  marginalFromData(t: number, x0: Float64Array): MarginalMoments;
}

/**
 * Critically-damped Langevin, state $u = (x, v)$ stored per row as [x (d), v (d)]:
 * $dx = \beta M^{-1} v\,dt$, $dv = -\beta(x + \Gamma M^{-1} v)\,dt + \sqrt{2\Gamma\beta}\,dW$.
 * Per coordinate, $du = \beta A u\,dt + \dots$ with $A = \begin{pmatrix}0 & 1/M\\ -1 & -\Gamma/M\end{pmatrix}$,
 * so mean $= e^{\beta t A}u_0$ and $\Sigma_t = \Sigma_\infty + e^{\beta tA}(\Sigma_0 - \Sigma_\infty)e^{\beta tA^\top}$,
 * $\Sigma_\infty = \mathrm{diag}(1, M)$ (the prior). Critical damping: $\Gamma^2 = 4M$.
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
  const { mass = 0.25, beta = 4, T = 1, dim = 1 } = options;
  checkPositive("criticallyDampedLangevin", "mass", mass);
  const gamma = options.gamma ?? 2 * Math.sqrt(mass);
  checkPositive("criticallyDampedLangevin", "gamma", gamma);
  checkPositive("criticallyDampedLangevin", "beta", beta);
  checkPositive("criticallyDampedLangevin", "T", T);
  checkDim("criticallyDampedLangevin", dim);
  const initVelocityVariance = options.initVelocityVariance ?? 0.04 * mass;
  checkPositive("criticallyDampedLangevin", "initVelocityVariance", initVelocityVariance);
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
    const S = add2(inf, mul2(mul2(E, sub2(s0, inf)), [E[0], E[2], E[1], E[3]]));
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
    name: "criticallyDampedLangevin",
    dim: D,
    T,
    sde,
    mass,
    gamma,
    beta,
    initVelocityVariance,
    marginal(t: number, u0: Float64Array) {
      checkMarginalArgs("criticallyDampedLangevin.marginal", t, u0, D);
      return moments(t, u0.subarray(0, dim), u0.subarray(dim), [0, 0, 0, 0]);
    },
    marginalFromData(t: number, x0: Float64Array) {
      checkMarginalArgs("criticallyDampedLangevin.marginalFromData", t, x0, dim);
      return moments(t, x0, null, [0, 0, 0, initVelocityVariance]);
    },
    prior: moments(Infinity, zero.subarray(0, dim), null, inf),
  });
}

/** $e^{\tau A}$ for a 2×2 A via Cayley–Hamilton: $e^{s\tau}[c\,I + \sigma (A - sI)]$. */
function expm2(A: number[], tau: number): number[] {
  if (tau === Infinity) return [0, 0, 0, 0]; // A is Hurwitz (trace < 0, det > 0)
  const s = 0.5 * (A[0] + A[3]);
  const q2 = s * s - (A[0] * A[3] - A[1] * A[2]);
  const q = Math.sqrt(Math.abs(q2));
  let c: number;
  let k: number; // sinh(qτ)/q, sin(qτ)/q, or τ at critical damping
  if (q * tau < 1e-8) [c, k] = [1, tau];
  else if (q2 > 0) [c, k] = [Math.cosh(q * tau), Math.sinh(q * tau) / q];
  else [c, k] = [Math.cos(q * tau), Math.sin(q * tau) / q];
  const e = Math.exp(s * tau);
  return [e * (c + k * (A[0] - s)), e * k * A[1], e * k * A[2], e * (c + k * (A[3] - s))];
}

function mul2(a: number[], b: number[]): number[] {
  return [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
  ];
}
function add2(a: number[], b: number[]): number[] {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
}
function sub2(a: number[], b: number[]): number[] {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2], a[3] - b[3]];
}
