/**
 * Labs of lecture 01 (the Itô integral): the left-point (Itô) sum, the drift and diffusion of
 * Itô's formula, and the Itô isometry for a deterministic integrand.
 */
import type { Rng } from "../rng";
import { formatAnswer } from "./compare";
import { Lab, LabCase } from "./lab";
import { randomGrid } from "./random-cases";

type Integrand = (t: number, w: number) => number;
type SumFn = (times: Float64Array, w: Float64Array, f: Integrand) => number;
type Derivatives = { t: number; x: number; xx: number };
type Coefficients = { drift: number; diffusion: number };
type ItoFn = (f: number, g: number, dH: Derivatives) => Coefficients;
type IsometryFn = (times: Float64Array, f: (t: number) => number) => number;

/** A Brownian path at the grid times, from w0: W_{t_{k+1}} = W_{t_k} + √h_k ξ_k. */
function brownianOn(rng: Rng, times: Float64Array, w0 = 0): Float64Array {
  const w = new Float64Array(times.length);
  w[0] = w0;
  for (let k = 0; k + 1 < times.length; k++)
    w[k + 1] = w[k] + Math.sqrt(times[k + 1] - times[k]) * rng.normal();
  return w;
}

/** Σ_k f(τ_k) ΔW_k with the integrand read at `at(k)` ∈ {k, k + 1, …}: the mistakes' models. */
function riemannSum(
  times: Float64Array,
  w: Float64Array,
  f: Integrand,
  value: (k: number) => number,
  steps = times.length - 1,
): number {
  let s = 0;
  for (let k = 0; k < steps; k++) s += value(k) * (w[k + 1] - w[k]);
  return s;
}

/** Q = Σ_k ΔW_k², and the other discrete identities of section 1 (telescoping sums). */
function powerSum(w: Float64Array, p: number): number {
  let s = 0;
  for (let k = 0; k + 1 < w.length; k++) s += (w[k + 1] - w[k]) ** p;
  return s;
}

/**
 * Lab: the Itô (left-point) sum $I_n = \sum_k f(t_k, W_{t_k})\,(W_{t_{k+1}} - W_{t_k})$ on a
 * grid; its limit is the Itô integral $\int f\,dW$ (lecture 01, section 1).
 * @see Øksendal, Stochastic Differential Equations (6th ed., 2003), Definition 3.1.6 (the
 * integrand at the left end point); Higham (2001), SIAM Review 43(3), program stint.m
 */
