/**
 * Labs of lecture 04 (the reverse-time SDE): one Euler–Maruyama step of Anderson's reverse SDE,
 * the probability-flow velocity with state-dependent noise, and the exact score of a Gaussian
 * mixture carried by the Ornstein–Uhlenbeck process.
 */
import { geometricBrownianMotion, ornsteinUhlenbeck, vpSde } from "../processes";
import type { LinearProcess } from "../processes";
import { gaussianMixture } from "../mixture";
import { exactMixtureScore } from "../score";
import type { ScoreFunction } from "../score";
import { probabilityFlow, reverseSde } from "../reverse";
import type { Sde } from "../sde";
import { formatAnswer } from "./compare";
import { Lab, LabCase } from "./lab";
import { normals } from "./random-cases";

type Drift = (t: number, x: number) => number;
type Noise = (t: number) => number;
type Score = (t: number, x: number) => number;
type StepFn = (
  f: Drift,
  g: Noise,
  score: Score,
  t: number,
  h: number,
  x: Float64Array,
  xi: Float64Array,
) => Float64Array;
type StateNoise = (t: number, x: number) => number;
type FlowFn = (
  f: Drift,
  g: StateNoise,
  dg: StateNoise,
  score: Score,
  t: number,
  x: Float64Array,
) => Float64Array;
/** A Gaussian mixture on ℝ: weights w_k, means μ_k, variances v_k. */
interface Mixture1d {
  weights: Float64Array;
  means: Float64Array;
  variances: Float64Array;
}
type ScoreFn = (
  theta: number,
  sigma: number,
  t: number,
  mixture: Mixture1d,
  x: Float64Array,
) => Float64Array;

/** Lecture 04's data: 0.3 N(−2, 0.25) + 0.7 N(1.5, 0.5). */
const DATA: Mixture1d = {
  weights: Float64Array.of(0.3, 0.7),
  means: Float64Array.of(-2, 1.5),
  variances: Float64Array.of(0.25, 0.5),
};

function toMixture(m: Mixture1d) {
  return gaussianMixture({
    weights: Array.from(m.weights),
    means: Array.from(m.means),
    covs: Array.from(m.variances),
  });
}

/** A coefficient of an Sde (drift, diffusion, diffusionDerivative) at one state. */
function at1(coef: (t: number, x: Float64Array, out: Float64Array, n: number) => void) {
  const x1 = new Float64Array(1);
  const out = new Float64Array(1);
  return (t: number, x: number): number => {
    x1[0] = x;
    coef(t, x1, out, 1);
    return out[0];
  };
}

/** A ScoreFunction as the scalar function a student receives. */
function scalarScore(score: ScoreFunction): Score {
  return at1((t, x, out, n) => score.score(t, x, out, n));
}

/** An Sde's drift applied to n states by the library (the oracle's route). */
function apply(coef: Sde["drift"], t: number, x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  coef(t, x, out, x.length);
  return out;
}

/** A forward process with the notebook's mixture data, its exact score, as a student sees them. */
interface Setting {
  name: string;
  process: LinearProcess;
  score: ScoreFunction;
  f: Drift;
  g: Noise;
  s: Score;
}

function setting(name: string, process: LinearProcess): Setting {
  const score = exactMixtureScore(toMixture(DATA), process);
  const f = at1(process.sde.drift);
  const diffusion = at1(process.sde.diffusion);
  return { name, process, score, f, g: (t) => diffusion(t, 0), s: scalarScore(score) };
}

/** The reverse step with drift b = f + c·g²·s, time sign ±, noise scale noise(g, h). */
function stepModel(
  f: Drift,
  g: Noise,
  score: Score,
  t: number,
  h: number,
  x: Float64Array,
  xi: Float64Array,
  opts: { c?: number; gPower?: number; sign?: number; noise?: (g: number, h: number) => number },
): Float64Array {
  const { c = -1, gPower = 2, sign = -1, noise = (gt, ht) => gt * Math.sqrt(ht) } = opts;
  const gt = g(t);
  return x.map((xi0, i) => {
    const b = f(t, xi0) + c * gt ** gPower * score(t, xi0);
    return xi0 + sign * h * b + noise(gt, h) * xi[i];
  });
}

