/**
 * Lecture 02, section 4, live: mean-square stability of Euler–Maruyama on the test equation
 * $dX = \lambda X\,dt + \mu X\,dW$ ($\lambda = -3$, $\mu = \sqrt3$: the SDE is stable,
 * $2\lambda + \mu^2 = -3 < 0$). One step multiplies $X_n$ by $1 + h\lambda + \mu\Delta W_n$, so
 * $\mathbb E X_n^2 = m_2^n X_0^2$ with $m_2 = (1 + h\lambda)^2 + h\mu^2$, and the scheme is
 * mean-square stable iff $m_2 < 1$, i.e. $h < h^* = -(2\lambda + \mu^2)/\lambda^2 = 1/3$.
 * Re-evaluated for the chosen step: the section's check (a), $\mathbb E X^2$ at $t = 1$ as a
 * product of per-step means within 4 exact SE; its check (b), the simulation classifies the
 * step as the condition does (Chebyshev false-fail rate); and the claim the reader tests,
 * "Euler–Maruyama is mean-square stable at this step, as the SDE is", which fails (✗, with
 * $m_2$ and $h^*$) for $h \ge 1/3$, e.g. $h = \tfrac12$.
 * @see Higham (2001), SIAM Review 43(3), section "Linear stability", `stab.m`;
 *   notebooks/02-simulating-sdes.ipynb, section 4 (cells sim-12 to sim-14)
 */
import { eulerMaruyama, integrate } from "../../../../src/sde";
import { brownianStream, uniformGrid } from "../../../../src/brownian";
import { createRng, spawn } from "../../../../src/rng";
import { moments } from "../../../../src/stats";
import { row } from "../../../../src/base";
import { geometricBrownianMotion } from "../../../../src/processes";
import { figure, lineTrace } from "../../../../src/plot";
import { checkTrue, checkWithinSE } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, livePlot, numberParam, oneOf } from "../spec";

const lambdaS = -3; // the test equation dX = λX dt + μX dW
const muS = Math.sqrt(3);
const TS = 20;
const STEPS = ["1", "0.5", "0.25", "0.2", "0.125", "0.0625"] as const; // 1/h an integer: t = 1 on the grid
/** m2 = E(1 + hλ + μΔW)² = (1 + hλ)² + hμ². */
const secondMomentFactor = (h: number) => (1 + h * lambdaS) ** 2 + h * muS ** 2;
/** m4 = E(1 + hλ + μΔW)⁴ = a⁴ + 6a²μ²h + 3μ⁴h², a = 1 + hλ. */
const fourthMomentFactor = (h: number) => {
  const a = 1 + h * lambdaS;
  return a ** 4 + 6 * a * a * muS ** 2 * h + 3 * muS ** 4 * h * h;
};
const hStar = -(2 * lambdaS + muS ** 2) / lambdaS ** 2; // stable iff h < h* = −(2λ + μ²)/λ²

