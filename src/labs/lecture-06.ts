/**
 * Labs of lecture 06 (the ELBO): the DDPM posterior q(x_{t−1} | x_t, x_0), the KL divergence
 * between two Gaussians with diagonal covariances, and one denoising-matching term L_{t−1} of
 * DDPM's bound.
 */
import { ddpmPosterior, ddpmSchedule, gaussianKl, matchingWeights } from "../diffusion";
import { scheduleFromBetas } from "../diffusion";
import type { DdpmSchedule } from "../diffusion";
import type { Rng } from "../rng";
import { formatAnswer } from "./compare";
import { Lab, LabCase } from "./lab";

interface Posterior {
  x0Coef: number;
  xtCoef: number;
  variance: number;
}
type PosteriorFn = (beta: Float64Array, t: number) => Posterior;
type KlFn = (
  mean0: Float64Array,
  var0: Float64Array,
  mean1: Float64Array,
  var1: Float64Array,
) => number;
type TermFn = (
  beta: Float64Array,
  t: number,
  x0: number,
  xt: number,
  x0Hat: number,
  v: number,
) => number;

/** β indexed by the step, beta[0] = 0 (the library's convention), from a schedule. */
function betaArray(schedule: DdpmSchedule): Float64Array {
  return schedule.beta.slice();
}

function scheduleOf(beta: Float64Array): DdpmSchedule {
  return scheduleFromBetas(beta.subarray(1));
}

/** A random schedule of T steps, β_t in [0.001, 0.3], unsorted. */
function randomBetas(rng: Rng, T: number): Float64Array {
  const beta = new Float64Array(T + 1);
  for (let t = 1; t <= T; t++) beta[t] = 0.001 + 0.299 * rng.uniform();
  return beta;
}

function describeBeta(beta: Float64Array, name: string): string {
  return `${name} (T = ${beta.length - 1}), beta = ${formatAnswer(beta)}`;
}

/** ᾱ_0..ᾱ_T by the running product, with an optional shift of the product's range. */
function alphaBars(beta: Float64Array, shift = 0): Float64Array {
  const out = new Float64Array(beta.length).fill(1);
  for (let t = 1; t < beta.length; t++)
    out[t] = out[t - 1] * (t - shift >= 1 ? 1 - beta[t - shift] : 1);
  return out;
}

/** The posterior coefficients with the usual slips switched on. */
function posteriorModel(
  beta: Float64Array,
  t: number,
  opts: {
    x0Bar?: number;
    xtFactor?: "alpha" | "alphaBar";
    root?: boolean;
    shift?: number;
    flip?: boolean;
  } = {},
): Posterior {
  const { x0Bar = t - 1, xtFactor = "alpha", root = true, shift = 0, flip = false } = opts;
  const ab = alphaBars(beta, shift);
  const r = root ? Math.sqrt : (v: number) => v;
  const om = 1 - ab[t];
  const omPrev = 1 - ab[t - 1];
  const factor = xtFactor === "alpha" ? 1 - beta[t] : ab[t];
  return {
    x0Coef: (r(ab[x0Bar]) * beta[t]) / om,
    xtCoef: (r(factor) * omPrev) / om,
    variance: flip ? (beta[t] * om) / omPrev : (beta[t] * omPrev) / om,
  };
}

/**
 * Lab: the DDPM posterior $q(x_{t-1}\mid x_t, x_0) = \mathcal N(\tilde\mu_t, \tilde\beta_t)$,
 * $\tilde\mu_t = \frac{\sqrt{\bar\alpha_{t-1}}\beta_t}{1-\bar\alpha_t}x_0 + \frac{\sqrt{1-\beta_t}(1-\bar\alpha_{t-1})}{1-\bar\alpha_t}x_t$,
 * $\tilde\beta_t = \frac{1-\bar\alpha_{t-1}}{1-\bar\alpha_t}\beta_t$.
 * @see lecture 06, section 3; Ho, Jain & Abbeel (2020), NeurIPS, eq. (6)–(7)
 */
