/**
 * Labs of lecture 10 (flow matching): the conditional path and velocity of Lipman et al.'s OT path
 * in the course's time (data at t = 0), the marginal velocity of a Gaussian path for mixture data,
 * and the score read from a velocity.
 */
import { conditionalVelocity, exactMixtureVelocity, linearPath, vePath, vpPath } from "../flow";
import { interpolantPath, type ProbabilityPath } from "../flow";
import { gaussianMixture } from "../mixture";
import type { Rng } from "../rng";
import { formatAnswer } from "./compare";
import { Lab, LabCase } from "./lab";
import { normals } from "./random-cases";

/** A 1-D Gaussian mixture as plain arrays (the labs' argument). */
export interface MixtureData {
  readonly weights: number[];
  readonly means: number[];
  readonly variances: number[];
}

/** A Gaussian path's coefficients at one time t: α_t, σ_t, α̇_t, σ̇_t. */
export interface PathAt {
  readonly alpha: number;
  readonly sigma: number;
  readonly alphaRate: number;
  readonly sigmaRate: number;
}

type OtFn = (
  x0: Float64Array,
  eps: Float64Array,
  t: number,
  sigmaMin: number,
) => { xt: Float64Array; velocity: Float64Array };
type VelocityFn = (x: Float64Array, data: MixtureData, path: PathAt) => Float64Array;
type ScoreFn = (u: Float64Array, x: Float64Array, path: PathAt) => Float64Array;

/** The OT path's sample, from given α_t, σ_t and their rates, elementwise. */
function otModel(
  x0: Float64Array,
  eps: Float64Array,
  c: { a: number; s: number; aDot: number; sDot: number },
) {
  return {
    xt: x0.map((x, i) => c.a * x + c.s * eps[i]),
    velocity: x0.map((x, i) => c.aDot * x + c.sDot * eps[i]),
  };
}

/**
 * Lab: Lipman et al.'s OT path in the course's time (data at t = 0),
 * $x_t = (1 - t)x_0 + (\sigma_{min} + (1 - \sigma_{min})t)\varepsilon$, and its conditional velocity
 * $-x_0 + (1 - \sigma_{min})\varepsilon$ ($\varepsilon - x_0$ at $\sigma_{min} = 0$: rectified flow).
 * @see lecture 10, section 2 and exercise 5; Lipman et al. (2023), ICLR, §4.1, Example II,
 * eq. (20)–(21) with their s = 1 − t; Liu, Gong & Liu (2023), ICLR, eq. (1)
 */
