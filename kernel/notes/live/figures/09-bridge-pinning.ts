/**
 * Lecture 09, section 3, live: how a bridge is pinned. Brownian motion of scale $\sigma$
 * conditioned on $X_T = b$ solves $dX = \frac{b - X}{T - t}\,dt + \sigma\,dW$ (Doob's
 * $h$-transform), with $X_t \sim \mathcal N((1 - t/T)a + (t/T)b,\ \sigma^2t(T - t)/T)$ from
 * $X_0 = a$; pinning data $x_0 \sim 0.3\,\mathcal N(-2, 0.25) + 0.7\,\mathcal N(1.5, 0.5)$ to
 * an informative prior $x_1 = x_0 + \delta\xi$ gives the marginal $\sum_k w_k\mathcal N(\mu_k,
 * \Sigma_k + s^2\delta^2 + \sigma^2Ts(1 - s))$, $s = t/T$. The reader scales the pull,
 * $c\,\frac{b - X}{T - t}$ ($c = 1$ is the bridge; $c = \tfrac12$ pulls too weakly, $c = 0$ is free
 * Brownian motion), and chooses $\sigma$, $\delta$ and the Euler steps $K$. Re-evaluated at
 * $N = 4000$, as the notebook: the single bridge $-1 \to 2$ at $T/2$, its mean and variance within
 * 4 SE of the closed form (the variance's false-fail rate $P(|Z + \beta| > 4)$ from Euler's exact
 * variance recursion $v_{k+1} = (1 - h/(T - t_k))^2v_k + \sigma^2h$, bias $\beta$ in SE); the pair
 * bridge against its mixture marginal (KS, rate from Euler's law by Massart's DKW bound as the
 * notebook); and, new here, the pin itself: Euler's last step lands at $x_1 + \sigma\Delta W$, so
 * $\max_i|X_T - x_{1,i}| \le 6\sigma\sqrt h$ fails only if one of $N$ normals exceeds 6
 * ($P \le N\cdot2P(Z > 6) \approx 8\cdot10^{-6}$). With $c = \tfrac12$ or $0$ the bridge is not
 * pinned: the mean, variance, KS and pin checks fail (✗).
 * @see Karatzas & Shreve (1991), §5.6.B, eq. (6.28)–(6.30); Liu et al. (2023), I²SB, ICML,
 *   eq. (11); Massart (1990), Ann. Probab. 18(3); notebooks/09-bridges-and-cld.ipynb, section 3
 *   (cells bc-34 to bc-17)
 */
import { createRng, fillNormal, spawn } from "../../../../src/rng";
import { brownianStream, uniformGrid } from "../../../../src/brownian";
import { eulerMaruyama, integrate, type Sde } from "../../../../src/sde";
import {
  gaussianMixture,
  mixtureCdf,
  mixtureLogDensity,
  sampleMixture,
} from "../../../../src/mixture";
import { brownianBridgeMarginal, brownianBridgeSde } from "../../../../src/bridges";
import { ksOneSample, moments, ksRejectionBound } from "../../../../src/stats";
import { linspace, row } from "../../../../src/base";
import { figure, histogramTrace, lineTrace } from "../../../../src/plot";
import { checkBelow, checkPValue, checkWithinSE, twoSidedNormalTail } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, LiveProgress, livePlot, numberParam, oneOf } from "../spec";

const data = gaussianMixture({ weights: [0.3, 0.7], means: [-2, 1.5], covs: [0.25, 0.5] });
const PULLS = ["1", "0.5", "0"] as const;
const SIGMAS = ["0.5", "0.25", "1"] as const;
const DELTAS = ["1.5", "0.5", "3"] as const;
const STEPS = ["400", "100", "20"] as const;
const [T, N] = [1, 4000];
const xsPair = linspace(-6, 6, 241);
const pairBinning = { bins: 80, range: [-6, 6] as [number, number], density: true, opacity: 0.4 };
const pairGrid = linspace(-8, 8, 3201);

