/**
 * Lecture 08, sections 1–2, live: the step size of the Langevin sampler on $\pi = \mathcal N(0, 1)$.
 * ULA, $x_{k+1} = x_k + h\nabla\log\pi(x_k) + \sqrt{2h}\,\xi_k$, is the AR(1) recursion
 * $x_{k+1} = (1 - h)x_k + \sqrt{2h}\,\xi_k$, stationary at $v_h = \sigma^2/(1 - h/2\sigma^2)$, an
 * $O(h)$ bias; MALA (the ULA step as a proposal, accepted with probability
 * $\min\{1, \pi(y)q(x\mid y)/\pi(x)q(y\mid x)\}$) keeps $\pi$ invariant exactly at every $h$.
 * The reader chooses the largest step $h_{\max}$ (the steps are $h_{\max}\cdot(0.1, 0.2, 0.5, 1)$,
 * the notebook's $0.05, 0.1, 0.25, 0.5$ at $h_{\max} = 0.5$) and the number of chains $N$.
 * Re-evaluated: the section's checks, ULA's variance within 4 SE of $v_h$ and MALA's within 4 SE
 * of $\sigma^2$ at every step, MALA's samples at $h_{\max}$ against $\mathcal N(0, 1)$ (KS), and the
 * check that ULA's bias at $h_{\max}$ lies more than 10 SE from $\sigma^2$ — expected at
 * $\mu = (v_h - \sigma^2)/(v_h\sqrt{2/N})$ SE, so it fails (✗, with $\mu$) when the step is small
 * enough, or the chains few enough, for the bias to hide in the noise: at $h_{\max} = 0.25$ and
 * $N = 2000$, $\mu \approx 4$.
 * @see Roberts & Tweedie (1996), Bernoulli 2(4), eqs. (1.1)–(1.2) and §1.4; Durmus & Moulines
 *   (2017), Ann. Appl. Probab. 27(3); notebooks/08-langevin-and-guidance.ipynb, sections 1–2
 *   (cells lg-03 to lg-09)
 */
import { createRng, spawn } from "../../../../src/rng";
import { normalStream } from "../../../../src/brownian";
import { ksOneSample, moments, normalCdf } from "../../../../src/stats";
import { linspace } from "../../../../src/base";
import type { LangevinTarget } from "../../../../src/langevin";
import {
  metropolisAdjustedLangevin,
  ulaStationaryVariance,
  unadjustedLangevin,
} from "../../../../src/langevin";
import { figure, lineTrace, markerTrace } from "../../../../src/plot";
import { checkAbove, checkPValue, checkWithinSE, twoSidedNormalTail } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";

const LARGEST = ["0.25", "0.5", "0.75", "1"] as const; // h_max; 1 is still < 2σ² (stable)
const SHAPE = [0.1, 0.2, 0.5, 1]; // the notebook's steps 0.05, 0.1, 0.25, 0.5 over its h_max = 0.5
const CHAINS = ["2000", "5000", "10000"] as const;
/**
 * π = N(0, 1) written out: log π = −x²/2 without its constant (MALA needs none: section 3), score −x.
 * The notebook's `mixtureTarget` of a one-component mixture gives the same chains up to rounding
 * in MALA's log-ratio, at about half the cost.
 */
const standardNormal: LangevinTarget = {
  dim: 1,
  logDensity: (x, out, n) => {
    for (let i = 0; i < n; i++) out[i] = -0.5 * x[i] * x[i];
  },
  score: (x, out, n) => {
    for (let i = 0; i < n; i++) out[i] = -x[i];
  },
};
/** P(Z > x) for Z ~ N(0, 1). */
const normalUpperTail = (x: number) =>
  x >= 0 ? twoSidedNormalTail(x) / 2 : 1 - twoSidedNormalTail(-x) / 2;

