/**
 * Labs of lecture 08 (Langevin dynamics and guidance): one ULA step, MALA's acceptance
 * log-ratio, and the classifier-free guided score.
 */
import { classConditional, classifierGuidedScore } from "../guidance";
import { unadjustedLangevin } from "../langevin";
import { gaussianMixture } from "../mixture";
import { vpSde } from "../processes";
import { exactMixtureScore } from "../score";
import { formatAnswer } from "./compare";
import { Lab, LabCase } from "./lab";
import { normals } from "./random-cases";

type VecFn = (x: Float64Array) => Float64Array;
type UlaFn = (x: Float64Array, score: VecFn, h: number, xi: Float64Array) => Float64Array;
type MalaFn = (
  x: Float64Array,
  y: Float64Array,
  logPi: (x: Float64Array) => number,
  score: VecFn,
  h: number,
) => number;
type CfgFn = (sCond: Float64Array, sUncond: Float64Array, w: number) => Float64Array;

/** A target π known up to a constant: its name, log π + c and its score. */
interface Target {
  readonly name: string;
  readonly dim: number;
  readonly logPi: (x: Float64Array) => number;
  readonly score: VecFn;
}

/** π = N(m, diag(v)), log-density up to the additive constant c. */
function gaussianTarget(m: Float64Array, v: Float64Array, c: number): Target {
  return {
    name: `N(${formatAnswer(m)}, diag ${formatAnswer(v)})`,
    dim: m.length,
    logPi: (x) => c - x.reduce((acc, xi, i) => acc + (xi - m[i]) ** 2 / (2 * v[i]), 0),
    score: (x) => x.map((xi, i) => -(xi - m[i]) / v[i]),
  };
}

/** π ∝ e^{−a(x² − 1)²} in one dimension (lecture 08, section 3). */
function doubleWell(a: number): Target {
  return {
    name: `e^{−${a}(x² − 1)²}`,
    dim: 1,
    logPi: (x) => -a * (x[0] * x[0] - 1) ** 2,
    score: (x) => Float64Array.of(-4 * a * x[0] * (x[0] * x[0] - 1)),
  };
}

/** The ULA step with the noise scaled by noise(h) and the drift by drift(h) (the mistake models). */
function ulaModel(
  x: Float64Array,
  score: VecFn,
  h: number,
  xi: Float64Array,
  drift: (h: number) => number,
  noise: (h: number) => number,
): Float64Array {
  const s = score(x);
  return x.map((v, i) => v + drift(h) * s[i] + noise(h) * xi[i]);
}

/**
 * Lab: one step of the unadjusted Langevin algorithm,
 * $x_{k+1} = x_k + h\,\nabla\log\pi(x_k) + \sqrt{2h}\,\xi_k$ (lecture 08, section 1).
 * @see Roberts & Tweedie (1996), Bernoulli 2(4), eq. (1.2) (ULA)
 */
