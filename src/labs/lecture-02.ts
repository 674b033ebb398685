/**
 * Labs of lecture 02 (simulating SDEs): an Euler–Maruyama path from standard normals, one
 * Milstein step, and the exact Gaussian marginal of DDPM's forward chain.
 */
import { BrownianPath } from "../brownian";
import { eulerMaruyama, integrate, milstein, sdeFromScalar } from "../sde";
import { formatAnswer } from "./compare";
import { Lab, LabCase } from "./lab";
import { normals, randomGrid } from "./random-cases";

type Coefficient = (t: number, x: number) => number;
type EmFn = (
  times: Float64Array,
  x0: number,
  xi: Float64Array,
  f: Coefficient,
  g: Coefficient,
) => Float64Array;
type MilsteinFn = (
  t: number,
  x: number,
  h: number,
  dW: number,
  f: Coefficient,
  g: Coefficient,
  dg: Coefficient,
) => number;
type Marginal = { mean: number; variance: number };
type ChainFn = (x0: number, betas: Float64Array, k: number) => Marginal;

/** The library's Euler–Maruyama on one path whose increments are √h_k ξ_k: the oracle. */
function libraryEm(
  times: Float64Array,
  x0: number,
  xi: Float64Array,
  f: Coefficient,
  g: Coefficient,
): Float64Array {
  const dW = Float64Array.from(xi, (v, k) => Math.sqrt(times[k + 1] - times[k]) * v);
  const path = new BrownianPath(Float64Array.from(times), 1, 1, dW, null);
  const sde = sdeFromScalar({ drift: f, diffusion: g });
  return integrate(sde, eulerMaruyama, Float64Array.of(x0), path, { saveEvery: 1 }).states;
}

/** X_{k+1} = X_k + f(τ_k, X_k) h_k + g(τ_k, X_k) s(h_k) ξ_k: the mistakes' models. */
function emModel(
  times: Float64Array,
  x0: number,
  xi: Float64Array,
  f: Coefficient,
  g: Coefficient,
  noise: (h: number) => number,
  at: (k: number) => number = (k) => times[k],
): Float64Array {
  const x = new Float64Array(times.length);
  x[0] = x0;
  for (let k = 0; k + 1 < times.length; k++) {
    const h = times[k + 1] - times[k];
    x[k + 1] = x[k] + f(at(k), x[k]) * h + g(at(k), x[k]) * noise(h) * xi[k];
  }
  return x;
}

/**
 * Lab: an Euler–Maruyama path from standard normals,
 * $X_{k+1} = X_k + f(t_k, X_k)\,h_k + g(t_k, X_k)\sqrt{h_k}\,\xi_k$, $X_{t_0} = x_0$
 * (lecture 02, section 1).
 * @see Kloeden & Platen, Numerical Solution of SDEs (1992), eq. (10.2.2); Higham (2001),
 * SIAM Review 43(3), eq. (3.1) and program em.m
 */
