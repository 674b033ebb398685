/**
 * Labs of lecture 12 (well-posedness and Girsanov): one step of Picard's iteration on a stored
 * Brownian path, Girsanov's log-likelihood ratio of two drifts on a sampled path, and the path
 * KL divergence of two OU processes in closed form.
 */
import { sampleBrownianPath } from "../brownian";
import { picardIteration, sdeFromScalar } from "../sde";
import { formatAnswer } from "./compare";
import { Lab, LabCase } from "./lab";
import { randomGrid } from "./random-cases";

type Coefficient = (t: number, x: number) => number;
type PicardFn = (
  times: Float64Array,
  dw: Float64Array,
  prev: Float64Array,
  b: Coefficient,
  sigma: Coefficient,
) => Float64Array;
type GirsanovFn = (
  times: Float64Array,
  x: Float64Array,
  bP: Coefficient,
  bQ: Coefficient,
  g: number,
) => number;
type KlFn = (thetaP: number, thetaQ: number, g: number, x0: number, T: number) => number;

/** One Picard step with a choice of mistakes, as the usual wrong answers compute it. */
function picardModel(
  [times, dw, prev, b, sigma]: Parameters<PicardFn>,
  o: { right?: boolean; noStart?: boolean; newIterate?: boolean; stratonovich?: boolean } = {},
): Float64Array {
  const out = new Float64Array(prev.length);
  out[0] = o.noStart ? 0 : prev[0];
  for (let j = 0; j + 1 < prev.length; j++) {
    const h = times[j + 1] - times[j];
    const at = o.right ? prev[j + 1] : o.newIterate ? out[j] : prev[j];
    const noiseAt = o.stratonovich ? 0.5 * (prev[j] + prev[j + 1]) : at;
    out[j + 1] = out[j] + b(times[j], at) * h + sigma(times[j], noiseAt) * dw[j];
  }
  return out;
}

/**
 * Lab: one step of Picard's iteration on a stored Brownian path,
 * $X^{(k+1)}_{t_j} = x_0 + \sum_{i<j} b(t_i, X^{(k)}_{t_i})h_i + \sigma(t_i, X^{(k)}_{t_i})\Delta W_i$.
 * @see lecture 12, section 1; Øksendal (2003), Stochastic Differential Equations, Thm 5.2.1
 * (proof, eq. (5.2.11))
 */
