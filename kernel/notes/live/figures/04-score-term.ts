/**
 * Lecture 04, section 3, live: the score term of Anderson's reverse SDE. The data
 * $p_0 = 0.3\,\mathcal N(-2, 0.25) + 0.7\,\mathcal N(1.5, 0.5)$ go through OU, $dX = -X\,dt +
 * \sqrt2\,dW$, to $T = 2$; the sampler runs $dX = [f - \lambda g^2\nabla_x\log p_t(X)]\,dt + g\,d\bar W$
 * from exact draws of $p_T$ down to $0$ by Euler–Maruyama, with the exact mixture score and the
 * weight $\lambda$ the reader chooses: $\lambda = 1$ is Anderson's theorem, $\lambda = \tfrac12$ is
 * the probability flow's drift with the noise kept, $\lambda = 0$ is the naive reversal. Reversed
 * in $s = T - t$, the sampler's Fokker–Planck equation is $\partial_s q = \nabla\cdot(fq) -
 * \lambda g^2\nabla\cdot(q\nabla\log p) + \tfrac12g^2\Delta q$, which $q = p_{T-s}$ solves only
 * for $\lambda = 1$; otherwise it leaves the residual $(1 - \lambda)g^2\partial_x^2p$.
 * Re-evaluated: (a) that residual at $t = 1$ on 33 points by central differences, Richardson
 * extrapolated, within $10^{-7}$ ($O(\eta^4) \approx 2\cdot10^{-8}$ and rounding, as the notebook);
 * (b) KS of the samples against $p_1$ and $p_0$ at $\alpha = 10^{-3}$, each declaring the rate at
 * which a correct sampler fails, $2e^{-2N(d_\alpha - b)^2}$ (DKW with Massart's constant), $b$ the
 * KS distance of Anderson's Euler–Maruyama chain from $p_t$, computed by the notebook's quadrature
 * of the chain's law (161 nodes $0.1$ apart; the steps offered keep $g\sqrt{|h|} \ge 0.1$), capped
 * at 0.99 when $b \ge d_\alpha$ (the chain's law is kept for the next run). $N = 2000$ samples by
 * default, the notebook's 10 000 offered: at 2000 a redraw stays under 1 s and $d_\alpha = 0.044$
 * still dwarfs $b$ ($P(\text{false fail}) = 1.7\cdot10^{-3}$ at $t = 0$, the notebook's
 * $3.3\cdot10^{-3}$). $\lambda = \tfrac12$ or $0$ fails (a) and (b) (✗).
 * @see Anderson (1982), Stoch. Proc. Appl. 12(3), 313–326; Song et al. (2021), ICLR, eq. (6);
 *   Massart (1990), Ann. Probab. 18(3); notebooks/04-reverse-time-sde.ipynb, section 3 (cells
 *   rv-53 to rv-14)
 */
import { createRng, spawn } from "../../../../src/rng";
import { brownianStream, gridTimes, uniformGrid } from "../../../../src/brownian";
import { eulerMaruyama, integrate, type Sde } from "../../../../src/sde";
import { ornsteinUhlenbeck } from "../../../../src/processes";
import {
  gaussianMixture,
  mixtureCdf,
  mixtureLogDensity,
  sampleMixture,
} from "../../../../src/mixture";
import { exactMixtureScore, type ScoreFunction } from "../../../../src/score";
import { reverseSde } from "../../../../src/reverse";
import { ksOneSample, normalCdf } from "../../../../src/stats";
import { linspace, row } from "../../../../src/base";
import { figure, histogramTrace, lineTrace } from "../../../../src/plot";
import { checkAllClose, checkPValue } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";
import { reportingSource } from "../progress";

const data = gaussianMixture({ weights: [0.3, 0.7], means: [-2, 1.5], covs: [0.25, 0.5] }); // p_0
const T = 2;
const ou = ornsteinUhlenbeck({ theta: 1, sigma: Math.SQRT2, T: T }); // prior N(0, 1)
const exact = exactMixtureScore(data, ou); // p_t and ∇log p_t, exact
const WEIGHTS = ["1", "0.5", "0"] as const; // λ
const STEPS = ["400", "200", "100", "40"] as const; // g√|h| ≥ 0.1 = Δx of the quadrature
const SAMPLES = ["2000", "5000", "10000"] as const; // the notebook: 10 000
const ksAlpha = 0.001;
const xs = linspace(-4.5, 4.5, 361);
const colors = ["#1f77b4", "#ff7f0e", "#2ca02c"];
const binning = { bins: 90, range: [-4.5, 4.5] as [number, number], density: true, opacity: 0.35 };
const side = (x: "x" | "x2") => ({ xaxis: x, yaxis: x === "x" ? "y" : "y2" });
const cdfOf = (t: number) => (x: number) => mixtureCdf(exact.marginal(t), x);