export const ulaStepLab: Lab<UlaFn> = {
  id: "08-ula-step",
  title: "one step of the unadjusted Langevin algorithm",
  fn: "ulaStep",
  signature:
    "ulaStep(x: Float64Array, score: (x: Float64Array) => Float64Array, h: number, " +
    "xi: Float64Array): Float64Array",
  source:
    "lecture 08, section 1: x_{k+1} = x_k + h ∇log π(x_k) + √(2h) ξ_k (Roberts & Tweedie 1996, eq. (1.2))",
  cases(rng) {
    const cases: LabCase<UlaFn>[] = [];
    const add = (target: Target, x: Float64Array, h: number, xi: Float64Array, note: string) => {
      const d = target.dim;
      // the oracle: one step of the library's ULA chain, its noise stream returning ξ
      const noise = { normals: (out: Float64Array) => (out.set(xi), out) };
      const chain = {
        dim: d,
        score: (z: Float64Array, out: Float64Array) => out.set(target.score(z)),
      };
      cases.push({
        label:
          `${note}: π = ${target.name}, x = ${formatAnswer(x)}, h = ${formatAnswer(h)}, ` +
          `xi = ${formatAnswer(xi)}`,
        size: d,
        args: [x, target.score, h, xi],
        expected: unadjustedLangevin(noise, chain, x, { step: h, steps: 1 }).x,
      });
    };
    const standard = gaussianTarget(Float64Array.of(0), Float64Array.of(1), 0);
    add(standard, Float64Array.of(1), 0.1, Float64Array.of(0.5), "N(0, 1)");
    add(standard, Float64Array.of(2), 0.25, Float64Array.of(0), "zero noise (ξ = 0)");
    add(standard, Float64Array.of(0), 0.05, Float64Array.of(-1.2), "at the mode (score 0)");
    add(doubleWell(1), Float64Array.of(-0.5), 0.01, Float64Array.of(0.8), "double well");
    add(doubleWell(8), Float64Array.of(1.3), 0.002, Float64Array.of(-0.4), "steep double well");
    for (const d of [2, 3, 10]) {
      const target = gaussianTarget(
        normals(rng, d),
        Float64Array.from(normals(rng, d), (z) => 0.5 + z * z),
        0,
      );
      add(target, normals(rng, d, 2), 0.02 + 0.3 * rng.uniform(), normals(rng, d), `d = ${d}`);
    }
    return cases;
  },
  tolerance: {
    abs: 1e-13,
    rel: 1e-13,
    reason: "two multiply-adds per entry on values ≤ 30: a few ulps",
  },
  mistakes: [
    {
      name: "sqrt-h",
      hint:
        "the noise of dX = ∇log π dt + √2 dW over a step h has variance 2h: scale ξ by √(2h), " +
        "not √h (with √h the chain samples π^2, too narrow)",
      answer: (x, score, h, xi) => ulaModel(x, score, h, xi, (k) => k, Math.sqrt),
    },
    {
      name: "missing-h",
      hint: "the drift is ∇log π integrated over the step: multiply the score by h",
      answer: (x, score, h, xi) =>
        ulaModel(
          x,
          score,
          h,
          xi,
          () => 1,
          (k) => Math.sqrt(2 * k),
        ),
    },
    {
      name: "variance-for-sd",
      hint: "2h is the variance of the noise; multiply ξ by its standard deviation √(2h)",
      answer: (x, score, h, xi) =>
        ulaModel(
          x,
          score,
          h,
          xi,
          (k) => k,
          (k) => 2 * k,
        ),
    },
  ],
  verified:
    "x + h∇log π(x) + √(2h) ξ against one step of the library's unadjustedLangevin on Gaussian " +
    "and double-well targets, d = 1 to 10, zero noise, at a mode",
};

/** log N(a; b + h s(b), 2h I) with its constant: the oracle's log proposal density. */
function logProposal(a: Float64Array, b: Float64Array, sb: Float64Array, h: number): number {
  const d = a.length;
  let sq = 0;
  for (let i = 0; i < d; i++) sq += (a[i] - b[i] - h * sb[i]) ** 2;
  return -sq / (4 * h) - (d / 2) * Math.log(4 * Math.PI * h);
}

/** log π(y) − log π(x) + c · [log q(x | y) − log q(y | x)] with q's variance 2h·k (mistake models). */
function malaModel(
  args: Parameters<MalaFn>,
  c: number,
  k = 1,
  backwardAt: "y" | "x" = "y",
): number {
  const [x, y, logPi, score, h] = args;
  const [sx, sy] = [score(x), score(y)];
  const hk = h * k;
  const lq = (a: Float64Array, b: Float64Array, sb: Float64Array) => {
    let sq = 0;
    for (let i = 0; i < a.length; i++) sq += (a[i] - b[i] - h * sb[i]) ** 2;
    return -sq / (4 * hk);
  };
  return logPi(y) - logPi(x) + c * (lq(x, y, backwardAt === "y" ? sy : sx) - lq(y, x, sx));
}

/**
 * Lab: MALA's acceptance log-ratio for a proposal $y$ from $x$,
 * $\log\frac{\pi(y)\,q(x\mid y)}{\pi(x)\,q(y\mid x)}$ with $q(y\mid x) = \mathcal N(y;\ x + h\nabla\log\pi(x),\ 2hI)$
 * (lecture 08, section 2).
 * @see Roberts & Tweedie (1996), Bernoulli 2(4), §1.4 (MALA); Besag (1994), JRSS B 56, p. 591
 */
