/**
 * Labs of lecture 05 (Tweedie's formula): the posterior mean from the score, the posterior
 * variance from the Hessian of log p (second-order Tweedie), and the ideal denoiser of a finite
 * data set (softmax weights).
 */
import { gaussianMixture, mixtureHessianDiagonal, mixtureScore, pushForward } from "../mixture";
import type { GaussianMixture } from "../mixture";
import { mixturePosterior, tweedieMean } from "../denoise";
import { ddpmSchedule } from "../diffusion";
import type { Rng } from "../rng";
import { formatAnswer } from "./compare";
import { Lab, LabCase } from "./lab";

type MeanFn = (x: Float64Array, score: Float64Array, alpha: number, sigma: number) => Float64Array;
type VarianceFn = (hessian: Float64Array, alpha: number, sigma: number) => Float64Array;
type DenoiserFn = (
  data: Float64Array,
  x: Float64Array,
  alpha: number,
  sigma: number,
) => Float64Array;

/** A prior on ℝ, and how the report names it. */
interface Prior {
  name: string;
  mix: GaussianMixture;
}

const GAUSSIAN: Prior = {
  name: "prior N(0.5, 2)",
  mix: gaussianMixture({ weights: [1], means: [0.5], covs: [2] }),
};
const BIMODAL: Prior = {
  name: "prior 0.3 N(−2, 0.25) + 0.7 N(1.5, 0.5)",
  mix: gaussianMixture({ weights: [0.3, 0.7], means: [-2, 1.5], covs: [0.25, 0.5] }),
};

function randomPrior(rng: Rng, K: number): Prior {
  const raw = Array.from({ length: K }, () => 0.2 + rng.uniform());
  const total = raw.reduce((s, w) => s + w, 0);
  const weights = raw.map((w) => w / total);
  const means = Array.from({ length: K }, () => 3 * rng.normal());
  const covs = Array.from({ length: K }, () => 0.05 + rng.uniform());
  const name = `prior Σ_k w_k N(μ_k, v_k), w = ${formatAnswer(weights)}, μ = ${formatAnswer(means)}, v = ${formatAnswer(covs)}`;
  return { name, mix: gaussianMixture({ weights, means, covs }) };
}

/** (α_t, σ_t) = (√ᾱ_t, √(1 − ᾱ_t)) of DDPM's default schedule (T = 1000) at step t. */
function ddpm(t: number): [number, number] {
  const s = ddpmSchedule();
  return [Math.sqrt(s.alphaBar[t]), Math.sqrt(s.oneMinusAlphaBar[t])];
}

function points(rng: Rng, n: number, spread: number): Float64Array {
  return Float64Array.from({ length: n }, () => spread * rng.normal());
}

/** The settings (prior, α, σ, x) both Tweedie labs grade on, smallest first. */
function tweedieSettings(rng: Rng) {
  const list: { prior: Prior; alpha: number; sigma: number; x: Float64Array; note: string }[] = [];
  const add = (prior: Prior, alpha: number, sigma: number, x: Float64Array, note: string) =>
    list.push({ prior, alpha, sigma, x, note });
  add(GAUSSIAN, 0.8, 0.6, Float64Array.of(0.4), "one point at the mode αm of p (score 0)");
  add(GAUSSIAN, 0.8, 0.6, Float64Array.of(-3, 0, 2.5), "Gaussian prior (section 1)");
  add(BIMODAL, 1, 0.8, Float64Array.of(-2.5, -0.5, 0.3, 2), "α = 1, Robbins–Efron (section 2)");
  for (const t of [1, 200, 500, 900]) {
    const [alpha, sigma] = ddpm(t);
    const x = Float64Array.of(-2 * alpha - 0.5 * sigma, 0.1, 1.5 * alpha + sigma);
    add(BIMODAL, alpha, sigma, x, `DDPM step t = ${t} of 1000 (α_t = √ᾱ_t, σ_t = √(1 − ᾱ_t))`);
  }
  for (const K of [2, 3, 5]) {
    const prior = randomPrior(rng, K);
    const alpha = 0.1 + 0.9 * rng.uniform();
    const sigma = 0.05 + 1.5 * rng.uniform();
    add(prior, alpha, sigma, points(rng, 8, 3), `K = ${K} components, random α, σ`);
  }
  return list;
}