export const ddpmPosteriorLab: Lab<PosteriorFn> = {
  id: "06-ddpm-posterior",
  title: "the coefficients and variance of DDPM's posterior q(x_{t−1} | x_t, x_0)",
  fn: "ddpmPosteriorCoefficients",
  signature:
    "ddpmPosteriorCoefficients(beta: Float64Array, t: number): { x0Coef: number; xtCoef: number; variance: number }",
  source: "lecture 06, section 3: μ̃_t = x0Coef·x_0 + xtCoef·x_t, β̃_t (Ho et al. 2020, eq. (7))",
  cases(rng) {
    const cases: LabCase<PosteriorFn>[] = [];
    const add = (beta: Float64Array, t: number, name: string) => {
      const q = ddpmPosterior(scheduleOf(beta), t); // the library's (1 − ᾱ by expm1)
      cases.push({
        label: `${describeBeta(beta, name)}, t = ${t}`,
        size: beta.length,
        args: [beta, t],
        expected: { x0Coef: q.x0Coef, xtCoef: q.xtCoef, variance: q.variance },
      });
    };
    const single = Float64Array.of(0, 0.1);
    add(single, 1, "one step");
    const short = betaArray(ddpmSchedule({ steps: 20, betaStart: 0.01, betaEnd: 0.4 }));
    for (const t of [1, 2, 10, 20]) add(short, t, "section 4's short linear schedule");
    const long = betaArray(ddpmSchedule());
    for (const t of [1, 2, 200, 1000]) add(long, t, "DDPM's linear schedule");
    for (const T of [3, 8, 30]) {
      const beta = randomBetas(rng, T);
      add(beta, 2 + Math.floor((T - 1) * rng.uniform()), "random β");
    }
    return cases;
  },
  tolerance: {
    abs: 1e-14,
    rel: 1e-8,
    reason:
      "1 − ᾱ_t by subtraction from a product of ≤ 1000 factors loses ≤ 1000ε/(1 − ᾱ_t) ≤ 2.2e-9 relative when β ≥ 1e-4 (the library uses expm1); a ratio of two such numbers: 1e-8",
  },
  mistakes: [
    {
      name: "alphabar-index",
      hint: "off by one in the x_0 coefficient: it carries √ᾱ_{t−1} (x_0 reaches x_{t−1} in t − 1 steps), not √ᾱ_t",
      answer: (beta, t) => posteriorModel(beta, t, { x0Bar: t }),
    },
    {
      name: "alphabar-for-alpha",
      hint: "the x_t coefficient carries the one-step factor √(1 − β_t) (x_{t−1} to x_t is one step), not √ᾱ_t",
      answer: (beta, t) => posteriorModel(beta, t, { xtFactor: "alphaBar" }),
    },
    {
      name: "missing-sqrt",
      hint: "the means scale by square roots: √ᾱ_{t−1} and √(1 − β_t) (they multiply x, whose variance they scale by ᾱ_{t−1} and 1 − β_t)",
      answer: (beta, t) => posteriorModel(beta, t, { root: false }),
    },
    {
      name: "product-off-by-one",
      hint: "ᾱ_t = Π_{s=1}^{t} (1 − β_s) includes step t itself, with ᾱ_0 = 1; with beta[0] = 0 the product runs over indices 1..t",
      answer: (beta, t) => posteriorModel(beta, t, { shift: 1 }),
    },
    {
      name: "variance-ratio-inverted",
      hint: "β̃_t = β_t(1 − ᾱ_{t−1})/(1 − ᾱ_t) is smaller than β_t: the ratio of the two 1 − ᾱ is inverted",
      answer: (beta, t) => posteriorModel(beta, t, { flip: true }),
    },
  ],
  verified:
    "μ̃_t's two coefficients and β̃_t against the library's ddpmPosterior: t = 1 (x0Coef = 1, β̃_1 = 0), t = T, one-step, short, DDPM (T = 1000) and random schedules",
};

function diagonal(v: Float64Array): Float64Array {
  const d = v.length;
  const m = new Float64Array(d * d);
  for (let i = 0; i < d; i++) m[i * d + i] = v[i];
  return m;
}

/** ½ Σ_i [c·(v0/v1 − 1 − log(v0/v1)) + (m1 − m0)²/w] with variants of the mistakes. */
function klModel(
  mean0: Float64Array,
  var0: Float64Array,
  mean1: Float64Array,
  var1: Float64Array,
  opts: { logSign?: number; minusOne?: number; quadOver0?: boolean; half?: number } = {},
): number {
  const { logSign = 1, minusOne = 1, quadOver0 = false, half = 0.5 } = opts;
  let s = 0;
  for (let i = 0; i < mean0.length; i++) {
    const quad = (mean1[i] - mean0[i]) ** 2 / (quadOver0 ? var0[i] : var1[i]);
    s += var0[i] / var1[i] + quad - minusOne + logSign * Math.log(var1[i] / var0[i]);
  }
  return half * s;
}