export const picardStepLab: Lab<PicardFn> = {
  id: "12-picard-step",
  title: "one step of Picard's iteration on a Brownian path",
  fn: "picardStep",
  signature:
    "picardStep(times: Float64Array, dw: Float64Array, prev: Float64Array, b: (t: number, " +
    "x: number) => number, sigma: (t: number, x: number) => number): Float64Array",
  source:
    "lecture 12, section 1: X^{(k+1)}_{t_j} = x₀ + Σ_{i<j} b(t_i, X^{(k)}_{t_i}) h_i + " +
    "σ(t_i, X^{(k)}_{t_i}) ΔW_i (Øksendal 2003, Thm 5.2.1)",
  cases(rng) {
    const cases: LabCase<PicardFn>[] = [];
    const add = (
      note: string,
      times: Float64Array,
      b: Coefficient,
      sigma: Coefficient,
      x0: number,
      k: number,
    ) => {
      const sde = sdeFromScalar({ drift: b, diffusion: sigma });
      const path = sampleBrownianPath(rng, times, 1, 1);
      const start = Float64Array.of(x0);
      const prev =
        k === 0
          ? new Float64Array(times.length).fill(x0)
          : picardIteration(sde, start, path, k).states;
      const expected = picardIteration(sde, start, path, k + 1).states;
      const dw = path.dW.slice();
      cases.push({
        label:
          `${note}, X^(${k}) → X^(${k + 1}): times = ${formatAnswer(times)}, ` +
          `dw = ${formatAnswer(dw)}, prev = ${formatAnswer(prev)}`,
        size: times.length,
        args: [times, dw, prev, b, sigma],
        expected,
      });
    };
    const sine: Coefficient = (_t, x) => -3 * Math.sin(x);
    const one: Coefficient = () => 1;
    const none: Coefficient = () => 0;
    const multiplicative: Coefficient = (_t, x) => 0.5 + 0.3 * Math.sin(x);
    const ou: Coefficient = (t, x) => -x + Math.cos(3 * t);
    add("one step, b = −3 sin x, σ = 1", Float64Array.of(0, 0.5), sine, one, 1, 0);
    add("zero noise (σ = 0), b = −3 sin x", Float64Array.of(0, 0.3, 0.5, 1), sine, none, 1, 1);
    add(
      "σ(x) = 0.5 + 0.3 sin x, b = −x + cos 3t",
      Float64Array.of(0, 0.2, 0.7, 1),
      ou,
      multiplicative,
      0.5,
      1,
    );
    add(
      "K = 4 steps, X^(4) is Euler–Maruyama's path",
      Float64Array.of(0, 0.5, 1, 1.5, 2),
      sine,
      one,
      1,
      4,
    );
    for (const [k, iterate] of [
      [8, 1],
      [16, 2],
      [64, 5],
    ]) {
      add(`K = ${k}, b = −3 sin x, σ = 1`, randomGrid(rng, k, 2), sine, one, 1, iterate);
      add(
        `K = ${k}, multiplicative noise`,
        randomGrid(rng, k, 1),
        ou,
        multiplicative,
        -0.5,
        iterate,
      );
    }
    return cases;
  },
  tolerance: {
    abs: 1e-12,
    rel: 1e-12,
    reason: "running sums of ≤ 2·64 terms of size ≤ 3 in the same order: rounding ≤ 1e-13",
  },
  mistakes: [
    {
      name: "right-point",
      hint:
        "Itô integrals use left points: evaluate b and σ at (t_i, X^{(k)}_{t_i}) for the " +
        "increment from t_i to t_{i+1}, not at the right end",
      answer: (...args) => picardModel(args, { right: true }),
    },
    {
      name: "missing-start",
      hint: "every iterate starts at x₀ = prev[0]: X^{(k+1)}_{t_j} = x₀ + the two sums",
      answer: (...args) => picardModel(args, { noStart: true }),
    },
    {
      name: "new-iterate",
      hint:
        "Picard's map evaluates b and σ along the PREVIOUS iterate X^{(k)} (prev); using the " +
        "values you are computing gives Euler–Maruyama's path, the iteration's limit",
      answer: (...args) => picardModel(args, { newIterate: true }),
    },
    {
      name: "midpoint-noise",
      hint:
        "σ at the midpoint (X_i + X_{i+1})/2 is Stratonovich's integral: the Itô SDE needs " +
        "σ(t_i, X^{(k)}_{t_i})",
      answer: (...args) => picardModel(args, { stratonovich: true }),
    },
  ],
  verified:
    "X^{(k+1)} against picardIteration on the same stored Brownian path, k = 0 to 5, one to 64 " +
    "uneven steps, additive and multiplicative noise, zero noise, the fixed point X^{(K)} = EM",
};

/** −½ log-density ratio terms of the two Euler chains: the lab's oracle. */
function eulerLogRatio(...[times, x, bP, bQ, g]: Parameters<GirsanovFn>): number {
  let sum = 0;
  for (let k = 0; k + 1 < x.length; k++) {
    const h = times[k + 1] - times[k];
    const dx = x[k + 1] - x[k];
    const rP = dx - bP(times[k], x[k]) * h;
    const rQ = dx - bQ(times[k], x[k]) * h;
    sum += (rQ * rQ - rP * rP) / (2 * g * g * h); // log N(dx; b_P h, g²h) − log N(dx; b_Q h, g²h)
  }
  return sum;
}

/** Girsanov's sum with a choice of mistakes. */
function girsanovModel(
  [times, x, bP, bQ, g]: Parameters<GirsanovFn>,
  o: { right?: boolean; half?: number; gPower?: number; gapSquared?: boolean } = {},
): number {
  const half = o.half ?? 0.5;
  const g2 = g ** (o.gPower ?? 2);
  let sum = 0;
  for (let k = 0; k + 1 < x.length; k++) {
    const h = times[k + 1] - times[k];
    const at = o.right ? x[k + 1] : x[k];
    const [p, q] = [bP(times[k], at), bQ(times[k], at)];
    const drift = o.gapSquared ? (p - q) ** 2 : p * p - q * q;
    sum += ((p - q) * (x[k + 1] - x[k]) - half * drift * h) / g2;
  }
  return sum;
}

