/**
 * Lecture 05, section 2, live: Tweedie's formula $\mathbb E[\theta\mid x] = (x + \sigma^2\nabla\log
 * p(x))/\alpha$ on the mixture prior $\pi = 0.3\,\mathcal N(-2, 0.25) + 0.7\,\mathcal N(1.5, 0.5)$,
 * $x = \alpha\theta + \sigma z$, at the noise level the reader chooses: the notebook's
 * $(\alpha, \sigma) = (1, 0.8)$, another $\sigma$, or a DDPM step $t$ with $\alpha_t =
 * \sqrt{\bar\alpha_t}$, $\sigma_t = \sqrt{1 - \bar\alpha_t}$. The law of $x$ is $p = \sum_k
 * w_k\mathcal N(\alpha\mu_k, \alpha^2\Sigma_k + \sigma^2)$. Re-evaluated: (a) Tweedie through the
 * score of $p$ equals the closed-form mixture posterior mean (conjugate components reweighted by
 * their responsibilities) within $10^{-10}$ at 201 points; (b) on $N$ simulated pairs, in each bin
 * of $x$ the mean of $\theta - \mathbb E[\theta\mid x]$ is 0 within 4 SE (tower rule; bins with
 * fewer than 20 draws are skipped). Dropping the $1/\alpha$ (a DDPM step, where $\alpha_t < 1$) or
 * writing $\sigma$ for $\sigma^2$ makes both checks fail.
 * @see Efron (2011), JASA 106, eq. (2.8); Ho et al. (2020), eq. (4);
 *   notebooks/05-tweedie.ipynb, section 2 (cells tw-31 to tw-09)
 */
import { gaussianMixture, mixtureScore, pushForward, sampleMixture } from "../../../../src/mixture";
import { mixturePosterior, tweedieMean } from "../../../../src/denoise";
import { ddpmSchedule } from "../../../../src/diffusion";
import { createRng, fillNormal, spawn } from "../../../../src/rng";
import { moments } from "../../../../src/stats";
import { linspace } from "../../../../src/base";
import { figure, lineTrace, markerTrace } from "../../../../src/plot";
import { checkAllClose, checkWithinSE } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";

const prior = gaussianMixture({ weights: [0.3, 0.7], means: [-2, 1.5], covs: [0.25, 0.5] }); // π
const xs = linspace(-5, 5, 201);
const edges = [-4, -2, -0.5, 0.5, 2, 4]; // the notebook's bins of x
const shown = 1500; // pairs drawn in the scatter
const schedule = ddpmSchedule(); // Ho et al. (2020): T = 1000, β from 1e-4 to 0.02

const NOISE = ["0.8", "0.3", "1.5", "t100", "t300", "t600"] as const;
const FORMULAS = ["tweedie", "sigmaNotSquared", "noAlpha"] as const;

/** (α, σ) of a noise setting: σ alone (α = 1), or DDPM's (√ᾱ_t, √(1 − ᾱ_t)) at step t. */
function noiseLevel(noise: (typeof NOISE)[number]): { alpha: number; sigma: number; text: string } {
  if (!noise.startsWith("t")) return { alpha: 1, sigma: Number(noise), text: `α = 1, σ = ${noise}` };
  const t = Number(noise.slice(1));
  const alpha = Math.sqrt(schedule.alphaBar[t]);
  const sigma = Math.sqrt(schedule.oneMinusAlphaBar[t]);
  return { alpha, sigma, text: `DDPM t = ${t}: α_t = ${alpha.toFixed(3)}, σ_t = ${sigma.toFixed(3)}` };
}

