/**
 * Lecture 01, section 2, live: the Itô isometry $\mathbb E\big(\int_0^t f\,dW\big)^2 = \int_0^t
 * \mathbb E f^2\,ds$ along $[0, T]$, $T = 1$, for $f(t) = \cos\pi t$ and for $f = W$, by the sums
 * $I_k = \sum_{j<k} f(\tau_j)\,\Delta W_j$ on $K$ steps of $N$ paths. The reader chooses $K$, $N$,
 * the seed and the evaluation point $\tau_j$: the left end $t_j$ (Itô: $f(t_j)$ is independent
 * of $\Delta W_j$, so the cross terms vanish and $\mathbb E I_K^2 = \sum_j \mathbb E f(t_j)^2 h$
 * exactly) or the right end $t_{j+1}$ (the integrand anticipates its increment). Re-evaluated, as
 * cells ito-10 and ito-73: for $\cos\pi t$, $I_K \sim \mathcal N(0, \tfrac12)$ exactly at either
 * point ($\sum_j\cos^2(\pi\tau_j)h = \tfrac12$ for $K \ge 2$), the mean of $I_K^2$ within 4 exact SE
 * $\tfrac12\sqrt{2/N}$ ($\chi^2_N$ rate); for $W$, the mean of $I_K^2$ against $\kappa_2 = \sum_j
 * t_j h = \tfrac12(T^2 - Th)$ within 4 exact SE $\sqrt{(\kappa_4 + 2\kappa_2^2)/N}$, $\kappa_4 =
 * 3h^4((K - 2)^2K^2 + 2K^2 - 3K)$ (the cumulants of the quadratic form $I_K$), declaring twice the
 * matched $\chi^2$ rate (notebook cell ito-09). At the defaults ($K = 250$, $N = 10\,000$, seed
 * 20261201, stream 2 of 6) the numbers are the notebook's. Failing: the right end point for
 * $f = W$: $I_K = \tfrac12(W_T^2 + Q_K)$ and $\mathbb E I_K^2 = \tfrac32T^2 + \tfrac32Th$, three
 * times the isometry's value, so its check fails; the deterministic $\cos\pi t$ does not care.
 * @see Øksendal (2003), Stochastic Differential Equations, Lemma 3.1.5 and Cor. 3.1.7;
 *   notebooks/01-ito-integral.ipynb, section 2 (cells ito-07 to ito-73)
 */
import { sampleBrownianPath } from "../../../../src/brownian";
import { createRng, spawn } from "../../../../src/rng";
import { linspace } from "../../../../src/base";
import { bandTrace, figure, lineTrace } from "../../../../src/plot";
import { checkWithinSE, chiSquareFalseFail } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";

const T = 1; // horizon
const POINTS = ["left", "right"] as const;
const STEPS = ["10", "50", "250", "500"] as const;
const PATHS = ["2500", "5000", "10000", "20000"] as const;

/** The mean of x² over N values from their sums Σx² and Σx⁴, and its standard error. */
function meanSquare(s2: number, s4: number, N: number) {
  const mean = s2 / N;
  return { mean, meanSE: Math.sqrt((s4 / N - mean * mean) / (N - 1)) };
}

