/**
 * Lecture 06, section 6, live: the noise schedule of DDPM's Algorithm 2,
 * $x_{t-1} = \tfrac{1}{\sqrt{1-\beta_t}}(x_t - \tfrac{\beta_t}{\sigma_t}\hat\varepsilon(x_t, t)) + \sqrt{v_t}\,z$
 * from $x_T \sim \mathcal N(0, 1)$, with the exact $\varepsilon$-predictor of the mixture data
 * $0.3\,\mathcal N(-2, 0.25) + 0.7\,\mathcal N(1.5, 0.5)$ and $v_t = \beta_t$ or $\tilde\beta_t$. The
 * reader chooses the schedule and the number of steps $T$: linear with Ho et al.'s
 * $\beta_1 = 10^{-4}$, $\beta_T = 0.02$ whatever $T$ (the notebook's at $T = 1000$), linear with
 * both ends scaled by $1000/T$ (the same $\textstyle\sum_t\beta_t$), or cosine, $\bar\alpha_t =
 * f(t)/f(0)$, $f(t) = \cos^2\big(\tfrac{t/T + s}{1 + s}\tfrac\pi2\big)$, $s = 0.008$, $\beta_t =
 * \min(1 - \bar\alpha_t/\bar\alpha_{t-1}, 0.999)$. Algorithm 2 starts from $\mathcal N(0, 1)$, not
 * from $q(x_T) = \sum_k w_k\mathcal N(\alpha_T\mu_k, \alpha_T^2\Sigma_k + \sigma_T^2)$: the prior
 * matching term $L_T = \mathrm{KL}(q(x_T)\,\|\,\mathcal N(0, 1))$ (trapezoid rule on 801 points of
 * $[-10, 10]$) measures what that costs and is printed with each check. Re-evaluated: the section's
 * checks, KS of both samplers' output against the data law at $\alpha = 10^{-3}$ (the chain's bias
 * at $T = 1000$ is far below KS's resolution). $N = 1000$ samples per sampler (the notebook:
 * 5000; at 1000 steps that is $2\cdot10^6$ predictor calls, a redraw under 1 s; KS resolves
 * $\approx 0.06$). The short linear schedule with Ho's $\beta$ range, e.g. $T = 50$, leaves
 * $\bar\alpha_T \approx 0.6$: $q(x_T)$ is far from $\mathcal N(0, 1)$, $L_T \approx 0.4$ nats, and
 * both KS checks fail (✗).
 * @see Ho, Jain & Abbeel (2020), NeurIPS, Algorithm 2, §4; Nichol & Dhariwal (2021), ICML,
 *   eq. (17); notebooks/06-elbo.ipynb, section 6 (cells el-47 to el-53)
 */
import { createRng, spawn } from "../../../../src/rng";
import { normalStream, type NormalStream } from "../../../../src/brownian";
import { gaussianMixture, mixtureCdf, mixtureLogDensity, pushForward } from "../../../../src/mixture";
import {
  ddpmSchedule,
  scheduleFromBetas,
  type DdpmSchedule,
  type EpsPredictor,
} from "../../../../src/diffusion";
import { ddpmSample } from "../../../../src/samplers";
import { ksOneSample, normalPdf } from "../../../../src/stats";
import { linspace } from "../../../../src/base";
import { figure, histogramTrace, lineTrace } from "../../../../src/plot";
import { checkPValue } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";

const dataMix = gaussianMixture({ weights: [0.3, 0.7], means: [-2, 1.5], covs: [0.25, 0.5] });
const SCHEDULES = ["linear", "linearScaled", "cosine"] as const;
const STEPS = ["1000", "200", "50", "20"] as const;
const SAMPLES = ["1000", "2000", "5000"] as const; // the notebook: 5000
const x0Grid = linspace(-4, 4, 300);
const dataPdf = mixtureLogDensity(dataMix, x0Grid).map(Math.exp);
const binning = { bins: 80, range: [-4, 4] as [number, number], density: true };
const klGrid = linspace(-10, 10, 801);

