/**
 * Lecture 02, section 2, live: strong and weak errors of Euler–Maruyama and Milstein on geometric
 * Brownian motion $dX = \lambda X\,dt + \mu X\,dW$ ($\lambda = 2$, $\mu = 1$, $X_0 = 1$, $T = 1$),
 * on $M$ shared paths of a fine grid of $K_f$ steps coarsened $R = 1, 2, \dots, 32$ times, with the
 * section's checks re-evaluated: (a) the Monte Carlo weak error $\mathbb E(X_L - X(T))$ against
 * the exact $X_0((1 + \lambda h)^{T/h} - e^{\lambda T})$ within 4 exact SE, (b) the weak slope
 * against the exact one within 4 delta-method SE, (c) the strong slope against the declared
 * strong order within 4 delta-method SE plus the exact RMS error's pre-asymptotic deviation.
 * Milstein given $g' = 0$ (a wrong derivative) is Euler–Maruyama in disguise: its strong slope is
 * near ½, and check (c) against the order 1 that Milstein declares fails.
 * @see Higham (2001), SIAM Review 43(3), `emstrong.m`, `milstrong.m`; Kloeden & Platen (1992),
 *   eqs. (10.2.2) and (10.3.4); notebooks/02-simulating-sdes.ipynb, section 2 (cells sim-06 to sim-08)
 */
import type { Sde, Solver } from "../../../../src/sde";
import { eulerMaruyama, integrate, noiseClass } from "../../../../src/sde";
import { coarsenPath, sampleBrownianPath } from "../../../../src/brownian";
import { createRng, spawn } from "../../../../src/rng";
import { fitSlope, moments } from "../../../../src/stats";
import { linspace, row } from "../../../../src/base";
import { milstein } from "../../../../src/sde";
import { geometricBrownianMotion } from "../../../../src/processes";
import { convergenceFigure } from "../../../../src/plot";
import { checkClose, checkWithinSE } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";

const lambda = 2; // dX = λX dt + μX dW
const mu = 1;
const X0 = 1;
const T = 1;
const Rs = [1, 2, 4, 8, 16, 32]; // coarsening factors
const heavyTails = 2e-4; // the notebook's declared rate of a 4-SE check of D's means

const SOLVERS = ["both", "eulerMaruyama", "milstein", "milsteinNoDerivative"] as const;
type Choice = (typeof SOLVERS)[number];

interface Scheme {
  /** the name in labels and the legend */
  name: string;
  solver: Solver;
  sde: Sde;
  /** whether the theory (and its declared order) is Milstein's */
  milsteinTerm: boolean;
}

const gbm = geometricBrownianMotion({ mu: lambda, sigma: mu, T: T });
const gbmExact = gbm.exact as NonNullable<typeof gbm.exact>; // X(T) = X0 e^{(λ − μ²/2)T + μW_T}
/** GBM with g'(x) = 0 instead of μ: the derivative Milstein's correction reads is wrong. */
const gbmWrongDerivative: Sde = {
  ...gbm.sde,
  diffusionDerivative(_t: number, _x: Float64Array, out: Float64Array, n: number) {
    out.fill(0, 0, n);
  },
};

function schemes(choice: Choice): Scheme[] {
  const em = { name: "eulerMaruyama", solver: eulerMaruyama, sde: gbm.sde, milsteinTerm: false };
  const mil = { name: "milstein", solver: milstein, sde: gbm.sde, milsteinTerm: true };
  if (choice === "both") return [em, mil];
  if (choice === "eulerMaruyama") return [em];
  if (choice === "milstein") return [mil];
  return [{ name: "milstein with g' = 0", solver: milstein, sde: gbmWrongDerivative, milsteinTerm: true }];
}

/** E(X_L − X(T))² = X0²(A^K − 2B^K + e^{(2λ + μ²)T}), A = E f², B = E f e (notebook cell sim-56). */
function exactMeanSquare(hL: number, milsteinTerm: boolean): number {
  const K = Math.round(T / hL);
  const extra = milsteinTerm ? 0.5 * mu ** 4 * hL * hL : 0; // the Milstein term's ½μ⁴h²
  const A = (1 + lambda * hL) ** 2 + mu * mu * hL + extra;
  const B = Math.exp(lambda * hL) * (1 + lambda * hL + mu * mu * hL + extra);
  return X0 * X0 * (A ** K - 2 * B ** K + Math.exp((2 * lambda + mu * mu) * T));
}

