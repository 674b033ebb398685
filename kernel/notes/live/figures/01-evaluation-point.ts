/**
 * Lecture 01, section 1, live: Riemann sums $S_\theta = \sum_k W(t_k + \theta h)\,\Delta W_k$ of
 * $\int_0^T W\,dW$ ($T = 1$) on $n = 2, 4, \dots, 2^{10}$ steps of $M$ paths drawn on $2^{11}$
 * steps (every level the same paths), at the evaluation point the reader chooses: left
 * ($\theta = 0$, Itô), a quarter, the midpoint ($\theta = \tfrac12$, Stratonovich) or right. With
 * $X = W(t_k + \theta h) - W(t_k) \sim \mathcal N(0, \theta h)$ and $Y = W(t_{k+1}) - W(t_k + \theta
 * h)$, each term is $\tfrac12(W_{t_{k+1}}^2 - W_{t_k}^2) + \tfrac12(X^2 - Y^2)$, so $S_\theta \to
 * L_\theta = \tfrac12 W_T^2 + (\theta - \tfrac12)T$ with error $e = \sum_k[\tfrac12(X_k^2 - Y_k^2) -
 * (\theta - \tfrac12)h]$: $\mathbb E e^2 = \mu = \tfrac{Th}2(\theta^2 + (1 - \theta)^2)$ ($Th/2$
 * left, $Th/4$ midpoint) and $\operatorname{Var} e^2 = 3nh^4(\theta^4 + (1 - \theta)^4) + 2\mu^2$
 * (cumulants of $\tfrac12\theta h\chi^2_1$); and $S_\theta - S_0 = \sum_k X_k(X_k + Y_k)$ has mean
 * $\theta T$ and variance $Th\,\theta(1 + \theta)$. Re-evaluated, as cells ito-06 and ito-72: (a)
 * $\mathbb E e^2$ at $n = 64, 256, 1024$ (at a quarter point $512$, the finest grid holding the
 * points) within 4 exact SE, rate of the matched $\chi^2_k/k$, $k = 2M\mu^2/\operatorname{Var}e^2$
 * (Satterthwaite); (b) the slope of the RMS error in $h$ is $\tfrac12$ within 4 delta-method SE
 * (the notebook's exact level covariances for left, midpoint and right, the SE estimated over the
 * paths for a quarter point); (c) $S_\theta - S_0$ on the finest grid: its mean $\theta T$ and
 * variance within 4 exact SE. At the defaults (left and midpoint, $M = 1000$, seed 20261201) the
 * numbers are the notebook's. Failing: comparing a sum at a wrong evaluation point with the Itô
 * integral $\tfrac12(W_T^2 - T)$ (the midpoint sum, say) — its error tends to $\theta T$, not 0, so
 * (a) and (b) fail.
 * @see Øksendal (2003), Stochastic Differential Equations, Def. 3.1.6 and Example 3.1.9; Higham
 *   (2001), SIAM Review 43(3), `stint.m`; notebooks/01-ito-integral.ipynb, section 1 (cells
 *   ito-02 to ito-72) and exercise 1
 */
import { sampleBrownianPath } from "../../../../src/brownian";
import { createRng, spawn } from "../../../../src/rng";
import { fitSlope, moments } from "../../../../src/stats";
import { column, linspace } from "../../../../src/base";
import { convergenceFigure } from "../../../../src/plot";
import { checkWithinSE, chiSquareFalseFail } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";

const T = 1; // horizon
const L = 11; // the finest grid has 2^L steps
const POINTS = ["leftAndMid", "left", "quarter", "mid", "right"] as const;
const LIMITS = ["own", "ito"] as const;
const PATHS = ["250", "500", "1000", "2000"] as const;

interface Point {
  theta: number;
  /** the sum's name in labels */
  name: string;
  /** its own limit L_θ as printed */
  limit: string;
}
const byTheta: Record<string, Point> = {
  0: { theta: 0, name: "left", limit: "(W_T² − T)/2" },
  0.25: { theta: 0.25, name: "quarter-point", limit: "(W_T² − T/2)/2" },
  0.5: { theta: 0.5, name: "midpoint", limit: "W_T²/2" },
  1: { theta: 1, name: "right", limit: "(W_T² + T)/2" },
};

