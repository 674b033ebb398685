/**
 * Lecture 04, section 5, live: the probability-flow ODE $\dot x = f - \lambda g^2\nabla_x\log p_t(x)$
 * for OU ($dX = -X\,dt + \sqrt2\,dW$, $T = 2$) and the data $p_0 = 0.3\,\mathcal N(-2, 0.25) +
 * 0.7\,\mathcal N(1.5, 0.5)$, with the exact mixture score. The continuity equation $\partial_t p =
 * -\nabla\cdot[(f - \tfrac12g^2\nabla\log p_t)p]$ makes $\lambda = \tfrac12$ the flow; $\lambda = 1$
 * is the reverse SDE's drift with its noise dropped (it over-sharpens), $\lambda = 0$ runs OU
 * backwards (it spreads). The reader chooses $\lambda$, the solver (Heun, order 2, or Euler, order 1)
 * and the steps $K$. Re-evaluated: (a) KS of the flow's $N = 2000$ samples from exact draws of
 * $p_T$ against $p_t$ at $t = 1.5, 1, 0.5, 0$ ($\alpha = 10^{-3}$), each declaring
 * $2e^{-2N(d_\alpha - b)^2}$ (DKW, Massart's constant) with $b = \max_i|F_t(x_t) - u_i|$ the
 * solver's shift of the cdf along 199 quantiles of $p_T$ (the notebook's $N$ is 10 000: at 2000
 * a redraw stays well under 1 s, and $d_\alpha = 0.044$ still dwarfs $b$); (b) at $t = 0$,
 * $F_0(x_0) - u_i$ is the solver's error predicted by Richardson, $p_0(x_0)\,e_i$ with
 * $e = \tfrac43(x_h - x_{h/2})$ for order 2, within 10% of the largest prediction (Heun leaves
 * $\approx 1.3\%$; Euler's order 1 makes Richardson for order 2 miss a third: ✗); (c) the flow map
 * is increasing on 24 quantiles. $\lambda = 1$ (or 0) fails (a) and (b) (✗).
 * @see Song et al. (2021), ICLR, eq. (13); Maoutsa, Reich & Opper (2020), Entropy 22(8);
 *   notebooks/04-reverse-time-sde.ipynb, section 5 (cells rv-62 to rv-103)
 */
import { createRng, spawn } from "../../../../src/rng";
import { brownianStream, uniformGrid } from "../../../../src/brownian";
import { eulerMaruyama, integrate, stochasticHeun } from "../../../../src/sde";
import { ornsteinUhlenbeck } from "../../../../src/processes";
import {
  gaussianMixture,
  mixtureCdf,
  mixtureLogDensity,
  mixtureQuantile,
  sampleMixture,
} from "../../../../src/mixture";
import { exactMixtureScore, type ScoreFunction } from "../../../../src/score";
import { probabilityFlow, reverseSde, zeroNoise } from "../../../../src/reverse";
import { ksOneSample } from "../../../../src/stats";
import { column, row } from "../../../../src/base";
import { figure, lineTrace } from "../../../../src/plot";
import { checkBelow, checkPValue, checkTrue } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";

const data = gaussianMixture({ weights: [0.3, 0.7], means: [-2, 1.5], covs: [0.25, 0.5] }); // p_0
const T = 2;
const ou = ornsteinUhlenbeck({ theta: 1, sigma: Math.SQRT2, T: T }); // prior N(0, 1)
const exact = exactMixtureScore(data, ou);
const pT = exact.marginal(T);
const WEIGHTS = ["0.5", "1", "0"] as const; // λ
const SOLVERS = ["heun", "euler"] as const;
const STEPS = ["200", "100", "400", "40"] as const; // multiples of 4: saved at t = 1.5, 1, 0.5, 0
const N = 2000; // the notebook: 10 000
const nq = 24;
const ksAlpha = 0.001;
const quantileLevels = Float64Array.from({ length: 199 }, (_, i) => (i + 1) / 200);
const fromQuantiles = quantileLevels.map((u) => mixtureQuantile(pT, u));
const quantiles = Float64Array.from({ length: nq }, (_, i) => mixtureQuantile(pT, (i + 0.5) / nq));

