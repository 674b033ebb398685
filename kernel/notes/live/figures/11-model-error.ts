/**
 * Lecture 11, section 4, live: when the model's error takes over. A sampler driven by a model
 * $s_\theta$ integrates the model's probability-flow ODE, whose solution $\Phi_\theta(x_T)$ is
 * $m = \mathrm{RMS}\lVert\Phi_\theta - \Phi\rVert$ away from the exact one whatever the sampler; the
 * error against the exact answer $e_K = \mathrm{RMS}\lVert\Phi^K_\theta - \Phi\rVert$ lies within
 * $d_K = \mathrm{RMS}\lVert\Phi^K_\theta - \Phi_\theta\rVert$ of $m$ (Minkowski), so it falls like the
 * exact-score curves while $d_K \gg m$ and flattens at $m$ once $d_K \ll m$.
 * Difference from the notebook: its model is a small network trained by DSM (a few seconds);
 * here the model is the exact score of a *wrong* mixture, the data's with each mean moved by
 * $\delta z_k$, $z_k$ a unit vector of uniform direction from the seed: the reader sets the model's
 * error by δ (at δ = 0.3, $m$ lay in [0.29, 0.54] over 100 seeds; the notebook's networks', in
 * [0.32, 0.57]). The exact solution $\Phi$ is
 * DPM-Solver-2 with 256 steps on ρ = 7 levels (the notebook's 2048 are needed for its section 3,
 * not here), the model's $\Phi_\theta$ likewise, each with its Richardson error
 * $\mathrm{RMS}\lVert x_{128} - x_{256}\rVert/3$. The starting points are an 8 × 8 grid of quantiles
 * of $\mathcal N(0, I)$ (the notebook's 12 × 12, at about half the cost).
 * Re-evaluated: (a) both Richardson errors are below 1% of $m$ (so they move $e_K/m$ by less than
 * 0.01 each); (b) the notebook's check, from NFE 256 on every sampler's $|e_K/m - 1| \le 0.1$,
 * which holds once $d_K \le m/10$. Its outcome depends on the seed through $m$ (the directions):
 * at δ = 0.3 it fails only if $m < 10\,d_{256} \approx 0.08$ (Euler); in 100 seeds measured apart
 * it never did (largest departure 0.036): declared 3/100, the rule of three, as the notebook's
 * (at δ = 0.1, $m$ went down to 0.09 and 2 seeds in 100 failed: the check is not made for it).
 * Failing setting: δ = 0.003, a model so good ($m \approx 0.005$) that the first-order samplers'
 * discretisation error $d_{256} \approx 0.008$ still shows (✗).
 * @see Karras et al. (2022), NeurIPS, Algorithm 1; Lu et al. (2022), NeurIPS, Algorithm 1;
 *   notebooks/11-fast-samplers.ipynb, section 4 (cells fs-49 to fs-55)
 */
import type { ScoreFunction } from "../../../../src/score";
import { exactMixtureScore } from "../../../../src/score";
import { gaussianMixture } from "../../../../src/mixture";
import { vpSde } from "../../../../src/processes";
import { integrate, eulerMaruyama } from "../../../../src/sde";
import { probabilityFlow, zeroNoise } from "../../../../src/reverse";
import { gridFromTimes, normalStream } from "../../../../src/brownian";
import { createRng, spawn } from "../../../../src/rng";
import { normalQuantile } from "../../../../src/stats";
import {
  ddimSample,
  denoiserFromScore,
  dpmSolver2Sample,
  edmHeunSample,
  karrasSigmas,
  noiseLevel,
  timeAtNoiseLevel,
} from "../../../../src/samplers";
import { figure, lineTrace } from "../../../../src/plot";
import { checkBelow } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";