export const otPathTargetLab: Lab<OtFn> = {
  id: "10-ot-path-target",
  title: "the OT path's point and conditional velocity, data at t = 0",
  fn: "otPathTarget",
  signature:
    "otPathTarget(x0: Float64Array, eps: Float64Array, t: number, sigmaMin: number): " +
    "{ xt: Float64Array; velocity: Float64Array }",
  source:
    "lecture 10, section 2 / exercise 5: Lipman et al. (2023) eq. (20)–(21) with s = 1 − t: " +
    "x_t = (1 − t)x₀ + (σ_min + (1 − σ_min)t)ε, velocity −x₀ + (1 − σ_min)ε",
  cases(rng) {
    const cases: LabCase<OtFn>[] = [];
    const add = (x0: Float64Array, eps: Float64Array, t: number, sMin: number, note: string) => {
      const path = linearPath({ sigmaMin: sMin });
      const n = x0.length;
      const { xt, velocity } = conditionalVelocity(path, new Float64Array(n).fill(t), x0, eps, n);
      cases.push({
        label:
          `${note}: t = ${formatAnswer(t)}, σ_min = ${formatAnswer(sMin)}, ` +
          `x0 = ${formatAnswer(x0)}, eps = ${formatAnswer(eps)}`,
        size: n,
        args: [x0, eps, t, sMin],
        expected: { xt, velocity },
      });
    };
    add(Float64Array.of(2), Float64Array.of(-1), 0.25, 0, "rectified flow, one value");
    add(Float64Array.of(1.5, -0.5), Float64Array.of(0.3, 0.8), 0, 0, "t = 0: x_t is the data");
    add(Float64Array.of(1.5, -0.5), Float64Array.of(0.3, 0.8), 1, 0.1, "t = 1: x_t is the noise");
    add(Float64Array.of(1, 2, 3), new Float64Array(3), 0.4, 0.05, "zero noise");
    add(Float64Array.of(-2, 0.5, 1), Float64Array.of(1, -1, 0.5), 0.5, 0, "t = ½, σ_min = 0");
    for (const n of [4, 16, 64]) {
      const sMin = n === 4 ? 0 : 0.01 + 0.3 * rng.uniform();
      add(normals(rng, n, 2), normals(rng, n), 0.05 + 0.9 * rng.uniform(), sMin, `n = ${n}`);
    }
    return cases;
  },
  tolerance: { abs: 1e-14, rel: 1e-14, reason: "two products and a sum per entry, O(1) values" },
  mistakes: [
    {
      name: "data-at-t1",
      hint:
        "Lipman et al. put the data at t = 1; this course puts it at t = 0 (x_0 = data, x_1 ≈ " +
        "noise): substitute s = 1 − t in their x_s and flip the sign of their velocity",
      answer: (x0, eps, t, sMin) =>
        otModel(x0, eps, { a: t, s: 1 - (1 - sMin) * t, aDot: 1, sDot: -(1 - sMin) }),
    },
    {
      name: "velocity-sign",
      hint:
        "the velocity is d x_t/dt in the course's time, from data (t = 0) to noise (t = 1): " +
        "Lipman et al.'s velocity, in their reversed time, has the opposite sign",
      answer: (x0, eps, t, sMin) =>
        otModel(x0, eps, { a: 1 - t, s: sMin + (1 - sMin) * t, aDot: 1, sDot: -(1 - sMin) }),
    },
    {
      name: "sigma-rate",
      hint:
        "σ_t = σ_min + (1 − σ_min)t, so σ̇_t = 1 − σ_min: the noise's coefficient in the " +
        "velocity is not 1 when σ_min > 0",
      answer: (x0, eps, t, sMin) =>
        otModel(x0, eps, { a: 1 - t, s: sMin + (1 - sMin) * t, aDot: -1, sDot: 1 }),
    },
    {
      name: "missing-sigma-min",
      hint:
        "σ_min is the noise left at the data end: σ_t = σ_min + (1 − σ_min)t, so σ_0 = σ_min " +
        "and σ_1 = 1; check x_t at t = 0 and t = 1",
      answer: (x0, eps, t, sMin) =>
        otModel(x0, eps, { a: 1 - t, s: (1 - sMin) * t, aDot: -1, sDot: 1 - sMin }),
    },
  ],
  verified:
    "x_t and −x₀ + (1 − σ_min)ε against conditionalVelocity(linearPath({ sigmaMin })) at t = 0, " +
    "½, 1 and random t, σ_min = 0 and > 0, zero noise",
};

/** The library's path and time behind each case of the velocity labs. */
interface PathCase {
  readonly name: string;
  readonly path: ProbabilityPath;
  readonly t: number;
}

function pathCases(): PathCase[] {
  const lin = linearPath();
  return [
    { name: "linear path, t = 0 (σ = 0)", path: lin, t: 0 },
    { name: "linear path, t = 0.3", path: lin, t: 0.3 },
    { name: "linear path, t = 1 (α = 0)", path: lin, t: 1 },
    { name: "VP path, t = 0.2", path: vpPath(), t: 0.2 },
    { name: "VE path, t = 0.5", path: vePath({ sigmaMin: 0.1, sigmaMax: 10 }), t: 0.5 },
    { name: "interpolant (a = 1), t = 0.6", path: interpolantPath(lin, { noise: 1 }), t: 0.6 },
  ];
}

function pathAt(p: ProbabilityPath, t: number): PathAt {
  return { alpha: p.scale(t), sigma: p.std(t), alphaRate: p.scaleRate(t), sigmaRate: p.stdRate(t) };
}

