import type { LinearProcess } from "../processes";
import { requireBatch, requireFinite, requireOptions, requirePositive, requireTime } from "../base";
import { requireManifoldProcess, requireStd } from "./point-set-score";

/** The exact score of the uniform law on a circle pushed through a linear process. */
export interface CircleScore {
  /** 2 */
  readonly dim: 2;
  /** r, the circle's radius */
  readonly radius: number;
  /** the trapezoid rule's relative error target */
  readonly tol: number;
  readonly process: LinearProcess;
  /** $\nabla_x\log p_t(x)$. @param x (n, 2) row-major @param out (n, 2) @param n rows */
  score(t: number, x: Float64Array, out: Float64Array, n: number): void;
  /** $\log p_t(x)$. @param x (n, 2) row-major @param out (n) @param n rows */
  logDensity(t: number, x: Float64Array, out: Float64Array, n: number): void;
}

/** Options of {@link circleScore}. */
export interface CircleScoreOptions {
  /** r > 0 (default 1) */
  radius?: number;
  /** the relative error target of the angular quadrature, in [1e-16, 0.1] (default 1e-15) */
  tol?: number;
}

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { cos, exp, hypot, log, sqrt, max, PI } = Math;
const MAX_NODES = 1 << 20;
/** cos(2πj/N), j = 0..N−1, per node count N (a few dozen counts at most are live at once). */
const COSINES = new Map<number, Float64Array>();
function cosines(N: number): Float64Array {
  let c = COSINES.get(N);
  if (c === undefined) {
    if (COSINES.size >= 256) COSINES.clear();
    c = Float64Array.from({ length: N }, (_, j) => cos((2 * PI * j) / N));
    COSINES.set(N, c);
  }
  return c;
}

/**
 * $N(\kappa) = \min\{N : \prod_{\nu=0}^{N-2}\kappa/(\nu+\tfrac12+\sqrt{\kappa^2+(\nu+\tfrac12)^2}) \le
 * \mathrm{tol}\}$: the node count of the periodic trapezoid rule for $\int_0^{2\pi}e^{\kappa\cos\psi}
 * (1, \cos\psi)\,d\psi$. Its relative error is $2\sum_{m\ge1}I_{mN}(\kappa)/I_0(\kappa)$ (for the
 * cos moment, the same with $I_{mN\pm1}$), geometric in N; the product is Amos's upper bound on
 * $I_{N-1}(\kappa)/I_0(\kappa)$, so the error is about tol. Grows like $\sqrt{2\kappa\ln(1/\mathrm{tol})}$.
 * @param kappa κ ≥ 0, finite
 * @param tol relative error target in [1e-16, 0.1] (default 1e-15)
 * @returns N ≥ 4
 * @see Trefethen & Weideman (2014), SIAM Review 56, Eq. 3.3 and Thm 3.2 (geometric convergence of the periodic trapezoid rule); Amos (1974), Math. Comp. 28, Eq. 11 (the bound on $I_{\nu+1}/I_\nu$)
 */
export function circleNodes(kappa: number, tol = 1e-15): number {
  const fn = "circleNodes";
  requireFinite(fn, "kappa", kappa, "a finite number >= 0", (v) => v >= 0);
  requireFinite(fn, "tol", tol, "a number in [1e-16, 0.1]", (v) => v >= 1e-16 && v <= 0.1);
  return nodesFor(kappa, tol);
}

function nodesFor(kappa: number, tol: number): number {
  let bound = 1;
  let N = 2;
  // bound = ∏_{ν<N−1} I_{ν+1}/I_ν upper bounds (Amos), i.e. ≥ I_{N−1}/I_0
  while (bound > tol / 2 && N < MAX_NODES) {
    const nu = N - 2 + 0.5;
    bound *= kappa / (nu + sqrt(kappa * kappa + nu * nu));
    N++;
  }
  return max(4, N);
}