function compute(params: LiveParams) {
  const h = Number(oneOf(params, "h", STEPS));
  const M = numberParam(params, "paths", 100, 50000);
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const rngStability = spawn(createRng(seed), 6)[3]; // the notebook's stream of this section
  const gbmS = geometricBrownianMotion({ mu: lambdaS, sigma: muS, T: TS });
  const K = Math.round(TS / h);
  const source = brownianStream(rngStability, uniformGrid(0, TS, K), M, 1);
  const ones = new Float64Array(M).fill(1); // X_0 = 1 on every path
  const { states } = integrate(gbmS.sde, eulerMaruyama, ones, source, { saveEvery: 1 });
  const mc = new Float64Array(K + 1); // Monte Carlo E X_n²
  for (let k = 0; k <= K; k++) {
    let s = 0;
    for (let i = 0; i < M; i++) s += states[k * M + i] ** 2;
    mc[k] = s / M;
  }
  const n = Math.round(1 / h); // the step at t = 1
  const m2 = secondMomentFactor(h);
  // check (a): Π_k mean (X_{k+1}/X_k)², unbiased for m2ⁿ, exact variance (m2² + v/M)ⁿ − m2²ⁿ
  const stepFactors = Array.from(
    { length: n },
    (_, k) => moments(row(states, k + 1, M).map((x, i) => (x / states[k * M + i]) ** 2)).mean,
  );
  const product = stepFactors.reduce((acc, f) => acc * f, 1);
  const v = fourthMomentFactor(h) - m2 * m2; // Var (X_{k+1}/X_k)²
  const productSE = Math.sqrt((m2 * m2 + v / M) ** n - m2 ** (2 * n));
  checkWithinSE(`E X² at t = 1 (n = ${n}), h = ${h}`, product, m2 ** n, productSE, {
    z: 4,
    reason: `exact SE of a product of ${n} independent means over M = ${M} paths`,
  });
  // check (b): the simulation classifies h as the condition does; Chebyshev's bound
  const decays = mc[n] < 1;
  const stable = m2 < 1;
  const hStarText = `stable iff h < −(2λ + μ²)/λ² = ${hStar.toFixed(4)}`;
  const directSE = Math.sqrt((fourthMomentFactor(h) ** n - m2 ** (2 * n)) / M);
  const simulation = decays ? "decaying" : "growing";
  checkTrue(
    `h = ${h}: simulation says ${simulation}, the condition says ${stable ? "stable" : "unstable"}`,
    decays === stable,
    {
      reason: `(1 + hλ)² + hμ² = ${m2.toFixed(4)}; ${hStarText}`,
      falseFail: Math.min(1, (directSE / Math.abs(m2 ** n - 1)) ** 2), // Chebyshev
    },
  );
  // the claim under test: the scheme inherits the SDE's stability at this h
  const why = stable
    ? `E X² at t = 1 is ${mc[n].toPrecision(3)} < 1: (1 + hλ)² + hμ² = ${m2.toFixed(4)} < 1`
    : `E X² at t = 1 is ${mc[n].toPrecision(3)} ≥ 1: (1 + hλ)² + hμ² = ${m2.toFixed(4)} ≥ 1, so E X_n² grows like ${m2.toFixed(4)}^n; ${hStarText}`;
  checkTrue(`Euler–Maruyama at h = ${h} is mean-square stable, as the SDE is`, decays, {
    reason: why,
    falseFail: Math.min(1, (directSE / Math.abs(m2 ** n - 1)) ** 2), // Chebyshev, as (b)
  });
  const t = Array.from({ length: K + 1 }, (_, k) => k * h);
  const sdeTimes = Array.from({ length: 201 }, (_, k) => k / 10);
  const traces = [
    lineTrace(t, mc, { name: `Monte Carlo, h = ${h} (factor ${m2.toFixed(4)})` }),
    lineTrace(
      t,
      t.map((_, k) => m2 ** k),
      { name: `exact ((1 + hλ)² + hμ²)^n, h = ${h}`, dash: "dash" },
    ),
    lineTrace(
      sdeTimes,
      sdeTimes.map((s) => Math.exp((2 * lambdaS + muS ** 2) * s)),
      { name: "SDE: e^{(2λ + μ²)t}", color: "black", dash: "dot" },
    ),
  ];
  const fig = figure(traces, {
    title: { text: `E X_n² of Euler–Maruyama, λ = −3, μ = √3, h = ${h}, ${M} paths` },
    xaxis: { title: { text: "t" } },
    yaxis: { title: { text: "E X²" }, type: "log", exponentformat: "power" },
  });
  return livePlot(fig);
}

export const stabilityLive: LiveFigureSpec = {
  id: "02-stability",
  stem: "02-simulating-sdes",
  figure: "sim-38-1",
  checks: /^✓ E X² at t = 1 \(n = \d+\), h = |^✓ h = [\d.]+: simulation says/,
  note:
    "Choose a step h and Euler–Maruyama runs again in your browser. The SDE is stable, but the scheme " +
    "only for h < 1/3: at h = 0.5 or 1 the claim that it is stable fails (✗), with (1 + hλ)² + hμ² ≥ 1 as why.",
  controls: [
    {
      kind: "select",
      name: "h",
      label: "Step h",
      value: "0.25",
      options: STEPS.map((v) => ({ value: v, label: v })),
    },
    {
      kind: "select",
      name: "paths",
      label: "Paths M",
      value: "20000",
      options: ["2000", "5000", "20000"].map((v) => ({ value: v, label: v })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20261202" },
  ],
  failing: { h: "0.5", paths: "20000", seed: "20261202" },
  compute,
};