function describe(s: { prior: Prior; alpha: number; sigma: number; note: string }): string {
  return `${s.note}; ${s.prior.name}, α = ${formatAnswer(s.alpha)}, σ = ${formatAnswer(s.sigma)}`;
}

/**
 * Lab: Tweedie's posterior mean $\mathbb E[x_0\mid x] = (x + \sigma^2\nabla\log p(x))/\alpha$ for
 * $x = \alpha x_0 + \sigma\varepsilon$, from the score of the law of x.
 * @see lecture 05, sections 1, 2 and 4; Efron (2011), JASA 106(496), eq. (2.8); Robbins (1956)
 */
export const tweedieMeanLab: Lab<MeanFn> = {
  id: "05-tweedie-mean",
  title: "Tweedie's posterior mean from the score",
  fn: "tweediePosteriorMean",
  signature:
    "tweediePosteriorMean(x: Float64Array, score: Float64Array, alpha: number, sigma: number): Float64Array",
  source: "lecture 05, sections 1 and 4: E[x_0 | x] = (x + σ²∇log p(x))/α (Efron 2011, eq. (2.8))",
  cases(rng) {
    return tweedieSettings(rng).map((s) => {
      const p = pushForward(s.prior.mix, s.alpha, s.sigma); // the law of x = αx_0 + σε
      const score = mixtureScore(p, s.x);
      return {
        label: `${describe(s)}: x = ${formatAnswer(s.x)}, score = ${formatAnswer(score)}`,
        size: s.x.length,
        args: [s.x, score, s.alpha, s.sigma] as Parameters<MeanFn>,
        // the oracle: the posterior mean by conjugacy, component by component (no score)
        expected: mixturePosterior(s.prior.mix, s.x, s.alpha, s.sigma).mean,
      };
    });
  },
  tolerance: {
    abs: 1e-12,
    rel: 1e-12,
    reason:
      "two routes to one closed form (score then Tweedie, or conjugate components): a few ulps of values ≤ 10, amplified by 1/α ≤ 10 (measured 6e-15)",
  },
  mistakes: [
    {
      name: "missing-alpha",
      hint: "x = αx_0 + σε: x + σ²∇log p(x) is the posterior mean of αx_0; divide by α (α_t, the marginal scale) to get x_0",
      answer: (x, s, alpha, sigma) => x.map((v, i) => v + sigma * sigma * s[i]),
    },
    {
      name: "times-alpha",
      hint: "the scale α multiplies x_0 in x = αx_0 + σε, so undoing it divides by α; check where α goes",
      answer: (x, s, alpha, sigma) => x.map((v, i) => (v + sigma * sigma * s[i]) * alpha),
    },
    {
      name: "sigma-not-squared",
      hint: "the score is weighted by the noise variance σ², not the standard deviation σ",
      answer: (x, s, alpha, sigma) => x.map((v, i) => (v + sigma * s[i]) / alpha),
    },
    {
      name: "score-sign",
      hint: "sign of the score term: the posterior mean moves x up the density's gradient (towards the data), so the score is added",
      answer: (x, s, alpha, sigma) => x.map((v, i) => (v - sigma * sigma * s[i]) / alpha),
    },
  ],
  verified:
    "(x + σ²∇log p)/α against the conjugate posterior mean of Gaussian and mixture priors (mixturePosterior), α = 1, DDPM steps 1 to 900, a point where the score vanishes",
};

/**
 * Lab: second-order Tweedie, $\operatorname{Var}[x_0\mid x] = \sigma^2(1 + \sigma^2\,\partial_x^2\log p(x))/\alpha^2$.
 * @see lecture 05, section 6; Efron (2011), JASA 106(496), eq. (2.9)–(2.10); Meng et al. (2021), NeurIPS, Lemma 1
 */