/** The schedule of T steps: Ho's linear β, linear with ends scaled by 1000/T, or cosine. */
function makeSchedule(kind: (typeof SCHEDULES)[number], T: number): DdpmSchedule {
  if (kind === "linear") return ddpmSchedule({ steps: T });
  if (kind === "linearScaled") {
    const scale = 1000 / T;
    return ddpmSchedule({ steps: T, betaStart: 1e-4 * scale, betaEnd: Math.min(0.999, 0.02 * scale) });
  }
  const s = 0.008;
  const f = (t: number) => Math.cos((((t / T + s) / (1 + s)) * Math.PI) / 2) ** 2;
  const betas = Float64Array.from({ length: T }, (_, i) => Math.min(1 - f(i + 1) / f(i), 0.999));
  return scheduleFromBetas(betas); // Nichol & Dhariwal (2021), eq. (17)
}

/** L_T = KL(q(x_T) ‖ N(0, 1)) for the data mixture, by the trapezoid rule. */
function priorMatching(schedule: DdpmSchedule): number {
  const T = schedule.steps;
  const qT = pushForward(dataMix, Math.sqrt(schedule.alphaBar[T]), Math.sqrt(schedule.oneMinusAlphaBar[T]));
  const logQ = mixtureLogDensity(qT, klGrid);
  const integrand = logQ.map((l, i) => Math.exp(l) * (l - Math.log(normalPdf(klGrid[i]))));
  const h = klGrid[1] - klGrid[0];
  return h * (integrand.reduce((a, v) => a + v, 0) - (integrand[0] + integrand[integrand.length - 1]) / 2);
}

/**
 * ε̂(x_t, t) = E[ε | x_t] = σ_t Σ_k r_k(x)(x − α_tμ_k)/c_k, c_k = α_t²v_k + σ_t², r_k the
 * responsibilities: `mixtureEpsPredictor` for this 1-D, two-component data law written out, without
 * its per-call validation (a few times faster; the same values up to rounding).
 */
function fastEpsPredictor(schedule: DdpmSchedule): EpsPredictor {
  const [w, mu, v] = [[0.3, 0.7], [-2, 1.5], [0.25, 0.5]];
  return (t, xt, out, n) => {
    const [a2, s2] = [schedule.alphaBar[t], schedule.oneMinusAlphaBar[t]];
    const [a, s] = [Math.sqrt(a2), Math.sqrt(s2)];
    const c = v.map((vk) => a2 * vk + s2);
    const m = mu.map((mk) => a * mk);
    const logW = w.map((wk, k) => Math.log(wk) - 0.5 * Math.log(c[k]));
    for (let i = 0; i < n; i++) {
      const x = xt[i];
      const l0 = logW[0] - (0.5 * (x - m[0]) ** 2) / c[0];
      const l1 = logW[1] - (0.5 * (x - m[1]) ** 2) / c[1];
      const r0 = 1 / (1 + Math.exp(l1 - l0)); // responsibility of component 0
      out[i] = s * (r0 * ((x - m[0]) / c[0]) + (1 - r0) * ((x - m[1]) / c[1]));
    }
  };
}

/** The stream, reporting progress once per `every` calls (one call per step). */
function reporting(noise: NormalStream, every: number, report: (calls: number) => void): NormalStream {
  let calls = 0;
  return {
    normals(out) {
      if (calls % every === 0) report(calls);
      calls++;
      return noise.normals(out);
    },
  };
}

