/**
 * Labs of lecture 00 (Brownian motion): simulate a path on a grid, its quadratic variation, and
 * the standard error of a sample covariance (Isserlis).
 */
import { formatAnswer } from "./compare";
import { Lab, LabCase } from "./lab";
import { normals, randomGrid } from "./random-cases";

type PathFn = (times: Float64Array, xi: Float64Array) => Float64Array;
type QvFn = (w: Float64Array) => number;
type SeFn = (s: number, t: number, n: number) => number;

/** W_{t_0} = 0, W_{t_{k+1}} = W_{t_k} + √(t_{k+1} − t_k) ξ_k: the oracle of the first lab. */
function pathOracle(times: Float64Array, xi: Float64Array, scale: (h: number) => number) {
  const w = new Float64Array(times.length);
  for (let k = 0; k + 1 < times.length; k++)
    w[k + 1] = w[k] + scale(times[k + 1] - times[k]) * xi[k];
  return w;
}

/**
 * Lab: a Brownian path at the grid points from independent standard normals,
 * $W_{t_0} = 0$, $W_{t_{k+1}} = W_{t_k} + \sqrt{t_{k+1} - t_k}\,\xi_k$ (exact in law at the grid).
 * @see lecture 00, section 1; Le Gall, Brownian Motion, Martingales, and Stochastic Calculus
 * (2016), Definition 2.1 (independent Gaussian increments of variance t − s)
 */
export const brownianPathLab: Lab<PathFn> = {
  id: "00-brownian-path",
  title: "a Brownian path on a grid from standard normals",
  fn: "brownianPath",
  signature: "brownianPath(times: Float64Array, xi: Float64Array): Float64Array",
  source: "lecture 00, section 1: W_{t_{k+1}} = W_{t_k} + √(t_{k+1} − t_k) ξ_k, W_{t_0} = 0",
  cases(rng) {
    const cases: LabCase<PathFn>[] = [];
    const add = (times: Float64Array, xi: Float64Array, note: string) =>
      cases.push({
        label: `${note}: times = ${formatAnswer(times)}, xi = ${formatAnswer(xi)}`,
        size: times.length,
        args: [times, xi],
        expected: pathOracle(times, xi, Math.sqrt),
      });
    add(Float64Array.of(0, 0.25), Float64Array.of(1), "one step of length 1/4");
    add(Float64Array.of(0, 0.5, 2), Float64Array.of(0, 0), "zero noise");
    add(Float64Array.of(0, 1, 4), Float64Array.of(1, 1), "uneven steps");
    for (const k of [2, 3, 5, 8, 16, 64, 256])
      add(randomGrid(rng, k, 0.5 + 2 * rng.uniform()), normals(rng, k), `K = ${k}`);
    return cases;
  },
  tolerance: { abs: 1e-12, rel: 1e-12, reason: "rounding of a running sum of ≤ 256 terms" },
  mistakes: [
    {
      name: "variance-for-sd",
      hint: "the increment's standard deviation is √h, not h: multiply ξ_k by Math.sqrt(h_k)",
      answer: (times, xi) => pathOracle(times, xi, (h) => h),
    },
    {
      name: "cumulative-time",
      hint: "use the step h_k = t_{k+1} − t_k, not the time t_{k+1}: the increments are independent with variance h_k",
      answer: (times, xi) => {
        const w = new Float64Array(times.length);
        for (let k = 0; k + 1 < times.length; k++)
          w[k + 1] = w[k] + Math.sqrt(times[k + 1]) * xi[k];
        return w;
      },
    },
    {
      name: "missing-start",
      hint: "return K + 1 values, W at every grid time, starting with W_{t_0} = 0",
      answer: (times, xi) => pathOracle(times, xi, Math.sqrt).subarray(1).slice(),
    },
  ],
  verified: "W_{t_0} = 0 and each increment √h_k ξ_k on uneven grids (1 to 256 steps, zero noise)",
};

function qvOracle(w: Float64Array): number {
  let s = 0;
  for (let k = 0; k + 1 < w.length; k++) s += (w[k + 1] - w[k]) ** 2;
  return s;
}

/**
 * Lab: the quadratic variation of a sampled path, $Q = \sum_{k} (W_{t_{k+1}} - W_{t_k})^2$,
 * which tends to T (lecture 00, section 4).
 * @see Le Gall (2016), Proposition 2.16 (quadratic variation of Brownian motion)
 */