export const leftPointSumLab: Lab<SumFn> = {
  id: "01-left-point-sum",
  title: "the Itô (left-point) sum of an integrand against a Brownian path",
  fn: "leftPointSum",
  signature:
    "leftPointSum(times: Float64Array, w: Float64Array, f: (t: number, w: number) => number): number",
  source:
    "lecture 01, section 1: I_n = Σ_k f(t_k, W_{t_k}) (W_{t_{k+1}} − W_{t_k}); Øksendal Def. 3.1.6",
  cases(rng) {
    const cases: LabCase<SumFn>[] = [];
    const add = (times: Float64Array, w: Float64Array, f: Integrand, name: string, value: number) =>
      cases.push({
        label: `${name}, K = ${times.length - 1}: times = ${formatAnswer(times)}, w = ${formatAnswer(w)}`,
        size: times.length,
        args: [times, w, f],
        expected: value,
      });
    // f = w: telescoping, Σ W_k ΔW_k = ½(W_K² − W_0² − Q) exactly (section 1)
    const wdw = (times: Float64Array, w: Float64Array, note: string) =>
      add(
        times,
        w,
        (_t, x) => x,
        `f(t, w) = w${note}`,
        0.5 * (w[w.length - 1] ** 2 - w[0] ** 2 - powerSum(w, 2)),
      );
    wdw(Float64Array.of(0, 0.5), Float64Array.of(0, 0.7), " (one step from W_0 = 0)");
    wdw(Float64Array.of(0, 0.25, 1), Float64Array.of(0.5, -0.25, 1.25), ", a path from W_0 = 0.5");
    for (const k of [8, 64, 512]) {
      const times = randomGrid(rng, k, 1);
      wdw(times, brownianOn(rng, times), "");
    }
    // f = 2 + w on one step: f(t_0, W_0) ΔW_0
    add(
      Float64Array.of(0, 1),
      Float64Array.of(0.3, -0.9),
      (_t, x) => 2 + x,
      "f(t, w) = 2 + w",
      -2.76,
    );
    // a constant path (zero noise): every sum is 0
    add(
      Float64Array.of(0, 0.25, 0.5, 0.75, 1),
      Float64Array.of(0.4, 0.4, 0.4, 0.4, 0.4),
      (t, x) => Math.cos(Math.PI * t) + x,
      "a constant path (zero noise), f(t, w) = cos πt + w",
      0,
    );
    // f = 1: W_T − W_0
    const t1 = randomGrid(rng, 16, 2);
    const w1 = brownianOn(rng, t1, 0.2);
    add(t1, w1, () => 1, "f = 1", w1[16] - w1[0]);
    // f = t: summation by parts, Σ t_k ΔW_k = t_K W_K − t_0 W_0 − Σ W_{k+1}(t_{k+1} − t_k)
    const tt = randomGrid(rng, 32, 1.5, 0.5);
    const wt = brownianOn(rng, tt);
    let byParts = tt[32] * wt[32] - tt[0] * wt[0];
    for (let k = 0; k < 32; k++) byParts -= wt[k + 1] * (tt[k + 1] - tt[k]);
    add(tt, wt, (t) => t, "f(t, w) = t (a deterministic integrand)", byParts);
    // f = w²: (a + d)³ = a³ + 3a²d + 3ad² + d³ gives Σ W_k² ΔW_k = ⅓(W_K³ − W_0³) − Σ W_k ΔW_k² − ⅓ Σ ΔW_k³
    for (const k of [32, 256]) {
      const times = randomGrid(rng, k, 1);
      const w = brownianOn(rng, times);
      let cross = 0;
      for (let j = 0; j < k; j++) cross += w[j] * (w[j + 1] - w[j]) ** 2;
      const value = (w[k] ** 3 - w[0] ** 3) / 3 - cross - powerSum(w, 3) / 3;
      add(times, w, (_t, x) => x * x, "f(t, w) = w²", value);
    }
    // f(t, w) = t w + sin w: the definition, summed from the last step back
    const tg = randomGrid(rng, 128, 1);
    const wg = brownianOn(rng, tg);
    const fg: Integrand = (t, x) => t * x + Math.sin(x);
    let backwards = 0;
    for (let k = 127; k >= 0; k--) backwards += fg(tg[k], wg[k]) * (wg[k + 1] - wg[k]);
    add(tg, wg, fg, "f(t, w) = t·w + sin w", backwards);
    return cases;
  },
  tolerance: {
    abs: 1e-11,
    rel: 1e-11,
    reason:
      "rounding: the oracles are discrete identities summed in another order; ≤ 512 terms of size ≤ 30, ε·512·30 ≈ 3e-12",
  },
  mistakes: [
    {
      name: "right-point",
      hint: "Itô sums evaluate the integrand at the LEFT end t_k of each step: did you use W_{t_{k+1}} (the right end)? That sum tends to ½(W_T² + T), not the Itô integral",
      answer: (times, w, f) => riemannSum(times, w, f, (k) => f(times[k + 1], w[k + 1])),
    },
    {
      name: "trapezoid",
      hint: "averaging the integrand over both ends of a step gives the Stratonovich sum (½W_T² for f = w), not Itô's: read f at the left end t_k only",
      answer: (times, w, f) =>
        riemannSum(times, w, f, (k) => 0.5 * (f(times[k], w[k]) + f(times[k + 1], w[k + 1]))),
    },
    {
      name: "stale-time",
      hint: "pass the left end's time t_k together with W_{t_k}: f is evaluated at (t_k, W_{t_k}), not at (t_{k+1}, W_{t_k})",
      answer: (times, w, f) => riemannSum(times, w, f, (k) => f(times[k + 1], w[k])),
    },
    {
      name: "drops-last-increment",
      hint: "off by one: K + 1 grid points give K increments, k = 0..K − 1; the last one is missing",
      answer: (times, w, f) =>
        riemannSum(times, w, f, (k) => f(times[k], w[k]), Math.max(0, times.length - 2)),
    },
  ],
  verified:
    "Σ f(t_k, W_{t_k}) ΔW_k against ½(W_T² − W_0² − Q) for f = w (1 to 512 steps), summation by parts for f = t, the cubic identity for f = w², W_T − W_0 for f = 1, a constant path",
};