function compute(params: LiveParams, progress: LiveProgress) {
  const choice = oneOf(params, "point", POINTS);
  const toIto = oneOf(params, "limit", LIMITS) === "ito";
  const M = Number(oneOf(params, "paths", PATHS));
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const thetas = { leftAndMid: [0, 0.5], left: [0], quarter: [0.25], mid: [0.5], right: [1] }[choice];
  const points = thetas.map((theta) => byTheta[theta]);
  const rngSums = spawn(createRng(seed), 6)[0]; // the notebook's stream of section 1
  const W = sampleBrownianPath(rngSums, linspace(0, T, 2 ** L + 1), M, 1).values();
  const paths = Array.from({ length: M }, (_, i) => column(W, i, M)); // path i at 2^L + 1 times
  const finest = choice === "quarter" ? 2 ** (L - 2) : 2 ** (L - 1); // τ_k must be a grid point
  const ns: number[] = [];
  for (let n = 2; n <= finest; n *= 2) ns.push(n);
  const hs = ns.map((n) => T / n);
  /** S_θ on n steps of path w, and the left sum S_0. */
  const sums = (w: Float64Array, n: number, theta: number) => {
    const s = (w.length - 1) / n; // fine steps per step
    const off = Math.round(theta * s); // τ_k = t_k + θh
    let left = 0;
    let at = 0;
    for (let k = 0; k < n; k++) {
      const a = w[k * s];
      const dw = w[(k + 1) * s] - a;
      left += a * dw;
      at += w[k * s + off] * dw;
    }
    return { left, at };
  };
  const u = hs.map(Math.log);
  const uMean = u.reduce((acc, v) => acc + v, 0) / u.length;
  const uSpread = u.reduce((acc, v) => acc + (v - uMean) ** 2, 0);
  const weights = u.map((v) => (v - uMean) / uSpread);
  const series = [];
  for (const [p, { theta, name }] of points.entries()) {
    // squared errors (n level, path) against the compared limit, and S_θ − S_0 on the finest grid
    const limitName = toIto ? byTheta[0].limit : byTheta[theta].limit;
    const squared = ns.map((n, j) => {
      progress((p + j / ns.length) / points.length, `${name} sums on ${n} steps`);
      return Float64Array.from(paths, (w) => {
        const wT = w[w.length - 1];
        const limit = (wT * wT) / 2 + ((toIto ? 0 : theta) - 0.5) * T; // L_θ, or Itô's L_0
        return (sums(w, n, theta).at - limit) ** 2;
      });
    });
    const ybar = squared.map((e) => moments(e).mean);
    const rms = ybar.map(Math.sqrt);
    const weight2 = theta ** 2 + (1 - theta) ** 2;
    const weight4 = theta ** 4 + (1 - theta) ** 4;
    // (a) E e² = (Th/2)(θ² + (1 − θ)²) within 4 exact SE, Var e² = 3nh⁴(θ⁴ + (1 − θ)⁴) + 2μ²
    const checked = choice === "quarter" ? [64, 256, 512] : [64, 256, 1024];
    for (const n of checked) {
      const h = T / n;
      const mu = (T * h * weight2) / 2;
      const varSquare = 3 * n * h ** 4 * weight4 + 2 * mu * mu;
      const k = (2 * M * mu * mu) / varSquare; // the matched χ²_k/k
      checkWithinSE(`E(${name} − ${limitName})², n = ${n}`, ybar[ns.indexOf(n)], mu, Math.sqrt(varSquare / M), {
        z: 4,
        reason: `exact SE over M = ${M} paths; nearly χ²_k/k with k = ${k.toFixed(0)}`,
        falseFail: chiSquareFalseFail(k, 4),
      });
    }
    // (b) the slope ½ Σ_j w_j log ȳ_j of the RMS error, its delta-method SE
    let se: number;
    if (theta === 0.25) {
      // ½ Σ_j w_j (e²_ij − ȳ_j)/ȳ_j per path: its SE over the paths (levels' correlation in it)
      const perPath = paths.map((_, i) => squared.reduce((acc, e, j) => acc + (0.5 * weights[j] * e[i]) / ybar[j], 0));
      se = moments(perPath).meanSE;
    } else {
      // Cov(ȳ_a, ȳ_b)/(μ_a μ_b) for a ≤ b steps on the same M paths (section 1's derivation)
      const relativeCov =
        theta === 0.5
          ? (a: number, b: number) => (a === b ? 2 + 6 / a : 4 / b) / M
          : (a: number, b: number) => (2 * (a + 6)) / (b * M); // left, and right (the same |e|)
      let variance = 0;
      for (const [j, a] of ns.entries()) {
        for (const [l, b] of ns.entries()) {
          variance += weights[j] * weights[l] * relativeCov(Math.min(a, b), Math.max(a, b));
        }
      }
      se = 0.5 * Math.sqrt(variance);
    }
    checkWithinSE(`RMS error of the ${name} sum in h`, fitSlope(u, rms.map(Math.log)).slope, 0.5, se, {
      z: 4,
      reason: `E ȳ ∝ h exactly; delta method, SE ${se.toFixed(4)}, ${M} shared paths`,
    });
    // (c) S_θ − S_0 on the finest grid: mean θT, variance Thθ(1 + θ)
    if (theta > 0) {
      const n = finest;
      const gap = moments(paths.map((w) => sums(w, n, theta)).map((s) => s.at - s.left));
      const gapVariance = T * (T / n) * theta * (1 + theta);
      checkWithinSE(`E(${name} − left), n = ${n}`, gap.mean, theta * T, Math.sqrt(gapVariance / M), {
        z: 4,
        reason: `exact SE of a mean over M = ${M} paths`,
      });
      checkWithinSE(`Var(${name} − left), n = ${n}`, gap.variance, gapVariance, gapVariance * Math.sqrt(2 / (M - 1)), {
        z: 4,
        reason: `exact SE of the sample variance of M = ${M} near-Gaussian sums`,
        falseFail: chiSquareFalseFail(M - 1, 4),
      });
    }
    series.push({ name: `${name} sum − ${limitName}`, stepSizes: hs, errors: rms });
  }
  const exactName = choice === "leftAndMid" || choice === "left" || choice === "right" ? "exact √(Th/2)" : "exact √E e²";
  const w2 = thetas[0] ** 2 + (1 - thetas[0]) ** 2;
  series.push({ name: exactName, stepSizes: hs, errors: hs.map((h) => Math.sqrt((T * h * w2) / 2)) });
  return livePlot(
    convergenceFigure(series, {
      referenceOrders: [0.5],
      title: `Root-mean-square error of the sums, ${M} paths`,
      yTitle: "RMS error",
    }),
  );
}