export const eulerMaruyamaPathLab: Lab<EmFn> = {
  id: "02-euler-maruyama-path",
  title: "an Euler–Maruyama path, its increments of standard deviation √h",
  fn: "emPath",
  signature:
    "emPath(times: Float64Array, x0: number, xi: Float64Array, f: (t: number, x: number) => number, g: (t: number, x: number) => number): Float64Array",
  source:
    "lecture 02, section 1: X_{k+1} = X_k + f(t_k, X_k) h_k + g(t_k, X_k) √h_k ξ_k; Kloeden & Platen (10.2.2)",
  cases(rng) {
    const cases: LabCase<EmFn>[] = [];
    const add = (
      name: string,
      times: Float64Array,
      x0: number,
      xi: Float64Array,
      f: Coefficient,
      g: Coefficient,
    ) =>
      cases.push({
        label: `${name}, K = ${xi.length}: times = ${formatAnswer(times)}, x0 = ${formatAnswer(x0)}, xi = ${formatAnswer(xi)}`,
        size: times.length,
        args: [times, x0, xi, f, g],
        expected: libraryEm(times, x0, xi, f, g),
      });
    const gbmF: Coefficient = (_t, x) => 2 * x; // Higham's λ = 2
    const gbmG: Coefficient = (_t, x) => x; // μ = 1
    const beta = (t: number) => 0.1 + 19.9 * t; // DDPM's schedule, the VP SDE
    const vpF: Coefficient = (t, x) => -0.5 * beta(t) * x;
    const vpG: Coefficient = (t) => Math.sqrt(beta(t));
    const logisticF: Coefficient = (_t, x) => 2 * x * (1 - x);
    const logisticG: Coefficient = (_t, x) => 0.25 * x;
    add(
      "GBM dX = 2X dt + X dW, one step h = 1/4",
      Float64Array.of(0, 0.25),
      1,
      Float64Array.of(1),
      gbmF,
      gbmG,
    );
    add(
      "zero noise (g = 0): Euler's method for dX = −X dt",
      Float64Array.of(0, 0.5, 1),
      2,
      Float64Array.of(1.3, -0.7),
      (_t, x) => -x,
      () => 0,
    );
    add("ξ = 0 on the VP SDE", Float64Array.of(0, 0.1, 0.3), 1.5, Float64Array.of(0, 0), vpF, vpG);
    add(
      "additive noise dX = sin(4t) dt + 0.5 dW from x0 = 0, uneven steps",
      Float64Array.of(0, 0.5, 0.625, 1.5),
      0,
      Float64Array.of(0.8, -1.1, 0.4),
      (t) => Math.sin(4 * t),
      () => 0.5,
    );
    for (const k of [4, 16, 64]) {
      const times = randomGrid(rng, k, 1);
      add("GBM dX = 2X dt + X dW", times, 1, normals(rng, k), gbmF, gbmG);
    }
    for (const k of [8, 100]) {
      const times = randomGrid(rng, k, 1);
      add(
        "the VP SDE dX = −½β(t)X dt + √β(t) dW to T = 1",
        times,
        2 * rng.normal(),
        normals(rng, k),
        vpF,
        vpG,
      );
    }
    const tl = randomGrid(rng, 32, 1);
    add("logistic dX = 2X(1 − X) dt + 0.25X dW", tl, 0.5, normals(rng, 32), logisticF, logisticG);
    const tt = randomGrid(rng, 20, 1.5, 0.5);
    add(
      "time-dependent dX = −(1 + t)X dt + (1 + t/2) dW from t_0 = 0.5",
      tt,
      -1,
      normals(rng, 20),
      (t, x) => -(1 + t) * x,
      (t) => 1 + t / 2,
    );
    return cases;
  },
  tolerance: {
    abs: 1e-12,
    rel: 1e-11,
    reason:
      "the library's EM and yours differ only in rounding: a few ulps of |X_k| + |f h| + |g ΔW| per step, grown by at most ∏(1 + |f_x| h + |g_x ΔW|) < 10³ over ≤ 100 steps",
  },
  mistakes: [
    {
      name: "variance-for-sd",
      hint: "the increment ΔW_k = √h_k ξ_k has variance h_k: multiply ξ_k by Math.sqrt(h), not by h",
      answer: (times, x0, xi, f, g) => emModel(times, x0, xi, f, g, (h) => h),
    },
    {
      name: "unscaled-noise",
      hint: "ξ_k is a STANDARD normal: the Brownian increment over a step of length h_k is √h_k ξ_k, not ξ_k",
      answer: (times, x0, xi, f, g) => emModel(times, x0, xi, f, g, () => 1),
    },
    {
      name: "right-end-time",
      hint: "evaluate f and g at the left end of the step, (t_k, X_k): Euler–Maruyama freezes both at t_k, not t_{k+1}",
      answer: (times, x0, xi, f, g) => emModel(times, x0, xi, f, g, Math.sqrt, (k) => times[k + 1]),
    },
    {
      name: "missing-start",
      hint: "return K + 1 values, X at every grid time, starting with X_{t_0} = x0",
      answer: (times, x0, xi, f, g) => emModel(times, x0, xi, f, g, Math.sqrt).subarray(1).slice(),
    },
  ],
  verified:
    "every X_k against the library's eulerMaruyama driven by the increments √h_k ξ_k (GBM, the VP SDE, logistic, time-dependent and additive noise; 1 to 100 uneven steps, zero noise, ξ = 0)",
};

