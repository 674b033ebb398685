/**
 * Lecture 03, section 4, live: one Ornstein–Uhlenbeck density three ways. $dX = -\theta X\,dt +
 * \sigma\,dW$ ($\theta = \sigma = 1$) from $X_0 \sim \mathcal N(2, 0.25^2)$ has the exact law
 * $\mathcal N(2\alpha_t, 0.25^2\alpha_t^2 + \sigma_t^2)$; the Fokker–Planck equation is solved by
 * Chang–Cooper on $n$ cells of $[-4, 5]$ with backward Euler steps $\Delta t$, and $N$ paths by
 * Euler–Maruyama ($\Delta t = 0.01$). The reader chooses $\Delta t$, $n$, $N$ and the seed.
 * Re-evaluated, as cells fp-11 and fp-63, at $t = 0.25, 0.75, 2$: (a) the PDE's error against its
 * predicted leading terms, $\lVert(p_{\text{PDE}} - p) - (E_t + E_x)\rVert_1 \le 2\lVert R_2\rVert_1$
 * with $E_t = \tfrac{\Delta t}2\,t\,\partial_t^2p$ (backward Euler's first term: $(I - \Delta t
 * A)^{-n} = e^{tA}\exp(\tfrac{t\Delta t}2A^2 + \dots)$), $E_x \approx \tfrac43(p_h - p_{h/2})$
 * (Richardson, a second run on $2n$ cells) and $R_2 = \Delta t^2(\tfrac t3\partial_t^3p +
 * \tfrac{t^2}8\partial_t^4p)$ the next term; (b) the histograms in bins of width $0.25$ within
 * McDiarmid's bound $\sum_k s_k + \sqrt{2\ln(10^4)/N}$ (false-fail rate $\le 10^{-4}$) plus the
 * computed distance from the Euler–Maruyama chain's exact Gaussian bins to the exact (or the
 * PDE's) bins. At the defaults ($\Delta t = 0.002$, $n = 360$, $N = 20\,000$, seed 20261125, stream
 * 1 of 4) the numbers are the notebook's. The expansion in $\Delta t$ is remarkably robust: even
 * $\Delta t = 0.25$ (one step to $t = 0.25$) is predicted within $2\lVert R_2\rVert_1$. Failing: a
 * too coarse grid. The check counts on everything beyond $E_t + E_x$ lying far below $R_2$, among
 * it Richardson's remainder $O(h^4)$ and the $O(\Delta t\,h^2)$ difference between the grid's
 * $A^2p$ and $\partial_t^2p$; on $n = 72$ cells ($h = 0.125$) with $\Delta t = 0.001$ they exceed
 * $2\lVert R_2\rVert_1 \propto \Delta t^2$, and check (a) fails at all three times.
 * @see Chang & Cooper (1970), J. Comput. Phys. 6; Gardiner (2009), Stochastic Methods, §3.5;
 *   McDiarmid (1989); notebooks/03-fokker-planck.ipynb, section 4 (cells fp-07 to fp-63)
 */
import type { Coefficients1d, CellGrid } from "../../../../src/fokker-planck";
import {
  cellGrid,
  densityOnGrid,
  gridMass,
  l1Distance,
  solveFokkerPlanck,
} from "../../../../src/fokker-planck";
import { brownianStream, uniformGrid } from "../../../../src/brownian";
import { eulerMaruyama, integrate } from "../../../../src/sde";
import { ornsteinUhlenbeck } from "../../../../src/processes";
import { createRng, fillNormal, spawn } from "../../../../src/rng";
import { histogram, normalCdf } from "../../../../src/stats";
import { linspace, row } from "../../../../src/base";
import { figure, histogramTrace, lineTrace } from "../../../../src/plot";
import { checkBelow } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";

const theta = 1;
const sigma = 1;
const T = 2; // horizon
const mean0 = 2; // X_0 ~ N(2, 0.25²)
const std0 = 0.25;
const shownTimes = [0.25, 0.75, 2];
const bins = 36; // of width 0.25 on [−4, 5]
const range: [number, number] = [-4, 5];
const Kpaths = 200; // Euler–Maruyama steps of the paths
const mcFalseFail = 1e-4;
const STEPS = ["0.001", "0.002", "0.005", "0.025", "0.125", "0.25"] as const; // Δt of the PDE
const CELLS = ["72", "144", "360", "720"] as const;
const PATHS = ["5000", "20000", "50000"] as const;

const ou: Coefficients1d = { drift: (_t, x) => -theta * x, diffusion: () => sigma, timeDependent: false };
const ouProcess = ornsteinUhlenbeck({ theta: theta, sigma: sigma, T: T });
const normalDensity = (law: { mean: number; variance: number }) => (x: number) =>
  Math.exp(-((x - law.mean) ** 2) / (2 * law.variance)) / Math.sqrt(2 * Math.PI * law.variance);