export const tweedieVarianceLab: Lab<VarianceFn> = {
  id: "05-tweedie-variance",
  title: "the posterior variance from the Hessian of log p (second-order Tweedie)",
  fn: "tweediePosteriorVariance",
  signature:
    "tweediePosteriorVariance(hessian: Float64Array, alpha: number, sigma: number): Float64Array",
  source:
    "lecture 05, section 6: Var[x_0 | x] = σ²(1 + σ²∂²log p(x))/α² (Efron 2011, eq. (2.9)–(2.10))",
  cases(rng) {
    return tweedieSettings(rng).map((s) => {
      const p = pushForward(s.prior.mix, s.alpha, s.sigma);
      const hessian = mixtureHessianDiagonal(p, s.x); // ∂²log p at x
      return {
        label: `${describe(s)}: x = ${formatAnswer(s.x)}, hessian = ${formatAnswer(hessian)}`,
        size: s.x.length,
        args: [hessian, s.alpha, s.sigma] as Parameters<VarianceFn>,
        // the oracle: the law of total variance over the conjugate components (no derivative)
        expected: mixturePosterior(s.prior.mix, s.x, s.alpha, s.sigma).variance,
      };
    });
  },
  tolerance: {
    abs: 1e-10,
    rel: 1e-10,
    reason:
      "two routes to one closed form; 1 + σ²∂²log p cancels to about α²v/σ² at large noise, amplifying the Hessian's few ulps by σ⁴/α² (≈ 5e3 at DDPM step 900): ~1e-12 (measured 7e-13)",
  },
  mistakes: [
    {
      name: "alpha-not-squared",
      hint: "a variance of x_0 = (x − σε)/α scales with 1/α², not 1/α",
      answer: (h, alpha, sigma) => h.map((v) => (sigma * sigma * (1 + sigma * sigma * v)) / alpha),
    },
    {
      name: "missing-alpha",
      hint: "with a scale α the variance of x_0 is divided by α² (α_t, the marginal scale): σ²(1 + σ²∂²log p) is the variance of αx_0",
      answer: (h, alpha, sigma) => h.map((v) => sigma * sigma * (1 + sigma * sigma * v)),
    },
    {
      name: "hessian-unweighted",
      hint: "the Hessian of log p enters weighted by σ²: 1 + σ²∂²log p (dimensionless), not 1 + ∂²log p",
      answer: (h, alpha, sigma) => h.map((v) => (sigma * sigma * (1 + v)) / (alpha * alpha)),
    },
    {
      name: "hessian-sign",
      hint: "sign of the Hessian term: log p is concave near a mode (∂²log p < 0), where the posterior is more certain than the likelihood alone, so the term is added",
      answer: (h, alpha, sigma) =>
        h.map((v) => (sigma * sigma * (1 - sigma * sigma * v)) / (alpha * alpha)),
    },
  ],
  verified:
    "σ²(1 + σ²∂²log p)/α² against the law of total variance over the conjugate components (mixturePosterior), α = 1, DDPM steps 1 to 900",
};

/** Σ_i softmax_i(−(x − a y_i)²/(2c)) · out(y_i), with variants of the mistakes. */
function softmaxModel(
  data: Float64Array,
  x: Float64Array,
  a: number,
  c: number,
  opts: { center?: number; value?: number; stable?: boolean } = {},
): Float64Array {
  const { center = a, value = 1, stable = true } = opts;
  return x.map((v) => {
    const logw = Array.from(data, (y) => -((v - center * y) ** 2) / (2 * c));
    const max = stable ? Math.max(...logw) : 0;
    const w = logw.map((l) => Math.exp(l - max));
    const total = w.reduce((s, u) => s + u, 0);
    return (value * w.reduce((s, u, i) => s + u * data[i], 0)) / total;
  });
}

/**
 * Lab: the ideal denoiser of a finite data set,
 * $\mathbb E[x_0\mid x] = \sum_i w_i(x)\,y_i$, $w = \operatorname{softmax}_i\big(-(x - \alpha y_i)^2/2\sigma^2\big)$.
 * @see lecture 05, section 3; Karras et al. (2022), NeurIPS, eq. (57)
 */
