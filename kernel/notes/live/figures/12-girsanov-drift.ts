/**
 * Lecture 12, section 4, live: Girsanov's reweighting of paths,
 * $\log\frac{dP}{dQ}(X) = \int_0^T\frac{b_P - b_Q}{g^2}\,dX_t - \frac12\int_0^T\frac{b_P^2 - b_Q^2}{g^2}\,dt$,
 * for two OU processes $P$: $dX = -\theta_PX\,dt + dW$ and $Q$: $dX = -\theta_QX\,dt + dW$, $x_0 = 1$,
 * $T = 1$, 100 Euler steps, with the drift gap ($\theta_P = 1$, $\theta_Q$ chosen by the reader)
 * and the number of paths $N$. Evaluated with left points on an Euler path the log-weight is
 * exactly the log-ratio of the two Euler chains' transition densities, so the oracles are the
 * Euler chains' exact moments, $\mathbb E_PX_k = (1 - \theta_Ph)^k$,
 * $\operatorname{Var}_PX_{k+1} = (1 - \theta_Ph)^2\operatorname{Var}_PX_k + h$, and
 * $\mathrm{KL}(P\|Q) = \tfrac12(\theta_P - \theta_Q)^2\sum_kh\,\mathbb E_PX_k^2$.
 * Re-evaluated: the section's four checks, each a mean of $N$ i.i.d. terms within 4 SE (SE =
 * sample sd/$\sqrt N$, the notebook's rate $4\Phi(-4)$ doubled for skew): $\mathbb E_Q[dP/dQ] = 1$,
 * $\mathbb E_Q[X_1\,dP/dQ] = \mathbb E_PX_1$, $\mathbb E_Q[X_1^2\,dP/dQ] = \mathbb E_PX_1^2$, and
 * the mean of `pathKl` under $P$. The weights' effective sample size $\mathrm{ESS} =
 * (\sum w)^2/\sum w^2$ is printed in the title: it collapses roughly like $N/\mathbb E_Q w^2$ as
 * the drifts part. Those checks assume the sample sd is a fair estimate of the weighted terms'
 * sd, i.e. that the rare paths carrying the weight were drawn; when the ESS collapses they were
 * not, the estimate and its SE are both too small, and the second-moment check fails: at
 * $\theta_Q = 6$ with $N = 1000$ (ESS 23 at the notebook's seed) $\mathbb E_Q[X_1^2\,dP/dQ]$ lands far below
 * $\mathbb E_PX_1^2$ in its own SE (✗). That failure is the method's, not the code's: the
 * importance sampler is unbiased but its variance $\mathbb E_Q w^2 - 1$ grows like
 * $e^{c(\theta_Q - \theta_P)^2}$.
 * @see Øksendal (2003), Stochastic Differential Equations, 6th ed., Thm 8.6.6 (Girsanov); Särkkä &
 *   Solin (2019), Applied SDEs, §7.3; Kong (1992), Tech. Rep. 348, U. Chicago (the ESS);
 *   notebooks/12-well-posedness-and-girsanov.ipynb, section 4 (cells wg-28 to wg-33)
 */
import { brownianStream, uniformGrid } from "../../../../src/brownian";
import type { Sde } from "../../../../src/sde";
import { eulerMaruyama, girsanovLogWeight, integrate, pathKl } from "../../../../src/sde";
import { createRng, spawn } from "../../../../src/rng";
import { moments } from "../../../../src/stats";
import { linspace } from "../../../../src/base";
import { figure, lineTrace, markerTrace } from "../../../../src/plot";
import { checkWithinSE, twoSidedNormalTail } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";

const THETA_Q = ["1.25", "1.5", "2", "3", "4", "6"] as const;
const PATHS = ["4000", "1000", "16000"] as const;
const thetaP = 1;
const h = 0.01; // 100 steps on [0, 1]
const averageOf = (a: ArrayLike<number>) => moments(a).mean;
const standardError = (a: ArrayLike<number>) => Math.sqrt(moments(a).variance / a.length);

/**
 * dX = −θX dt + dW written out: the notebook's `sdeFromScalar` gives the same numbers (the same
 * −θx), at about twice the cost per call in the log-weight's loop.
 */
const ornsteinUhlenbeck = (theta: number): Sde => ({
  dim: 1,
  noiseDim: 1,
  noise: "diagonal",
  additive: true,
  drift: (_t, x, out, n) => {
    for (let i = 0; i < n; i++) out[i] = -theta * x[i];
  },
  diffusion: (_t, _x, out, n) => {
    out.fill(1, 0, n);
  },
});