export const evaluationPointLive: LiveFigureSpec = {
  id: "01-evaluation-point",
  stem: "01-ito-integral",
  figure: "ito-34-1",
  checks:
    /^✓ (E\(left − \(W_T² − T\)\/2\)²|E\(midpoint − W_T²\/2\)²|RMS error of the (left|midpoint) sum in h|(E|Var)\(midpoint − left\))/,
  note:
    "Move the evaluation point τ_k = t_k + θh of the Riemann sums, and the checks run again in your browser: each " +
    "converges, at order ½, to its own limit ½W_T² + (θ − ½)T. Compared with the Itô integral, any point but the " +
    "left one fails (✗): its error tends to θT.",
  controls: [
    {
      kind: "select",
      name: "point",
      label: "Evaluation point τ_k",
      value: "leftAndMid",
      options: [
        { value: "leftAndMid", label: "left and midpoint (notebook)" },
        { value: "left", label: "left, t_k (Itô)" },
        { value: "quarter", label: "t_k + h/4" },
        { value: "mid", label: "midpoint (Stratonovich)" },
        { value: "right", label: "right, t_{k+1}" },
      ],
    },
    {
      kind: "select",
      name: "limit",
      label: "Compared with",
      value: "own",
      options: [
        { value: "own", label: "its own limit ½W_T² + (θ − ½)T" },
        { value: "ito", label: "the Itô integral ½(W_T² − T)" },
      ],
    },
    {
      kind: "select",
      name: "paths",
      label: "Paths M",
      value: "1000",
      options: PATHS.map((v) => ({ value: v, label: v })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20261201" },
  ],
  failing: { point: "mid", limit: "ito", paths: "1000", seed: "20261201" },
  compute,
};