/** |estimate − expected| ≤ z SE on an estimate biased by b SE fails w.p. P(Z > z − |b|) + P(Z > z + |b|). */
const zFalseFail = (z: number, b: number) =>
  (twoSidedNormalTail(z - Math.abs(b)) + twoSidedNormalTail(z + Math.abs(b))) / 2;
/** The bridge SDE to `end` with its pull scaled by c: dX = c(b − X)/(T − t) dt + σ dW. */
function pulled(end: Float64Array, sigma: number, c: number): Sde {
  const sde = brownianBridgeSde(end, T, sigma);
  if (c === 1) return sde;
  return {
    ...sde,
    drift(t: number, x: Float64Array, out: Float64Array, n: number) {
      sde.drift(t, x, out, n);
      for (let i = 0; i < n; i++) out[i] *= c;
    },
  };
}

function compute(params: LiveParams, progress: LiveProgress) {
  const c = Number(oneOf(params, "pull", PULLS));
  const sigma = Number(oneOf(params, "sigma", SIGMAS));
  const delta = Number(oneOf(params, "delta", DELTAS));
  const K = Number(oneOf(params, "steps", STEPS));
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const [, , rBridge, rPair] = spawn(createRng(seed), 6); // the notebook's streams
  const [rSingle, rPairPath] = spawn(rBridge, 2);
  // N bridges from a = −1 to b = 2, saved at t = 0, T/4, …, T
  const toB = pulled(new Float64Array(N).fill(2), sigma, c);
  const brownianSingle = brownianStream(rSingle, uniformGrid(0, T, K), N, 1);
  const single = integrate(toB, eulerMaruyama, new Float64Array(N).fill(-1), brownianSingle, {
    saveEvery: K / 4,
  });
  const mid = brownianBridgeMarginal(-1, 2, T, 0.5, sigma); // N((a + b)/2, σ²T/4)
  progress(0.4, "the data–prior bridge");
  // data–prior pairs x_1 = x_0 + δξ, and the bridge between each pair
  const [rp0, rp1] = spawn(rPair, 2);
  const x0pair = sampleMixture(rp0, data, N);
  const x1pair = fillNormal(rp1, new Float64Array(N)).map((z, i) => x0pair[i] + delta * z);
  const toX1 = pulled(x1pair, sigma, c);
  const brownianPair = brownianStream(rPairPath, uniformGrid(0, T, K), N, 1);
  const pair = integrate(toX1, eulerMaruyama, x0pair, brownianPair, { saveEvery: K / 4 });
  const pairLaw = (s: number, bridgeVariance: number) =>
    gaussianMixture({
      weights: [0.3, 0.7],
      means: [-2, 1.5],
      covs: [0.25, 0.5].map((v) => v + s * s * delta * delta + bridgeVariance),
    });
  const pairMid = pairLaw(0.5, sigma ** 2 * T * 0.25);
  progress(0.7, "Euler's own law and the checks");
  // Euler's variance for the exact bridge (c = 1) at T/2, its bias in SE, its pair law's KS distance
  const h = T / K;
  let eulerVariance = 0;
  for (let k = 0; k < K / 2; k++) eulerVariance = (1 - h / (T - k * h)) ** 2 * eulerVariance + sigma ** 2 * h;
  const varianceBias = (eulerVariance - mid.variance) / (mid.variance * Math.sqrt(2 / N));
  const pairEuler = pairLaw(0.5, eulerVariance);
  const pairBias = Math.max(
    ...pairGrid.map((x) => Math.abs(mixtureCdf(pairEuler, x) - mixtureCdf(pairMid, x))),
  );
  const singleMid = moments(row(single.states, 2, N)); // t = T/2
  checkWithinSE("bridge mean at T/2", singleMid.mean, mid.mean, singleMid.meanSE, {
    z: 4,
    reason: `SE of a mean, N = ${N}`,
  });
  checkWithinSE("bridge variance at T/2", singleMid.variance, mid.variance, singleMid.varianceSE, {
    z: 4,
    reason: `SE from the 4th moment, N = ${N}; Euler's bias ${varianceBias.toFixed(2)} SE`,
    falseFail: zFalseFail(4, varianceBias),
  });
  const pairAtMid = row(pair.states, 2, N);
  const ksPair = ksOneSample(pairAtMid, (x) => mixtureCdf(pairMid, x));
  checkPValue("data–prior bridge at T/2 ~ mixture marginal (KS)", ksPair.pValue, {
    alpha: 0.001,
    reason: `KS test of N = ${N} samples; Euler's law ${pairBias.toExponential(1)} off in KS`,
    falseFail: ksRejectionBound(0.001, N, pairBias),
  });
  const ends = row(pair.states, 4, N);
  const pinGap = Math.max(...ends.map((x, i) => Math.abs(x - x1pair[i])));
  checkBelow("data–prior bridge pinned: max_i |X_T − x_1,i|", pinGap, 6 * sigma * Math.sqrt(h), {
    reason: `Euler's last step lands at x_1 + σΔW: 6σ√h, exceeded by one of ${N} normals w.p. ≤ N·P(|Z| > 6)`,
    falseFail: N * twoSidedNormalTail(6),
  });

  const pull = c === 1 ? "" : `, pull × ${c}`;
  const traces = [
    histogramTrace(row(pair.states, 0, N), { ...pairBinning, name: "x_0 (data)" }),
    histogramTrace(pairAtMid, { ...pairBinning, name: `bridge at t = 0.5${pull}` }),
    histogramTrace(x1pair, { ...pairBinning, name: "x_1 = x_0 + δξ (informative prior)" }),
    lineTrace(xsPair, mixtureLogDensity(pairMid, xsPair).map(Math.exp), {
      name: "bridge marginal at t = 0.5 (formula)",
    }),
  ];
  return livePlot(
    figure(traces, {
      title: {
        text: `A bridge between data and an informative prior (σ = ${sigma}, δ = ${delta}, ${K} steps${pull})`,
      },
      xaxis: { title: { text: "x" } },
      yaxis: { title: { text: "density" } },
    }),
  );
}