function mixtureOf(data: MixtureData) {
  return gaussianMixture({
    weights: data.weights,
    means: data.means,
    covs: data.variances,
  });
}

/** u_t(x) for a 1-D mixture with the given rule for weights, σσ̇ and the component means. */
function velocityModel(
  x: Float64Array,
  data: MixtureData,
  p: PathAt,
  o: { prior?: boolean; noSigmaTerm?: boolean; unscaledMean?: boolean } = {},
): Float64Array {
  const { alpha: a, sigma: s, alphaRate: aDot, sigmaRate: sDot } = p;
  const ss = o.noSigmaTerm ? 0 : s * sDot;
  return x.map((xi) => {
    const K = data.weights.length;
    const logs: number[] = [];
    const m: number[] = [];
    for (let k = 0; k < K; k++) {
      const v = data.variances[k];
      const c = a * a * v + s * s;
      const mean = o.unscaledMean ? data.means[k] : a * data.means[k];
      logs.push(Math.log(data.weights[k]) - 0.5 * Math.log(c) - (xi - mean) ** 2 / (2 * c));
      m.push(aDot * data.means[k] + ((aDot * a * v + ss) / c) * (xi - mean));
    }
    const top = Math.max(...logs);
    const r = logs.map((l, k) => (o.prior ? data.weights[k] : Math.exp(l - top)));
    const total = r.reduce((acc, v) => acc + v, 0);
    return r.reduce((acc, rk, k) => acc + (rk / total) * m[k], 0);
  });
}

const twoBlobs: MixtureData = { weights: [0.3, 0.7], means: [-2, 1.5], variances: [0.25, 0.5] };

function randomMixture(rng: Rng, k: number): MixtureData {
  const raw = Array.from({ length: k }, () => 0.2 + rng.uniform());
  const sum = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((w) => w / sum);
  weights[k - 1] = 1 - weights.slice(0, k - 1).reduce((a, b) => a + b, 0);
  return {
    weights,
    means: Array.from({ length: k }, () => 4 * rng.uniform() - 2),
    variances: Array.from({ length: k }, () => 0.1 + rng.uniform()),
  };
}

function describeData(d: MixtureData): string {
  return (
    `weights ${formatAnswer(d.weights)}, means ${formatAnswer(d.means)}, ` +
    `variances ${formatAnswer(d.variances)}`
  );
}

/**
 * Lab: the marginal velocity of a Gaussian path for 1-D mixture data,
 * $u_t(x) = \sum_k r_k(x)\big(\dot\alpha_t\mu_k + (\dot\alpha_t\alpha_t s_k^2 + \sigma_t\dot\sigma_t)(x - \alpha_t\mu_k)/C_k\big)$,
 * $C_k = \alpha_t^2 s_k^2 + \sigma_t^2$, $r_k \propto w_k\mathcal N(x; \alpha_t\mu_k, C_k)$.
 * @see lecture 10, section 1; Lipman et al. (2023), ICLR, eq. (8) and Theorem 1; Bishop (2006),
 * eq. (2.116) (Gaussian conditioning)
 */