/**
 * Lab: one Euler–Maruyama step of Anderson's reverse SDE from t down to t − h (h > 0),
 * $x_{t-h} = x_t - h\,[f(t, x_t) - g(t)^2\nabla\log p_t(x_t)] + g(t)\sqrt h\,\xi$.
 * @see lecture 04, section 3; Anderson (1982), Stoch. Proc. Appl. 12(3); Song et al. (2021),
 * ICLR, eq. (6)
 */
export const reverseSdeStepLab: Lab<StepFn> = {
  id: "04-reverse-sde-step",
  title: "one Euler–Maruyama step of Anderson's reverse SDE",
  fn: "reverseSdeStep",
  signature:
    "reverseSdeStep(f: (t: number, x: number) => number, g: (t: number) => number, " +
    "score: (t: number, x: number) => number, t: number, h: number, x: Float64Array, " +
    "xi: Float64Array): Float64Array",
  source:
    "lecture 04, section 3: dX = [f − g²∇log p_t] dt + g dW̄ with dt = −h (Song et al. 2021, eq. (6))",
  cases(rng) {
    const cases: LabCase<StepFn>[] = [];
    const ou = setting(
      "OU θ = 1, σ = √2, the lecture's mixture data",
      ornsteinUhlenbeck({ theta: 1, sigma: Math.SQRT2, T: 2 }),
    );
    const vp = setting("VP β from 0.1 to 20, the lecture's mixture data", vpSde({ dim: 1 }));
    const add = (
      s: Setting,
      t: number,
      h: number,
      x: Float64Array,
      xi: Float64Array,
      note: string,
    ) => {
      // the oracle: the library's reverse SDE (drift f − g²s, diffusion g) read at (t, x)
      const rev = reverseSde(s.process.sde, s.score);
      const b = apply(rev.drift, t, x);
      const g = apply(rev.diffusion, t, x);
      cases.push({
        label: `${note}; ${s.name}: t = ${formatAnswer(t)}, h = ${formatAnswer(h)}, x = ${formatAnswer(x)}, xi = ${formatAnswer(xi)}`,
        size: x.length,
        args: [s.f, s.g, s.s, t, h, x, xi],
        expected: x.map((v, i) => v - h * b[i] + g[i] * Math.sqrt(h) * xi[i]),
      });
    };
    add(ou, 1, 0.01, Float64Array.of(0.5), Float64Array.of(0), "one point, zero noise");
    add(
      ou,
      2,
      0.005,
      Float64Array.of(-1, 0, 2),
      Float64Array.of(0.3, -1.2, 0.8),
      "the first step, from t = T",
    );
    add(
      ou,
      0.01,
      0.01,
      Float64Array.of(-2.1, 1.4),
      Float64Array.of(1, -1),
      "the last step, to t = 0",
    );
    add(vp, 0.5, 0.02, Float64Array.of(-0.8, 0.3, 1.1), Float64Array.of(0, 0, 0), "zero noise");
    add(
      vp,
      1,
      0.002,
      Float64Array.of(0.2, -1.5, 2.5, 0),
      normals(rng, 4),
      "the first step, from t = T",
    );
    for (const n of [5, 16, 64]) {
      const s = rng.uniform() < 0.5 ? ou : vp;
      const T = s.process.T;
      const h = T * (0.001 + 0.05 * rng.uniform());
      const t = h + (T - h) * rng.uniform();
      add(
        s,
        t,
        h,
        Float64Array.from(normals(rng, n), (v) => 2 * v),
        normals(rng, n),
        `n = ${n} points`,
      );
    }
    return cases;
  },
  tolerance: {
    abs: 1e-12,
    rel: 1e-12,
    reason: "a few flops on O(1) values (the score of the exact mixture, |h g² s| ≲ 1)",
  },
  mistakes: [
    {
      name: "score-sign",
      hint: "sign of the score term: the reverse drift is f − g²∇log p_t, so the step moves x up the density's gradient; check the sign in front of g²·score",
      answer: (f, g, score, t, h, x, xi) => stepModel(f, g, score, t, h, x, xi, { c: 1 }),
    },
    {
      name: "missing-g-squared",
      hint: "the score is weighted by g(t)², the squared diffusion coefficient: check the factor in front of score(t, x)",
      answer: (f, g, score, t, h, x, xi) => stepModel(f, g, score, t, h, x, xi, { gPower: 0 }),
    },
    {
      name: "g-not-squared",
      hint: "the weight of the score is g(t)², not g(t): g is the diffusion coefficient, g² the variance rate",
      answer: (f, g, score, t, h, x, xi) => stepModel(f, g, score, t, h, x, xi, { gPower: 1 }),
    },
    {
      name: "forward-direction",
      hint: "the step goes from t to t − h: time decreases (dt = −h), so the drift enters multiplied by −h, not +h",
      answer: (f, g, score, t, h, x, xi) => stepModel(f, g, score, t, h, x, xi, { sign: 1 }),
    },
    {
      name: "naive-reversal",
      hint: "without the score term this is section 2's naive reversal, which adds the noise a second time: the drift needs −g²∇log p_t",
      answer: (f, g, score, t, h, x, xi) => stepModel(f, g, score, t, h, x, xi, { c: 0 }),
    },
    {
      name: "variance-for-sd",
      hint: "the noise of a step of length h has standard deviation g√h, not g·h",
      answer: (f, g, score, t, h, x, xi) =>
        stepModel(f, g, score, t, h, x, xi, { noise: (gt, ht) => gt * ht }),
    },
  ],
  verified:
    "x − h[f − g²∇log p_t] + g√h ξ against the library's reverseSde (OU and VP, exact mixture scores), from t = T, to t = 0, zero noise, 1 to 64 points",
};