/** The exact score times λ: the reverse drift f − λg²∇log p_t. */
function weightedScore(lambda: number): ScoreFunction {
  return {
    dim: 1,
    score(t, x, out, n) {
      exact.score(t, x, out, n);
      for (let i = 0; i < n; i++) out[i] *= lambda;
    },
  };
}

/** A correct sampler fails KS at level α w.p. ≤ 2e^{−2N(d_α − b)²} (DKW); ≥ 0.99 once b ≥ d_α. */
function ksRejectRate(n: number, b: number): number {
  const d = Math.sqrt(Math.log(2 / ksAlpha) / (2 * n)); // d_α
  return d > b ? Math.min(0.99, 2 * Math.exp(-2 * n * (d - b) ** 2)) : 0.99;
}

/** sup_x |F(x) − G(x)| on 801 points of [−8, 8]. */
const ksDistance = (F: (x: number) => number, G: (x: number) => number) =>
  Math.max(...linspace(-8, 8, 801).map((x) => Math.abs(F(x) - G(x))));

type StepLaw = { w: Float64Array; m: Float64Array; s: Float64Array };
/** One Euler–Maruyama step of the law Σ_i w_i δ_{x_i}: Σ_i w_i N(x_i + b_i h, g_i²|h|). */
function emStepLaw(sde: Sde, t: number, h: number, x: Float64Array, w: Float64Array): StepLaw {
  const [b, g] = [new Float64Array(x.length), new Float64Array(x.length)];
  sde.drift(t, x, b, x.length);
  sde.diffusion(t, x, g, x.length);
  const [m, s] = [x.map((xi, i) => xi + b[i] * h), g.map((gi) => gi * Math.sqrt(Math.abs(h)))];
  return { w, m, s };
}
const stepCdf = (law: StepLaw, y: number) =>
  law.w.reduce((F, w, i) => F + w * normalCdf((y - law.m[i]) / law.s[i]), 0);
/**
 * The law's density at the equispaced points y, terms beyond 9 SD (e^{−40}) dropped. The noise is
 * additive, so every component has the SD s of the step: for y_j = y_c + oδ next to m = y_c + r,
 * e^{−(y_j − m)²/2s²} = e^{−(oδ)²/2s²}(e^{δr/s²})^o e^{−r²/2s²}, two exps per component (the notebook
 * takes one per pair: the same sum up to rounding).
 */
function stepDensity(law: StepLaw, y: Float64Array): Float64Array {
  const out = new Float64Array(y.length);
  const [y0, dy, s] = [y[0], y[1] - y[0], law.s[0]];
  const d = Float64Array.from({ length: Math.floor((9 * s) / dy) + 1 }, (_, o) =>
    Math.exp(-0.5 * ((o * dy) / s) ** 2),
  );
  for (let i = 0; i < law.m.length; i++) {
    const c = Math.round((law.m[i] - y0) / dy); // the point nearest to m_i, maybe off the grid
    const r = law.m[i] - (y0 + c * dy);
    const ratio = Math.exp((dy * r) / (s * s));
    let up = (law.w[i] * Math.exp(-0.5 * (r / s) ** 2)) / (s * Math.sqrt(2 * Math.PI));
    let down = up;
    for (let o = 0; o < d.length; o++, up *= ratio, down /= ratio) {
      if (c + o >= 0 && c + o < y.length) out[c + o] += d[o] * up;
      if (o > 0 && c - o >= 0 && c - o < y.length) out[c - o] += d[o] * down;
    }
  }
  return out;
}
/** The chain's laws on the grid from weights w0 at the nodes (notebook cell rv-92). */
function chainLaws(sde: Sde, x: Float64Array, cell: number, w0: Float64Array, grid: Float64Array) {
  const laws = [emStepLaw(sde, grid[0], grid[1] - grid[0], x, w0)];
  for (let k = 1; k + 1 < grid.length; k++) {
    const w = stepDensity(laws[k - 1], x).map((q) => q * cell);
    laws.push(emStepLaw(sde, grid[k], grid[k + 1] - grid[k], x, w));
  }
  return laws; // laws[k]: the law at grid[k + 1]
}