/**
 * Lab: the coefficients of Itô's formula, $dH(t, X) = \big(H_t + f H_x + \tfrac12 g^2 H_{xx}\big)dt
 * + g H_x\,dW$ for $dX = f\,dt + g\,dW$, at one point (lecture 01, section 3).
 * @see Øksendal (2003), Theorem 4.1.2 (the one-dimensional Itô formula)
 */
export const itoCoefficientsLab: Lab<ItoFn> = {
  id: "01-ito-coefficients",
  title: "the drift and diffusion of H(t, X) by Itô's formula",
  fn: "itoCoefficients",
  signature:
    "itoCoefficients(f: number, g: number, dH: { t: number; x: number; xx: number }): { drift: number; diffusion: number }",
  source:
    "lecture 01, section 3: dH = (H_t + f H_x + ½ g² H_xx) dt + g H_x dW; Øksendal Thm. 4.1.2",
  cases(rng) {
    const cases: LabCase<ItoFn>[] = [];
    const add = (
      name: string,
      point: string,
      f: number,
      g: number,
      dH: Derivatives,
      expected: Coefficients,
    ) =>
      cases.push({
        label: `${name} at ${point}: f = ${formatAnswer(f)}, g = ${formatAnswer(g)}, dH = ${formatAnswer(dH)}`,
        size: cases.length,
        args: [f, g, dH],
        expected,
      });
    // the five examples of section 3, each against its hand derivation (not the general formula)
    const points = [
      { t: 0.3, x: 1.5 },
      { t: 0.5 + rng.uniform(), x: 0.2 + 2 * rng.uniform() },
      { t: 2 * rng.uniform(), x: 0.2 + 2 * rng.uniform() },
    ];
    for (const { t, x } of points) {
      const at = `t = ${formatAnswer(t)}, x = ${formatAnswer(x)}`;
      // H = x² on Brownian motion: d(W²) = dt + 2W dW
      add("H = x² on dX = dW", at, 0, 1, { t: 0, x: 2 * x, xx: 2 }, { drift: 1, diffusion: 2 * x });
      // H = log x on GBM dX = μX dt + σX dW: d log X = (μ − σ²/2) dt + σ dW
      const [mu, sigma] = [0.7, 0.5];
      add(
        `H = log x on GBM (μ = ${mu}, σ = ${sigma})`,
        at,
        mu * x,
        sigma * x,
        { t: 0, x: 1 / x, xx: -1 / (x * x) },
        { drift: mu - (sigma * sigma) / 2, diffusion: sigma },
      );
      // H = e^{θt} x on OU dX = −θX dt + σ dW: d(e^{θt}X) = σe^{θt} dW (the drift cancels)
      const [theta, s] = [2, 0.8];
      const e = Math.exp(theta * t);
      add(
        `H = e^{θt} x on OU (θ = ${theta}, σ = ${s})`,
        at,
        -theta * x,
        s,
        { t: theta * e * x, x: e, xx: 0 },
        { drift: 0, diffusion: s * e },
      );
      // H = x² on the VP SDE with β = b: d(X²) = (b − bX²) dt + 2√b X dW
      const b = 5;
      add(
        `H = x² on the VP SDE (β = ${b})`,
        at,
        (-b / 2) * x,
        Math.sqrt(b),
        { t: 0, x: 2 * x, xx: 2 },
        { drift: b - b * x * x, diffusion: 2 * Math.sqrt(b) * x },
      );
    }
    // zero noise: the chain rule of ordinary calculus
    add(
      "zero noise, H = x³",
      "x = 1.2",
      -0.5,
      0,
      { t: 0, x: 3 * 1.44, xx: 6 * 1.2 },
      {
        drift: -0.5 * 3 * 1.44,
        diffusion: 0,
      },
    );
    // random derivatives: the formula itself, each term computed separately
    for (let j = 0; j < 4; j++) {
      const [f, g] = [rng.normal(), 0.2 + 2 * rng.uniform()];
      const dH = { t: rng.normal(), x: rng.normal(), xx: rng.normal() };
      const correction = 0.5 * g * g * dH.xx;
      add("random coefficients", `draw ${j + 1}`, f, g, dH, {
        drift: dH.t + f * dH.x + correction,
        diffusion: g * dH.x,
      });
    }
    return cases;
  },
  tolerance: {
    abs: 1e-13,
    rel: 1e-13,
    reason: "four flops on values ≤ 40 against closed forms: a few ulps",
  },
  mistakes: [
    {
      name: "chain-rule",
      hint: "ordinary calculus misses the Itô correction ½ g² H_xx: (dX)² = g² dt is not negligible (the quadratic variation of section 1)",
      answer: (f, g, dH) => ({ drift: dH.t + f * dH.x, diffusion: g * dH.x }),
    },
    {
      name: "correction-sign",
      hint: "the Itô correction is +½ g² H_xx (it comes from the second-order Taylor term), not minus",
      answer: (f, g, dH) => ({ drift: dH.t + f * dH.x - 0.5 * g * g * dH.xx, diffusion: g * dH.x }),
    },
    {
      name: "missing-half",
      hint: "the second-order Taylor term carries a ½: the correction is ½ g² H_xx, not g² H_xx",
      answer: (f, g, dH) => ({ drift: dH.t + f * dH.x + g * g * dH.xx, diffusion: g * dH.x }),
    },
    {
      name: "g-not-squared",
      hint: "(dX)² = g² dt: the correction has g squared, ½ g² H_xx",
      answer: (f, g, dH) => ({ drift: dH.t + f * dH.x + 0.5 * g * dH.xx, diffusion: g * dH.x }),
    },
    {
      name: "missing-time-derivative",
      hint: "when H depends on t, its drift starts with ∂H/∂t (dH.t): e^{θt}X on OU has zero drift only with it",
      answer: (f, g, dH) => ({ drift: f * dH.x + 0.5 * g * g * dH.xx, diffusion: g * dH.x }),
    },
  ],
  verified:
    "the drift H_t + fH_x + ½g²H_xx and diffusion gH_x against the hand derivations of section 3 (x² on W and on the VP SDE, log x on GBM, e^{θt}x on OU) at three points, zero noise, random coefficients",
};