/** The GBM of section 8: dX = μX dt + σX dW, log X_t ~ N(m_t, v_t), and its log-normal score. */
function gbmSetting() {
  const [mu, sigma, m0, v0] = [0.5, 0.8, 0, 0.1];
  const gbm = geometricBrownianMotion({ mu, sigma, T: 1 });
  const score: ScoreFunction = {
    dim: 1,
    score(t, x, out, n) {
      const m = m0 + (mu - (sigma * sigma) / 2) * t;
      const v = v0 + sigma * sigma * t;
      for (let i = 0; i < n; i++) out[i] = -(1 + (Math.log(x[i]) - m) / v) / x[i];
    },
  };
  return { sde: gbm.sde, score };
}

/** F = f − c_div·g·∂g − c_s·g²·s at each x (the model of the flow velocity). */
function flowModel(
  f: Drift,
  g: StateNoise,
  dg: StateNoise,
  score: Score,
  t: number,
  x: Float64Array,
  cDiv: number,
  cScore: number,
): Float64Array {
  return x.map((v) => f(t, v) - cDiv * g(t, v) * dg(t, v) - cScore * g(t, v) ** 2 * score(t, v));
}

/**
 * Lab: the probability-flow velocity with state-dependent noise in one dimension,
 * $F(t, x) = f - \tfrac12\partial_x(g^2) - \tfrac12 g^2\,\partial_x\log p_t = f - g\,\partial_x g - \tfrac12 g^2\,\partial_x\log p_t$.
 * @see lecture 04, sections 5 and 8 and exercise 5; Song et al. (2021), ICLR, eq. (13) and (17)
 */