/**
 * Lab: $\mathrm{KL}(\mathcal N(\mu_0, \operatorname{diag}v_0)\,\|\,\mathcal N(\mu_1, \operatorname{diag}v_1)) = \tfrac12\sum_i\big[\tfrac{v_{0,i}}{v_{1,i}} + \tfrac{(\mu_{1,i}-\mu_{0,i})^2}{v_{1,i}} - 1 + \log\tfrac{v_{1,i}}{v_{0,i}}\big]$.
 * @see lecture 06, section 2; Rasmussen & Williams (2006), eq. (A.23); Kingma & Welling (2014), Appendix B
 */
export const gaussianKlLab: Lab<KlFn> = {
  id: "06-gaussian-kl",
  title: "the KL divergence between two Gaussians with diagonal covariances",
  fn: "diagonalGaussianKl",
  signature:
    "diagonalGaussianKl(mean0: Float64Array, var0: Float64Array, mean1: Float64Array, var1: Float64Array): number",
  source:
    "lecture 06, section 2: KL = ½[tr Σ₁⁻¹Σ₀ + Δμᵀ Σ₁⁻¹ Δμ − d + log det Σ₁/det Σ₀] (Rasmussen & Williams 2006, eq. (A.23))",
  cases(rng) {
    const cases: LabCase<KlFn>[] = [];
    const add = (
      m0: Float64Array,
      v0: Float64Array,
      m1: Float64Array,
      v1: Float64Array,
      note: string,
    ) =>
      cases.push({
        label: `${note}: mean0 = ${formatAnswer(m0)}, var0 = ${formatAnswer(v0)}, mean1 = ${formatAnswer(m1)}, var1 = ${formatAnswer(v1)}`,
        size: m0.length,
        args: [m0, v0, m1, v1],
        // the oracle: the library's general KL, by Cholesky factors of the full matrices
        expected: gaussianKl(m0, diagonal(v0), m1, diagonal(v1)),
      });
    const f = (...v: number[]) => Float64Array.from(v);
    add(f(0.3), f(2), f(0.3), f(2), "d = 1, the same law (KL = 0)");
    add(f(0), f(0.5), f(1.5), f(0.5), "d = 1, equal variances");
    add(f(1), f(0.2), f(1), f(3), "d = 1, equal means");
    add(f(0.5, -1), f(1, 2), f(0, 0), f(1.5, 1), "d = 2");
    for (const d of [3, 8, 64]) {
      const gen = (s: number) => Float64Array.from({ length: d }, () => s * rng.normal());
      const pos = () => Float64Array.from({ length: d }, () => 0.05 + 3 * rng.uniform());
      add(gen(1), pos(), gen(1), pos(), `d = ${d}, random`);
    }
    return cases;
  },
  tolerance: {
    abs: 1e-12,
    rel: 1e-12,
    reason:
      "sums of d ≤ 64 terms of size ≤ 100 formed by two codes (per coordinate, or trace and log-determinants by Cholesky): ≤ 64 · 100 · a few ε ≈ 1e-12 (measured 1e-14)",
  },
  mistakes: [
    {
      name: "reversed-kl",
      hint: "KL is not symmetric: KL(N₀ ‖ N₁) is an expectation under N₀, so the variance ratio is v₀/v₁ and the mean gap is measured in units of v₁",
      answer: (m0, v0, m1, v1) => klModel(m1, v1, m0, v0),
    },
    {
      name: "log-ratio-inverted",
      hint: "the log term is log(v₁/v₀) = log det Σ₁ − log det Σ₀: check which variance is on top",
      answer: (m0, v0, m1, v1) => klModel(m0, v0, m1, v1, { logSign: -1 }),
    },
    {
      name: "missing-d",
      hint: "the −d (−1 per coordinate) makes KL(N ‖ N) = 0: check that two equal laws give 0",
      answer: (m0, v0, m1, v1) => klModel(m0, v0, m1, v1, { minusOne: 0 }),
    },
    {
      name: "mean-over-var0",
      hint: "the mean gap (μ₁ − μ₀)² is divided by v₁, the variance of the second law (Δμᵀ Σ₁⁻¹ Δμ)",
      answer: (m0, v0, m1, v1) => klModel(m0, v0, m1, v1, { quadOver0: true }),
    },
    {
      name: "missing-half",
      hint: "the whole bracket is multiplied by ½ (the ½ of a Gaussian log-density)",
      answer: (m0, v0, m1, v1) => klModel(m0, v0, m1, v1, { half: 1 }),
    },
  ],
  verified:
    "½Σ[v₀/v₁ + Δμ²/v₁ − 1 + log(v₁/v₀)] against the library's gaussianKl (Cholesky of the full matrices): equal laws (0), equal means, equal variances, d = 1 to 64",
};