export const malaLogRatioLab: Lab<MalaFn> = {
  id: "08-mala-log-ratio",
  title: "MALA's acceptance log-ratio",
  fn: "malaLogRatio",
  signature:
    "malaLogRatio(x: Float64Array, y: Float64Array, logPi: (x: Float64Array) => number, " +
    "score: (x: Float64Array) => Float64Array, h: number): number",
  source:
    "lecture 08, section 2: log[π(y) q(x | y) / (π(x) q(y | x))], q(y | x) = N(x + h∇log π(x), 2h I) " +
    "(Roberts & Tweedie 1996, §1.4)",
  cases(rng) {
    const cases: LabCase<MalaFn>[] = [];
    const add = (target: Target, x: Float64Array, y: Float64Array, h: number, note: string) => {
      const [sx, sy] = [target.score(x), target.score(y)];
      // the oracle: the two Gaussian proposal log-densities with their constants, and log π
      const expected =
        target.logPi(y) + logProposal(x, y, sy, h) - target.logPi(x) - logProposal(y, x, sx, h);
      cases.push({
        label:
          `${note}: π ∝ ${target.name}, x = ${formatAnswer(x)}, y = ${formatAnswer(y)}, ` +
          `h = ${formatAnswer(h)}`,
        size: target.dim,
        args: [x, y, target.logPi, target.score, h],
        expected,
      });
    };
    // a proposal y = x + h s(x) + √(2h) ξ from the chain's own kernel
    const propose = (target: Target, x: Float64Array, h: number) => {
      const s = target.score(x);
      return x.map((v, i) => v + h * s[i] + Math.sqrt(2 * h) * rng.normal());
    };
    const standard = gaussianTarget(Float64Array.of(0), Float64Array.of(1), 0);
    add(standard, Float64Array.of(0.5), Float64Array.of(-0.3), 0.5, "N(0, 1), one dimension");
    add(standard, Float64Array.of(1), Float64Array.of(1), 0.1, "y = x (ratio 0)");
    add(doubleWell(1), Float64Array.of(-1), Float64Array.of(-0.6), 0.05, "double well");
    add(doubleWell(8), Float64Array.of(-0.9), Float64Array.of(-1.05), 0.01, "steep double well");
    const shifted = gaussianTarget(Float64Array.of(1, -2), Float64Array.of(0.5, 2), 37.5);
    add(
      shifted,
      Float64Array.of(0.2, 0.3),
      Float64Array.of(1.1, -1.4),
      0.3,
      "log π + 37.5 (no normaliser)",
    );
    for (const d of [1, 2, 3, 6]) {
      const target = gaussianTarget(
        normals(rng, d),
        Float64Array.from(normals(rng, d), (z) => 0.5 + z * z),
        3 * rng.normal(),
      );
      const x = normals(rng, d, 1.5);
      const h = 0.05 + 0.5 * rng.uniform();
      add(target, x, propose(target, x, h), h, `d = ${d}, a MALA proposal`);
    }
    const well = doubleWell(2);
    const x = Float64Array.of(0.8);
    add(well, x, propose(well, x, 0.1), 0.1, "double well, a MALA proposal");
    return cases;
  },
  tolerance: {
    abs: 1e-11,
    rel: 1e-12,
    reason:
      "log π and the proposal terms (≤ 100 here) cancel: a few ulps of 100 ≈ 1e-13, and the " +
      "oracle's constants −(d/2) log(4πh) cancel to rounding",
  },
  mistakes: [
    {
      name: "no-proposal-correction",
      hint:
        "Langevin proposals are not symmetric, q(x | y) ≠ q(y | x): include log q(x | y) − " +
        "log q(y | x), not only log π(y) − log π(x)",
      answer: (...args) => malaModel(args, 0),
    },
    {
      name: "q-ratio-inverted",
      hint:
        "the ratio is π(y) q(x | y) / (π(x) q(y | x)): the reverse move x ← y goes in the " +
        "numerator, the forward move in the denominator",
      answer: (...args) => malaModel(args, -1),
    },
    {
      name: "proposal-variance-h",
      hint:
        "the proposal N(x + h∇log π(x), 2h I) has variance 2h, so log q = −‖y − x − h∇log π(x)‖²/(4h), " +
        "not /(2h)",
      answer: (...args) => malaModel(args, 1, 0.5),
    },
    {
      name: "score-at-x-twice",
      hint: "the reverse proposal q(x | y) is centred at y + h∇log π(y): evaluate the score at y for it",
      answer: (...args) => malaModel(args, 1, 1, "x"),
    },
  ],
  verified:
    "log π(y) − log π(x) + log q(x | y) − log q(y | x) against Gaussian log-densities with their " +
    "constants, Gaussian and double-well targets, d = 1 to 6, y = x, an unnormalised log π",
};

/** The CFG combination with weights a on the conditional and b on the unconditional score. */
function combine(sCond: Float64Array, sUncond: Float64Array, a: number, b: number): Float64Array {
  return sCond.map((s, i) => a * s + b * sUncond[i]);
}