export const flowVelocityLab: Lab<FlowFn> = {
  id: "04-flow-velocity",
  title: "the probability-flow velocity, state-dependent noise included",
  fn: "flowVelocity",
  signature:
    "flowVelocity(f: (t: number, x: number) => number, g: (t: number, x: number) => number, " +
    "dg: (t: number, x: number) => number, score: (t: number, x: number) => number, t: number, " +
    "x: Float64Array): Float64Array",
  source:
    "lecture 04, section 5 and exercise 5: F = f − ½∂ₓ(g²) − ½g²∂ₓlog p_t (Song et al. 2021, eq. (17))",
  cases(rng) {
    const cases: LabCase<FlowFn>[] = [];
    const ouProcess = ornsteinUhlenbeck({ theta: 1, sigma: Math.SQRT2, T: 2 });
    const vpProcess = vpSde({ dim: 1 });
    const gbm = gbmSetting();
    const settings = [
      {
        name: "OU θ = 1, σ = √2 (additive: ∂ₓg = 0)",
        sde: ouProcess.sde,
        score: exactMixtureScore(toMixture(DATA), ouProcess),
        T: 2,
      },
      {
        name: "VP β from 0.1 to 20 (additive)",
        sde: vpProcess.sde,
        score: exactMixtureScore(toMixture(DATA), vpProcess),
        T: 1,
      },
      { name: "GBM μ = 0.5, σ = 0.8, log-normal data (g = σx)", ...gbm, T: 1 },
    ];
    const add = (k: number, t: number, x: Float64Array, note: string) => {
      const s = settings[k];
      const dg = s.sde.diffusionDerivative;
      const derivative = dg ? at1(dg) : () => 0;
      cases.push({
        label: `${note}; ${s.name}: t = ${formatAnswer(t)}, x = ${formatAnswer(x)}`,
        size: x.length,
        args: [at1(s.sde.drift), at1(s.sde.diffusion), derivative, scalarScore(s.score), t, x],
        // the oracle: the library's probabilityFlow (an Sde whose drift is F) read at (t, x)
        expected: apply(probabilityFlow(s.sde, s.score).drift, t, x),
      });
    };
    add(0, 1, Float64Array.of(0.5), "one point");
    add(0, 0, Float64Array.of(-2, 0, 1.5), "t = 0 (the data's score)");
    add(2, 0.5, Float64Array.of(1.2), "one point, multiplicative noise");
    add(2, 1, Float64Array.of(0.4, 1, 2.5), "t = T, multiplicative noise");
    add(1, 1, Float64Array.of(-1, 0.5, 2), "t = T");
    for (const n of [4, 12, 40]) {
      for (const k of [0, 1, 2]) {
        const t = settings[k].T * rng.uniform();
        const x = Float64Array.from({ length: n }, () =>
          k === 2 ? Math.exp(0.8 * rng.normal()) : 2 * rng.normal(),
        );
        add(k, t, x, `n = ${n} points`);
      }
    }
    return cases;
  },
  tolerance: {
    abs: 1e-12,
    rel: 1e-12,
    reason: "a few flops on O(1) values; the same inputs as the library's",
  },
  mistakes: [
    {
      name: "missing-half",
      hint: "that is the reverse SDE's drift: the probability flow takes half of its correction, ½g²∂ₓlog p_t and ½∂ₓ(g²)",
      answer: (f, g, dg, score, t, x) => flowModel(f, g, dg, score, t, x, 2, 1),
    },
    {
      name: "missing-divergence",
      hint: "with state-dependent noise the flow needs the term −½∂ₓ(g²) = −g∂ₓg (section 8): it vanishes only for additive noise",
      answer: (f, g, dg, score, t, x) => flowModel(f, g, dg, score, t, x, 0, 0.5),
    },
    {
      name: "chain-rule",
      hint: "∂ₓ(g²) = 2g∂ₓg (chain rule), so ½∂ₓ(g²) = g∂ₓg, not ½g∂ₓg",
      answer: (f, g, dg, score, t, x) => flowModel(f, g, dg, score, t, x, 0.5, 0.5),
    },
    {
      name: "score-sign",
      hint: "sign of the score term: F = f − ½g²∂ₓlog p_t (the continuity equation's velocity); check the sign in front of the score",
      answer: (f, g, dg, score, t, x) => flowModel(f, g, dg, score, t, x, 1, -0.5),
    },
  ],
  verified:
    "f − g∂ₓg − ½g²∂ₓlog p_t against the library's probabilityFlow for OU, VP (additive) and GBM (multiplicative), t = 0 to T, 1 to 40 points",
};