/** L_{t−1} = KL(N(μ̃(x_t, x_0), β̃_t) ‖ N(μ̃(x_t, x̂_0), v)) with the usual slips. */
function termModel(
  beta: Float64Array,
  t: number,
  x0: number,
  xt: number,
  x0Hat: number,
  v: number,
  opts: { x0Bar?: number; reversed?: boolean; constant?: boolean; coefficient?: boolean } = {},
): number {
  const { reversed = false, constant = true, coefficient = true } = opts;
  const q = posteriorModel(beta, t, { x0Bar: opts.x0Bar ?? t - 1 });
  const c = coefficient ? q.x0Coef : 1;
  const mu = c * x0 + q.xtCoef * xt;
  const muHat = c * x0Hat + q.xtCoef * xt;
  const [v0, v1] = reversed ? [v, q.variance] : [q.variance, v];
  const r = v0 / v1;
  return 0.5 * ((constant ? r - 1 - Math.log(r) : 0) + (mu - muHat) ** 2 / v1);
}

/**
 * Lab: one denoising-matching term of DDPM's bound,
 * $L_{t-1} = \mathrm{KL}\big(q(x_{t-1}\mid x_t, x_0)\,\|\,\mathcal N(\tilde\mu_t(x_t, \hat x_0), v_t)\big) = C_t + \frac{\bar\alpha_{t-1}\beta_t^2}{2v_t(1-\bar\alpha_t)^2}(x_0 - \hat x_0)^2$.
 * @see lecture 06, sections 4 and 5; Ho, Jain & Abbeel (2020), NeurIPS, eq. (5), (8)
 */
