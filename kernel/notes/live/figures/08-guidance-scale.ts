/**
 * Lecture 08, section 6, live: the guidance scale $\gamma$. With data
 * $p_0 = \tfrac12\mathcal N(-1.5, 0.8) + \tfrac12\mathcal N(1.5, 0.8)$ and class $y = 1$, the guided
 * reverse VP SDE uses $\tilde s_t = \nabla\log p_t(x) + \gamma\nabla\log p_t(y\mid x)$, hoping to
 * sample the tilted law $\tilde p \propto p_0(x)\,p_0(y\mid x)^\gamma$. It does for $\gamma = 1$
 * ($\tilde p = p_0(x\mid y)$, Bayes' rule) and does not for $\gamma \ne 1$: $p_t\,p_t(y\mid\cdot)^\gamma$
 * is not the forward diffusion of $\tilde p$. Oracles: $\tilde p$ by the trapezoid rule, MALA on
 * $\tilde p$ (it needs $\log\tilde p$ only up to a constant), and the guided sampler's own law,
 * computed by iterating its Euler–Maruyama kernel on a grid,
 * $p_{k+1}(y) = \sum_i \delta\,p_k(x_i)\,\mathcal N(y;\ x_i + f(t_k, x_i)\Delta t,\ g(t_k)^2|\Delta t|)$.
 * Re-evaluated for the chosen $\gamma$: the section's checks — MALA's samples against $\tilde p$
 * (KS); the guided samples against $\tilde p$ (KS $p < 10^{-6}$, false-fail rate from the sampler's
 * law by DKW); their mean more than 10 SE from $\tilde p$'s; the guided samples against the
 * sampler's exact law (KS) — so that at $\gamma = 1$ the checks that guidance misses $\tilde p$
 * fail (✗): the sampler's law is then a KS distance $\approx 10^{-3}$ from $\tilde p$, the gap is
 * gone. To keep a redraw under 1 s: $N = 2500$ samples (the notebook: 5000; every check stays
 * sharp), the law on nodes $\delta = 0.02$ apart (0.01), and the notebook's 200-step law, which
 * bounds the solver's share of the gap, is left out.
 * @see Dhariwal & Nichol (2021), NeurIPS, §4.1 eq. (10) and §4.2; Chidambaram et al. (2024),
 *   "What does guidance do?"; Roberts & Tweedie (1996), Bernoulli 2(4), §1.4 (MALA); Massart
 *   (1990), Ann. Probab. 18(3) (DKW constant); notebooks/08-langevin-and-guidance.ipynb,
 *   section 6 (cells lg-23 to lg-79)
 */
import { createRng, fillNormal, spawn, type Rng } from "../../../../src/rng";
import { brownianStream, uniformGrid } from "../../../../src/brownian";
import { eulerMaruyama, integrate } from "../../../../src/sde";
import { linspace } from "../../../../src/base";
import { ksOneSample, moments, normalPdf } from "../../../../src/stats";
import { gaussianMixture } from "../../../../src/mixture";
import { vpSde } from "../../../../src/processes";
import type { ScoreFunction } from "../../../../src/score";
import { reverseSde } from "../../../../src/reverse";
import { classifierGuidedScore, tiltedLogDensity } from "../../../../src/guidance";
import type { LangevinTarget } from "../../../../src/langevin";
import { metropolisAdjustedLangevin } from "../../../../src/langevin";
import { figure, histogramTrace, lineTrace } from "../../../../src/plot";
import { checkAbove, checkBelow, checkPValue, twoSidedNormalTail } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";

const GAMMAS = ["1", "2", "3", "4"] as const;
const data = gaussianMixture({ weights: [0.5, 0.5], means: [-1.5, 1.5], covs: [0.8, 0.8] });
const vp = vpSde({ dim: 1 });
const y = 1;
// samples: the notebook draws 5000; half keeps a redraw under 1 s and every check sharp (at γ = 3
// the mean gap is μ = 32/√2 ≈ 23 SE, the KS p-value's false-fail rate ≈ 1e-34)
const Ng = 2500;
const Kg = 400; // Euler–Maruyama steps, as the notebook

/** P(Z > x) for Z ~ N(0, 1). */
const normalUpperTail = (x: number) =>
  x >= 0 ? twoSidedNormalTail(x) / 2 : 1 - twoSidedNormalTail(-x) / 2;