function compute(params: LiveParams, progress: LiveProgress) {
  const kind = oneOf(params, "schedule", SCHEDULES);
  const T = Number(oneOf(params, "steps", STEPS));
  const N = Number(oneOf(params, "samples", SAMPLES));
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const rSample = spawn(createRng(seed), 5)[4]; // the notebook's stream of section 6
  const schedule = makeSchedule(kind, T);
  const epsHat = fastEpsPredictor(schedule);
  const [rBeta, rBetaTilde] = spawn(rSample, 2);
  const every = Math.max(1, Math.round(T / 5));
  const samplesBeta = ddpmSample(
    reporting(normalStream(rBeta), every, (k) => progress((0.5 * k) / T, "Algorithm 2, v_t = β_t")),
    schedule,
    epsHat,
    N,
    1,
  );
  const samplesBetaTilde = ddpmSample(
    reporting(normalStream(rBetaTilde), every, (k) =>
      progress(0.5 + (0.5 * k) / T, "Algorithm 2, v_t = β̃_t"),
    ),
    schedule,
    epsHat,
    N,
    1,
    { reverseVariance: "betaTilde" },
  );
  const alphaBarT = schedule.alphaBar[T];
  const LT = priorMatching(schedule);
  const tolerance = {
    alpha: 0.001,
    reason: `KS test of ${N} samples; ᾱ_T = ${alphaBarT.toExponential(1)}, L_T = KL(q(x_T) ‖ N(0, 1)) = ${LT.toExponential(1)} nats`,
  };
  const cdf = (u: number) => mixtureCdf(dataMix, u);
  checkPValue("Algorithm 2 (v_t = β_t) ~ data (KS)", ksOneSample(samplesBeta, cdf).pValue, tolerance);
  checkPValue("Algorithm 2 (v_t = β̃_t) ~ data (KS)", ksOneSample(samplesBetaTilde, cdf).pValue, tolerance);
  const name = { linear: "linear β (Ho)", linearScaled: "linear β × 1000/T", cosine: "cosine" }[kind];
  const traces = [
    histogramTrace(samplesBeta, { name: "Algorithm 2, v_t = β_t", ...binning }),
    histogramTrace(samplesBetaTilde, { name: "Algorithm 2, v_t = β̃_t", ...binning }),
    lineTrace(x0Grid, dataPdf, { name: "data law" }),
  ];
  return livePlot(
    figure(traces, {
      title: { text: `DDPM sampling with the exact ε-predictor: ${name}, T = ${T} (ᾱ_T = ${alphaBarT.toExponential(1)})` },
      xaxis: { title: { text: "x0" } },
    }),
  );
}

export const ddpmScheduleLive: LiveFigureSpec = {
  id: "06-ddpm-schedule",
  stem: "06-elbo",
  figure: "el-21-1",
  checks: /^✓ Algorithm 2 \(v_t = β(̃)?_t\) ~ data \(KS\)/,
  note:
    "Choose the noise schedule and the number of steps T; Algorithm 2 runs again in your browser and its KS " +
    "checks are re-evaluated, with ᾱ_T and the prior-matching term L_T. Ho's linear β range with few steps " +
    "(T = 50) never reaches noise (ᾱ_T ≈ 0.6): sampling from N(0, 1) misses the data law (✗); scaling β " +
    "or the cosine schedule repairs it.",
  controls: [
    {
      kind: "select",
      name: "schedule",
      label: "Schedule",
      value: "linear",
      options: [
        { value: "linear", label: "linear, β from 1e-4 to 0.02 (Ho)" },
        { value: "linearScaled", label: "linear, β × 1000/T" },
        { value: "cosine", label: "cosine (Nichol & Dhariwal)" },
      ],
    },
    {
      kind: "select",
      name: "steps",
      label: "Steps T",
      value: "1000",
      options: STEPS.map((v) => ({ value: v, label: v })),
    },
    {
      kind: "select",
      name: "samples",
      label: "Samples N (each)",
      value: "1000",
      options: SAMPLES.map((v) => ({ value: v, label: v === "5000" ? "5000 (notebook)" : v })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20260606" },
  ],
  failing: { schedule: "linear", steps: "50", samples: "1000", seed: "20260606" },
  compute,
};