function compute(params: LiveParams, progress: LiveProgress) {
  const right = oneOf(params, "point", POINTS) === "right";
  const K = Number(oneOf(params, "steps", STEPS));
  const N = Number(oneOf(params, "paths", PATHS));
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const rngIsometry = spawn(createRng(seed), 6)[1]; // the notebook's stream of section 2
  const grid = linspace(0, T, K + 1);
  const { dW } = sampleBrownianPath(rngIsometry, grid, N, 1); // (K, N) time-major
  progress(0.5, "the sums I_k on every path");
  // I_k = Σ_{j<k} f(τ_j) ΔW_j for f = cos πt and f = W, path by path, with the moments of I_k²
  const cosIntegrand = grid.map((t) => Math.cos(Math.PI * t)); // f(t) = cos πt
  const shift = right ? 1 : 0; // τ_k = t_{k + shift}
  const iCos = new Float64Array(N);
  const iW = new Float64Array(N);
  const w = new Float64Array(N); // W_{t_k} of each path
  const meanSquareCos = [meanSquare(0, 0, N)];
  const meanSquareW = [meanSquare(0, 0, N)];
  for (let k = 0; k < K; k++) {
    const a = cosIntegrand[k + shift];
    let c2 = 0;
    let c4 = 0;
    let w2 = 0;
    let w4 = 0;
    for (let i = 0; i < N; i++) {
      const dw = dW[k * N + i];
      const wAt = w[i] + shift * dw; // W at τ_k
      iCos[i] += a * dw;
      iW[i] += wAt * dw;
      w[i] += dw;
      const c = iCos[i] * iCos[i];
      const v = iW[i] * iW[i];
      c2 += c;
      c4 += c * c;
      w2 += v;
      w4 += v * v;
    }
    meanSquareCos.push(meanSquare(c2, c4, N));
    meanSquareW.push(meanSquare(w2, w4, N));
  }
  const at = right ? "t_{k+1}" : "t_k";
  const cosLabel = right
    ? "E(Σ cos πt_{k+1} ΔW_k)² vs ∫ cos² πt dt = 1/2"
    : "E(∫₀¹ cos πt dW)² vs ∫ cos² πt dt = 1/2"; // = Σ_k cos²(πτ_k) h exactly
  checkWithinSE(cosLabel, meanSquareCos[K].mean, 0.5, 0.5 * Math.sqrt(2 / N), {
    z: 4,
    reason: `I_K ~ N(0, 1/2) exactly, SE = ½√(2/N), N = ${N}`,
    falseFail: chiSquareFalseFail(N, 4),
  });
  const h = T / K;
  const kappa2 = (h * h * K * (K - 1)) / 2; // E I_K² = Σ_k t_k h = (T² − Th)/2 at the left point
  const kappa4 = 3 * h ** 4 * ((K - 2) ** 2 * K * K + 2 * K * K - 3 * K);
  const wSE = Math.sqrt((kappa4 + 2 * kappa2 * kappa2) / N); // Var I_K² = κ4 + 2κ2²
  const wK = (N * 2 * kappa2 * kappa2) / (kappa4 + 2 * kappa2 * kappa2); // matched χ²: 2Nμ²/σ²
  const wLabel = right
    ? "E(Σ W_{t_{k+1}} ΔW_k)² on K steps vs Σ_k t_k h = (T² − Th)/2"
    : "E(∫₀¹ W dW)² on K steps vs Σ_k t_k h = (T² − Th)/2";
  checkWithinSE(wLabel, meanSquareW[K].mean, kappa2, wSE, {
    z: 4,
    reason: `exact SE from the cumulants of I_K, N = ${N}; twice the χ²_${wK.toFixed(0)} rate`,
    falseFail: 2 * chiSquareFalseFail(wK, 4),
  });
  /** E I_k² ± 2 SE along the grid, as a band. */
  const seBand = (estimates: { mean: number; meanSE: number }[], name: string) =>
    bandTrace(
      grid,
      estimates.map((m) => m.mean - 2 * m.meanSE),
      estimates.map((m) => m.mean + 2 * m.meanSE),
      { name },
    );
  const traces = [
    seBand(meanSquareCos, `E(Σ cos πτ ΔW)² ± 2 SE, τ = ${at}`),
    lineTrace(grid, grid.map((t) => t / 2 + Math.sin(2 * Math.PI * t) / (4 * Math.PI)), {
      name: "∫ cos² πs ds",
      dash: "dash",
    }),
    seBand(meanSquareW, `E(Σ W_τ ΔW)² ± 2 SE, τ = ${at}`),
    lineTrace(grid, grid.map((t) => (t * t) / 2), { name: "∫ E W_s² ds = t²/2", dash: "dash" }),
  ];
  return livePlot(
    figure(traces, {
      title: { text: `Itô isometry along [0, T], N = ${N} paths, K = ${K} steps` },
      xaxis: { title: { text: "t" } },
    }),
  );
}

export const isometryLive: LiveFigureSpec = {
  id: "01-isometry",
  stem: "01-ito-integral",
  figure: "ito-39-1",
  checks: /^✓ E\(∫₀¹ (cos πt|W) dW\)²/,
  note:
    "Change the steps K, the paths or the evaluation point, and the checks run again in your browser: at the left " +
    "point the isometry holds exactly on every grid. Evaluating W at the right end t_{k+1} (an integrand that " +
    "anticipates its increment) triples E(∫W dW)² (✗); the deterministic cos πt does not notice.",
  controls: [
    {
      kind: "select",
      name: "point",
      label: "Integrand evaluated at",
      value: "left",
      options: [
        { value: "left", label: "t_k, the left end (Itô)" },
        { value: "right", label: "t_{k+1}, the right end" },
      ],
    },
    {
      kind: "select",
      name: "steps",
      label: "Steps K",
      value: "250",
      options: STEPS.map((v) => ({ value: v, label: v })),
    },
    {
      kind: "select",
      name: "paths",
      label: "Paths N",
      value: "10000",
      options: PATHS.map((v) => ({ value: v, label: v })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20261201" },
  ],
  failing: { point: "right", steps: "250", paths: "10000", seed: "20261201" },
  compute,
};