/** P(√n sup|F_n − F| > λ) ≤ 2e^{−2λ²} (Massart 1990), capped below 1. */
const dkwTail = (lambda: number) => Math.min(0.99, 2 * Math.exp(-2 * Math.max(0, lambda) ** 2));
/** KS at level α rejects when √n D_n > λ_α (less ksOneSample's 1/(6√n)), λ_α = √(ln(2/α)/2). */
const ksLambda = (alpha: number) => Math.sqrt(Math.log(2 / alpha) / 2);

/** cum_i = Σ_{j<i} h (p_j + p_{j+1})/2, the trapezoid rule's running integral on nodes h apart. */
const trapezoidCumulative = (p: Float64Array, h: number) => {
  const cumulative = new Float64Array(p.length);
  for (let i = 1; i < p.length; i++) cumulative[i] = cumulative[i - 1] + 0.5 * h * (p[i] + p[i - 1]);
  return cumulative;
};
/** F(x) = cum(x)/Z, linear between the nodes lo + ih: 0 below lo, 1 from the last node on. */
const piecewiseLinearCdf = (cumulative: Float64Array, lo: number, h: number) => {
  const m = cumulative.length;
  const Z = cumulative[m - 1];
  return (x: number) => {
    const u = (x - lo) / h;
    const i = Math.floor(u);
    if (i < 0) return 0;
    if (i >= m - 1) return 1;
    return (cumulative[i] + (cumulative[i + 1] - cumulative[i]) * (u - i)) / Z;
  };
};
/** A 1-D law known up to a constant, normalised by the trapezoid rule on [lo, hi] with m nodes. */
const byQuadrature = (logDensity: (x: Float64Array) => Float64Array, lo: number, hi: number, m: number) => {
  const xs = linspace(lo, hi, m);
  const h = (hi - lo) / (m - 1);
  const logP = logDensity(xs);
  const top = Math.max(...logP);
  const p = logP.map((v) => Math.exp(v - top));
  const cumulative = trapezoidCumulative(p, h);
  const Z = cumulative[m - 1];
  const density = p.map((v) => v / Z);
  const mean = density.reduce((a, v, i) => a + v * xs[i] * h, 0);
  return { xs, density, cdf: piecewiseLinearCdf(cumulative, lo, h), mean };
};

/** next_j += w N(x_j; μ, sd²) within 8.5 sd of μ, on nodes x0 + jδ (d_o = e^{−(oδ)²/2sd²}). */
const addGaussian = (next: Float64Array, x0: number, delta: number, sd: number, d: Float64Array, mu: number, w: number) => {
  const c = Math.round((mu - x0) / delta);
  const r = mu - (x0 + c * delta);
  const ratio = Math.exp((delta * r) / sd ** 2);
  let up = (w * Math.exp(-0.5 * (r / sd) ** 2)) / (sd * Math.sqrt(2 * Math.PI));
  let down = up;
  for (let o = 0; o < d.length; o++, up *= ratio, down /= ratio) {
    if (c + o >= 0 && c + o < next.length) next[c + o] += d[o] * up;
    if (o > 0 && c - o >= 0 && c - o < next.length) next[c - o] += d[o] * down;
  }
};
// δ = 0.02 (the notebook: 0.01, a quarter of the work): the trapezoid rule's relative error on a
// Gaussian of SD s is ≈ 2e^{−2π²s²/δ²}, here s ≥ g(1/400)√(1/400) = 0.0193 = 0.97δ, so ≤ 2e-8
const lawNodes = linspace(-5, 8, 651);
/** The guided sampler's law after K Euler steps from the prior N(0, 1), on lawNodes. */
const guidedLaw = (score: ScoreFunction, K: number) => {
  const sde = reverseSde(vp.sde, score);
  const times = linspace(1, 0, K + 1);
  const [m, delta] = [lawNodes.length, lawNodes[1] - lawNodes[0]];
  let p = lawNodes.map((x) => normalPdf(x));
  const drift = new Float64Array(m);
  const g = new Float64Array(1);
  for (let k = 0; k < K; k++) {
    const [t, dt] = [times[k], times[k + 1] - times[k]];
    sde.drift(t, lawNodes, drift, m);
    sde.diffusion(t, lawNodes, g, 1); // additive noise: g(t) for every x
    const sd = g[0] * Math.sqrt(Math.abs(dt));
    const d = new Float64Array(Math.ceil((8.5 * sd) / delta) + 1).map((_, o) => Math.exp(-0.5 * ((o * delta) / sd) ** 2));
    const next = new Float64Array(m);
    p.forEach((pi, i) => addGaussian(next, lawNodes[0], delta, sd, d, lawNodes[i] + drift[i] * dt, delta * pi));
    p = next;
  }
  return p;
};
/** A law on lawNodes: its CDF (trapezoid rule), mean, SD and KS distance to a CDF G. */
const summarise = (p: Float64Array, G: (x: number) => number) => {
  const delta = lawNodes[1] - lawNodes[0];
  const cdf = piecewiseLinearCdf(trapezoidCumulative(p, delta), lawNodes[0], delta);
  const mass = p.reduce((acc, v) => acc + v, 0);
  const mean = p.reduce((acc, v, i) => acc + v * lawNodes[i], 0) / mass;
  const variance = p.reduce((acc, v, i) => acc + v * (lawNodes[i] - mean) ** 2, 0) / mass;
  const ks = lawNodes.reduce((acc, x) => Math.max(acc, Math.abs(cdf(x) - G(x))), 0);
  return { cdf, mean, sd: Math.sqrt(variance), ks };
};