/** The library's Milstein step from (t, x) over h with increment dW: the oracle. */
function libraryMilstein(
  t: number,
  x: number,
  h: number,
  dW: number,
  f: Coefficient,
  g: Coefficient,
  dg: Coefficient,
): number {
  const path = new BrownianPath(Float64Array.of(t, t + h), 1, 1, Float64Array.of(dW), null);
  const sde = sdeFromScalar({ drift: f, diffusion: g, diffusionDerivative: dg });
  return integrate(sde, milstein, Float64Array.of(x), path).x[0];
}

/**
 * Lab: one Milstein step,
 * $X_{k+1} = X_k + f h + g\,\Delta W + \tfrac12 g g'\big(\Delta W^2 - h\big)$ at $(t_k, X_k)$
 * (lecture 02, section 1).
 * @see Kloeden & Platen (1992), eq. (10.3.4); Higham (2001), SIAM Review 43(3), program milstrong.m
 */
export const milsteinStepLab: Lab<MilsteinFn> = {
  id: "02-milstein-step",
  title: "one Milstein step: Euler–Maruyama plus ½ g g' (ΔW² − h)",
  fn: "milsteinStep",
  signature:
    "milsteinStep(t: number, x: number, h: number, dW: number, f: (t: number, x: number) => number, g: (t: number, x: number) => number, dg: (t: number, x: number) => number): number",
  source:
    "lecture 02, section 1: X_{k+1} = X_k + f h + g ΔW + ½ g g' (ΔW² − h); Kloeden & Platen (10.3.4)",
  cases(rng) {
    const cases: LabCase<MilsteinFn>[] = [];
    type Sde = { name: string; f: Coefficient; g: Coefficient; dg: Coefficient };
    const add = (sde: Sde, t: number, x: number, h: number, dW: number, note = "") =>
      cases.push({
        label: `${sde.name}${note}: t = ${formatAnswer(t)}, x = ${formatAnswer(x)}, h = ${formatAnswer(h)}, dW = ${formatAnswer(dW)}`,
        size: cases.length,
        args: [t, x, h, dW, sde.f, sde.g, sde.dg],
        expected: libraryMilstein(t, x, h, dW, sde.f, sde.g, sde.dg),
      });
    const gbm: Sde = {
      name: "GBM dX = 2X dt + X dW (g g' = x)",
      f: (_t, x) => 2 * x,
      g: (_t, x) => x,
      dg: () => 1,
    };
    const logistic: Sde = {
      name: "logistic dX = 2X(1 − X) dt + 0.25X dW",
      f: (_t, x) => 2 * x * (1 - x),
      g: (_t, x) => 0.25 * x,
      dg: () => 0.25,
    };
    const cir: Sde = {
      name: "CIR dX = (1 − X) dt + 0.6√X dW (g g' = 0.18)",
      f: (_t, x) => 1 - x,
      g: (_t, x) => 0.6 * Math.sqrt(x),
      dg: (_t, x) => 0.3 / Math.sqrt(x),
    };
    const timeDependent: Sde = {
      name: "dX = −tX dt + (1 + t)X² dW (g g' = 2(1 + t)²x³)",
      f: (t, x) => -t * x,
      g: (t, x) => (1 + t) * x * x,
      dg: (t, x) => 2 * (1 + t) * x,
    };
    const additive: Sde = {
      name: "additive dX = −X dt + 0.8 dW (g' = 0)",
      f: (_t, x) => -x,
      g: () => 0.8,
      dg: () => 0,
    };
    add(gbm, 0, 1.5, 0.0625, 0, " (ΔW = 0: the correction is −½ g g' h)");
    add(gbm, 0, 1, 0.25, 0.5, " (ΔW² = h: the correction vanishes)");
    add(gbm, 0, 2, 0.25, -0.3);
    add(additive, 0.5, 0.7, 0.1, 0.4, " (Euler–Maruyama)");
    add(cir, 0, 0.5, 0.01, 0.15);
    add(timeDependent, 0.75, 0.6, 0.05, -0.2);
    for (const sde of [gbm, logistic, cir, timeDependent]) {
      for (let j = 0; j < 2; j++) {
        const h = 2 ** -(2 + Math.floor(6 * rng.uniform()));
        add(sde, rng.uniform(), 0.2 + rng.uniform(), h, Math.sqrt(h) * rng.normal());
      }
    }
    return cases;
  },
  tolerance: {
    abs: 1e-14,
    rel: 1e-13,
    reason: "one step of ≤ 10 flops on values ≤ 10, summed in any order: a few ulps",
  },
  mistakes: [
    {
      name: "euler-maruyama",
      hint: "that is Euler–Maruyama: Milstein adds ½ g g' (ΔW² − h), the term Euler–Maruyama drops from g(X_s) ≈ g + g' g (W_s − W_t)",
      answer: (t, x, h, dW, f, g) => x + f(t, x) * h + g(t, x) * dW,
    },
    {
      name: "missing-h",
      hint: "the correction is ½ g g' (ΔW² − h), with mean zero (∫W dW = ½(W² − t), notebook 01): did you drop the − h?",
      answer: (t, x, h, dW, f, g, dg) =>
        x + f(t, x) * h + g(t, x) * dW + 0.5 * g(t, x) * dg(t, x) * dW * dW,
    },
    {
      name: "missing-half",
      hint: "the correction carries a ½: ½ g g' (ΔW² − h), from ∫_t^{t+h}(W_s − W_t) dW_s = ½(ΔW² − h)",
      answer: (t, x, h, dW, f, g, dg) =>
        x + f(t, x) * h + g(t, x) * dW + g(t, x) * dg(t, x) * (dW * dW - h),
    },
    {
      name: "g-squared",
      hint: "the correction multiplies g by its DERIVATIVE g' = ∂g/∂x (the dg argument), not by g itself",
      answer: (t, x, h, dW, f, g) =>
        x + f(t, x) * h + g(t, x) * dW + 0.5 * g(t, x) * g(t, x) * (dW * dW - h),
    },
  ],
  verified:
    "one step against the library's milstein (GBM, logistic, CIR, a time-dependent g, additive noise; ΔW = 0 and ΔW² = h among the cases)",
};