/** −Σ_k r_k(x)(x − a μ_k)/c_k with c_k = var(k), r_k ∝ w_k N(x; aμ_k, c_k) (or a variant). */
function mixtureScoreModel(
  m: Mixture1d,
  x: Float64Array,
  a: number,
  variance: (k: number) => number,
  opts: {
    prior?: boolean;
    normalizer?: boolean;
    stable?: boolean;
    center?: (k: number) => number;
  } = {},
): Float64Array {
  const { prior = false, normalizer = true, stable = true } = opts;
  const K = m.weights.length;
  const center = opts.center ?? ((k: number) => a * m.means[k]);
  return x.map((v) => {
    const logw = Array.from({ length: K }, (_, k) => {
      const c = variance(k);
      return (
        Math.log(m.weights[k]) -
        (normalizer ? 0.5 * Math.log(c) : 0) -
        (v - center(k)) ** 2 / (2 * c)
      );
    });
    const max = stable ? Math.max(...logw) : 0;
    const w = prior ? Array.from(m.weights) : logw.map((l) => Math.exp(l - max));
    const total = w.reduce((s, u) => s + u, 0);
    return -w.reduce((s, u, k) => s + (u * (v - center(k))) / variance(k), 0) / total;
  });
}

function ouParts(theta: number, sigma: number, t: number) {
  const a = Math.exp(-theta * t);
  const s2 = (sigma * sigma * -Math.expm1(-2 * theta * t)) / (2 * theta);
  return { a, s2 };
}

/**
 * Lab: the exact score of a Gaussian mixture carried by the Ornstein–Uhlenbeck process,
 * $\nabla\log p_t(x) = -\sum_k r_k(x)\,\frac{x - \alpha_t\mu_k}{\alpha_t^2 v_k + \sigma_t^2}$,
 * $\alpha_t = e^{-\theta t}$, $\sigma_t^2 = \sigma^2(1 - e^{-2\theta t})/(2\theta)$,
 * $r_k \propto w_k\,\mathcal N(x; \alpha_t\mu_k, \alpha_t^2 v_k + \sigma_t^2)$.
 * @see lecture 04, section 1; Särkkä & Solin (2019), Applied SDEs, §6.1 (linear SDEs are Gaussian)
 */