/** X_t ~ N(2α_t, 0.25²α_t² + σ_t²) */
const exactLaw = (t: number) => {
  const scale = ouProcess.scale(t); // α_t
  return { mean: mean0 * scale, variance: (std0 * scale) ** 2 + ouProcess.std(t) ** 2 };
};
const exactAt = (t: number) => normalDensity(exactLaw(t));
const edges = linspace(range[0], range[1], bins + 1);
/** q_b = Φ(z(e_{b+1})) − Φ(z(e_b)) of a Gaussian law */
const gaussianBins = (law: { mean: number; variance: number }) =>
  Array.from(edges.subarray(1), (e, b) => {
    const z = (x: number) => (x - law.mean) / Math.sqrt(law.variance);
    return normalCdf(z(e)) - normalCdf(z(edges[b]));
  });
const histogramL1 = (counts: ArrayLike<number>, n: number, q: number[]) =>
  q.reduce((s, qk, b) => s + Math.abs(counts[b] / n - qk), 0); // Σ_k |q̂_k − q_k|
const binL1 = (p: number[], q: number[]) => p.reduce((s, pk, b) => s + Math.abs(pk - q[b]), 0);
/** Σ_k s_k + ε, s_k = √(q_k(1 − q_k)/N), e^{−Nε²/2} = 1e-4 (Jensen, then McDiarmid) */
const l1Tolerance = (q: number[], n: number) =>
  q.reduce((s, qk) => s + Math.sqrt((qk * (1 - qk)) / n), 0) + Math.sqrt((2 * Math.log(1 / mcFalseFail)) / n);
/** The Euler–Maruyama chain's own Gaussian law after t/h steps of h = T/Kpaths. */
const emLaw = (t: number) => {
  const hPaths = T / Kpaths;
  const k = Math.round(t / hPaths);
  const a = 1 - theta * hPaths;
  const variance = std0 ** 2 * a ** (2 * k) + (sigma ** 2 * hPaths * (1 - a ** (2 * k))) / (1 - a * a);
  return { mean: mean0 * a ** k, variance: variance };
};
const binomialRows = [[1], [1, -1], [1, -2, 1], [1, -3, 3, -1], [1, -4, 6, -4, 1]];