/**
 * Lab: the classifier-free guided score $\tilde s_t(x) = (1 + w)\,s_t(x\mid y) - w\,s_t(x)$,
 * which with exact scores equals classifier guidance with $\gamma = 1 + w$ (lecture 08, section 7).
 * @see Ho & Salimans (2022), Classifier-Free Diffusion Guidance, arXiv:2207.12598, eq. (6)
 */
export const cfgScoreLab: Lab<CfgFn> = {
  id: "08-cfg-score",
  title: "the classifier-free guided score",
  fn: "classifierFreeGuidance",
  signature:
    "classifierFreeGuidance(sCond: Float64Array, sUncond: Float64Array, w: number): Float64Array",
  source: "lecture 08, section 7: s̃ = (1 + w) s(x | y) − w s(x) (Ho & Salimans 2022, eq. (6))",
  cases(rng) {
    const cases: LabCase<CfgFn>[] = [];
    const data = gaussianMixture({ weights: [0.5, 0.5], means: [-1.5, 1.5], covs: [0.8, 0.8] });
    const vp = vpSde({ dim: 1 });
    const add = (t: number, x: Float64Array, w: number, y: number, note: string) => {
      const n = x.length;
      const [sCond, sUncond, guided] = [0, 1, 2].map(() => new Float64Array(n));
      exactMixtureScore(classConditional(data, y), vp).score(t, x, sCond, n);
      exactMixtureScore(data, vp).score(t, x, sUncond, n);
      // the oracle: classifier guidance with γ = 1 + w, ∇log p_t(x) + γ ∇log p_t(y | x)
      classifierGuidedScore(data, vp, y, 1 + w).score(t, x, guided, n);
      cases.push({
        label:
          `${note}: w = ${w}, class y = ${y}, t = ${t}, x = ${formatAnswer(x)}, ` +
          `sCond = ${formatAnswer(sCond)}, sUncond = ${formatAnswer(sUncond)}`,
        size: n,
        args: [sCond, sUncond, w],
        expected: guided,
      });
    };
    add(0.5, Float64Array.of(0.3), 0, 1, "w = 0 (the conditional score)");
    add(0.5, Float64Array.of(-0.7), 1, 1, "one point");
    add(0.1, Float64Array.of(-2, 0, 2), 2, 1, "γ = 3 as in section 6");
    add(1, Float64Array.of(-1, 1), 4, 0, "t = T, class 0");
    add(0.9, Float64Array.of(0.5, 1.5), -0.5, 1, "w < 0 (less guidance)");
    for (const n of [5, 41]) {
      const x = Float64Array.from({ length: n }, () => -4 + 8 * rng.uniform());
      add(0.05 + 0.9 * rng.uniform(), x, 5 * rng.uniform(), n % 2, "random points");
    }
    return cases;
  },
  tolerance: {
    abs: 1e-10,
    rel: 1e-10,
    reason:
      "the same exact quantity by two formulas (Bayes' rule): rounding of responsibilities and " +
      "of scores ≤ 30, amplified by 1 + 2|w| ≤ 11",
  },
  mistakes: [
    {
      name: "unconditional-plus-w",
      hint:
        "with Ho & Salimans' w the conditional score gets weight 1 + w: s_u + w(s_c − s_u) is the " +
        "other convention, where w plays the role of γ = 1 + w",
      answer: (sCond, sUncond, w) => combine(sCond, sUncond, w, 1 - w),
    },
    {
      name: "weights-swapped",
      hint:
        "guidance pushes away from the unconditional score: (1 + w) multiplies the conditional " +
        "s(x | y), −w the unconditional s(x)",
      answer: (sCond, sUncond, w) => combine(sUncond, sCond, 1 + w, -w),
    },
    {
      name: "sign-of-w",
      hint: "the unconditional score is subtracted: (1 + w) s_c − w s_u, the weights sum to 1",
      answer: (sCond, sUncond, w) => combine(sCond, sUncond, 1 + w, w),
    },
  ],
  verified:
    "(1 + w) s(x | y) − w s(x) against classifier guidance with γ = 1 + w (the library's " +
    "classifierGuidedScore), w from −0.5 to 5, t from 0.05 to T, both classes",
};

/** The labs of lecture 08, in the notebook's order. */
export const labs08 = [ulaStepLab, malaLogRatioLab, cfgScoreLab] as const;