const [muClass, classVariance] = [1.5, 0.8]; // μ_y, Σ_y of the class y = 1
/**
 * The tilted law as a Langevin target, written out: log p̃ = (1 − γ) log p_0 + γ log N(x; μ_y, Σ_y)
 * up to a constant, score (1 − γ) ∇log p_0 + γ (μ_y − x)/Σ_y — the notebook's
 * ∇log p_0 + γ ∇log p_0(y | x) by Bayes' rule, at a fraction of the cost (no arrays per call).
 */
const tiltedNormalTarget = (gamma: number): LangevinTarget => {
  const logMix = (x: number) => {
    const a = -((x + 1.5) ** 2) / (2 * classVariance); // the two components' exponents
    const b = -((x - 1.5) ** 2) / (2 * classVariance);
    const top = Math.max(a, b);
    return top + Math.log(Math.exp(a - top) + Math.exp(b - top)); // log p_0 + const
  };
  return {
    dim: 1,
    logDensity: (x, out, n) => {
      for (let i = 0; i < n; i++) {
        out[i] = (1 - gamma) * logMix(x[i]) - (gamma * (x[i] - muClass) ** 2) / (2 * classVariance);
      }
    },
    score: (x, out, n) => {
      for (let i = 0; i < n; i++) {
        const r = 1 / (1 + Math.exp((-2 * 1.5 * x[i]) / classVariance)); // p_0(y = 1 | x)
        const mixScore = (r * (1.5 - x[i]) + (1 - r) * (-1.5 - x[i])) / classVariance; // ∇log p_0
        out[i] = (1 - gamma) * mixScore + (gamma * (muClass - x[i])) / classVariance;
      }
    },
  };
};

/** The reverse SDE with the given score by Euler–Maruyama, from the prior N(0, 1) at t = 1 to 0. */
const sampleGuided = (score: ScoreFunction, r: Rng) => {
  const [r0, r1] = spawn(r, 2);
  const prior = fillNormal(r0, new Float64Array(Ng));
  const brownian = brownianStream(r1, uniformGrid(1, 0, Kg), Ng, 1);
  return integrate(reverseSde(vp.sde, score), eulerMaruyama, prior, brownian).x;
};