export const quadraticVariationLab: Lab<QvFn> = {
  id: "00-quadratic-variation",
  title: "the quadratic variation of a sampled path",
  fn: "pathQuadraticVariation",
  signature: "pathQuadraticVariation(w: Float64Array): number",
  source: "lecture 00, section 4: Q_n = Σ_k (W_{t_{k+1}} − W_{t_k})²",
  cases(rng) {
    const cases: LabCase<QvFn>[] = [];
    const add = (w: Float64Array, note: string) =>
      cases.push({
        label: `${note}: w = ${formatAnswer(w)}`,
        size: w.length,
        args: [w],
        expected: qvOracle(w),
      });
    add(Float64Array.of(0), "a path of one point (no increment)");
    add(Float64Array.of(0, 0.5), "one increment");
    add(Float64Array.of(0, 1, -1), "two increments of opposite signs");
    add(Float64Array.of(0, 0, 0, 0), "a constant path");
    for (const k of [3, 8, 32, 512]) {
      add(
        pathOracle(randomGrid(rng, k, 1), normals(rng, k), Math.sqrt),
        `a Brownian path, K = ${k}`,
      );
    }
    return cases;
  },
  tolerance: { abs: 1e-12, rel: 1e-12, reason: "rounding of a sum of ≤ 512 positive terms" },
  mistakes: [
    {
      name: "total-variation",
      hint: "square the increments: Σ|ΔW| is the total variation, which grows without bound",
      answer: (w) => {
        let s = 0;
        for (let k = 0; k + 1 < w.length; k++) s += Math.abs(w[k + 1] - w[k]);
        return s;
      },
    },
    {
      name: "squared-values",
      hint: "square the increments W_{t_{k+1}} − W_{t_k}, not the values W_{t_k}",
      answer: (w) => w.reduce((s, x) => s + x * x, 0),
    },
    {
      name: "drops-last-increment",
      hint: "off by one: there are K increments between K + 1 points; the last one is missing",
      answer: (w) => qvOracle(w.subarray(0, Math.max(1, w.length - 1))),
    },
  ],
  verified: "Σ(ΔW)² on Brownian paths of 3 to 512 steps, a single point, a constant path",
};

/**
 * Lab: the standard error of the sample covariance $\frac1N\sum_i W^{(i)}_s W^{(i)}_t$ of N
 * independent paths: $\sqrt{(\min(s,t)^2 + st)/N}$, since by Isserlis' theorem
 * $\mathbb E W_s^2 W_t^2 = st + 2\min(s,t)^2$ (lecture 00, section 3).
 * @see Isserlis (1918), Biometrika 12, 134–139
 */
export const covarianceSELab: Lab<SeFn> = {
  id: "00-covariance-se",
  title: "the standard error of a sample covariance of Brownian motion",
  fn: "covarianceStandardError",
  signature: "covarianceStandardError(s: number, t: number, n: number): number",
  source: "lecture 00, section 3: Var(W_s W_t) = E W_s² W_t² − min(s, t)², Isserlis",
  cases(rng) {
    const cases: LabCase<SeFn>[] = [];
    const oracle = (s: number, t: number, n: number) =>
      Math.sqrt((Math.min(s, t) ** 2 + s * t) / n);
    const add = (s: number, t: number, n: number, note: string) =>
      cases.push({
        label: `${note}: s = ${formatAnswer(s)}, t = ${formatAnswer(t)}, N = ${n}`,
        size: n,
        args: [s, t, n],
        expected: oracle(s, t, n),
      });
    add(0.5, 1, 1, "one path, s < t");
    add(1, 0.5, 1, "one path, s > t");
    add(1, 1, 1, "s = t (the variance's SE)");
    add(0, 1, 10, "s = 0 (W_0 = 0)");
    for (const n of [2, 100, 20000])
      add(0.1 + rng.uniform(), 0.1 + 2 * rng.uniform(), n, "random times");
    return cases;
  },
  tolerance: { abs: 0, rel: 1e-12, reason: "a square root and four flops" },
  mistakes: [
    {
      name: "no-isserlis",
      hint: "E W_s² W_t² is not E W_s² · E W_t²: the two are correlated; use Isserlis' theorem",
      answer: (s, t, n) => Math.sqrt((s * t) / n),
    },
    {
      name: "variance-for-sd",
      hint: "a standard error is the square root of the estimator's variance",
      answer: (s, t, n) => (Math.min(s, t) ** 2 + s * t) / n,
    },
    {
      name: "min-missing",
      hint: "Cov(W_s, W_t) = min(s, t): with s > t the smaller time is t",
      answer: (s, t, n) => Math.sqrt((s * s + s * t) / n),
    },
  ],
  verified: "√((min(s,t)² + st)/N) for s < t, s > t, s = t, s = 0, N from 1 to 20 000",
};

/** The labs of lecture 00, in the notebook's order. */
export const labs00 = [brownianPathLab, quadraticVariationLab, covarianceSELab] as const;