const vp = vpSde({ dim: 2 });
const weights = [0.4, 0.3, 0.3];
const means = [-1.5, 0, 1.5, 1, 0.5, -1.2];
const covs = [0.1, 0, 0, 0.1, 0.15, 0.05, 0.05, 0.1, 0.08, -0.03, -0.03, 0.12];
const exact = exactMixtureScore(gaussianMixture({ weights, means, covs }), vp);
const tMin = 1e-3;
const [sigmaMin, sigmaMax] = [noiseLevel(vp, tMin), noiseLevel(vp, 1)];
const nfes = [8, 16, 32, 64, 128, 256, 512];
const flatFrom = nfes.indexOf(256);
const DELTAS = ["0.3", "1", "0.1", "0.03", "0.003"] as const;

// 64 starting points: an 8 × 8 grid of quantiles of N(0, I) (seed-free; the notebook's is 12 × 12)
const quantiles = Array.from({ length: 8 }, (_, i) => normalQuantile((i + 0.5) / 8));
const starts = Float64Array.from(quantiles.flatMap((a) => quantiles.flatMap((b) => [a, b])));
const NS = 64;
const rms = (a: Float64Array, b: Float64Array) =>
  Math.sqrt(a.reduce((acc, v, k) => acc + (v - b[k]) ** 2, 0) / NS);

const grids = new Map<number, { sigmas: Float64Array; times: Float64Array }>();
/** ρ = 7 levels for a number of steps, and their times t(σ_i): seed-free, kept across redraws. */
function levels(steps: number) {
  let g = grids.get(steps);
  if (!g) {
    const sigmas = karrasSigmas(steps + 1, sigmaMin, sigmaMax, 7);
    g = { sigmas, times: sigmas.map((s) => timeAtNoiseLevel(vp, s)) };
    grids.set(steps, g);
  }
  return g;
}
const notRead = normalStream(createRng(0)); // DDIM's noise: not read at η = 0
type Run = (score: ScoreFunction, steps: number) => Float64Array;
const samplers: { name: string; run: Run; callsPerStep: number }[] = [
  {
    name: "Euler",
    callsPerStep: 1,
    run: (score, steps) =>
      integrate(
        probabilityFlow(vp.sde, score),
        eulerMaruyama,
        starts,
        zeroNoise(gridFromTimes(levels(steps).times), NS, 2),
      ).x,
  },
  {
    name: "DDIM",
    callsPerStep: 1,
    run: (score, steps) => ddimSample(notRead, vp, score, starts, NS, { times: levels(steps).times }),
  },
  {
    name: "Heun (EDM)",
    callsPerStep: 2,
    run: (score, steps) => {
      const tilde = starts.map((v) => v / vp.scale(1)); // x̃ = x/α_T
      const out = edmHeunSample(denoiserFromScore(vp, score), levels(steps).sigmas, tilde, NS);
      return out.map((v) => v * vp.scale(tMin));
    },
  },
  {
    name: "DPM-Solver-2",
    callsPerStep: 2,
    run: (score, steps) => dpmSolver2Sample(vp, score, starts, NS, { times: levels(steps).times }),
  },
];
const dpm2 = samplers[3].run;
/** A finely solved ODE (DPM-Solver-2, 256 steps) and its Richardson error. */
const solveFinely = (score: ScoreFunction) => {
  const x = dpm2(score, 256);
  return { x, error: rms(dpm2(score, 128), x) / 3 };
};
let exactCache: { flow: { x: Float64Array; error: number }; curves: number[][] } | undefined;
/** Φ and the exact-score error curves (the dotted ones): seed-free, computed once. */
function exactPart(progress: LiveProgress) {
  if (!exactCache) {
    const flow = solveFinely(exact);
    const curves = samplers.map((s, i) => {
      progress(0.1 + i / 10, `${s.name} with the exact score`);
      return nfes.map((nfe) => rms(s.run(exact, nfe / s.callsPerStep), flow.x));
    });
    exactCache = { flow, curves };
  }
  return exactCache;
}