function compute(params: LiveParams, progress: LiveProgress) {
  const gamma = Number(oneOf(params, "gamma", GAMMAS));
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const rTilt = spawn(createRng(seed), 7)[5]; // the notebook's stream of section 6
  const [rGuided, rMalaTilted] = spawn(rTilt, 2);
  const guidedScore = classifierGuidedScore(data, vp, y, gamma);
  progress(0, "the guided reverse SDE");
  const guided = sampleGuided(guidedScore, rGuided);
  progress(0.4, "MALA on the tilted law");
  const tilted = byQuadrature((x) => tiltedLogDensity(data, y, gamma, x), -8, 8, 8001);
  const tiltedTarget = tiltedNormalTarget(gamma);
  const malaTilted = metropolisAdjustedLangevin(rMalaTilted, tiltedTarget, new Float64Array(Ng).fill(1.5), {
    step: 0.3,
    steps: 200,
  }).x;
  progress(0.6, "the guided sampler's exact law");
  const law = summarise(guidedLaw(guidedScore, Kg), tilted.cdf);
  checkPValue(`MALA on p(x) p(y | x)^${gamma}: samples ~ tilted law (KS)`, ksOneSample(malaTilted, tilted.cdf).pValue, {
    alpha: 0.001,
    reason: `KS test of N = ${Ng} chains after 200 steps, fixed seed; quadrature error < 1e-6`,
  });
  // p ≥ 1e-6 needs √N sup|F_N − F| ≥ √N D − λ_{1e-6}, F the sampler's law at KS distance D from p̃
  checkBelow(
    `guided reverse SDE, γ = ${gamma}: KS p-value against the tilted law`,
    ksOneSample(guided, tilted.cdf).pValue,
    1e-6,
    {
      reason: `the sampler's law is a KS distance ${law.ks.toFixed(3)} from the tilted law`,
      falseFail: dkwTail(Math.sqrt(Ng) * law.ks - ksLambda(1e-6)),
    },
  );
  // |guided mean − tilted mean|/SE ≈ N(μ, 1), μ = √N |m_K − m̃|/s_K from the sampler's exact law
  const guidedMoments = moments(guided);
  const gapInSE = (Math.sqrt(Ng) * Math.abs(law.mean - tilted.mean)) / law.sd;
  checkAbove("|guided mean − tilted mean| in SE", Math.abs(guidedMoments.mean - tilted.mean) / guidedMoments.meanSE, 10, {
    reason: `the bias of guidance must be far outside the sampling noise (μ = ${gapInSE.toFixed(1)})`,
    falseFail: Math.min(0.99, normalUpperTail(gapInSE - 10)), // < 1, as the check requires,
  });
  checkPValue(`guided reverse SDE, γ = ${gamma}: samples ~ its exact law (KS)`, ksOneSample(guided, law.cdf).pValue, {
    alpha: 0.001,
    reason: `KS test of N = ${Ng} samples against the Euler chain's law on a grid (δ = 0.02: error ≈ 5e-5)`,
  });
  const tiltedHistogram = (x: Float64Array, name: string) =>
    histogramTrace(x, { name, bins: 80, range: [-2, 5], density: true, opacity: 0.5 });
  const traces = [
    tiltedHistogram(guided, `guided reverse SDE, γ = ${gamma}`),
    tiltedHistogram(malaTilted, "MALA on the tilted law"),
    lineTrace(tilted.xs, tilted.density, { name: "p(x) p(y | x)^γ / Z (quadrature)" }),
  ];
  const fig = figure(traces, {
    title: { text: `Guidance with γ = ${gamma} against the tilted law it is meant to sample` },
    xaxis: { title: { text: "x" }, range: [-2, 5] },
    yaxis: { title: { text: "density" } },
  });
  return livePlot(fig);
}

export const guidanceScaleLive: LiveFigureSpec = {
  id: "08-guidance-scale",
  stem: "08-langevin-and-guidance",
  figure: "lg-56-1",
  checks:
    /^✓ MALA on p\(x\) p\(y \| x\)\^\d+: samples ~ tilted law|^✓ guided reverse SDE, γ = \d+: KS p-value against the tilted law|^✓ \|guided mean − tilted mean\| in SE|^✓ guided reverse SDE, γ = \d+: samples ~ its exact law/,
  note:
    "Choose the guidance scale γ: the guided reverse SDE and MALA on the tilted law p(x) p(y | x)^γ run " +
    "again in your browser. For γ ≠ 1 guidance misses the tilted law; at γ = 1 it samples it (the class " +
    "p(x | y)), and the checks that it misses it fail (✗), with the sampler's KS distance as why.",
  controls: [
    {
      kind: "select",
      name: "gamma",
      label: "Guidance scale γ",
      value: "3",
      options: GAMMAS.map((v) => ({ value: v, label: v })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20260408" },
  ],
  failing: { gamma: "1", seed: "20260408" },
  compute,
};