/** m_{j+1} = √(1 − β_j) m_j, v_{j+1} = (1 − β_j) v_j + β_j for j < k: the recursion oracle. */
function chainRecursion(x0: number, betas: Float64Array, k: number): Marginal {
  let mean = x0;
  let variance = 0;
  for (let j = 0; j < k; j++) {
    mean *= Math.sqrt(1 - betas[j]);
    variance = (1 - betas[j]) * variance + betas[j];
  }
  return { mean, variance };
}

function alphaBarProduct(betas: Float64Array, k: number): number {
  let a = 1;
  for (let j = 0; j < k; j++) a *= 1 - betas[j];
  return a;
}

/**
 * Lab: the law of DDPM's chain $x_{j+1} = \sqrt{1 - \beta_j}\,x_j + \sqrt{\beta_j}\,w_j$ after k
 * steps from $x_0$: $\mathcal N\big(\sqrt{\bar\alpha_k}\,x_0, 1 - \bar\alpha_k\big)$ with
 * $\bar\alpha_k = \prod_{j<k}(1 - \beta_j)$ (lecture 02, section 5).
 * @see Ho, Jain & Abbeel, Denoising Diffusion Probabilistic Models (NeurIPS 2020), eqs. (2) and (4)
 */
export const chainMarginalLab: Lab<ChainFn> = {
  id: "02-chain-marginal",
  title: "the exact Gaussian marginal of DDPM's forward chain",
  fn: "chainMarginal",
  signature:
    "chainMarginal(x0: number, betas: Float64Array, k: number): { mean: number; variance: number }",
  source:
    "lecture 02, section 5: x_k ~ N(√ᾱ_k x0, 1 − ᾱ_k), ᾱ_k = Π_{j<k}(1 − β_j); Ho et al. (2020), eq. (4)",
  cases(rng) {
    const cases: LabCase<ChainFn>[] = [];
    const add = (x0: number, betas: Float64Array, k: number, note: string) =>
      cases.push({
        label: `${note}: x0 = ${formatAnswer(x0)}, k = ${k}, betas = ${formatAnswer(betas)}`,
        size: k,
        args: [x0, betas, k],
        expected: chainRecursion(x0, betas, k),
      });
    const ddpm = (n: number) =>
      Float64Array.from({ length: n }, (_, j) => (0.1 + (19.9 * j) / n) / n); // β(t_j) h
    add(1.5, Float64Array.of(0.1, 0.2), 0, "k = 0 steps: x_0 itself");
    add(2, Float64Array.of(0.19), 1, "one step");
    add(-1, Float64Array.of(0, 0, 0), 3, "β = 0 (no noise)");
    add(3, Float64Array.of(0.1, 1, 0.05), 3, "a step with β = 1 forgets x_0");
    // constant β: ᾱ_k = (1 − β)^k in closed form
    const constant = new Float64Array(50).fill(0.02);
    cases.push({
      label: "constant β = 0.02, k = 50 (ᾱ = 0.98⁵⁰): x0 = 1",
      size: 50,
      args: [1, constant, 50],
      expected: { mean: Math.sqrt(0.98 ** 50), variance: 1 - 0.98 ** 50 },
    });
    add(0, ddpm(200), 100, "x0 = 0, DDPM's schedule with N = 200, to t = ½");
    add(1, ddpm(1000), 1000, "DDPM's schedule with N = 1000, to the end of the horizon");
    add(1, ddpm(50), 25, "DDPM's schedule with N = 50, to t = ½");
    for (const n of [7, 30]) {
      const betas = Float64Array.from({ length: n }, () => 0.3 * rng.uniform());
      add(2 * rng.normal(), betas, 1 + Math.floor((n - 1) * rng.uniform()), "random β_j");
    }
    return cases;
  },
  tolerance: {
    abs: 2e-12,
    rel: 1e-12,
    reason:
      "≤ 1000 factors 1 − β_j ∈ [0, 1], each rounding within ε: |Δᾱ| ≤ 1000ε ≈ 2.2e-13, times |x0| ≤ 3 in the mean",
  },
  mistakes: [
    {
      name: "alpha-bar-for-scale",
      hint: "the mean is √ᾱ_k x_0: each step multiplies x by √(1 − β_j), so the product of k steps is √ᾱ_k, not ᾱ_k",
      answer: (x0, betas, k) => {
        const a = alphaBarProduct(betas, k);
        return { mean: a * x0, variance: 1 - a };
      },
    },
    {
      name: "exp-of-sum",
      hint: "the chain's ᾱ_k is the product Π_{j<k}(1 − β_j), not e^{−Σβ_j} (that is the VP SDE's limit, off by O(1/N): section 5)",
      answer: (x0, betas, k) => {
        let s = 0;
        for (let j = 0; j < k; j++) s += betas[j];
        const a = Math.exp(-s);
        return { mean: Math.sqrt(a) * x0, variance: 1 - a };
      },
    },
    {
      name: "variance-sum",
      hint: "the variances do not simply add: v_{j+1} = (1 − β_j) v_j + β_j shrinks the old variance, so v_k = 1 − ᾱ_k, not Σ β_j",
      answer: (x0, betas, k) => {
        let s = 0;
        for (let j = 0; j < k; j++) s += betas[j];
        return { mean: Math.sqrt(alphaBarProduct(betas, k)) * x0, variance: s };
      },
    },
    {
      name: "off-by-one",
      hint: "after k steps the product runs over j = 0..k − 1 (k factors): x_0 has ᾱ_0 = 1",
      answer: (x0, betas, k) => {
        let a = 1;
        for (let j = 0; j <= k; j++) a *= 1 - betas[j];
        return { mean: Math.sqrt(a) * x0, variance: 1 - a };
      },
    },
  ],
  verified:
    "N(√ᾱ_k x0, 1 − ᾱ_k) against the chain's moment recursion and (1 − β)^k: k = 0, one step, β = 0, β = 1, DDPM's schedule to the end of the horizon (N = 1000)",
};

/** The labs of lecture 02, in the notebook's order. */
export const labs02 = [eulerMaruyamaPathLab, milsteinStepLab, chainMarginalLab] as const;
