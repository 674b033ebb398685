/**
 * Lecture 03, section 5, live: the flux of the finite-volume scheme in the double well
 * $U(x) = (x^2 - 1)^2$, $f = -U'$, $\sigma = 1$, whose stationary law is $p_\infty =
 * e^{-2U/\sigma^2}/Z$. The scheme is $\dot p_i = -(J_{i+1/2} - J_{i-1/2})/h$ with zero flux at the
 * ends of $[-2.5, 2.5]$ and $J_{i+1/2} = (B(-z)D_ip_i - B(z)D_{i+1}p_{i+1})/h$; the reader chooses
 * the flux, the cells $n$ and the seed. Chang–Cooper ($B(z) = z/(e^z - 1)$) with $z = \Phi_i -
 * \Phi_{i+1}$, $\Phi = 2U/\sigma^2$ (the notebook's), makes the flux vanish exactly on
 * $e^{-\Phi_i}/D_i$: $p_\infty$ is its discrete equilibrium. Chang–Cooper with $z = hf/D$ at the
 * face (the midpoint rule), or central differences ($B(z) = 1 - z/2$, second order too, and no
 * longer an M-matrix once $|z| > 2$, as near $x = \pm 2.5$), has an equilibrium $O(h^2)$ away.
 * Re-evaluated, as cells fp-15 and fp-48: (a) backward Euler from a point mass at $-1$ to
 * $T = 20$ ($\Delta t = 0.02$), then to $t = 200$ in steps of $0.9$ (the slowest mode decays like
 * $e^{-0.24t}$, so only the equilibrium's own error remains), $\lVert p_{200} - p_\infty\rVert_1 \le
 * 10^{-9}$; (b) the histogram of $N$ SRA1 paths at $T = 20$ (Lévy areas, $\Delta t = 0.02$) in 20
 * bins of width 0.25 against $p_\infty$'s bins, within McDiarmid's bound $\sum_k s_k + \varepsilon$
 * (false-fail rate $\le 10^{-4}$) plus $\sum_k|q^T_k - q^\infty_k|$ from the PDE, the PDE's own
 * error (Richardson: twice its change when $\Delta t$ or $h$ is halved) and SRA1's weak bias
 * $20\Delta t^2$. To keep a redraw well under 1 s, $N = 2000$ paths (the notebook: $10^4$; the
 * bound is derived for $N$ and stays sharp: it resolves $L^1$ differences of about 0.2). Failing:
 * either flux that is not Chang–Cooper on the potential: check (a) sees its equilibrium's $O(h^2)$
 * error ($6.9\cdot10^{-4}$ for the central flux on 200 cells, $1.7\cdot10^{-4}$ on 400;
 * $2.6\cdot10^{-4}$ for the midpoint rule on 200), while (b), blind at that scale, still holds.
 * @see Chang & Cooper (1970), J. Comput. Phys. 6; Scharfetter & Gummel (1969); Pareschi & Zanella
 *   (2018), J. Sci. Comput. 74; notebooks/03-fokker-planck.ipynb, sections 3 and 5 (cells fp-05,
 *   fp-14 to fp-48), exercise 1
 */
import type { Coefficients1d, CellGrid, OperatorSource } from "../../../../src/fokker-planck";
import {
  cellGrid,
  densityOnGrid,
  fokkerPlanckOperator,
  gridMass,
  implicitStepper,
  l1Distance,
  pointMass,
} from "../../../../src/fokker-planck";
import type { Tridiagonal } from "../../../../src/linalg";
import { brownianStream, uniformGrid } from "../../../../src/brownian";
import { integrate, sra1, type Sde } from "../../../../src/sde";
import { createRng, spawn } from "../../../../src/rng";
import { histogram } from "../../../../src/stats";
import { row } from "../../../../src/base";
import { figure, histogramTrace, lineTrace } from "../../../../src/plot";
import { checkBelow } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";