/**
 * $\nabla\log p_t(x) = (\alpha_t r\,m(\kappa)\,x/\|x\| - x)/\sigma_t^2$, $m(\kappa) =
 * \frac{\int_0^{2\pi}\cos\psi\,e^{\kappa\cos\psi}d\psi}{\int_0^{2\pi}e^{\kappa\cos\psi}d\psi}$,
 * $\kappa = \alpha_t r\|x\|/\sigma_t^2$: the exact score of $X_t = \alpha_t X_0 + \sigma_t\varepsilon$ when
 * $X_0$ is uniform on the circle of radius r in $\mathbb R^2$ (a 1-dimensional manifold). The
 * integral over the angle is the periodic trapezoid rule on $N = $ {@link circleNodes}(κ, tol)
 * nodes per state (geometric convergence; $m = I_1/I_0$, a Bessel ratio, is the oracle), with the
 * integrand $e^{\kappa(\cos\psi - 1)}$ kept in range. $\log p_t(x) = -(\|x\| - \alpha_t r)^2/2\sigma_t^2
 * + \log\frac1{2\pi}\int e^{\kappa(\cos\psi-1)}d\psi - \log(2\pi\sigma_t^2)$.
 * $p_0$ has no density: every method needs $\sigma_t > 0$. Methods take t in [0, T], n ≥ 1 rows,
 * x with at least 2n finite values, out with at least 2n (logDensity: n) values; errors name the
 * method (`circleScore.score: …`). Usable by every sampler (a ScoreFunction).
 * @param process a linear forward process of dimension 2
 * @param options radius r > 0 (default 1), tol the quadrature's relative error (default 1e-15)
 * @see Pidstrigach (2022), NeurIPS, "Score-based generative models detect manifolds", §3 (the score near a manifold); Trefethen & Weideman (2014), SIAM Review 56, §3 (the periodic trapezoid rule)
 */
export function circleScore(process: LinearProcess, options?: CircleScoreOptions): CircleScore {
  const fn = "circleScore";
  const T = requireManifoldProcess(fn, process, 2);
  const o = requireOptions(fn, options);
  const r = o.radius === undefined ? 1 : requirePositive(fn, "options.radius", o.radius);
  const tol =
    o.tol === undefined
      ? 1e-15
      : requireFinite(
          fn,
          "options.tol",
          o.tol,
          "a number in [1e-16, 0.1]",
          (v) => v >= 1e-16 && v <= 0.1,
        );
  const at = (method: string, t: number): [number, number] => {
    const tt = requireTime(method, "t", t, T, { slack: true });
    return [process.scale(tt), requireStd(method, tt, process.std(tt))];
  };
  /** [Σ e^{κ(cos ψ_j − 1)}/N, Σ cos ψ_j e^{κ(cos ψ_j − 1)}/N] */
  const quad = (kappa: number): [number, number] => {
    const N = nodesFor(kappa, tol);
    const table = cosines(N);
    let z = 0;
    let c = 0;
    for (let j = 0; j < N; j++) {
      const cs = table[j];
      const w = exp(kappa * (cs - 1));
      z += w;
      c += cs * w;
    }
    return [z / N, c / N];
  };
  return Object.freeze({
    dim: 2 as const,
    radius: r,
    tol,
    process,
    score(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const method = `${fn}.score`;
      const [a, s] = at(method, t);
      const rows = requireBatch(method, x, out, n, 2);
      const s2 = s * s;
      for (let i = 0; i < rows; i++) {
        const x1 = x[2 * i];
        const x2 = x[2 * i + 1];
        const rho = hypot(x1, x2);
        let pull = 0; // α r m(κ)/‖x‖
        if (rho > 0) {
          const [z, c] = quad((a * r * rho) / s2);
          pull = (a * r * (c / z)) / rho;
        }
        out[2 * i] = (pull * x1 - x1) / s2;
        out[2 * i + 1] = (pull * x2 - x2) / s2;
      }
    },
    logDensity(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const method = `${fn}.logDensity`;
      const [a, s] = at(method, t);
      const rows = requireBatch(method, x, out, n, 2, { outWidth: 1 });
      const s2 = s * s;
      for (let i = 0; i < rows; i++) {
        const rho = hypot(x[2 * i], x[2 * i + 1]);
        const [z] = quad((a * r * rho) / s2);
        const u = rho - a * r;
        out[i] = -(u * u) / (2 * s2) + log(z) - log(2 * PI * s2);
      }
    },
  });
}
