/**
 * Lecture 00, section 4, live: the quadratic variation $Q_n = \sum_{k<n}(\Delta W_k)^2$ of $M$
 * paths on the dyadic grids $n = 4, 8, \dots, 2^L$ of $[0, T]$, $T = 1$ (one fine path of $2^L$
 * steps, coarsened: every level is the same path), and its mean-square error
 * $\mathbb E(Q_n - T)^2 = 2T^2/n$ against $h = T/n$. The reader chooses the increments' law, the
 * paths $M$, the finest grid $2^L$ and the seed. Re-evaluated, as the notebook's cells bm-17 to
 * bm-31: (a) $\mathbb E(Q_n - T)^2$ at $n = 256$ and $n = 2^L$ within 4 exact SE,
 * $\operatorname{Var}(Q_n - T)^2 = 8T^4/n^2 + 48T^4/n^3$, false-fail rate that of the matched
 * $\chi^2_k/k$, $k = M/(1 + 6/n)$ (Satterthwaite); (a′) $4Q_4/T \sim \chi^2_4$ by Kolmogorov–Smirnov
 * ($\alpha = 0.001$); (b) the least-squares slope of $\log\mathbb E(Q_n - T)^2$ in $\log h$ is 1
 * within 4 delta-method SE, the levels' relative covariance $2(n + 6)/(mM)$ for $n \le m$ steps.
 * At the defaults ($M = 400$, $L = 13$, seed 20261123, section 1's $20\,000 \times 200$ draws made
 * first, as in the notebook) the numbers are the notebook's.
 * Failing: increments $h\,\xi$ (a step scaled like $dt$, as for a differentiable path) give
 * $Q_n = h\sum\xi_k^2 \to 0$, so $\mathbb E(Q_n - T)^2 \to T^2$: checks (a) and (b) fail.
 * Uniform increments $\sqrt{3h}\,U$, $U \sim \mathcal U(-1, 1)$, on the finest grid have variance $h$,
 * so $Q_n \to T$, but a step of a coarser level sums $m = 2^L/n$ of them, of kurtosis $3 - 1.2/m$:
 * $\mathbb E(Q_n - T)^2 = (2 - 1.2/m)\,T^2/n$, Gaussian's $2T^2/n$ only in the limit of many
 * summed steps (the central limit theorem), $0.8\,T^2/n$ on the finest grid, where (a) fails, and
 * the slope bends away from 1. The constant 2 is the Gaussian fourth moment $3h^2$.
 * @see Le Gall (2016), Brownian Motion, Martingales, and Stochastic Calculus, Prop. 4.21;
 *   notebooks/00-brownian-motion.ipynb, section 4 (cells bm-14 to bm-31)
 */
import { sampleBrownianPath, type BrownianPath } from "../../../../src/brownian";
import { createRng, fillUniform } from "../../../../src/rng";
import { fitSlope, ksOneSample, moments } from "../../../../src/stats";
import { linspace } from "../../../../src/base";
import { convergenceFigure } from "../../../../src/plot";
import { checkPValue, checkWithinSE, chiSquareFalseFail } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";

const T = 1; // horizon
const LAWS = ["gaussian", "uniform", "dt"] as const;
const LEVELS = ["10", "11", "12", "13"] as const; // the finest grid has 2^L steps
const PATHS = ["100", "200", "400", "1000"] as const;
const chiSquare4Cdf = (x: number) => 1 - Math.exp(-x / 2) * (1 + x / 2); // the cdf of χ²_4

/** The fine path's increments in the chosen law: √h ξ (Brownian), √(3h) U, or h ξ. */
function reshape(fine: BrownianPath, law: (typeof LAWS)[number], rngDraws: () => Float64Array) {
  const h = T / fine.steps;
  if (law === "dt") fine.dW.forEach((v, i, a) => (a[i] = v * Math.sqrt(h))); // √h ξ → h ξ
  if (law === "uniform") {
    const u = rngDraws(); // U(0, 1)
    u.forEach((v, i) => (fine.dW[i] = Math.sqrt(3 * h) * (2 * v - 1))); // variance h
  }
}