function compute(params: LiveParams, progress: LiveProgress) {
  const delta = Number(oneOf(params, "delta", DELTAS));
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const rModel = spawn(createRng(seed), 7)[5]; // the notebook's stream for the network's init
  // each mean moved by δ in a direction drawn uniformly (the size of the error fixed, its shape random)
  const z = new Float64Array(means.length);
  for (let k = 0; k < weights.length; k++) {
    const angle = 2 * Math.PI * rModel.uniform();
    [z[2 * k], z[2 * k + 1]] = [Math.cos(angle), Math.sin(angle)];
  }
  const model = exactMixtureScore(
    gaussianMixture({ weights, means: means.map((m, i) => m + delta * z[i]), covs }),
    vp,
  );
  progress(0, "the exact ODE solution and the exact-score curves");
  const { flow, curves: exactCurves } = exactPart(progress);
  progress(0.4, "the model's ODE, solved finely");
  const modelFlow = solveFinely(model);
  const m = rms(modelFlow.x, flow.x); // the model error
  const worst = Math.max(flow.error, modelFlow.error);
  checkBelow("Richardson error of the fine ODE solutions / m", worst / m, 0.01, {
    reason: `DPM-Solver-2, 256 vs 128 steps on ρ = 7; m = ${m.toFixed(4)}`,
  }); // check (a)
  const learned = samplers.map((s, i) => {
    const outs = nfes.map((nfe, j) => {
      progress(0.5 + (i + j / nfes.length) / 8, `${s.name} with the model, NFE ${nfe}`);
      return s.run(model, nfe / s.callsPerStep);
    });
    return { name: s.name, e: outs.map((x) => rms(x, flow.x)) };
  });
  for (const c of learned) {
    const departure = Math.max(...c.e.slice(flatFrom).map((e) => Math.abs(e / m - 1)));
    checkBelow(`${c.name}: max over NFE ≥ 256 of |e_K/m − 1|`, departure, 0.1, {
      reason: `d_K ≤ m/10 (Minkowski); m = ${m.toFixed(3)} from the model's own ODE`,
      falseFail: 0.03, // no failure in 100 seeds at δ = 0.3: the rule of three
    }); // check (b)
  }
  const axis = Float64Array.from(nfes);
  const traces = [
    ...learned.flatMap((c, i) => [
      lineTrace(axis, Float64Array.from(c.e), { name: `${c.name}, model` }),
      lineTrace(axis, Float64Array.from(exactCurves[i]), { name: `${c.name}, exact`, dash: "dot" }),
    ]),
    lineTrace(new Float64Array([8, 512]), new Float64Array([m, m]), {
      name: "model error m (the model's ODE, solved finely)",
      dash: "dash",
    }),
  ];
  return livePlot(
    figure(traces, {
      title: { text: `Error against the exact solution: the model's error takes over (δ = ${delta})` },
      xaxis: { title: { text: "NFE" }, type: "log" },
      yaxis: { title: { text: "RMS error at t_min" }, type: "log" },
    }),
  );
}

export const modelErrorLive: LiveFigureSpec = {
  id: "11-model-error",
  stem: "11-fast-samplers",
  figure: "fs-65-1",
  checks: /^✓ (Euler|DDIM|Heun \(EDM\)|DPM-Solver-2): max over NFE ≥ 256 of \|e_K\/m − 1\|/,
  note:
    "The model here is the exact score of a mixture whose means are moved by δ (the notebook's is a " +
    "trained network): every sampler's error flattens at the model's own error m. With a model so good " +
    "that m ≈ 0.005 (δ = 0.003), the first-order samplers' own error still shows at 256 NFE (✗).",
  controls: [
    {
      kind: "select",
      name: "delta",
      label: "Model error δ (means moved by δz)",
      value: "0.3",
      options: DELTAS.map((v) => ({ value: v, label: v === "0.3" ? "0.3 (m ≈ the notebook's)" : v })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20261111" },
  ],
  failing: { delta: "0.003", seed: "20261111" },
  compute,
};