/** A correct flow fails KS at level α w.p. ≤ 2e^{−2N(d_α − b)²} (DKW); 0.99 once b ≥ d_α. */
function ksRejectRate(n: number, b: number): number {
  const d = Math.sqrt(Math.log(2 / ksAlpha) / (2 * n)); // d_α
  return d > b ? Math.min(0.99, 2 * Math.exp(-2 * n * (d - b) ** 2)) : 0.99;
}

/** The ODE ẋ = f − λg²∇log p_t: probabilityFlow's ½ is λ = ½, so the score is scaled by 2λ. */
function flowWithWeight(lambda: number) {
  const scaled: ScoreFunction = {
    dim: 1,
    score(t, x, out, n) {
      exact.score(t, x, out, n);
      for (let i = 0; i < n; i++) out[i] *= 2 * lambda;
    },
  };
  return probabilityFlow(ou.sde, scaled);
}

function compute(params: LiveParams, progress: LiveProgress) {
  const lambda = Number(oneOf(params, "weight", WEIGHTS));
  const solverName = oneOf(params, "solver", SOLVERS);
  const K = Number(oneOf(params, "steps", STEPS));
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const solver = solverName === "heun" ? stochasticHeun : eulerMaruyama;
  const [, , rRev, , , rPaths] = spawn(createRng(seed), 9); // the notebook's streams
  const flow = flowWithWeight(lambda);
  // N exact draws of p_T carried by the flow, saved at t = 2, 1.5, 1, 0.5, 0
  const xT = sampleMixture(rRev, pT, N);
  const flowRun = integrate(flow, solver, xT, zeroNoise(uniformGrid(T, 0, K), N, 1), {
    saveEvery: K / 4,
  });
  const flowAt = (j: number) => row(flowRun.states, j, N);
  progress(0.4, "paths from 24 quantiles of p_T");
  // 24 quantiles of p_T: flow paths and reverse-SDE paths (Anderson, Euler–Maruyama), every step
  const pathGrid = uniformGrid(T, 0, K);
  const flowPaths = integrate(flow, solver, quantiles, zeroNoise(pathGrid, nq, 1), { saveEvery: 1 });
  const rev = reverseSde(ou.sde, exact);
  const sdePaths = integrate(rev, eulerMaruyama, quantiles, brownianStream(rPaths, pathGrid, nq, 1), {
    saveEvery: 1,
  });
  progress(0.6, "the solver's error along 199 quantiles (Richardson)");
  const flowFrom = (steps: number, ode = flow) =>
    integrate(ode, solver, fromQuantiles, zeroNoise(uniformGrid(T, 0, steps), 199, 1), {
      saveEvery: steps / 4,
    });
  const [coarseFlow, fineFlow] = [flowFrom(K), flowFrom(2 * K)];
  const cdfShift = (run: typeof coarseFlow, j: number) => {
    const pt = exact.marginal(2 - j / 2);
    const xh = row(run.states, j, 199);
    return Math.max(...xh.map((x, i) => Math.abs(mixtureCdf(pt, x) - quantileLevels[i])));
  };
  // the shift b of the flow λ = ½ (what a correct ODE would show), for the KS checks' rates
  const correctRun = lambda === 0.5 ? coarseFlow : flowFrom(K, flowWithWeight(0.5));
  const flowGap = (j: number) => {
    const pt = exact.marginal(2 - j / 2);
    const [xh, xh2] = [row(coarseFlow.states, j, 199), row(fineFlow.states, j, 199)];
    const density = mixtureLogDensity(pt, xh).map(Math.exp);
    const gap = xh.map((x, i) => mixtureCdf(pt, x) - quantileLevels[i]);
    const predicted = xh.map((x, i) => density[i] * (4 / 3) * (x - xh2[i]));
    const largest = (v: Float64Array) => Math.max(...v.map(Math.abs));
    return {
      b: largest(gap),
      predicted: largest(predicted),
      residual: largest(gap.map((g, i) => g - predicted[i])),
    };
  };
  progress(0.85, "KS tests");
  const gaps = [1, 2, 3, 4].map(flowGap);
  [1, 2, 3, 4].forEach((j) => {
    const t = 2 - j / 2;
    const ks = ksOneSample(flowAt(j), (x) => mixtureCdf(exact.marginal(t), x));
    const b = lambda === 0.5 ? gaps[j - 1].b : cdfShift(correctRun, j);
    const shift = `moves F_t by at most b = ${b.toExponential(1)}`;
    const own = `λ = ${lambda} moves it by ${gaps[j - 1].b.toExponential(1)}`;
    checkPValue(`flow: x_${t} ~ p_${t} (KS)`, ks.pValue, {
      alpha: ksAlpha,
      reason: `KS test of N = ${N} samples; ${solverName === "heun" ? "Heun" : "Euler"} ${shift}${lambda === 0.5 ? "" : ` at λ = ½, ${own}`}`,
      falseFail: ksRejectRate(N, b),
    });
  });
  const atZero = gaps[3];
  const moved = atZero.predicted.toExponential(2);
  checkBelow("max_i |F_0(x_0) − u_i − p_0(x_0)·e_i| along the flow", atZero.residual, 0.1 * atZero.predicted, {
    reason: `${solverName === "heun" ? "Heun" : "Euler"}'s predicted error (Richardson for order 2) moves F_0 by up to ${moved}; Heun leaves ≈ 1.3%: 10%`,
  });
  const flowEnds = row(flowPaths.states, K, nq);
  const increasing = flowEnds.every((v, i) => i === 0 || v > flowEnds[i - 1]);
  checkTrue("the 1-D flow map x_T ↦ x_0 is increasing", increasing, {
    reason: `${nq} increasing quantiles of p_T stay in order (ODE solutions cannot cross)`,
  });

  const pathTimes = flowPaths.times;
  const sdeStyle = { color: "#ff7f0e", width: 1, opacity: 0.6 };
  const flowStyle = { color: "#1f77b4", width: 1.2 };
  const sdeTraces = Array.from({ length: nq }, (_, i) => ({
    ...lineTrace(pathTimes, column(sdePaths.states, i, nq), sdeStyle),
    xaxis: "x",
    yaxis: "y",
  }));
  const flowTraces = Array.from({ length: nq }, (_, i) => ({
    ...lineTrace(pathTimes, column(flowPaths.states, i, nq), flowStyle),
    xaxis: "x2",
    yaxis: "y2",
  }));
  const drift = lambda === 0.5 ? "f − ½g²∇log p_t" : lambda === 1 ? "f − g²∇log p_t" : "f";
  return livePlot(
    figure([...sdeTraces, ...flowTraces], {
      title: {
        text: `Reverse-SDE paths (left) and the ODE ẋ = ${drift} by ${solverName === "heun" ? "Heun" : "Euler"}, ${K} steps (right)`,
      },
      xaxis: { domain: [0, 0.47], title: { text: "t" }, autorange: "reversed" },
      xaxis2: { domain: [0.53, 1], title: { text: "t" }, autorange: "reversed" },
      yaxis2: { anchor: "x2" },
      showlegend: false,
    }),
  );
}