function compute(params: LiveParams, progress: LiveProgress) {
  const law = oneOf(params, "law", LAWS);
  const M = Number(oneOf(params, "paths", PATHS));
  const levels = Number(oneOf(params, "levels", LEVELS));
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const rng = createRng(seed);
  // the notebook's section 1 draws 20 000 paths × 200 steps from the same generator first
  sampleBrownianPath(rng, linspace(0, T, 201), 20000, 1);
  progress(0.1, "drawing the fine paths");
  const fine = sampleBrownianPath(rng, linspace(0, T, 2 ** levels + 1), M, 1);
  reshape(fine, law, () => fillUniform(rng, new Float64Array(fine.dW.length)));
  // Q_n of every path on 2^L, 2^(L−1), …, 4 steps: each level's increments are sums of pairs of
  // the finer level's (as coarsenPath sums them), read row by row
  const qvByLevel = new Map<number, Float64Array>(); // n → Q_n of the M paths
  let dW = fine.dW; // (n, M) time-major
  for (let n = 2 ** levels; n >= 4; n /= 2) {
    progress(0.3 + 0.6 * (1 - Math.log2(n) / levels), `quadratic variation on ${n} steps`);
    const qv = new Float64Array(M);
    for (let k = 0; k < n; k++) for (let i = 0; i < M; i++) qv[i] += dW[k * M + i] ** 2;
    qvByLevel.set(n, qv);
    const coarse = new Float64Array((n / 2) * M);
    for (let k = 0; k < n / 2; k++) {
      for (let i = 0; i < M; i++) coarse[k * M + i] = dW[2 * k * M + i] + dW[(2 * k + 1) * M + i];
    }
    dW = coarse;
  }
  const ns = Array.from({ length: levels - 1 }, (_, j) => 2 ** (j + 2)); // n = 4, 8, …, 2^L
  const mse = ns.map((n) => moments((qvByLevel.get(n) as Float64Array).map((q) => (q - T) ** 2)).mean);
  // (a) at n = 256 and the finest n: within 4 exact SE, Var(Q_n − T)² = 8T⁴/n² + 48T⁴/n³
  for (const n of [256, 2 ** levels]) {
    const j = ns.indexOf(n);
    const exactSE = T * T * Math.sqrt((8 / n ** 2 + 48 / n ** 3) / M);
    const k = M / (1 + 6 / n); // Satterthwaite: the mean of M squares is nearly χ²_k/k
    checkWithinSE(`E(Q_${n} − T)²`, mse[j], (2 * T * T) / n, exactSE, {
      z: 4,
      reason: `exact SE over M = ${M} paths; nearly χ²_k/k, k = ${k.toFixed(1)}`,
      falseFail: chiSquareFalseFail(k, 4),
    });
  }
  // (a′) at n = 4, the whole law: 4Q_4/T ~ χ²_4
  const scaledQ4 = (qvByLevel.get(4) as Float64Array).map((q) => (4 * q) / T);
  checkPValue("4Q_4/T ~ χ²_4 (Kolmogorov–Smirnov)", ksOneSample(scaledQ4, chiSquare4Cdf).pValue, {
    alpha: 0.001,
    reason: `KS test of M = ${M} paths against the exact law, fixed seed`,
  });
  // (b) the least-squares slope Σ_j w_j log ȳ_j on u_j = log h_j, and its delta-method SE
  const hs = ns.map((n) => T / n);
  const u = hs.map(Math.log);
  const uMean = u.reduce((acc, v) => acc + v, 0) / u.length;
  const uSpread = u.reduce((acc, v) => acc + (v - uMean) ** 2, 0);
  const weights = u.map((v) => (v - uMean) / uSpread);
  /** Cov(ȳ_a, ȳ_b)/(μ_a μ_b) = 2(a + 6)/(bM) for a ≤ b steps. */
  const relativeCov = (a: number, b: number) => (2 * (Math.min(a, b) + 6)) / (Math.max(a, b) * M);
  const slopeVariance = weights.reduce(
    (acc, wj, j) => acc + weights.reduce((s, wl, l) => s + wj * wl * relativeCov(ns[j], ns[l]), 0),
    0,
  );
  checkWithinSE("order of E(Q_n − T)² in h", fitSlope(u, mse.map(Math.log)).slope, 1, Math.sqrt(slopeVariance), {
    z: 4,
    reason: `delta method over ${M} shared paths, levels correlated; log curvature bias ≈ −3e-4`,
  });
  const lawName = { gaussian: "ΔW = √h ξ", uniform: "ΔW = √(3h) U, U ~ U(−1, 1)", dt: "ΔW = h ξ" }[law];
  return livePlot(
    convergenceFigure(
      [
        { name: `E(Q_n − T)² (Monte Carlo, ${lawName})`, stepSizes: hs, errors: mse },
        { name: "2T²/n = 2Th (exact for Brownian motion)", stepSizes: hs, errors: hs.map((h) => 2 * T * h) },
      ],
      {
        referenceOrders: [1],
        title: `Mean-square error of the quadratic variation, ${M} paths`,
        yTitle: "E (Q_n − T)²",
      },
    ),
  );
}

export const quadraticVariationLive: LiveFigureSpec = {
  id: "00-quadratic-variation",
  stem: "00-brownian-motion",
  figure: "bm-26-1",
  checks: /^✓ (E\(Q_\d+ − T\)²|4Q_4\/T ~ χ²_4|order of E\(Q_n − T\)² in h)/,
  note:
    "Change the increments' law, the paths or the finest grid, and the section's checks run again in your browser. " +
    "Increments h·ξ (a step scaled like dt) make Q_n → 0, not T (✗); uniform increments of variance h give Q_n → T " +
    "but miss the constant 2T²/n on the finest grid, where no sum of steps has made them Gaussian yet (✗).",
  controls: [
    {
      kind: "select",
      name: "law",
      label: "Increments ΔW",
      value: "gaussian",
      options: [
        { value: "gaussian", label: "√h ξ, ξ ~ N(0, 1) (Brownian)" },
        { value: "uniform", label: "√(3h) U, U ~ U(−1, 1) (variance h)" },
        { value: "dt", label: "h ξ (scaled like dt)" },
      ],
    },
    {
      kind: "select",
      name: "paths",
      label: "Paths M",
      value: "400",
      options: PATHS.map((v) => ({ value: v, label: v })),
    },
    {
      kind: "select",
      name: "levels",
      label: "Finest grid",
      value: "13",
      options: LEVELS.map((v) => ({ value: v, label: `2^${v} steps` })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20261123" },
  ],
  failing: { law: "dt", paths: "400", levels: "13", seed: "20261123" },
  compute,
};
