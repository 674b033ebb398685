import type { LinearProcess } from "../processes";
import {
  describeValue,
  requireBatch,
  requireFinite,
  requireFloat64Array,
  requireInteger,
  requireTime,
} from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { exp, log, PI } = Math;

/** The exact score of a uniform law on m points pushed through a linear process. */
export interface PointSetScore {
  /** d, the state dimension */
  readonly dim: number;
  /** m, the number of points */
  readonly count: number;
  /** the points $y_j$, (m, d) row-major (a copy) */
  readonly points: Float64Array;
  readonly process: LinearProcess;
  /** $\nabla_x\log p_t(x)$. @param x (n, d) row-major @param out (n, d) @param n rows */
  score(t: number, x: Float64Array, out: Float64Array, n: number): void;
  /** $\log p_t(x)$. @param x (n, d) row-major @param out (n) @param n rows */
  logDensity(t: number, x: Float64Array, out: Float64Array, n: number): void;
}

/**
 * $\nabla\log p_t(x) = (\alpha_t\sum_j w_j(x)\,y_j - x)/\sigma_t^2$, $w_j \propto
 * e^{-\|x-\alpha_t y_j\|^2/2\sigma_t^2}$ (a softmax over the points): the exact score of
 * $p_t = \frac1m\sum_j\mathcal N(\alpha_t y_j, \sigma_t^2 I)$ when $X_0$ is uniform on the m points
 * $y_j$ (a 0-dimensional manifold) and $X_t = \alpha_t X_0 + \sigma_t\varepsilon$.
 * The softmax is log-sum-exp stable. $p_0$ has no density: every method needs $\sigma_t > 0$
 * (a sampler stops at $t_{min} > 0$). Methods take t in [0, T] (a rounding of 1e-12·T accepted),
 * n ≥ 1 rows, x with at least n·d finite values and out with at least n·d (logDensity: n) values;
 * errors name the method (`pointSetScore.score: …`). Usable by every sampler (a ScoreFunction).
 * @param points the points $y_j$, (m, d) row-major, m ≥ 1, finite
 * @param dim d, a positive integer dividing points.length
 * @param process a linear forward process (VP, VE, OU, sub-VP) of dimension d
 * @see Pidstrigach (2022), NeurIPS, "Score-based generative models detect manifolds", §3 (the score of data on a manifold); Karras et al. (2022), NeurIPS, Eq. 57 (the ideal denoiser of a finite set)
 */
export function pointSetScore(
  points: Float64Array,
  dim: number,
  process: LinearProcess,
): PointSetScore {
  const fn = "pointSetScore";
  const d = requireInteger(fn, "dim", dim, 1);
  const y = requireFloat64Array(fn, "points", points).slice();
  if (y.length === 0 || y.length % d !== 0) {
    throw new RangeError(
      `${fn}: points must hold m·d values with d = ${d} and m >= 1, got length ${y.length}`,
    );
  }
  for (let i = 0; i < y.length; i++) requireFinite(fn, `points[${i}]`, y[i]);
  const T = requireManifoldProcess(fn, process, d);
  const m = y.length / d;
  const logW = new Float64Array(m);

  /** α, σ at a checked t with σ > 0. */
  const at = (method: string, t: number): [number, number] => {
    const tt = requireTime(method, "t", t, T, { slack: true });
    return [process.scale(tt), requireStd(method, tt, process.std(tt))];
  };
  /** logW[j] = −‖x_i − α y_j‖²/(2σ²); returns the max. */
  const logits = (x: Float64Array, i: number, a: number, s2: number): number => {
    let max = -Infinity;
    for (let j = 0; j < m; j++) {
      let r2 = 0;
      for (let k = 0; k < d; k++) {
        const u = x[i * d + k] - a * y[j * d + k];
        r2 += u * u;
      }
      logW[j] = -r2 / (2 * s2);
      if (logW[j] > max) max = logW[j];
    }
    return max;
  };
  return Object.freeze({
    dim: d,
    count: m,
    points: y,
    process,
    score(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const method = `${fn}.score`;
      const [a, s] = at(method, t);
      const rows = requireBatch(method, x, out, n, d);
      const s2 = s * s;
      for (let i = 0; i < rows; i++) {
        const max = logits(x, i, a, s2);
        let z = 0;
        for (let k = 0; k < d; k++) out[i * d + k] = 0;
        for (let j = 0; j < m; j++) {
          const w = exp(logW[j] - max);
          z += w;
          for (let k = 0; k < d; k++) out[i * d + k] += w * y[j * d + k];
        }
        for (let k = 0; k < d; k++) out[i * d + k] = ((a * out[i * d + k]) / z - x[i * d + k]) / s2;
      }
    },
    logDensity(t: number, x: Float64Array, out: Float64Array, n: number): void {
      const method = `${fn}.logDensity`;
      const [a, s] = at(method, t);
      const rows = requireBatch(method, x, out, n, d, { outWidth: 1 });
      const s2 = s * s;
      const norm = -log(m) - 0.5 * d * log(2 * PI * s2);
      for (let i = 0; i < rows; i++) {
        const max = logits(x, i, a, s2);
        let z = 0;
        for (let j = 0; j < m; j++) z += exp(logW[j] - max);
        out[i] = norm + max + log(z);
      }
    },
  });
}

/**
 * Throws unless process is a LinearProcess (scale, std, finite T > 0) of dimension d; returns T.
 * @internal
 */
export function requireManifoldProcess(fn: string, process: LinearProcess, d: number): number {
  if (
    process === null ||
    typeof process !== "object" ||
    typeof process.scale !== "function" ||
    typeof process.std !== "function"
  ) {
    throw new TypeError(
      `${fn}: process must be a LinearProcess (with scale and std), got ${describeValue(process)}`,
    );
  }
  const T = requireFinite(fn, "process.T", process.T, "a finite number > 0", (v) => v > 0);
  if (process.dim !== d) {
    throw new RangeError(
      `${fn}: process.dim must equal the data dimension ${d}, got ${describeValue(process.dim)}`,
    );
  }
  return T;
}

/** σ_t, which must be > 0: p_0 on a manifold has no density. @internal */
export function requireStd(method: string, t: number, s: number): number {
  if (!(s > 0)) {
    throw new RangeError(
      `${method}: t must have std(t) > 0 (data on a manifold have no density at σ = 0), got t = ${t}, std(t) = ${s}`,
    );
  }
  return s;
}