export const probabilityFlowLive: LiveFigureSpec = {
  id: "04-probability-flow",
  stem: "04-reverse-time-sde",
  figure: "rv-27-1",
  checks:
    /^✓ flow: x_[\d.]+ ~ p_[\d.]+ \(KS\)|^✓ max_i \|F_0\(x_0\) − u_i − p_0\(x_0\)·e_i\| along the flow|^✓ the 1-D flow map x_T ↦ x_0 is increasing/,
  note:
    "Choose the ODE's score term, the solver and the steps; the flow's checks run again in your browser. " +
    "Only ẋ = f − ½g²∇log p_t carries p_T to p_0: the SDE's drift without its noise (λ = 1) collapses the " +
    "modes and the KS tests fail (✗); Euler instead of Heun fails the order-2 Richardson check (✗).",
  controls: [
    {
      kind: "select",
      name: "weight",
      label: "ODE drift f − λg²∇log p",
      value: "0.5",
      options: [
        { value: "0.5", label: "λ = ½ (probability flow)" },
        { value: "1", label: "λ = 1 (the SDE's drift, noise dropped)" },
        { value: "0", label: "λ = 0 (score dropped)" },
      ],
    },
    {
      kind: "select",
      name: "solver",
      label: "Solver",
      value: "heun",
      options: [
        { value: "heun", label: "Heun (order 2)" },
        { value: "euler", label: "Euler (order 1)" },
      ],
    },
    {
      kind: "select",
      name: "steps",
      label: "Steps K",
      value: "200",
      options: STEPS.map((v) => ({ value: v, label: `${v} (h = ${T / Number(v)})` })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20260404" },
  ],
  failing: { weight: "1", solver: "heun", steps: "200", seed: "20260404" },
  compute,
};