export const marginalVelocityLab: Lab<VelocityFn> = {
  id: "10-marginal-velocity",
  title: "the marginal velocity E[α̇x₀ + σ̇ε | x_t = x] of a Gaussian path, mixture data",
  fn: "marginalVelocity",
  signature:
    "marginalVelocity(x: Float64Array, data: { weights: number[]; means: number[]; " +
    "variances: number[] }, path: { alpha: number; sigma: number; alphaRate: number; " +
    "sigmaRate: number }): Float64Array",
  source:
    "lecture 10, section 1: u_t(x) = Σ_k r_k(x)(α̇μ_k + (α̇α s_k² + σσ̇)(x − αμ_k)/C_k), " +
    "C_k = α²s_k² + σ²; Lipman et al. (2023), Theorem 1",
  cases(rng) {
    const cases: LabCase<VelocityFn>[] = [];
    const add = (x: Float64Array, data: MixtureData, pc: PathCase) => {
      const field = exactMixtureVelocity(mixtureOf(data), pc.path);
      const expected = new Float64Array(x.length);
      field.velocity(pc.t, x, expected, x.length);
      const path = pathAt(pc.path, pc.t);
      cases.push({
        label:
          `${pc.name}: path = { α ${formatAnswer(path.alpha)}, σ ${formatAnswer(path.sigma)}, ` +
          `α̇ ${formatAnswer(path.alphaRate)}, σ̇ ${formatAnswer(path.sigmaRate)} }, ` +
          `${describeData(data)}, x = ${formatAnswer(x)}`,
        size: x.length * data.weights.length,
        args: [x, data, path],
        expected,
      });
    };
    const [lin0, lin3, lin1, vp2, ve5, ip6] = pathCases();
    const one: MixtureData = { weights: [1], means: [1], variances: [0.1] };
    add(Float64Array.of(0.5), one, lin3);
    add(Float64Array.of(-1, 2), one, lin0);
    add(Float64Array.of(-3, 0, 2.5), twoBlobs, lin1);
    add(Float64Array.of(-3, -0.2, 0.4, 2.5), twoBlobs, lin3);
    add(Float64Array.of(-2.5, 0, 1), twoBlobs, vp2);
    add(Float64Array.of(-4, 0.1, 3), twoBlobs, ve5);
    add(Float64Array.of(-1.5, 0.3, 1.8), twoBlobs, ip6);
    for (const pc of [lin3, vp2, ve5, ip6]) {
      add(normals(rng, 8, 2), randomMixture(rng, 3), pc);
    }
    return cases;
  },
  tolerance: {
    abs: 1e-10,
    rel: 1e-10,
    reason:
      "Gaussian weights with exponents ≤ 100 (relative rounding ≤ 100·1.1e-16 each), sums of " +
      "≤ 3 terms of size ≤ 30: ≤ 1e-12, with a factor 100 for the order of operations",
  },
  mistakes: [
    {
      name: "prior-weights",
      hint:
        "the components are weighted by their posterior r_k(x) ∝ w_k N(x; α_tμ_k, C_k), not by " +
        "the prior weights w_k: the velocity at x is a conditional mean given x_t = x",
      answer: (x, data, p) => velocityModel(x, data, p, { prior: true }),
    },
    {
      name: "missing-noise-term",
      hint:
        "the conditional velocity is α̇x₀ + σ̇ε: its ε part contributes σ_tσ̇_t (x − α_tμ_k)/C_k; " +
        "the gain is (α̇α s_k² + σσ̇)/C_k",
      answer: (x, data, p) => velocityModel(x, data, p, { noSigmaTerm: true }),
    },
    {
      name: "unscaled-mean",
      hint:
        "the components of p_t are centred at α_tμ_k, not μ_k: use x − α_tμ_k in the weights " +
        "and in the gain's factor",
      answer: (x, data, p) => velocityModel(x, data, p, { unscaledMean: true }),
    },
  ],
  verified:
    "u_t(x) against exactMixtureVelocity for the linear path at t = 0, 0.3 and 1, the VP and VE " +
    "paths and a stochastic interpolant, one to three components, points far in the tails",
};

/**
 * Lab: the score read from a velocity, $\nabla\log p_t = -\varepsilon/\sigma_t$ with
 * $\varepsilon = (\alpha_t u - \dot\alpha_t x)/\Delta$, $\Delta = \alpha_t\dot\sigma_t - \sigma_t\dot\alpha_t$.
 * @see lecture 10, section 4; Lipman et al. (2023), ICLR, Theorem 3; Kingma et al. (2021),
 * NeurIPS, eq. (2); Efron (2011), JASA 106 (Tweedie's formula)
 */