function compute(params: LiveParams, progress: LiveProgress) {
  const choice = oneOf(params, "solver", SOLVERS);
  const M = numberParam(params, "paths", 100, 20000);
  const Kf = 2 ** numberParam(params, "fine", 7, 10); // steps of the fine grid
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const rngHigham = spawn(createRng(seed), 6)[1]; // the notebook's stream of this section
  const fine = sampleBrownianPath(rngHigham, linspace(0, T, Kf + 1), M, 1);
  const XT = new Float64Array(M); // the exact X(T) on the same paths
  gbmExact(T, new Float64Array(M).fill(X0), row(fine.values(), Kf, M), XT, M);
  const levels = Rs.map((R) => (R === 1 ? fine : coarsenPath(fine, R)));
  const hs = levels.map((p) => T / p.steps);
  const u = hs.map(Math.log);
  const uMean = u.reduce((a, v) => a + v, 0) / u.length;
  const uSpread = u.reduce((a, v) => a + (v - uMean) ** 2, 0);
  const weights = u.map((v) => (v - uMean) / uSpread); // least-squares slope = Σ_j w_j v_j
  const logSlope = (e: number[]) => fitSlope(u, e.map((v) => Math.log(Math.abs(v)))).slope;
  /** The slope of log|mean_i y_ij| in log h_j and its delta-method SE over the M paths. */
  const slopeWithSE = (perLevel: ArrayLike<number>[]) => {
    const means = perLevel.map((y) => moments(y).mean);
    const perPath = Array.from({ length: M }, (_, i) =>
      perLevel.reduce((acc, y, j) => acc + (weights[j] * y[i]) / means[j], 0),
    );
    return { slope: logSlope(means), se: moments(perPath).meanSE };
  };
  // E X_L − E X(T) = X0((1 + λh)^{T/h} − e^{λT}) exactly, for both schemes
  const weakExact = hs.map((hL) => X0 * ((1 + lambda * hL) ** (T / hL) - Math.exp(lambda * T)));
  const exactWeakSlope = logSlope(weakExact);
  const series = [];
  const runs = schemes(choice);
  for (const [n, s] of runs.entries()) {
    const diffs = levels.map((p, j) => {
      progress((n * levels.length + j) / (runs.length * levels.length), `${s.name}, h = T/${p.steps}`);
      const xL = integrate(s.sde, s.solver, new Float64Array(M).fill(X0), p).x;
      return xL.map((v, i) => v - XT[i]);
    });
    const strong = diffs.map((d) => moments(d.map(Math.abs)).mean); // E|X_L − X(T)|
    const weak = diffs.map((d) => moments(d).mean); // E(X_L − X(T))
    series.push({ name: `${s.name}: strong E|X_L − X(T)|`, stepSizes: hs, errors: strong });
    series.push({ name: `${s.name}: weak |E(X_L − X(T))|`, stepSizes: hs, errors: weak.map(Math.abs) });
    const meanSquare = hs.map((hL) => exactMeanSquare(hL, s.milsteinTerm));
    for (const k of [0, 2, 5]) {
      const label = `${s.name}: E(X_L − X(T)) at h = 2^${Math.log2(hs[k])}`;
      const exactSE = Math.sqrt((meanSquare[k] - weakExact[k] ** 2) / M);
      const tolerance = { z: 4, reason: `exact SE over ${M} paths`, falseFail: heavyTails };
      checkWithinSE(label, weak[k], weakExact[k], exactSE, tolerance); // check (a)
    }
    const weakFit = slopeWithSE(diffs);
    checkWithinSE(`weak order of ${s.name} on GBM`, weakFit.slope, exactWeakSlope, weakFit.se, {
      z: 4,
      reason: `vs the exact weak errors' slope; delta-method SE over ${M} shared paths`,
      falseFail: heavyTails,
    }); // check (b)
    const strongFit = slopeWithSE(diffs.map((d) => d.map(Math.abs)));
    const expected = s.solver.strongOrder[noiseClass(s.sde)] as number; // declared, not typed in
    const preAsymptotic = Math.abs(logSlope(meanSquare) / 2 - expected); // RMS = √E(X_L − X(T))²
    checkClose(`strong order of ${s.name} on GBM`, strongFit.slope, expected, {
      abs: 4 * strongFit.se + preAsymptotic,
      reason: `4 delta-method SE + the exact RMS error's deviation ${preAsymptotic.toFixed(3)}`,
      falseFail: heavyTails,
    }); // check (c)
  }
  series.push({
    name: "exact weak error |(1 + λh)^{T/h} − e^{λT}|",
    stepSizes: hs,
    errors: weakExact.map(Math.abs),
  });
  const fig = convergenceFigure(series, {
    referenceOrders: [0.5, 1],
    title: `Strong and weak errors on GBM (λ = 2, μ = 1), ${M} shared paths`,
  });
  return livePlot(fig);
}

export const strongOrderLive: LiveFigureSpec = {
  id: "02-strong-order",
  stem: "02-simulating-sdes",
  figure: "sim-31-1",
  checks: /^✓ (eulerMaruyama|milstein): E\(X_L − X\(T\)\) at h|^✓ (weak|strong) order of (eulerMaruyama|milstein) on GBM/,
  note:
    "Change the solver, the paths or the fine grid, and the section's checks run again in your browser. " +
    "Milstein with g′ = 0 (a wrong derivative) is Euler–Maruyama in disguise: its strong-order check fails (✗).",
  controls: [
    {
      kind: "select",
      name: "solver",
      label: "Solver",
      value: "both",
      options: [
        { value: "both", label: "Euler–Maruyama and Milstein" },
        { value: "eulerMaruyama", label: "Euler–Maruyama" },
        { value: "milstein", label: "Milstein" },
        { value: "milsteinNoDerivative", label: "Milstein with g′ = 0 (wrong derivative)" },
      ],
    },
    {
      kind: "select",
      name: "paths",
      label: "Paths M",
      value: "10000",
      options: ["1000", "2000", "5000", "10000"].map((v) => ({ value: v, label: v })),
    },
    {
      kind: "select",
      name: "fine",
      label: "Finest step h",
      value: "9",
      options: ["7", "8", "9", "10"].map((v) => ({ value: v, label: `2^-${v}` })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20261202" },
  ],
  failing: { solver: "milsteinNoDerivative", paths: "10000", fine: "9", seed: "20261202" },
  compute,
};
