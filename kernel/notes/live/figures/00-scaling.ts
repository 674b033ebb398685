/**
 * Lecture 00, section 5, live: Brownian scaling. For $c > 0$, $X_t = c^{-1/2}W_{ct}$ is again a
 * standard Brownian motion, since $X_t - X_s = c^{-1/2}(W_{ct} - W_{cs}) \sim \mathcal N(0, t - s)$:
 * zoom into the first fraction $c$ of a path by $1/c$ in time and $c^{-1/2}$ in space and the
 * picture has the same law. The reader chooses $c$ (the notebook's $1/4$, or $1/2$, $1/10$,
 * $1/20$: then only $200c$ of the $200$ grid steps are zoomed), the exponent $a$ of the space
 * factor $c^{-a}$, the paths $N$ and the seed; the paths are section 1's ($N \times 200$ steps of
 * $[0, 1]$, the notebook's generator). Re-evaluated, as cell bm-23: $\operatorname{Var}X_1 = 1$
 * within 4 exact SE $\sqrt{2/(N - 1)}$ ($\chi^2_{N-1}$ rate), $\operatorname{Cov}(X_{1/2}, X_1) =
 * 1/2$ within 4 SE $\sqrt{(st + s^2)/N}$ (Isserlis; normal rate), and a Kolmogorov–Smirnov test of
 * $X_1$ against $\mathcal N(0, 1)$ ($\alpha = 0.001$). At the defaults the numbers are the
 * notebook's. Failing: the space factor $c^{-1}$, the zoom that keeps a differentiable path's
 * slope, gives $\operatorname{Var}X_1 = c^{-2}\cdot c = 1/c$ ($= 4$ at $c = 1/4$): every check
 * fails; no factor (a = 0) gives $\operatorname{Var}X_1 = c$.
 * @see Le Gall (2016), Brownian Motion, Martingales, and Stochastic Calculus, Prop. 2.5;
 *   notebooks/00-brownian-motion.ipynb, section 5 (cells bm-20 to bm-23)
 */
import { sampleBrownianPath } from "../../../../src/brownian";
import { createRng } from "../../../../src/rng";
import { ksOneSample, moments, normalCdf } from "../../../../src/stats";
import { column, linspace, row } from "../../../../src/base";
import { figure, lineTrace } from "../../../../src/plot";
import { checkPValue, checkWithinSE, chiSquareFalseFail } from "../../../../src/check";
import { LiveFigureSpec, LiveParams, livePlot, numberParam, oneOf } from "../spec";

const T = 1; // horizon
const K = 200; // steps of section 1's grid
const SCALES = ["2", "4", "10", "20"] as const; // 1/c
const EXPONENTS = ["0.5", "1", "0"] as const; // a in X_t = c^{-a} W_{ct}
const PATHS = ["5000", "10000", "20000", "40000"] as const;

function compute(params: LiveParams) {
  const inverseC = Number(oneOf(params, "c", SCALES));
  const a = Number(oneOf(params, "exponent", EXPONENTS));
  const N = Number(oneOf(params, "paths", PATHS));
  const seed = numberParam(params, "seed", 0, 2 ** 32 - 1);
  const c = 1 / inverseC;
  const times = linspace(0, T, K + 1);
  const W = sampleBrownianPath(createRng(seed), times, N, 1).values(); // (K + 1, N): section 1's
  const kq = K / inverseC; // the steps of W in [0, c]
  const factor = c ** -a; // c^{-a}: √(1/c) for Brownian scaling
  /** X_{t_k / c} = c^{-a} W_{t_k} on all N paths. */
  const xAt = (k: number) => row(W, k, N).map((w) => factor * w);
  const factorText = { 0.5: inverseC === 4 ? "2" : `√${inverseC}`, 1: `${inverseC}`, 0: "" }[a];
  const x1Label = `Var(X_1), X_t = ${factorText ? `${factorText} ` : ""}W_{t/${inverseC}}`;
  const x1 = xAt(kq); // X_1 = c^{-a} W_c
  const xHalf = xAt(kq / 2); // X_{1/2} = c^{-a} W_{c/2}
  checkWithinSE(x1Label, moments(x1).variance, 1, Math.sqrt(2 / (N - 1)), {
    z: 4,
    reason: `(N − 1)s²/t ~ χ²_{N−1}, SE = t·√(2/(N − 1)), N = ${N}`,
    falseFail: chiSquareFalseFail(N - 1, 4),
  });
  const covariance = xHalf.reduce((acc, v, i) => acc + v * x1[i], 0) / N; // the mean is 0
  checkWithinSE("Cov(X_0.5, X_1)", covariance, 0.5, Math.sqrt((0.5 * 1 + 0.25) / N), {
    z: 4,
    reason: `SE = sqrt((st + s²)/N) by Isserlis, N = ${N}`,
  });
  checkPValue("X_1 ~ N(0, 1) (Kolmogorov–Smirnov)", ksOneSample(x1, normalCdf).pValue, {
    alpha: 0.001,
    reason: `KS test of N = ${N} samples, fixed seed`,
  });
  const wPath0 = column(W, 0, N);
  const xTimes = Array.from({ length: kq + 1 }, (_, k) => times[k] / c); // t_k / c
  const xPath0 = xTimes.map((_, k) => factor * wPath0[k]);
  const traces = [
    lineTrace(times, wPath0, { name: "W on [0, 1]" }),
    lineTrace(xTimes, xPath0, {
      name: `X_t = ${factorText ? `${factorText} ` : ""}W_{t/${inverseC}}: the first 1/${inverseC}, zoomed`,
    }),
  ];
  return livePlot(
    figure(traces, {
      title: { text: "Brownian scaling: a zoomed path looks like a path" },
      xaxis: { title: { text: "t" } },
    }),
  );
}

export const scalingLive: LiveFigureSpec = {
  id: "00-scaling",
  stem: "00-brownian-motion",
  figure: "bm-28-1",
  checks: /^✓ (Var\(X_1\), X_t = |Cov\(X_0\.5, X_1\)|X_1 ~ N\(0, 1\))/,
  note:
    "Zoom into a smaller or larger part of the path, and the checks run again in your browser: c^{-1/2} W_{ct} " +
    "is a Brownian motion for every c. Scaling space by c^{-1} (a smooth path's zoom) gives Var X_1 = 1/c (✗).",
  controls: [
    {
      kind: "select",
      name: "c",
      label: "Zoom c",
      value: "4",
      options: SCALES.map((v) => ({ value: v, label: `1/${v}` })),
    },
    {
      kind: "select",
      name: "exponent",
      label: "Space factor",
      value: "0.5",
      options: [
        { value: "0.5", label: "c^{-1/2} (Brownian scaling)" },
        { value: "1", label: "c^{-1} (a smooth path's zoom)" },
        { value: "0", label: "1 (no rescaling)" },
      ],
    },
    {
      kind: "select",
      name: "paths",
      label: "Paths N",
      value: "20000",
      options: PATHS.map((v) => ({ value: v, label: v })),
    },
    { kind: "number", name: "seed", label: "Seed", min: 0, max: 2 ** 32 - 1, step: 1, value: "20261123" },
  ],
  failing: { c: "4", exponent: "1", paths: "20000", seed: "20261123" },
  compute,
};