export const scoreOfVelocityLab: Lab<ScoreFn> = {
  id: "10-score-of-velocity",
  title: "the score ∇log p_t read from the velocity u_t",
  fn: "scoreOfVelocity",
  signature:
    "scoreOfVelocity(u: Float64Array, x: Float64Array, path: { alpha: number; sigma: number; " +
    "alphaRate: number; sigmaRate: number }): Float64Array",
  source: "lecture 10, section 4: ε = (αu − α̇x)/Δ, Δ = ασ̇ − σα̇, ∇log p_t = −ε/σ (Tweedie)",
  cases(rng) {
    const cases: LabCase<ScoreFn>[] = [];
    const add = (x: Float64Array, data: MixtureData, pc: PathCase) => {
      const field = exactMixtureVelocity(mixtureOf(data), pc.path);
      const [u, expected] = [new Float64Array(x.length), new Float64Array(x.length)];
      field.velocity(pc.t, x, u, x.length);
      field.score(pc.t, x, expected, x.length);
      const path = pathAt(pc.path, pc.t);
      cases.push({
        label:
          `${pc.name}, data ${describeData(data)}: path = { α ${formatAnswer(path.alpha)}, ` +
          `σ ${formatAnswer(path.sigma)}, α̇ ${formatAnswer(path.alphaRate)}, ` +
          `σ̇ ${formatAnswer(path.sigmaRate)} }, u = ${formatAnswer(u)}, x = ${formatAnswer(x)}`,
        size: x.length,
        args: [u, x, path],
        expected,
      });
    };
    const [, lin3, lin1, vp2, ve5, ip6] = pathCases();
    add(Float64Array.of(0.7), twoBlobs, lin3);
    add(Float64Array.of(-1, 0.5), twoBlobs, lin1);
    add(Float64Array.of(-2, 0, 2), twoBlobs, vp2);
    add(Float64Array.of(-3, 0.2, 2), twoBlobs, ve5);
    add(Float64Array.of(-1, 1.5), twoBlobs, ip6);
    const late = { name: "linear path, t = 0.9", path: linearPath(), t: 0.9 };
    for (const pc of [lin3, late, vp2, ve5, ip6]) {
      add(normals(rng, 6, 2), randomMixture(rng, 2), pc);
    }
    return cases;
  },
  tolerance: {
    abs: 1e-10,
    rel: 1e-10,
    reason:
      "u from exactMixtureVelocity (rounding ≤ 1e-12, see the velocity lab) divided by Δσ ≥ 0.1 " +
      "here, plus the score's own rounding: ≤ 1e-11; a factor 10 for the order of operations",
  },
  mistakes: [
    {
      name: "eps-for-score",
      hint:
        "Tweedie: the score is −E[ε | x_t]/σ_t, not −ε: divide by σ_t (the score of p_t " +
        "grows like 1/σ_t as t → 0)",
      answer: (u, x, p) => {
        const det = p.alpha * p.sigmaRate - p.sigma * p.alphaRate;
        return u.map((ui, i) => -(p.alpha * ui - p.alphaRate * x[i]) / det);
      },
    },
    {
      name: "score-sign",
      hint:
        "∇log p_t points back towards the data, against the noise: it is −ε/σ_t (check the " +
        "sign of the determinant Δ = ασ̇ − σα̇ too: it is 1 for the linear path)",
      answer: (u, x, p) => {
        const det = p.alpha * p.sigmaRate - p.sigma * p.alphaRate;
        return u.map((ui, i) => (p.alpha * ui - p.alphaRate * x[i]) / (det * p.sigma));
      },
    },
    {
      name: "velocity-sign",
      hint:
        "the velocity given is d x_t/dt in the course's time (data at t = 0): do not flip it as " +
        "for Lipman et al.'s time, and solve x = αx₀ + σε, u = α̇x₀ + σ̇ε for ε as given",
      answer: (u, x, p) => {
        const det = p.alpha * p.sigmaRate - p.sigma * p.alphaRate;
        return u.map((ui, i) => -(-p.alpha * ui - p.alphaRate * x[i]) / (det * p.sigma));
      },
    },
  ],
  verified:
    "−ε/σ from the exact velocity against exactMixtureVelocity's own score (an independent " +
    "route) on the linear path up to t = 1, the VP and VE paths and a stochastic interpolant",
};

/** The labs of lecture 10, in the notebook's order. */
export const labs10 = [marginalVelocityLab, otPathTargetLab, scoreOfVelocityLab] as const;