const biasCache = new Map<number, [number, number]>();
/**
 * The KS distances b of Anderson's K-step Euler–Maruyama chain from p_1 and p_0 (notebook cells
 * rv-90 to rv-93); deterministic, so kept for the next run.
 */
function chainBias(K: number): [number, number] {
  const known = biasCache.get(K);
  if (known) return known;
  const anderson = reverseSde(ou.sde, exact);
  const nodes = linspace(-8, 8, 161);
  const start = mixtureLogDensity(exact.marginal(T), nodes).map((l) => Math.exp(l) * 0.1);
  const chain = chainLaws(anderson, nodes, 0.1, start, gridTimes(uniformGrid(T, 0, K)));
  const bias: [number, number] = [
    ksDistance((x) => stepCdf(chain[K / 2 - 1], x), cdfOf(1)),
    ksDistance((x) => stepCdf(chain[K - 1], x), cdfOf(0)),
  ];
  biasCache.set(K, bias);
  return bias;
}

function compute(params: LiveParams, progress: LiveProgress) {
  const lambda = Number(oneOf(params, "weight", WEIGHTS));
  const K = Number(oneOf(params, "steps", STEPS));
  const N = Number(oneOf(params, "samples", SAMPLES));
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const [rData, , rRev] = spawn(createRng(seed), 9); // the notebook's streams
  // forward: N paths from p_0 by Euler–Maruyama (h = 0.005), saved at t = 0, 0.5, …, 2
  const x0 = sampleMixture(rData, data, N);
  const brownianForward = reportingSource(
    brownianStream(rData, uniformGrid(0, T, 400), N, 1),
    progress, 0, 0.2, "forward paths",
  );
  const forward = integrate(ou.sde, eulerMaruyama, x0, brownianForward, { saveEvery: 100 });
  const fwdAt = (j: number) => row(forward.states, j, N);
  // the sampler with the score weighted by λ, from exact draws of p_T
  const xT = sampleMixture(rRev, exact.marginal(T), N);
  const rev = reverseSde(ou.sde, weightedScore(lambda));
  const brownianReverse = reportingSource(
    brownianStream(rRev, uniformGrid(T, 0, K), N, 1),
    progress, 0.2, 0.7, "the reverse sampler",
  );
  const reverseRun = integrate(rev, eulerMaruyama, xT, brownianReverse, { saveEvery: K / 4 });
  const backAt = (j: number) => row(reverseRun.states, j, N); // t = 2, 1.5, 1, 0.5, 0
  progress(0.7, "the reversed Fokker–Planck residual");

  // (a) R = ∂_s q + ∂_x(b q) − ½∂_x²(g² q) at t = 1, q = p_{T−s}, b = −(f − λg²∇log p)
  const one = new Float64Array(1);
  const y1 = new Float64Array(1);
  const revAt = (part: "drift" | "diffusion", t: number, y: number) => {
    y1[0] = y;
    rev[part](t, y1, one, 1);
    return one[0];
  };
  const pAt = (t: number, x: number) =>
    Math.exp(mixtureLogDensity(exact.marginal(t), Float64Array.of(x))[0]);
  const residualAt = (t: number, x: number, eta: number) => {
    const dsQ = -(pAt(t + eta, x) - pAt(t - eta, x)) / (2 * eta); // ∂_s = −∂_t
    const bq = (y: number) => -revAt("drift", t, y) * pAt(t, y);
    const g2q = (y: number) => revAt("diffusion", t, y) ** 2 * pAt(t, y);
    const dxBq = (bq(x + eta) - bq(x - eta)) / (2 * eta);
    const dxxG2q = (g2q(x + eta) - 2 * g2q(x) + g2q(x - eta)) / eta ** 2;
    return dsQ + dxBq - 0.5 * dxxG2q;
  };
  const extrapolated = linspace(-4, 4, 33).map(
    (x) => (4 * residualAt(1, x, 0.01) - residualAt(1, x, 0.02)) / 3, // (4R_η − R_2η)/3
  );
  checkAllClose(
    "reversed Fokker–Planck residual at t = 1, Richardson-extrapolated",
    extrapolated,
    0,
    {
      abs: 1e-7,
      reason: `O(η⁴) ≈ 2e-8 and rounding ≈ 1e-12; λ = ${lambda} leaves (1 − λ)g²∂ₓ²p`,
    },
  );

  // (b) KS at t = 1 and 0; the rates from Anderson's own Euler–Maruyama chain (quadrature)
  progress(0.8, "the law of Anderson's Euler–Maruyama chain");
  const [bias1, bias0] = chainBias(K);
  progress(0.95, "KS tests");
  const chainReason = (b: number) =>
    lambda === 1
      ? `KS test of N = ${N} samples; the EM chain's law is b = ${b.toExponential(1)} from p_t`
      : `KS test of N = ${N} samples; Anderson's EM chain (λ = 1) is b = ${b.toExponential(1)} from p_t, λ = ${lambda} is not`;
  const ksBack1 = ksOneSample(backAt(2), cdfOf(1));
  const ksBack0 = ksOneSample(backAt(4), cdfOf(0));
  checkPValue("reverse SDE: X_1 ~ p_1 (KS)", ksBack1.pValue, {
    alpha: ksAlpha,
    reason: chainReason(bias1),
    falseFail: ksRejectRate(N, bias1),
  });
  checkPValue("reverse SDE: X_0 ~ p_0 (KS)", ksBack0.pValue, {
    alpha: ksAlpha,
    reason: chainReason(bias0),
    falseFail: ksRejectRate(N, bias0),
  });

  const name = lambda === 1 ? "reverse SDE" : `reverse SDE, λ = ${lambda}`;
  const traces = [0, 2, 4].flatMap((j, c) => {
    const t = j / 2;
    const pt = mixtureLogDensity(exact.marginal(t), xs).map(Math.exp);
    const style = { ...binning, color: colors[c] };
    const backHistogram = histogramTrace(backAt(4 - j), { ...style, name: `${name}, t = ${t}` });
    return [
      { ...histogramTrace(fwdAt(j), { ...style, name: `forward, t = ${t}` }), ...side("x") },
      { ...lineTrace(xs, pt, { name: `p_${t}`, color: colors[c] }), ...side("x") },
      { ...backHistogram, ...side("x2") },
      { ...lineTrace(xs, pt, { color: colors[c] }), ...side("x2") },
    ];
  });
  return livePlot(
    figure(traces, {
      title: {
        text: `Forward densities (left) and the sampler with drift f − ${lambda === 1 ? "" : `${lambda}·`}g²∇log p_t (right), ${K} steps`,
      },
      xaxis: { domain: [0, 0.47], title: { text: "x (forward, t: 0 → 2)" } },
      xaxis2: { domain: [0.53, 1], title: { text: "x (reverse, t: 2 → 0)" } },
      yaxis2: { anchor: "x2" },
    }),
  );
}