export const bridgePinningLive: LiveFigureSpec = {
  id: "09-bridge-pinning",
  stem: "09-bridges-and-cld",
  figure: "bc-15-1",
  checks:
    /^✓ bridge (mean|variance) at T\/2|^✓ data–prior bridge at T\/2 ~ mixture marginal \(KS\)/,
  note:
    "Scale the bridge's pull c(b − X)/(T − t), change σ, the prior's noise δ or the Euler steps: the bridges " +
    "run again in your browser and the section's checks, with the pin max|X_T − x_1|, are re-evaluated. " +
    "A weaker pull (c = ½) or none (c = 0) leaves the bridge unpinned: its marginals and its end miss (✗).",
  controls: [
    {
      kind: "select",
      name: "pull",
      label: "Pull c",
      value: "1",
      options: [
        { value: "1", label: "c = 1 (Brownian bridge)" },
        { value: "0.5", label: "c = ½ (too weak)" },
        { value: "0", label: "c = 0 (free Brownian motion)" },
      ],
    },
    {
      kind: "select",
      name: "sigma",
      label: "Noise σ",
      value: "0.5",
      options: SIGMAS.map((v) => ({ value: v, label: v })),
    },
    {
      kind: "select",
      name: "delta",
      label: "Prior noise δ",
      value: "1.5",
      options: DELTAS.map((v) => ({ value: v, label: v })),
    },
    {
      kind: "select",
      name: "steps",
      label: "Euler steps K",
      value: "400",
      options: STEPS.map((v) => ({ value: v, label: v })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20260409" },
  ],
  failing: { pull: "0.5", sigma: "0.5", delta: "1.5", steps: "400", seed: "20260409" },
  compute,
};