const FLUXES = ["potential", "midpoint", "central"] as const;
const CELLS = ["100", "200", "400"] as const;
const N = 2000; // paths (the notebook: 10⁴)
const Twell = 20;
const Kwell = 1000; // Δt = 0.02
const bins = 20;
const range: [number, number] = [-2.5, 2.5];
const mcFalseFail = 1e-4;
const sraBias = (Twell / Kwell) ** 2; // SRA1's weak error O(Δt²) per bin probability
const Uwell = (x: number) => (x * x - 1) ** 2;
const well: Coefficients1d = {
  drift: (_t, x) => -4 * x * (x * x - 1),
  diffusion: () => 1,
  potential: (_t, x) => 2 * Uwell(x), // Φ = 2U/σ²
  timeDependent: false,
};
const wellNoPotential: Coefficients1d = { drift: well.drift, diffusion: well.diffusion, timeDependent: false };
const wellSde: Sde = {
  dim: 1,
  noiseDim: 1,
  noise: "diagonal",
  additive: true,
  drift: (_t, x, out, n) => {
    for (let i = 0; i < n; i++) out[i] = -4 * x[i] * (x[i] * x[i] - 1);
  },
  diffusion: (_t, _x, out) => out.fill(1),
};

/** The central flux B(z) = 1 − z/2, z = h f/D at the faces, D = σ²/2 = ½: A of ṗ = Ap. */
function centralOperator(grid: CellGrid): OperatorSource {
  const { n, h, edges } = grid;
  const d = 0.5;
  return {
    n,
    timeDependent: false,
    assemble(_t: number, out: Tridiagonal) {
      const { lower, diag, upper } = out;
      const s = 1 / (h * h);
      lower[0] = 0;
      upper[n - 1] = 0;
      for (let i = 0; i < n - 1; i++) {
        const z = (h * (well.drift(0, edges[i + 1]) as number)) / d;
        upper[i] = s * (1 - z / 2) * d; // B(z) D_{i+1}
        lower[i + 1] = s * (1 + z / 2) * d; // B(−z) D_i
      }
      diag[0] = -lower[1];
      for (let j = 1; j < n - 1; j++) diag[j] = -(upper[j - 1] + lower[j + 1]);
      diag[n - 1] = -upper[n - 2];
    },
  };
}