function compute(params: LiveParams, progress: LiveProgress) {
  const dt = Number(oneOf(params, "dt", STEPS));
  const n = Number(oneOf(params, "cells", CELLS));
  const N = Number(oneOf(params, "paths", PATHS));
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const rngOU = spawn(createRng(seed), 4)[0]; // the notebook's stream of section 4
  const K = Math.round(T / dt);
  const every = Math.round(0.25 / dt); // save every 0.25
  const grid = cellGrid(-4, 5, n);
  const halfGrid = cellGrid(-4, 5, 2 * n);
  progress(0.05, "the PDE on n and 2n cells");
  const solve = (g: CellGrid) =>
    solveFokkerPlanck(g, ou, densityOnGrid(g, exactAt(0)), 0, T, { steps: K, saveEvery: every });
  const pde = solve(grid);
  const pdeHalf = solve(halfGrid);
  const savedAt = (states: Float64Array, m: number, t: number) => row(states, Math.round(t / 0.25), m);
  /** ∂ₜⁿp of the exact law on the grid by the backward difference Σ_j (−1)ʲ C(n, j) p(t − jη)/ηⁿ */
  const timeDerivative = (order: number, t: number, eta: number) =>
    binomialRows[order]
      .map((c, j) => densityOnGrid(grid, exactAt(t - j * eta)).map((q) => (c * q) / eta ** order))
      .reduce((sum, term) => sum.map((s, i) => s + term[i]));
  const nextTerm = (t: number) => {
    const [d3, d4] = [timeDerivative(3, t, 1e-3), timeDerivative(4, t, 1e-3)];
    const R2 = d3.map((v, i) => dt ** 2 * ((t / 3) * v + ((t * t) / 8) * d4[i]));
    return gridMass(grid, R2.map(Math.abs));
  };
  /** the fine solution at the coarse centres: the cubic through 4 fine centres, error O(h⁴) */
  const atCoarseCentres = (fine: Float64Array) =>
    Float64Array.from({ length: fine.length / 2 }, (_, i) => {
      const near = [2 * i - 1, 2 * i, 2 * i + 1, 2 * i + 2].map((j) => Math.min(Math.max(j, 0), fine.length - 1));
      const [a, b, c, d] = near.map((j) => fine[j]);
      return (-a + 9 * b + 9 * c - d) / 16;
    });
  // (a) the PDE's error against the model E_t + E_x, within twice backward Euler's next term R₂
  for (const t of shownTimes) {
    const exact = densityOnGrid(grid, exactAt(t));
    const pT = savedAt(pde.states, n, t);
    const error = pT.map((q, i) => q - exact[i]); // p_PDE − p
    const fine = atCoarseCentres(savedAt(pdeHalf.states, 2 * n, t));
    const Et = timeDerivative(2, t, 1e-4).map((d2) => (dt / 2) * t * d2); // (Δt/2)·t·∂ₜ²p
    const model = pT.map((q, i) => Et[i] + (4 / 3) * (q - fine[i])); // E_t + E_x
    checkBelow(`‖(p_PDE − p) − (E_t + E_x)‖₁ at t = ${t}`, l1Distance(grid, error, model), 2 * nextTerm(t), {
      reason: "2‖R₂‖₁, R₂ = Δt²((t/3)∂ₜ³p + (t²/8)∂ₜ⁴p) the next term of backward Euler's error",
    });
  }
  progress(0.3, `${N} Euler–Maruyama paths`);
  const x0 = fillNormal(rngOU, new Float64Array(N), mean0, std0);
  const brownianOU = brownianStream(rngOU, uniformGrid(0, T, Kpaths), N, 1);
  const paths = integrate(ouProcess.sde, eulerMaruyama, x0, brownianOU, { saveEvery: 25 });
  const mcAt = (t: number) => row(paths.states, Math.round(t / paths.times[1]), N);
  const cellsPerBin = n / bins;
  const binProbabilities = (p: Float64Array) =>
    Array.from({ length: bins }, (_, b) => row(p, b, cellsPerBin).reduce((s, q) => s + q, 0) * grid.h);
  // (b) the histograms against the exact bins and the PDE's bins (each fails falsely ≤ 1e-4)
  for (const t of shownTimes) {
    const counts = histogram(mcAt(t), { bins: bins, range: range }).counts;
    const qExact = gaussianBins(exactLaw(t));
    const qPde = binProbabilities(savedAt(pde.states, n, t));
    const qChain = gaussianBins(emLaw(t));
    const mcTol = l1Tolerance(qChain, N);
    const mcReason = `Σ_k s_k + ε (McDiarmid, N = ${N}, P(S > bound) ≤ 1e-4)`;
    const [biasExact, biasPde] = [binL1(qChain, qExact), binL1(qChain, qPde)];
    checkBelow(`L¹(histogram, exact) at t = ${t}`, histogramL1(counts, N, qExact), mcTol + biasExact, {
      reason: `${mcReason} + Σ|q^EM − q| = ${biasExact.toFixed(4)}`,
      falseFail: mcFalseFail,
    });
    checkBelow(`L¹(histogram, PDE) at t = ${t}`, histogramL1(counts, N, qPde), mcTol + biasPde, {
      reason: `${mcReason} + Σ|q^EM − q_PDE| = ${biasPde.toFixed(4)}`,
      falseFail: mcFalseFail,
    });
  }
  const histogramStyle = { bins: bins, range: range, density: true, opacity: 0.35 };
  const traces = shownTimes.flatMap((t) => [
    histogramTrace(mcAt(t), { ...histogramStyle, name: `histogram t = ${t}` }),
    lineTrace(grid.x, densityOnGrid(grid, exactAt(t)), { name: `exact t = ${t}`, dash: "dash", width: 3 }),
    lineTrace(grid.x, savedAt(pde.states, n, t), { name: `PDE t = ${t}` }),
  ]);
  return livePlot(
    figure(traces, {
      title: {
        text: `OU density: exact, Chang–Cooper PDE (${n} cells, Δt = ${dt}), and ${N} Euler–Maruyama paths`,
      },
      barmode: "overlay",
      xaxis: { title: { text: "x" } },
    }),
  );
}

export const ouDensityLive: LiveFigureSpec = {
  id: "03-ou-density",
  stem: "03-fokker-planck",
  figure: "fp-10-1",
  checks: /^✓ (‖\(p_PDE − p\) − \(E_t \+ E_x\)‖₁ at t|L¹\(histogram, (exact|PDE)\) at t)/,
  note:
    "Change the PDE's time step Δt or its cells, or the paths, and the checks run again in your browser: the PDE's " +
    "error is predicted by backward Euler's leading term plus a Richardson estimate in space, even at Δt = 0.25. " +
    "On 72 cells with Δt = 0.001 the spatial remainder outgrows the time term's next one, and the prediction fails (✗).",
  controls: [
    {
      kind: "select",
      name: "dt",
      label: "PDE step Δt",
      value: "0.002",
      options: STEPS.map((v) => ({ value: v, label: v })),
    },
    {
      kind: "select",
      name: "cells",
      label: "Cells n",
      value: "360",
      options: CELLS.map((v) => ({ value: v, label: `${v} (h = ${9 / Number(v)})` })),
    },
    {
      kind: "select",
      name: "paths",
      label: "Paths N",
      value: "20000",
      options: PATHS.map((v) => ({ value: v, label: v })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20261125" },
  ],
  failing: { dt: "0.001", cells: "72", paths: "20000", seed: "20261125" },
  compute,
};