export const denoisingTermLab: Lab<TermFn> = {
  id: "06-denoising-term",
  title: "one denoising-matching term L_{t−1} of DDPM's bound",
  fn: "denoisingMatchingKl",
  signature:
    "denoisingMatchingKl(beta: Float64Array, t: number, x0: number, xt: number, x0Hat: number, v: number): number",
  source:
    "lecture 06, sections 4–5: L_{t−1} = KL(q(x_{t−1} | x_t, x_0) ‖ N(μ̃_t(x_t, x̂_0), v_t)) (Ho et al. 2020, eq. (5), (8))",
  cases(rng) {
    const cases: LabCase<TermFn>[] = [];
    const add = (
      beta: Float64Array,
      name: string,
      t: number,
      x0: number,
      xt: number,
      x0Hat: number,
      v: number,
      note: string,
    ) => {
      // the oracle: C_t + λ_t (x_0 − x̂_0)² with the library's matchingWeights (section 5's form)
      const w = matchingWeights(scheduleOf(beta), t, v);
      cases.push({
        label: `${note}; ${describeBeta(beta, name)}: t = ${t}, x0 = ${formatAnswer(x0)}, xt = ${formatAnswer(xt)}, x0Hat = ${formatAnswer(x0Hat)}, v = ${formatAnswer(v)}`,
        size: beta.length,
        args: [beta, t, x0, xt, x0Hat, v],
        expected: w.constant + w.x0 * (x0 - x0Hat) ** 2,
      });
    };
    const two = Float64Array.of(0, 0.1, 0.3);
    const s2 = scheduleOf(two);
    add(
      two,
      "two steps",
      2,
      0.7,
      0.4,
      0.7,
      s2.betaTilde[2],
      "a perfect denoiser with v = β̃_t (L = 0)",
    );
    add(two, "two steps", 2, 0.7, 0.4, 0.2, s2.betaTilde[2], "v = β̃_t (C_t = 0)");
    add(two, "two steps", 2, 1.5, -0.3, 1.5, 0.3, "a perfect denoiser, v = β_t (only C_t)");
    const shortSchedule = ddpmSchedule({ steps: 20, betaStart: 0.01, betaEnd: 0.4 });
    const short = betaArray(shortSchedule);
    for (const t of [2, 11, 20]) {
      const x0 = 0.7 + 0.5 * rng.normal();
      const xt =
        Math.sqrt(shortSchedule.alphaBar[t]) * x0 +
        Math.sqrt(shortSchedule.oneMinusAlphaBar[t]) * rng.normal();
      add(short, "section 4's short schedule", t, x0, xt, 0.9 * x0, short[t], "v = β_t");
    }
    const longSchedule = ddpmSchedule();
    const long = betaArray(longSchedule);
    for (const t of [2, 500, 1000]) {
      const x0 = rng.normal();
      const xt =
        Math.sqrt(longSchedule.alphaBar[t]) * x0 +
        Math.sqrt(longSchedule.oneMinusAlphaBar[t]) * rng.normal();
      const v = t === 500 ? longSchedule.betaTilde[t] : long[t];
      add(
        long,
        "DDPM's linear schedule",
        t,
        x0,
        xt,
        x0 + 0.3 * rng.normal(),
        v,
        t === 500 ? "v = β̃_t" : "v = β_t",
      );
    }
    for (const T of [5, 12]) {
      const beta = randomBetas(rng, T);
      const t = 2 + Math.floor((T - 1) * rng.uniform());
      add(
        beta,
        "random β",
        t,
        rng.normal(),
        rng.normal(),
        rng.normal(),
        0.05 + rng.uniform() * 0.5,
        "random v",
      );
    }
    return cases;
  },
  tolerance: {
    abs: 1e-13,
    rel: 1e-8,
    reason:
      "1 − ᾱ by subtraction loses ≤ 2.2e-9 relative (≤ 1000 factors, β ≥ 1e-4), entering squared coefficients and variance ratios: 1e-8; C_t = ½(r − 1 − log r) near r = 1 is a few ulps of 1 absolute",
  },
  mistakes: [
    {
      name: "alphabar-index",
      hint: "off by one in μ̃_t's x_0 coefficient: √ᾱ_{t−1}β_t/(1 − ᾱ_t), not √ᾱ_t β_t/(1 − ᾱ_t)",
      answer: (beta, t, x0, xt, x0Hat, v) => termModel(beta, t, x0, xt, x0Hat, v, { x0Bar: t }),
    },
    {
      name: "reversed-kl",
      hint: "L_{t−1} = KL(q(x_{t−1} | x_t, x_0) ‖ p_θ(x_{t−1} | x_t)): the forward posterior (variance β̃_t) comes first, the model (variance v_t) second",
      answer: (beta, t, x0, xt, x0Hat, v) =>
        termModel(beta, t, x0, xt, x0Hat, v, { reversed: true }),
    },
    {
      name: "missing-constant",
      hint: "the variances differ unless v_t = β̃_t: the KL keeps C_t = ½(β̃_t/v_t − 1 − log(β̃_t/v_t)) beside the mean term",
      answer: (beta, t, x0, xt, x0Hat, v) =>
        termModel(beta, t, x0, xt, x0Hat, v, { constant: false }),
    },
    {
      name: "unweighted-error",
      hint: "the two means differ by μ̃_t's x_0 coefficient times (x_0 − x̂_0), not by x_0 − x̂_0 itself",
      answer: (beta, t, x0, xt, x0Hat, v) =>
        termModel(beta, t, x0, xt, x0Hat, v, { coefficient: false }),
    },
  ],
  verified:
    "KL(q(x_{t−1}|x_t,x_0) ‖ N(μ̃_t(x_t, x̂_0), v_t)) against C_t + λ_t(x_0 − x̂_0)² (the library's matchingWeights): L = 0 for a perfect denoiser with v = β̃_t, t = 2 and t = T, short, DDPM and random schedules",
};

/** The labs of lecture 06, in the notebook's order. */
export const labs06 = [gaussianKlLab, ddpmPosteriorLab, denoisingTermLab] as const;