/**
 * Lab: Girsanov's log-likelihood ratio on a sampled path,
 * $\log\frac{dP}{dQ} = \sum_k \frac{b_P - b_Q}{g^2}(t_k, X_k)\,\Delta X_k - \frac12\sum_k \frac{b_P^2 - b_Q^2}{g^2}(t_k, X_k)\,h_k$.
 * @see lecture 12, section 4; Øksendal (2003), Thm 8.6.6; Särkkä & Solin (2019), Applied SDEs,
 * eq. (7.9)
 */
export const girsanovLogRatioLab: Lab<GirsanovFn> = {
  id: "12-girsanov-log-ratio",
  title: "Girsanov's log dP/dQ of two drifts on a sampled path",
  fn: "girsanovLogRatio",
  signature:
    "girsanovLogRatio(times: Float64Array, x: Float64Array, bP: (t: number, x: number) => " +
    "number, bQ: (t: number, x: number) => number, g: number): number",
  source:
    "lecture 12, section 4: log dP/dQ = Σ_k (b_P − b_Q)/g² ΔX_k − ½ Σ_k (b_P² − b_Q²)/g² h_k, " +
    "left points (Øksendal 2003, Thm 8.6.6)",
  cases(rng) {
    const cases: LabCase<GirsanovFn>[] = [];
    const add = (
      note: string,
      times: Float64Array,
      x: Float64Array,
      bP: Coefficient,
      bQ: Coefficient,
      g: number,
    ) =>
      cases.push({
        label: `${note}, g = ${formatAnswer(g)}: times = ${formatAnswer(times)}, x = ${formatAnswer(x)}`,
        size: x.length,
        args: [times, x, bP, bQ, g],
        expected: eulerLogRatio(times, x, bP, bQ, g),
      });
    /** An Euler path of dX = b dt + g dW from x0 on the grid. */
    const eulerPath = (times: Float64Array, b: Coefficient, g: number, x0: number) => {
      const x = new Float64Array(times.length);
      x[0] = x0;
      for (let k = 0; k + 1 < times.length; k++) {
        const h = times[k + 1] - times[k];
        x[k + 1] = x[k] + b(times[k], x[k]) * h + g * Math.sqrt(h) * rng.normal();
      }
      return x;
    };
    const ouP: Coefficient = (_t, x) => -x;
    const ouQ: Coefficient = (_t, x) => -1.25 * x;
    const pushed: Coefficient = (t, x) => 2 - x + Math.sin(4 * t);
    add(
      "one step, P: −x, Q: −1.25x",
      Float64Array.of(0, 0.1),
      Float64Array.of(1, 0.8),
      ouP,
      ouQ,
      1,
    );
    add(
      "equal drifts (log-ratio 0)",
      Float64Array.of(0, 0.5, 1),
      Float64Array.of(1, 0.2, 0.9),
      ouP,
      ouP,
      1,
    );
    add(
      "a constant path (ΔX = 0)",
      Float64Array.of(0, 0.25, 0.5, 1),
      Float64Array.of(0.7, 0.7, 0.7, 0.7),
      ouP,
      pushed,
      0.5,
    );
    add(
      "Q without drift (b_Q = 0)",
      Float64Array.of(0, 0.3, 0.6, 1),
      Float64Array.of(0, 0.4, -0.1, 0.5),
      pushed,
      () => 0,
      1,
    );
    const grid = Float64Array.from({ length: 101 }, (_, k) => k / 100);
    add("section 4's pair, a path of Q, 100 steps", grid, eulerPath(grid, ouQ, 1, 1), ouP, ouQ, 1);
    for (const k of [10, 50]) {
      const times = randomGrid(rng, k, 1 + rng.uniform());
      const g = 0.3 + rng.uniform();
      add(`a path of P, ${k} uneven steps`, times, eulerPath(times, pushed, g, 0), pushed, ouQ, g);
      add(`a path of Q, ${k} uneven steps`, times, eulerPath(times, ouQ, g, 1), pushed, ouQ, g);
    }
    return cases;
  },
  tolerance: {
    abs: 1e-10,
    rel: 1e-10,
    reason:
      "the oracle is the log-ratio of the Euler chains' Gaussian densities, equal to the sum " +
      "algebraically; both sum ≤ 100 terms of size ≤ 10² (ΔX²/(g²h) for g ≥ 0.3): rounding ≤ 1e-12",
  },
  mistakes: [
    {
      name: "right-point",
      hint:
        "Itô: evaluate b_P and b_Q at the left point (t_k, X_k) of each increment ΔX_k = " +
        "X_{k+1} − X_k, not at X_{k+1}",
      answer: (...args) => girsanovModel(args, { right: true }),
    },
    {
      name: "missing-half",
      hint: "the dt term of log dP/dQ has a factor ½: −½ Σ (b_P² − b_Q²)/g² h_k",
      answer: (...args) => girsanovModel(args, { half: 1 }),
    },
    {
      name: "reciprocal",
      hint:
        "this is log dQ/dP: the weight that turns Q's paths into P's is dP/dQ, with b_P − b_Q " +
        "in the first sum and b_P² − b_Q² in the second",
      answer: (...args) => -girsanovModel(args),
    },
    {
      name: "g-not-squared",
      hint: "divide both sums by g², the variance rate of the noise, not by g",
      answer: (...args) => girsanovModel(args, { gPower: 1 }),
    },
    {
      name: "mixed-forms",
      hint:
        "with ΔX in the first sum the dt term is −½(b_P² − b_Q²)/g²; the form −½(b_P − b_Q)²/g² " +
        "goes with the Brownian increments of Q, ΔW = (ΔX − b_Q h)/g, not with ΔX",
      answer: (...args) => girsanovModel(args, { gapSquared: true }),
    },
  ],
  verified:
    "Σ(b_P − b_Q)ΔX/g² − ½Σ(b_P² − b_Q²)h/g² against the log-ratio of the two Euler chains' " +
    "transition densities, one to 100 steps, equal drifts, a constant path, b_Q = 0, g ≠ 1",
};