export const idealDenoiserLab: Lab<DenoiserFn> = {
  id: "05-ideal-denoiser",
  title: "the ideal denoiser of a finite data set (softmax weights)",
  fn: "softmaxDenoiser",
  signature:
    "softmaxDenoiser(data: Float64Array, x: Float64Array, alpha: number, sigma: number): Float64Array",
  source:
    "lecture 05, section 3: E[x_0 | x] = Σ_i softmax_i(−(x − αy_i)²/2σ²) y_i (Karras et al. 2022, eq. (57))",
  cases(rng) {
    const cases: LabCase<DenoiserFn>[] = [];
    const add = (
      data: Float64Array,
      x: Float64Array,
      alpha: number,
      sigma: number,
      note: string,
    ) => {
      // the oracle: Tweedie with the score of p = (1/m) Σ_i N(αy_i, σ²), another code
      const m = data.length;
      const p = gaussianMixture({
        weights: Array(m).fill(1 / m),
        means: Array.from(data, (y) => alpha * y),
        covs: Array(m).fill(sigma * sigma),
      });
      cases.push({
        label: `${note}: data = ${formatAnswer(data)}, x = ${formatAnswer(x)}, α = ${formatAnswer(alpha)}, σ = ${formatAnswer(sigma)}`,
        size: m * x.length,
        args: [data, x, alpha, sigma],
        expected: tweedieMean(x, mixtureScore(p, x), alpha, sigma),
      });
    };
    const ys = Float64Array.of(-2.2, -1.9, -0.4, 0.3, 1.1, 2.5, 2.6); // section 3's data set
    add(Float64Array.of(0.7), Float64Array.of(-1, 3), 0.9, 0.5, "one data point");
    add(Float64Array.of(-1, 1), Float64Array.of(0), 1, 0.3, "x halfway between two points (a tie)");
    add(ys, Float64Array.of(-2, 0, 1, 2.4), 0.9, 0.5, "section 3's data set");
    add(
      ys,
      Float64Array.of(-3, 0.7, 5),
      0.9,
      0.02,
      "σ = 0.02: far from every αy_i on the scale of σ",
    );
    add(ys, Float64Array.of(-1, 0, 1), 0.1, Math.sqrt(0.99), "large noise, α = 0.1");
    for (const m of [3, 10, 50]) {
      const data = points(rng, m, 2);
      const alpha = 0.2 + 0.8 * rng.uniform();
      const sigma = 0.05 + 1.2 * rng.uniform();
      add(data, points(rng, 6, 2), alpha, sigma, `m = ${m} random points, random α, σ`);
    }
    return cases;
  },
  tolerance: {
    abs: 1e-12,
    rel: 1e-12,
    reason:
      "two codes for one softmax (log-sum-exp weights, or the mixture score then Tweedie): rounding of |x|, |y| ≤ 10 divided by α ≥ 0.1 (measured 2e-14)",
  },
  mistakes: [
    {
      name: "unscaled-data",
      hint: "the noisy x is centred at αy_i, not y_i: the weights compare x with αy_i",
      answer: (data, x, alpha, sigma) => softmaxModel(data, x, alpha, sigma * sigma, { center: 1 }),
    },
    {
      name: "returns-scaled",
      hint: "the denoiser returns the clean points y_i (the posterior mean of x_0), not αy_i",
      answer: (data, x, alpha, sigma) =>
        softmaxModel(data, x, alpha, sigma * sigma, { value: alpha }),
    },
    {
      name: "sigma-not-squared",
      hint: "the exponent divides by the noise variance 2σ², not 2σ",
      answer: (data, x, alpha, sigma) => softmaxModel(data, x, alpha, sigma),
    },
    {
      name: "no-log-sum-exp",
      hint: "far from every αy_i (on the scale of σ) each exp(−(x − αy_i)²/2σ²) underflows to 0 and 0/0 is NaN: subtract the largest exponent before exponentiating (log-sum-exp)",
      answer: (data, x, alpha, sigma) =>
        softmaxModel(data, x, alpha, sigma * sigma, { stable: false }),
    },
  ],
  verified:
    "Σ_i softmax_i(−(x − αy_i)²/2σ²) y_i against Tweedie with the mixture score of (1/m) Σ N(αy_i, σ²): one point, a tie, σ = 0.02, α = 0.1, up to 50 points",
};

/** The labs of lecture 05, in the notebook's order. */
export const labs05 = [tweedieMeanLab, idealDenoiserLab, tweedieVarianceLab] as const;