/** Σ_k f(t_k)² h_k summed from the last step back (the definition, computed another way). */
function isometryBackwards(times: Float64Array, f: (t: number) => number): number {
  let s = 0;
  for (let k = times.length - 2; k >= 0; k--) s += f(times[k]) ** 2 * (times[k + 1] - times[k]);
  return s;
}

/**
 * Lab: the Itô isometry for a deterministic integrand on a grid,
 * $\mathbb E\big(\sum_k f(t_k)\Delta W_k\big)^2 = \sum_k f(t_k)^2 (t_{k+1} - t_k)$, exact before
 * any limit (lecture 01, section 2).
 * @see Øksendal (2003), Lemma 3.1.5 (the isometry for elementary integrands) and Cor. 3.1.7
 */
export const isometryLab: Lab<IsometryFn> = {
  id: "01-ito-isometry",
  title: "the Itô isometry: the second moment of a left-point sum",
  fn: "isometrySecondMoment",
  signature: "isometrySecondMoment(times: Float64Array, f: (t: number) => number): number",
  source:
    "lecture 01, section 2: E(Σ_k f(t_k) ΔW_k)² = Σ_k f(t_k)² (t_{k+1} − t_k); Øksendal Lemma 3.1.5",
  cases(rng) {
    const cases: LabCase<IsometryFn>[] = [];
    const add = (times: Float64Array, f: (t: number) => number, name: string, value: number) =>
      cases.push({
        label: `${name}, K = ${times.length - 1}: times = ${formatAnswer(times)}`,
        size: times.length,
        args: [times, f],
        expected: value,
      });
    const uniform = (k: number, horizon: number) =>
      Float64Array.from({ length: k + 1 }, (_, j) => (j === k ? horizon : (j * horizon) / k));
    const cosine = (t: number) => Math.cos(Math.PI * t);
    // cos πt on [0, 1]: Σ cos²(πk/K)/K = ½ for K ≥ 2 (section 2), 1 for K = 1
    add(uniform(1, 1), cosine, "f(t) = cos πt, one step", 1);
    add(uniform(2, 1), cosine, "f(t) = cos πt", 0.5);
    add(uniform(250, 1), cosine, "f(t) = cos πt (section 2's grid)", 0.5);
    // f = 1: the variance of W_T − W_0 is T
    add(Float64Array.of(0, 0.5, 2, 3), () => 1, "f = 1, uneven steps", 3);
    add(randomGrid(rng, 40, 2.5), () => 1, "f = 1", 2.5);
    // f = 0 (no noise)
    add(uniform(4, 2), () => 0, "f = 0", 0);
    // f(t) = t on K equal steps of [0, T]: h³ (K − 1) K (2K − 1)/6
    for (const [k, horizon] of [
      [10, 2],
      [100, 0.5],
    ]) {
      const h = horizon / k;
      add(uniform(k, horizon), (t) => t, "f(t) = t", (h ** 3 * (k - 1) * k * (2 * k - 1)) / 6);
    }
    // OU's integrand σe^{−θ(T − t)} (section 4.2): a geometric sum hσ²e^{−2θT}(e^{2θT} − 1)/(e^{2θh} − 1)
    const [theta, sigma, horizon, k] = [2, 0.8, 2, 64];
    const h = horizon / k;
    const ouSum =
      (h * sigma * sigma * Math.exp(-2 * theta * horizon) * Math.expm1(2 * theta * horizon)) /
      Math.expm1(2 * theta * h);
    add(
      uniform(k, horizon),
      (t) => sigma * Math.exp(-theta * (horizon - t)),
      "f(t) = σe^{−θ(T − t)} (OU, θ = 2, σ = 0.8, T = 2)",
      ouSum,
    );
    // a smooth integrand on uneven grids: the definition, summed backwards
    for (const kk of [3, 17, 200]) {
      const times = randomGrid(rng, kk, 1 + rng.uniform(), 0.5 * rng.uniform());
      const f = (t: number) => 1 + Math.sin(3 * t);
      add(times, f, "f(t) = 1 + sin 3t", isometryBackwards(times, f));
    }
    return cases;
  },
  tolerance: {
    abs: 1e-13,
    rel: 1e-12,
    reason: "rounding of ≤ 250 positive terms against closed forms (ε·250 ≈ 6e-14 relative)",
  },
  mistakes: [
    {
      name: "right-point",
      hint: "the left-point sum's integrand on step k is f(t_k), known at the start of the step: use the left end, not f(t_{k+1})",
      answer: (times, f) => {
        let s = 0;
        for (let k = 0; k + 1 < times.length; k++)
          s += f(times[k + 1]) ** 2 * (times[k + 1] - times[k]);
        return s;
      },
    },
    {
      name: "square-of-integral",
      hint: "the cross terms vanish in expectation: E(Σ f_k ΔW_k)² = Σ f_k² h_k, not (Σ f_k h_k)²",
      answer: (times, f) => {
        let s = 0;
        for (let k = 0; k + 1 < times.length; k++) s += f(times[k]) * (times[k + 1] - times[k]);
        return s * s;
      },
    },
    {
      name: "step-squared",
      hint: "E(ΔW_k)² = h_k (the variance of an increment), not h_k²",
      answer: (times, f) => {
        let s = 0;
        for (let k = 0; k + 1 < times.length; k++)
          s += f(times[k]) ** 2 * (times[k + 1] - times[k]) ** 2;
        return s;
      },
    },
  ],
  verified:
    "Σ f(t_k)² h_k against closed forms (½ for cos πt, T for f = 1, h³(K − 1)K(2K − 1)/6 for f = t, OU's geometric sum) and on uneven grids, one step to 250 steps",
};

/** The labs of lecture 01, in the notebook's order. */
export const labs01 = [leftPointSumLab, isometryLab, itoCoefficientsLab] as const;