function compute(params: LiveParams, progress: LiveProgress) {
  const flux = oneOf(params, "flux", FLUXES);
  const n = Number(oneOf(params, "cells", CELLS));
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const rngWell = spawn(createRng(seed), 4)[1]; // the notebook's stream of section 5
  const operator = (g: CellGrid) =>
    flux === "central"
      ? centralOperator(g)
      : fokkerPlanckOperator(g, flux === "potential" ? well : wellNoPotential);
  /** p by K backward-Euler steps from t0 to t1 (the flux's operator on grid g). */
  const march = (g: CellGrid, p0: Float64Array, t0: number, t1: number, K: number) => {
    const stepper = implicitStepper(operator(g));
    const p = Float64Array.from(p0);
    const dt = (t1 - t0) / K;
    for (let k = 0; k < K; k++) stepper.step(t0 + k * dt, dt, p);
    return p;
  };
  const grid = cellGrid(-2.5, 2.5, n);
  const gibbs = densityOnGrid(grid, (x) => Math.exp(-2 * Uwell(x)));
  const Z = gridMass(grid, gibbs);
  const pInf = gibbs.map((q) => q / Z);
  progress(0.05, "the PDE to T = 20 and to t = 200");
  const start = pointMass(grid, -1);
  const pT = march(grid, start, 0, Twell, Kwell);
  const p200 = march(grid, pT, Twell, 200, 200); // steps of 0.9: L-stable
  checkBelow("‖p_200 − e^{−2U/σ²}/Z‖₁ (the PDE reaches the stationary law)", l1Distance(grid, p200, pInf), 1e-9, {
    reason:
      "exact discrete equilibrium; the slowest mode decays like e^{−0.24 t}: " +
      "e^{−0.24·180} ≈ 2e-19, so only rounding remains",
  }); // check (a)
  // the PDE's own error at T: Richardson against Δt/2 and h/2, factor 2 (first order) for both
  const halfStep = march(grid, start, 0, Twell, 2 * Kwell);
  const halfGrid = cellGrid(-2.5, 2.5, 2 * n);
  const halfCells = march(halfGrid, pointMass(halfGrid, -1), 0, Twell, Kwell);
  const atCoarseCentres = (fine: Float64Array) =>
    Float64Array.from({ length: fine.length / 2 }, (_, i) => {
      const near = [2 * i - 1, 2 * i, 2 * i + 1, 2 * i + 2].map((j) => Math.min(Math.max(j, 0), fine.length - 1));
      const [a, b, c, d] = near.map((j) => fine[j]);
      return (-a + 9 * b + 9 * c - d) / 16; // the cubic through 4 fine centres, at the midpoint
    });
  const pdeErrorT =
    2 * l1Distance(grid, pT, halfStep) + 2 * l1Distance(grid, pT, atCoarseCentres(halfCells));
  progress(0.2, `${N} SRA1 paths to T = 20`);
  const brownianWell = brownianStream(rngWell, uniformGrid(0, Twell, Kwell), N, 1, { levyArea: true });
  const xT = integrate(wellSde, sra1, new Float64Array(N).fill(-1), brownianWell).x;
  const cellsPerBin = n / bins;
  const binProbabilities = (p: Float64Array) =>
    Array.from({ length: bins }, (_, b) => row(p, b, cellsPerBin).reduce((s, q) => s + q, 0) * grid.h);
  const [qInf, qT] = [binProbabilities(pInf), binProbabilities(pT)];
  const counts = histogram(xT, { bins: bins, range: range }).counts;
  const histogramL1 = qInf.reduce((s, q, b) => s + Math.abs(counts[b] / N - q), 0);
  const notStationary = qT.reduce((s, q, b) => s + Math.abs(q - qInf[b]), 0); // Σ|q_T − q∞|
  // Σ_k s_k + ε with s_k = √(q_k(1 − q_k)/N) and e^{−Nε²/2} = 1e-4 (McDiarmid)
  const mcBound =
    qT.reduce((s, q) => s + Math.sqrt((q * (1 - q)) / N), 0) + Math.sqrt((2 * Math.log(1 / mcFalseFail)) / N);
  checkBelow(
    `L¹(histogram at T = ${Twell}, stationary law)`,
    histogramL1,
    mcBound + notStationary + pdeErrorT + bins * sraBias,
    {
      reason:
        `Σ s_k + ε (McDiarmid, N = ${N}) + Σ|q_T − q∞| = ${notStationary.toFixed(4)} + ` +
        `PDE error ${pdeErrorT.toExponential(1)} + SRA1 bias 20·Δt²`,
      falseFail: mcFalseFail,
    },
  ); // check (b)
  const fluxName = {
    potential: "Chang–Cooper, z = Φ_i − Φ_{i+1}",
    midpoint: "Chang–Cooper, z = hf/D (midpoint)",
    central: "central, B(z) = 1 − z/2",
  }[flux];
  const traces = [
    histogramTrace(xT, { bins: bins, range: range, density: true, name: `${N} paths at T = ${Twell}` }),
    lineTrace(grid.x, pInf, { name: "e^{−2U/σ²}/Z" }),
    lineTrace(grid.x, p200, { name: `PDE p_200 (${fluxName}, ${n} cells)`, dash: "dot" }),
  ];
  return livePlot(
    figure(traces, {
      title: { text: "Double well: paths against the stationary density" },
      xaxis: { title: { text: "x" } },
    }),
  );
}

export const fluxLive: LiveFigureSpec = {
  id: "03-flux",
  stem: "03-fokker-planck",
  figure: "fp-19-1",
  checks: /^✓ (‖p_200 − e\^\{−2U\/σ²\}\/Z‖₁|L¹\(histogram at T = 20, stationary law\))/,
  note:
    "Change the flux of the finite-volume scheme or its cells, and the checks run again in your browser (with " +
    "2000 paths; the notebook drew 10⁴). Only Chang–Cooper on the potential Φ = 2U/σ² has e^{−2U/σ²} as its exact " +
    "discrete equilibrium; the midpoint rule for z, or a central flux, misses it by O(h²) (✗).",
  controls: [
    {
      kind: "select",
      name: "flux",
      label: "Flux",
      value: "potential",
      options: [
        { value: "potential", label: "Chang–Cooper, z = Φ_i − Φ_{i+1} (notebook)" },
        { value: "midpoint", label: "Chang–Cooper, z = hf/D at the face" },
        { value: "central", label: "central, B(z) = 1 − z/2" },
      ],
    },
    {
      kind: "select",
      name: "cells",
      label: "Cells n",
      value: "200",
      options: CELLS.map((v) => ({ value: v, label: `${v} (h = ${5 / Number(v)})` })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20261125" },
  ],
  failing: { flux: "central", cells: "200", seed: "20261125" },
  compute,
};