export const ouMixtureScoreLab: Lab<ScoreFn> = {
  id: "04-ou-mixture-score",
  title: "the exact score of a Gaussian mixture under the OU process",
  fn: "ouMixtureScore",
  signature:
    "ouMixtureScore(theta: number, sigma: number, t: number, mixture: { weights: Float64Array; " +
    "means: Float64Array; variances: Float64Array }, x: Float64Array): Float64Array",
  source:
    "lecture 04, section 1: p_t = Σ_k w_k N(α_t μ_k, α_t² v_k + σ_t²), α_t = e^{−θt}, σ_t² = σ²(1 − e^{−2θt})/(2θ)",
  cases(rng) {
    const cases: LabCase<ScoreFn>[] = [];
    const add = (
      theta: number,
      sigma: number,
      t: number,
      m: Mixture1d,
      x: Float64Array,
      note: string,
    ) => {
      const T = Math.max(t, 1);
      const exact = exactMixtureScore(toMixture(m), ornsteinUhlenbeck({ theta, sigma, T }));
      const expected = new Float64Array(x.length);
      exact.score(t, x, expected, x.length); // the library's exact score (log-sum-exp)
      cases.push({
        label: `${note}: θ = ${formatAnswer(theta)}, σ = ${formatAnswer(sigma)}, t = ${formatAnswer(t)}, w = ${formatAnswer(m.weights)}, μ = ${formatAnswer(m.means)}, v = ${formatAnswer(m.variances)}, x = ${formatAnswer(x)}`,
        size: m.weights.length * x.length,
        args: [theta, sigma, t, m, x],
        expected,
      });
    };
    const one: Mixture1d = {
      weights: Float64Array.of(1),
      means: Float64Array.of(0.7),
      variances: Float64Array.of(0.3),
    };
    add(1, Math.SQRT2, 0.5, one, Float64Array.of(0.2), "one component, one point");
    add(1, Math.SQRT2, 0, DATA, Float64Array.of(-2, 0, 1.5), "t = 0: the data's own score");
    add(1, Math.SQRT2, 2, DATA, Float64Array.of(-1, 0.5, 3), "t = T = 2 (the lecture's horizon)");
    add(1, Math.SQRT2, 1, DATA, Float64Array.of(-0.3, 0.9), "t = 1");
    add(1, Math.SQRT2, 0, DATA, Float64Array.of(-40, 40), "far tails at t = 0");
    add(2, 0.5, 8, DATA, Float64Array.of(-1, 1), "t = 8: nearly the stationary law");
    for (const K of [2, 3, 4]) {
      const weights = Float64Array.from({ length: K }, () => 0.2 + rng.uniform());
      const total = weights.reduce((s, w) => s + w, 0);
      const m: Mixture1d = {
        weights: weights.map((w) => w / total),
        means: Float64Array.from({ length: K }, () => 4 * rng.normal()),
        variances: Float64Array.from({ length: K }, () => 0.05 + rng.uniform()),
      };
      const x = Float64Array.from({ length: 6 }, () => 4 * rng.normal());
      add(
        0.5 + 1.5 * rng.uniform(),
        0.5 + rng.uniform(),
        3 * rng.uniform(),
        m,
        x,
        `K = ${K} components`,
      );
    }
    return cases;
  },
  tolerance: {
    abs: 1e-12,
    rel: 1e-12,
    reason:
      "two codes for ≤ 4 log-sum-exp responsibilities and a quotient: a few ulps of |score| ≤ 200 (measured 4e-15 relative)",
  },
  mistakes: [
    {
      name: "std-for-variance",
      hint: "the component variance is α_t²v_k + σ_t² with σ_t² the noise variance, not its standard deviation σ_t",
      answer: (theta, sigma, t, m, x) => {
        const { a, s2 } = ouParts(theta, sigma, t);
        return mixtureScoreModel(m, x, a, (k) => a * a * m.variances[k] + Math.sqrt(s2));
      },
    },
    {
      name: "unscaled-means",
      hint: "the OU drift shrinks the means too: component k of p_t is centred at α_t μ_k, not μ_k",
      answer: (theta, sigma, t, m, x) => {
        const { a, s2 } = ouParts(theta, sigma, t);
        return mixtureScoreModel(m, x, a, (k) => a * a * m.variances[k] + s2, {
          center: (k) => m.means[k],
        });
      },
    },
    {
      name: "alpha-not-squared",
      hint: "a variance scales with the square of the scale: α_t² v_k, not α_t v_k",
      answer: (theta, sigma, t, m, x) => {
        const { a, s2 } = ouParts(theta, sigma, t);
        return mixtureScoreModel(m, x, a, (k) => a * m.variances[k] + s2);
      },
    },
    {
      name: "prior-weights",
      hint: "the score of a mixture averages the component scores with the responsibilities r_k(x) ∝ w_k N(x; α_t μ_k, c_k), not with the prior weights w_k",
      answer: (theta, sigma, t, m, x) => {
        const { a, s2 } = ouParts(theta, sigma, t);
        return mixtureScoreModel(m, x, a, (k) => a * a * m.variances[k] + s2, { prior: true });
      },
    },
    {
      name: "missing-normalizer",
      hint: "the responsibilities need each component's normalising factor 1/√(2πc_k): components of different variances are not comparable by their exponents alone",
      answer: (theta, sigma, t, m, x) => {
        const { a, s2 } = ouParts(theta, sigma, t);
        return mixtureScoreModel(m, x, a, (k) => a * a * m.variances[k] + s2, {
          normalizer: false,
        });
      },
    },
    {
      name: "no-log-sum-exp",
      hint: "in the tails every exp(−(x − α_tμ_k)²/2c_k) underflows to 0 and 0/0 is NaN: subtract the largest log-weight before exponentiating (log-sum-exp)",
      answer: (theta, sigma, t, m, x) => {
        const { a, s2 } = ouParts(theta, sigma, t);
        return mixtureScoreModel(m, x, a, (k) => a * a * m.variances[k] + s2, { stable: false });
      },
    },
  ],
  verified:
    "−Σ_k r_k(x)(x − α_tμ_k)/(α_t²v_k + σ_t²) against the library's exactMixtureScore: 1 to 4 components, t = 0 to 8, far tails (x = ±40)",
};

/** The labs of lecture 04, in the notebook's order. */
export const labs04 = [reverseSdeStepLab, flowVelocityLab, ouMixtureScoreLab] as const;