function compute(params: LiveParams, progress: LiveProgress) {
  const thetaQ = Number(oneOf(params, "thetaQ", THETA_Q));
  const N = Number(oneOf(params, "paths", PATHS));
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const streams = spawn(createRng(seed), 9);
  const [rQ, rP] = [streams[3], streams[4]]; // the notebook's streams of section 4
  const [ouP, ouQ] = [ornsteinUhlenbeck(thetaP), ornsteinUhlenbeck(thetaQ)];
  const grid = uniformGrid(0, 1, 100);
  const start = new Float64Array(N).fill(1);
  const underQ = integrate(ouQ, eulerMaruyama, start, brownianStream(rQ, grid, N, 1), {
    saveEvery: 1,
  });
  progress(0.3, `${N} paths of Q simulated`);
  const weights = girsanovLogWeight(ouP, ouQ, underQ).map(Math.exp); // dP/dQ of each path
  const x1Q = underQ.x;
  // P's Euler chain exactly: mean (1 − θh)^k, variance Σ (1 − θh)^{2j} h
  const contraction = 1 - thetaP * h;
  const chainMean = Array.from({ length: 101 }, (_, k) => contraction ** k);
  const chainVar = [0];
  for (let k = 0; k < 100; k++) chainVar.push(contraction ** 2 * chainVar[k] + h);
  // importance-weighted E_P X_t at t = 0.1, …, 1 from the Q-paths up to t: the log-weight up to
  // step k accumulated over 10-step pieces (the notebook recomputes it from 0 for each k: the
  // same sums, in another order; 5× the work)
  const shownSteps = Array.from({ length: 10 }, (_, j) => 10 * (j + 1));
  const logWeightSoFar = new Float64Array(N);
  const weightedMeans = shownSteps.map((k) => {
    const times = underQ.times.subarray(k - 10, k + 1);
    const states = underQ.states.subarray((k - 10) * N, (k + 1) * N);
    const piece = girsanovLogWeight(ouP, ouQ, { times, states });
    for (let r = 0; r < N; r++) logWeightSoFar[r] += piece[r];
    return averageOf(logWeightSoFar.map((l, r) => Math.exp(l) * underQ.states[k * N + r]));
  });
  progress(0.6, "Q's paths reweighted");
  const underP = integrate(ouP, eulerMaruyama, start, brownianStream(rP, grid, N, 1), {
    saveEvery: 1,
  });
  progress(0.8, `${N} paths of P simulated`);
  const perPathKl = pathKl(ouP, ouQ, underP);
  let chainKl = 0;
  const klRate = 0.5 * (thetaP - thetaQ) ** 2;
  for (let k = 0; k < 100; k++) chainKl += klRate * h * (chainMean[k] ** 2 + chainVar[k]);
  const weightedX = weights.map((w, r) => w * x1Q[r]);
  const weightedX2 = weights.map((w, r) => w * x1Q[r] ** 2);
  const sumW = weights.reduce((s, w) => s + w, 0);
  const ess = sumW ** 2 / weights.reduce((s, w) => s + w * w, 0); // (Σw)²/Σw²
  const checks: [string, Float64Array, number][] = [
    ["Girsanov: E_Q[dP/dQ] = 1", weights, 1],
    ["Girsanov: E_Q[X_1 dP/dQ] = E_P X_1", weightedX, chainMean[100]],
    ["Girsanov: E_Q[X_1² dP/dQ] = E_P X_1²", weightedX2, chainMean[100] ** 2 + chainVar[100]],
    ["Girsanov: mean of pathKl = KL(P‖Q) of the Euler chains", perPathKl, chainKl],
  ];
  for (const [label, values, exact] of checks) {
    checkWithinSE(label, averageOf(values), exact, standardError(values), {
      z: 4,
      reason: `θ_Q = ${thetaQ}, N = ${N} paths (ESS ${ess.toFixed(0)}), SE = sample sd/√N; skewed: rate doubled`,
      falseFail: 2 * twoSidedNormalTail(4),
    });
  }
  const shownTimes = shownSteps.map((k) => k * h);
  const meanUnderQ = shownSteps.map((k) => (1 - thetaQ * h) ** k);
  return livePlot(
    figure(
      [
        lineTrace(linspace(0, 1, 101), chainMean, { name: "E_P X_t (P's Euler chain, exact)" }),
        markerTrace(shownTimes, weightedMeans, { name: "E_Q[X_t dP/dQ] from Q's paths" }),
        lineTrace(shownTimes, meanUnderQ, { name: "E_Q X_t" }),
      ],
      {
        title: {
          text: `Girsanov: Q's paths (θ_Q = ${thetaQ}), reweighted, give P's mean; ESS ${ess.toFixed(0)} of ${N}`,
        },
        xaxis: { title: { text: "t" } },
      },
    ),
  );
}

export const girsanovDriftLive: LiveFigureSpec = {
  id: "12-girsanov-drift",
  stem: "12-well-posedness-and-girsanov",
  figure: "wg-31-1",
  checks: /^✓ Girsanov: /,
  note:
    "Push Q's drift away from P's (θ_P = 1): the weights dP/dQ spread, the effective sample size " +
    "(in the title) collapses, and the reweighted means scatter. At θ_Q = 6 with 1000 paths the few " +
    "paths that would carry the weight are never drawn and E_Q[X_1² dP/dQ] misses E_P X_1² (✗).",
  controls: [
    {
      kind: "select",
      name: "thetaQ",
      label: "Q's drift θ_Q (P: θ_P = 1)",
      value: "1.25",
      options: THETA_Q.map((v) => ({ value: v, label: v })),
    },
    {
      kind: "select",
      name: "paths",
      label: "Paths N",
      value: "4000",
      options: PATHS.map((v) => ({ value: v, label: v })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20261206" },
  ],
  failing: { thetaQ: "6", paths: "1000", seed: "20261206" },
  compute,
};