export const scoreTermLive: LiveFigureSpec = {
  id: "04-score-term",
  stem: "04-reverse-time-sde",
  figure: "rv-12-1",
  checks:
    /^✓ reversed Fokker–Planck residual at t = 1|^✓ reverse SDE: X_[01] ~ p_[01] \(KS\)/,
  note:
    "Weight the score term of the reverse drift f − λg²∇log p_t, change the Euler steps or the samples, " +
    "and the section's checks run again in your browser. Only λ = 1 (Anderson) returns p_0: with λ = ½ " +
    "(the probability flow's drift, noise kept) or λ = 0 (the naive reversal) the Fokker–Planck residual " +
    "and the KS tests fail (✗).",
  controls: [
    {
      kind: "select",
      name: "weight",
      label: "Score term λ in f − λg²∇log p",
      value: "1",
      options: [
        { value: "1", label: "λ = 1 (Anderson)" },
        { value: "0.5", label: "λ = ½ (the flow's drift, noise kept)" },
        { value: "0", label: "λ = 0 (score dropped: naive reversal)" },
      ],
    },
    {
      kind: "select",
      name: "steps",
      label: "Euler steps K",
      value: "400",
      options: STEPS.map((v) => ({ value: v, label: `${v} (h = ${T / Number(v)})` })),
    },
    {
      kind: "select",
      name: "samples",
      label: "Samples N",
      value: "2000",
      options: SAMPLES.map((v) => ({ value: v, label: v === "10000" ? "10000 (notebook)" : v })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20260404" },
  ],
  failing: { weight: "0.5", steps: "400", samples: "2000", seed: "20260404" },
  compute,
};