function compute(params: LiveParams, progress: LiveProgress) {
  const hMax = Number(oneOf(params, "hmax", LARGEST));
  const N = Number(oneOf(params, "chains", CHAINS));
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const [rUla, rMala] = spawn(createRng(seed), 7); // the notebook's streams of sections 1 and 2
  const stepSizes = SHAPE.map((s) => s * hMax);
  const noise = normalStream(rUla);
  // 10/h steps from 0: the start is forgotten as (1 − h)^{20/h} ≤ e^{-20} (0 at h = 1)
  const ulaMoments = stepSizes.map((h, i) => {
    progress(i / (2 * stepSizes.length), `ULA, h = ${h}`);
    return moments(
      unadjustedLangevin(noise, standardNormal, new Float64Array(N), {
        step: h,
        steps: Math.ceil(10 / h),
      }).x,
    );
  });
  const malaRuns = stepSizes.map((h, i) => {
    progress((stepSizes.length + i) / (2 * stepSizes.length), `MALA, h = ${h}`);
    return metropolisAdjustedLangevin(rMala, standardNormal, new Float64Array(N), {
      step: h,
      steps: Math.ceil(12 / h),
    });
  });
  const malaMoments = malaRuns.map((run) => moments(run.x));
  stepSizes.forEach((h, i) => {
    const vh = ulaStationaryVariance(1, h); // v_h = σ²/(1 − h/2σ²)
    checkWithinSE(`ULA variance, h = ${h}`, ulaMoments[i].variance, vh, ulaMoments[i].varianceSE, {
      z: 4,
      reason: `SE from the 4th moment, N = ${N} chains; start forgotten to e^-20`,
    });
  });
  // (variance − σ²)/SE at h_max ≈ N(μ, 1), μ = (v_h − σ²)/(v_h √(2/N)): below 10 w.p. P(Z > μ − 10)
  const last = ulaMoments[stepSizes.length - 1];
  const vLast = ulaStationaryVariance(1, hMax);
  const biasInSE = (vLast - 1) / (vLast * Math.sqrt(2 / N)); // μ
  checkAbove(`ULA at h = ${hMax}: (variance − σ²)/SE`, (last.variance - 1) / last.varianceSE, 10, {
    reason: `the O(h) bias must be far outside the sampling noise (expected ${biasInSE.toFixed(1)})`,
    falseFail: Math.min(0.99, normalUpperTail(biasInSE - 10)), // < 1, as the check requires,
  });
  stepSizes.forEach((h, i) => {
    checkWithinSE(`MALA variance, h = ${h}`, malaMoments[i].variance, 1, malaMoments[i].varianceSE, {
      z: 4,
      reason: `SE from the 4th moment, N = ${N} chains`,
    });
  });
  const malaAtLargest = malaRuns[stepSizes.length - 1].x;
  checkPValue(
    `MALA, h = ${hMax}: samples ~ N(0, 1) (KS)`,
    ksOneSample(malaAtLargest, normalCdf).pValue,
    { alpha: 0.001, reason: `KS test of N = ${N} samples, fixed seed` },
  );
  const hGrid = linspace(0.01, 1.2 * hMax, 60);
  const stepAxis = Float64Array.from(stepSizes);
  const traces = [
    lineTrace(
      hGrid,
      hGrid.map((h) => ulaStationaryVariance(1, h)),
      { name: "ULA: v_h" },
    ),
    markerTrace(
      stepAxis,
      ulaMoments.map((m) => m.variance),
      { name: "ULA", size: 9 },
    ),
    markerTrace(
      stepAxis,
      malaMoments.map((m) => m.variance),
      { name: "MALA", size: 9, symbol: "diamond" },
    ),
    lineTrace(
      hGrid,
      hGrid.map(() => 1),
      { name: "σ²", dash: "dash" },
    ),
  ];
  const fig = figure(traces, {
    title: { text: `MALA removes the step-size bias (N = ${N} chains)` },
    xaxis: { title: { text: "step h" } },
    yaxis: { title: { text: "variance" } },
  });
  return livePlot(fig);
}

export const langevinStepLive: LiveFigureSpec = {
  id: "08-langevin-step",
  stem: "08-langevin-and-guidance",
  figure: "lg-38-1",
  checks:
    /^✓ ULA variance, h = |^✓ MALA variance, h = |^✓ ULA at h = [\d.]+: \(variance − σ²\)\/SE|^✓ MALA, h = [\d.]+: samples ~ N\(0, 1\)/,
  note:
    "Choose the largest step h (the four steps scale with it) and the number of chains: ULA's variance " +
    "follows v_h = 1/(1 − h/2), MALA's stays at σ² = 1. At h = 0.25 with 2000 chains ULA's bias hides in " +
    "the noise and the check that it lies 10 SE from σ² fails (✗), with the expected distance in SE as why.",
  controls: [
    {
      kind: "select",
      name: "hmax",
      label: "Largest step h",
      value: "0.5",
      options: LARGEST.map((v) => ({ value: v, label: v })),
    },
    {
      kind: "select",
      name: "chains",
      label: "Chains N",
      value: "10000",
      options: CHAINS.map((v) => ({ value: v, label: v })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20260408" },
  ],
  failing: { hmax: "0.25", chains: "2000", seed: "20260408" },
  compute,
};