/** ∫_0^T E_P X_t² dt for dX = −θX dt + g dW from x0 (θ = 0 is Brownian motion). */
function secondMomentIntegral(theta: number, g: number, x0: number, T: number, meanOnly = false) {
  if (theta === 0) return x0 * x0 * T + (meanOnly ? 0 : (g * g * T * T) / 2);
  const a = -Math.expm1(-2 * theta * T) / (2 * theta); // ∫ e^{−2θt} dt
  return x0 * x0 * a + (meanOnly ? 0 : (g * g * (T - a)) / (2 * theta));
}

/**
 * Lab: the path KL divergence of two OU processes with the same noise,
 * $\mathrm{KL}(P\|Q) = \frac{(\theta_P - \theta_Q)^2}{2g^2}\int_0^T \mathbb E_P X_t^2\,dt$,
 * $\mathbb E_P X_t^2 = x_0^2 e^{-2\theta_P t} + g^2(1 - e^{-2\theta_P t})/(2\theta_P)$.
 * @see lecture 12, section 4; Øksendal (2003), Thm 8.6.6 (Girsanov); Song, Durkan, Murray & Ermon
 * (2021), NeurIPS, Thm 1
 */
export const ouPathKlLab: Lab<KlFn> = {
  id: "12-ou-path-kl",
  title: "KL(P‖Q) between the path laws of two OU processes",
  fn: "ouPathKl",
  signature: "ouPathKl(thetaP: number, thetaQ: number, g: number, x0: number, T: number): number",
  source:
    "lecture 12, section 4: KL(P‖Q) = ½ E_P ∫ (b_P − b_Q)²/g² dt with b = −θx: " +
    "(θ_P − θ_Q)²/(2g²) ∫_0^T E_P X_t² dt",
  cases(rng) {
    const cases: LabCase<KlFn>[] = [];
    let order = 0;
    const add = (thetaP: number, thetaQ: number, g: number, x0: number, T: number, note: string) =>
      cases.push({
        label:
          `${note}: θ_P = ${formatAnswer(thetaP)}, θ_Q = ${formatAnswer(thetaQ)}, ` +
          `g = ${formatAnswer(g)}, x₀ = ${formatAnswer(x0)}, T = ${formatAnswer(T)}`,
        size: order++,
        args: [thetaP, thetaQ, g, x0, T],
        expected: ((thetaP - thetaQ) ** 2 / (2 * g * g)) * secondMomentIntegral(thetaP, g, x0, T),
      });
    add(1, 1.25, 1, 1, 1, "section 4's pair");
    add(1, 1, 0.7, 2, 1, "equal drifts");
    add(0.5, 2, 1.5, 0, 2, "x₀ = 0 (only the noise's variance)");
    add(2, 0.5, 0.5, 1.5, 0.01, "a short horizon");
    add(-0.5, 0.5, 1, 1, 1, "θ_P < 0: P pushed away from 0");
    for (let i = 0; i < 3; i++) {
      add(
        0.1 + 2 * rng.uniform(),
        3 * rng.uniform(),
        0.3 + rng.uniform(),
        3 * rng.uniform() - 1.5,
        0.5 + 3 * rng.uniform(),
        "random",
      );
    }
    add(0, 1, 1, 1, 1, "θ_P = 0: P is a Brownian motion (take the limit)");
    return cases;
  },
  tolerance: {
    abs: 1e-14,
    rel: 1e-11,
    reason:
      "cancellation in T − (1 − e^{−2θT})/(2θ) costs a factor ≤ 1/(2(θT)²) ≤ 5000 for |θ|T ≥ " +
      "0.01 (or θ = 0 exactly): relative ≤ 5000 · 4 · 1.1e-16 ≈ 2e-12",
  },
  mistakes: [
    {
      name: "missing-half",
      hint: "KL(P‖Q) = ½ E_P ∫ (b_P − b_Q)²/g² dt: the factor ½ of Girsanov's dt term",
      answer: (tp, tq, g, x0, T) => ((tp - tq) ** 2 / (g * g)) * secondMomentIntegral(tp, g, x0, T),
    },
    {
      name: "expectation-under-q",
      hint: "the expectation is under P, the first argument of KL(P‖Q): E_P X_t² uses θ_P, not θ_Q",
      answer: (tp, tq, g, x0, T) =>
        ((tp - tq) ** 2 / (2 * g * g)) * secondMomentIntegral(tq, g, x0, T),
    },
    {
      name: "mean-squared",
      hint:
        "E_P X_t² = (E_P X_t)² + Var_P X_t: the noise's variance g²(1 − e^{−2θt})/(2θ) is " +
        "part of it",
      answer: (tp, tq, g, x0, T) =>
        ((tp - tq) ** 2 / (2 * g * g)) * secondMomentIntegral(tp, g, x0, T, true),
    },
    {
      name: "missing-g",
      hint:
        "the drift gap is divided by g² in KL(P‖Q) = ½ E_P ∫ (b_P − b_Q)²/g² dt (besides the g² " +
        "in E_P X_t²)",
      answer: (tp, tq, g, x0, T) => ((tp - tq) ** 2 / 2) * secondMomentIntegral(tp, g, x0, T),
    },
    {
      name: "theta-zero-limit",
      hint:
        "at θ_P = 0, P is a Brownian motion and E_P X_t² = x₀² + g²t: your formula divides 0 " +
        "by 0 there; take its limit",
      answer: (tp, tq, g, x0, T) => {
        const a = (1 - Math.exp(-2 * tp * T)) / (2 * tp);
        return ((tp - tq) ** 2 / (2 * g * g)) * (x0 * x0 * a + (g * g * (T - a)) / (2 * tp));
      },
    },
  ],
  verified:
    "(θ_P − θ_Q)²/(2g²) ∫E_P X_t² dt (in expm1 form, its limit at θ_P = 0) on section 4's pair, " +
    "equal drifts, x₀ = 0, a short horizon, θ_P < 0, θ_P = 0 (Brownian motion), random pairs",
};

/** The labs of lecture 12, in the notebook's order. */
export const labs12 = [picardStepLab, girsanovLogRatioLab, ouPathKlLab] as const;