function compute(params: LiveParams, progress: LiveProgress) {
  const { alpha, sigma, text } = noiseLevel(oneOf(params, "noise", NOISE));
  const formula = oneOf(params, "formula", FORMULAS);
  const N = numberParam(params, "pairs", 1000, 100000);
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const rMix = spawn(createRng(seed), 5)[1]; // the notebook's stream of this section
  const pMix = pushForward(prior, alpha, sigma); // p = Σ_k w_k N(αμ_k, α²Σ_k + σ²)
  /** the posterior mean as the chosen formula computes it from the score of p */
  const posteriorMean = (x: Float64Array) => {
    const score = mixtureScore(pMix, x);
    if (formula === "tweedie") return tweedieMean(x, score, alpha, sigma); // (x + σ²s)/α
    if (formula === "noAlpha") return x.map((v, i) => v + sigma * sigma * score[i]); // 1/α dropped
    return x.map((v, i) => (v + sigma * score[i]) / alpha); // σ written for σ²
  };
  const tweedieMix = posteriorMean(xs);
  const closedForm = mixturePosterior(prior, xs, alpha, sigma).mean;
  checkAllClose("mixture prior: Tweedie vs closed-form posterior mean", tweedieMix, closedForm, {
    abs: 1e-10,
    reason: "two closed forms, rounding in log-sum-exp",
  }); // check (a)
  progress(0.2, `${N} pairs (θ, x) and their posterior means`);
  const thetaMix = sampleMixture(rMix, prior, N);
  const zMix = fillNormal(rMix, new Float64Array(N));
  const xMix = thetaMix.map((theta, i) => alpha * theta + sigma * zMix[i]); // x = αθ + σz
  const meanMix = posteriorMean(xMix);
  for (let b = 0; b + 1 < edges.length; b++) {
    progress(0.5 + (0.5 * b) / edges.length, `the bins of x`);
    const [lo, hi] = [edges[b], edges[b + 1]];
    const inBin = Array.from(xMix.keys()).filter((i) => xMix[i] >= lo && xMix[i] < hi);
    if (inBin.length < 20) continue; // too few draws for a mean and its SE
    const residual = moments(inBin.map((i) => thetaMix[i] - meanMix[i]));
    checkWithinSE(`mixture prior: mean of θ − E[θ|x], x ∈ [${lo}, ${hi})`, residual.mean, 0, residual.meanSE, {
      z: 4,
      reason: `SE of a mean of ${inBin.length} residuals`,
    }); // check (b)
  }
  const name = {
    tweedie: "Tweedie",
    noAlpha: "x + σ²∇log p (1/α dropped)",
    sigmaNotSquared: "(x + σ∇log p)/α (σ for σ²)",
  }[formula];
  const traces = [
    markerTrace(xMix.subarray(0, shown), thetaMix.subarray(0, shown), {
      name: "(x, θ) samples",
      size: 3,
      opacity: 0.3,
    }),
    lineTrace(xs, tweedieMix, { name }),
    lineTrace(xs, closedForm, { name: "mixture posterior mean", dash: "dash" }),
    lineTrace(xs, xs, { name: "identity (no denoising)", dash: "dot" }),
  ];
  return livePlot(
    figure(traces, {
      title: { text: `Mixture prior: the posterior mean at ${text}` },
      xaxis: { title: { text: "x" } },
      yaxis: { title: { text: "θ" } },
    }),
  );
}

export const tweedieNoiseLive: LiveFigureSpec = {
  id: "05-tweedie-noise",
  stem: "05-tweedie",
  figure: "tw-07-1",
  checks: /^✓ mixture prior: (Tweedie vs closed-form posterior mean|mean of θ − E\[θ\|x\])/,
  note:
    "Change the noise level (σ, or a DDPM step t) and watch the posterior mean snap to the modes at low noise " +
    "and shrink to the prior mean at high noise; the checks run again in your browser. " +
    "At a DDPM step, dropping the 1/α_t (or writing σ for σ²) makes Tweedie miss the posterior mean (✗).",
  controls: [
    {
      kind: "select",
      name: "noise",
      label: "Noise level",
      value: "0.8",
      options: [
        { value: "0.8", label: "α = 1, σ = 0.8 (notebook)" },
        { value: "0.3", label: "α = 1, σ = 0.3" },
        { value: "1.5", label: "α = 1, σ = 1.5" },
        { value: "t100", label: "DDPM t = 100" },
        { value: "t300", label: "DDPM t = 300" },
        { value: "t600", label: "DDPM t = 600" },
      ],
    },
    {
      kind: "select",
      name: "formula",
      label: "Posterior mean from the score",
      value: "tweedie",
      options: [
        { value: "tweedie", label: "(x + σ²∇log p)/α (Tweedie)" },
        { value: "sigmaNotSquared", label: "(x + σ∇log p)/α (σ for σ²)" },
        { value: "noAlpha", label: "x + σ²∇log p (1/α dropped)" },
      ],
    },
    {
      kind: "select",
      name: "pairs",
      label: "Pairs N",
      value: "40000",
      options: ["5000", "10000", "40000", "80000"].map((v) => ({ value: v, label: v })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20260505" },
  ],
  failing: { noise: "t300", formula: "noAlpha", pairs: "40000", seed: "20260505" },
  compute,
};
