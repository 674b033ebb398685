/**
 * Labs of lecture 11 (sampling in few steps): one DDIM(η) step from an ε-prediction, one
 * DPM-Solver-2 step in the half log-SNR λ, and EDM's ρ-spaced noise levels.
 */
import type { NormalStream } from "../brownian";
import { gaussianMixture } from "../mixture";
import { vpSde } from "../processes";
import { ddimSample, dpmSolver2Sample, karrasSigmas, type LinearSchedule } from "../samplers";
import { exactMixtureScore, type ScoreFunction } from "../score";
import { formatAnswer } from "./compare";
import { Lab, LabCase } from "./lab";
import { normals } from "./random-cases";

type DdimFn = (
  x: Float64Array,
  epsHat: Float64Array,
  alphaT: number,
  sigmaT: number,
  alphaS: number,
  sigmaS: number,
  eta: number,
  z: Float64Array,
) => Float64Array;

/** A schedule as the DPM-Solver lab gives it: α_t, σ_t and the inverse of λ_t = log(α_t/σ_t). */
export interface LambdaSchedule {
  readonly alpha: (t: number) => number;
  readonly sigma: (t: number) => number;
  readonly timeAt: (lambda: number) => number;
}
type EpsFn = (x: Float64Array, t: number) => Float64Array;
type DpmFn = (
  x: Float64Array,
  t: number,
  s: number,
  schedule: LambdaSchedule,
  epsHat: EpsFn,
) => Float64Array;
type KarrasFn = (n: number, sigmaMin: number, sigmaMax: number, rho: number) => Float64Array;

/** A NormalStream that returns the given z (the library's sampler reads it once). */
function givenNoise(z: Float64Array): NormalStream {
  return { normals: (out) => (out.set(z.subarray(0, out.length)), out) };
}

/** A score returning −ε̂/σ_t for ε̂ given per point (times used: the first one only). */
function scoreOfEps(eps: (x: Float64Array, t: number) => Float64Array, std: (t: number) => number) {
  const score: ScoreFunction = {
    dim: 1,
    score: (t, x, out, n) => {
      const e = eps(x.subarray(0, n), t);
      for (let i = 0; i < n; i++) out[i] = -e[i] / std(t);
    },
  };
  return score;
}

/** DDIM's step with a choice of mistakes, as the usual wrong answers compute it. */
function ddimModel(
  args: Parameters<DdimFn>,
  o: { noRescale?: boolean; sigmaS?: boolean; variance?: boolean } = {},
): Float64Array {
  const [x, e, aT, sT, aS, sS, eta, z] = args;
  const ratio = (sS * aT) / (aS * sT);
  const v = eta * eta * sS * sS * (1 - ratio * ratio);
  const direction = o.sigmaS ? sS : Math.sqrt(sS * sS - v);
  const noise = o.variance ? v : Math.sqrt(v);
  return x.map((xi, i) => {
    const x0 = o.noRescale ? xi - sT * e[i] : (xi - sT * e[i]) / aT;
    return aS * x0 + direction * e[i] + noise * z[i];
  });
}

/**
 * Lab: one DDIM step, $\hat x_0 = (x_t - \sigma_t\hat\varepsilon)/\alpha_t$,
 * $x_s = \alpha_s\hat x_0 + \sqrt{\sigma_s^2 - v}\,\hat\varepsilon + \sqrt v\,z$,
 * $v = \eta^2\sigma_s^2(1 - \sigma(s)^2/\sigma(t)^2)$, $\sigma(t) = \sigma_t/\alpha_t$.
 * @see lecture 11, section 1 and exercise 1; Song, Meng & Ermon (2021), ICLR, eq. (12) and (16)
 */
export const ddimStepLab: Lab<DdimFn> = {
  id: "11-ddim-step",
  title: "one DDIM(η) step from a noise prediction",
  fn: "ddimStep",
  signature:
    "ddimStep(x: Float64Array, epsHat: Float64Array, alphaT: number, sigmaT: number, " +
    "alphaS: number, sigmaS: number, eta: number, z: Float64Array): Float64Array",
  source:
    "lecture 11, section 1: Song, Meng & Ermon (2021) eq. (12), (16): x_s = α_s x̂₀ + " +
    "√(σ_s² − v) ε̂ + √v z, x̂₀ = (x_t − σ_t ε̂)/α_t, v = η²σ_s²(1 − σ(s)²/σ(t)²)",
  cases(rng) {
    const vp = vpSde();
    const cases: LabCase<DdimFn>[] = [];
    const add = (note: string, t: number, s: number, coeffs: number[], eta: number, k: number) => {
      const [aT, sT, aS, sS] = coeffs;
      const x = normals(rng, k, 1.5);
      const e = normals(rng, k);
      const z = normals(rng, k);
      const process: LinearSchedule = {
        T: 1,
        scale: (u) => (u === 1 ? aT : aS),
        std: (u) => (u === 1 ? sT : sS),
      };
      const score = scoreOfEps(() => e, process.std);
      const expected = ddimSample(givenNoise(z), process, score, x, k, {
        eta,
        times: Float64Array.of(1, 0.5),
      });
      const shown = coeffs.map((c) => formatAnswer(c)).join(", ");
      cases.push({
        label:
          `${note} (t = ${formatAnswer(t)} → s = ${formatAnswer(s)}), η = ${formatAnswer(eta)}: ` +
          `(α_t, σ_t, α_s, σ_s) = (${shown}), x = ${formatAnswer(x)}, ` +
          `epsHat = ${formatAnswer(e)}, z = ${formatAnswer(z)}`,
        size: k,
        args: [x, e, aT, sT, aS, sS, eta, z],
        expected,
      });
    };
    const at = (t: number, s: number) => [vp.scale(t), vp.std(t), vp.scale(s), vp.std(s)];
    add("VP, deterministic", 0.5, 0.4, at(0.5, 0.4), 0, 1);
    add("VP, DDPM's variance", 0.5, 0.4, at(0.5, 0.4), 1, 1);
    add("last step to the data (σ_s = 0)", 0.02, 0, [...at(0.02, 0).slice(0, 2), 1, 0], 1, 2);
    add("VE (α = 1)", 0.7, 0.3, [1, 5, 1, 0.8], 0.5, 2);
    add("VP, from T = 1 in one step", 1, 0.001, at(1, 0.001), 0, 3);
    for (const eta of [0, 0.3, 0.5, 1]) {
      const t = 0.05 + 0.95 * rng.uniform();
      const s = t * rng.uniform();
      add("VP", t, s, at(t, s), eta, 8);
    }
    return cases;
  },
  tolerance: {
    abs: 1e-10,
    rel: 1e-10,
    reason:
      "≤ 12 operations on terms ≤ 10³ (α_s/α_t ≤ 160 on VP): rounding ≤ 2e-12 absolute; " +
      "ε̂ passes through −σ_t s (2 ulps); a factor 50 for the order of operations",
  },
  mistakes: [
    {
      name: "x0-not-rescaled",
      hint:
        "the predicted data is x̂₀ = (x_t − σ_t ε̂)/α_t: x_t = α_t x₀ + σ_t ε, so divide by " +
        "α_t (it is 1 only for VE)",
      answer: (...args) => ddimModel(args, { noRescale: true }),
    },
    {
      name: "direction-ignores-v",
      hint:
        "the direction pointing to x_t has weight √(σ_s² − v), not σ_s: the fresh noise √v z " +
        "takes the variance v out of the σ_s² available (eq. (12)); at η = 0 they agree",
      answer: (...args) => ddimModel(args, { sigmaS: true }),
    },
    {
      name: "variance-for-sd",
      hint: "the fresh noise is √v z: v is a variance, z a standard normal",
      answer: (...args) => ddimModel(args, { variance: true }),
    },
  ],
  verified:
    "x_s against ddimSample with the same ε̂ and z for η = 0, 0.3, ½, 1 on VP and VE, a last " +
    "step to σ_s = 0 and one step from T = 1",
};

/** VP (β from 0.1 to 20) as α, σ and the closed-form inverse of λ. */
function vpSchedule(): LambdaSchedule {
  const [b0, b1] = [0.1, 20];
  const B = (t: number) => b0 * t + 0.5 * (b1 - b0) * t * t;
  return {
    alpha: (t) => Math.exp(-0.5 * B(t)),
    sigma: (t) => Math.sqrt(-Math.expm1(-B(t))),
    // e^{2λ} = ᾱ/(1 − ᾱ) ⇒ B = log(1 + e^{−2λ}); solve b0 t + (b1 − b0)t²/2 = B
    timeAt: (lambda) => {
      const target = Math.log1p(Math.exp(-2 * lambda));
      return (2 * target) / (b0 + Math.sqrt(b0 * b0 + 2 * (b1 - b0) * target));
    },
  };
}

/** VE with σ_t = σ_min(σ_max/σ_min)^t, α = 1: λ = −log σ_t. */
function veSchedule(sigmaMin: number, sigmaMax: number): LambdaSchedule {
  const rate = Math.log(sigmaMax / sigmaMin);
  return {
    alpha: () => 1,
    sigma: (t) => sigmaMin * Math.exp(rate * t),
    timeAt: (lambda) => (-lambda - Math.log(sigmaMin)) / rate,
  };
}

/** ε̂ of 1-D Gaussian data N(m0, s0²) on every coordinate: σ_t(x − α_t m0)/(α_t²s0² + σ_t²). */
function gaussianEps(schedule: LambdaSchedule, m0: number, s0Squared: number): EpsFn {
  return (x, t) => {
    const [a, s] = [schedule.alpha(t), schedule.sigma(t)];
    return x.map((xi) => (s * (xi - a * m0)) / (a * a * s0Squared + s * s));
  };
}

/** The exact ε̂ of lecture 04's 1-D two-blob mixture under VP: −σ_t ∇log p_t. */
function mixtureEps(): EpsFn {
  const data = gaussianMixture({ weights: [0.3, 0.7], means: [-2, 1.5], covs: [0.25, 0.5] });
  const vp = vpSde();
  const exact = exactMixtureScore(data, vp);
  return (x, t) => {
    const out = new Float64Array(x.length);
    exact.score(t, x, out, x.length);
    return out.map((v) => -vp.std(t) * v);
  };
}

/** DPM-Solver-2's step with a choice of mistakes. */
function dpmModel(
  [x, t, s, sch, eps]: Parameters<DpmFn>,
  o: { midT?: boolean; firstOrder?: boolean; linear?: boolean } = {},
): Float64Array {
  const lambda = (u: number) => Math.log(sch.alpha(u) / sch.sigma(u));
  const h = lambda(s) - lambda(t);
  const r = o.midT ? 0.5 * (t + s) : sch.timeAt(lambda(t) + 0.5 * h);
  const phi = (z: number) => (o.linear ? z : Math.expm1(z));
  const e0 = eps(x, t);
  const u = x.map(
    (xi, i) => (sch.alpha(r) / sch.alpha(t)) * xi - sch.sigma(r) * phi(h / 2) * e0[i],
  );
  const e1 = o.firstOrder ? e0 : eps(u, r);
  return x.map((xi, i) => (sch.alpha(s) / sch.alpha(t)) * xi - sch.sigma(s) * phi(h) * e1[i]);
}

/**
 * Lab: one DPM-Solver-2 step in $\lambda_t = \log(\alpha_t/\sigma_t)$, $h = \lambda_s - \lambda_t$,
 * $r = t_\lambda(\lambda_t + h/2)$, $u = \frac{\alpha_r}{\alpha_t}x - \sigma_r(e^{h/2} - 1)\hat\varepsilon(x, t)$,
 * $x_s = \frac{\alpha_s}{\alpha_t}x - \sigma_s(e^{h} - 1)\hat\varepsilon(u, r)$.
 * @see lecture 11, section 3 and exercise 3; Lu et al. (2022), NeurIPS, Algorithm 1 (lines 3–5),
 * eq. (3.4) and (3.7)
 */
export const dpmSolver2StepLab: Lab<DpmFn> = {
  id: "11-dpm-solver-2-step",
  title: "one DPM-Solver-2 step: two exponential-integrator steps in λ",
  fn: "dpmSolver2Step",
  signature:
    "dpmSolver2Step(x: Float64Array, t: number, s: number, schedule: { alpha: (t: number) => " +
    "number; sigma: (t: number) => number; timeAt: (lambda: number) => number }, " +
    "epsHat: (x: Float64Array, t: number) => Float64Array): Float64Array",
  source:
    "lecture 11, section 3: Lu et al. (2022) Algorithm 1: r = t_λ(λ_t + h/2), u = (α_r/α_t)x − " +
    "σ_r(e^{h/2} − 1)ε̂(x, t), x_s = (α_s/α_t)x − σ_s(e^h − 1)ε̂(u, r)",
  cases(rng) {
    const cases: LabCase<DpmFn>[] = [];
    const add = (
      note: string,
      x: Float64Array,
      t: number,
      s: number,
      sch: LambdaSchedule,
      eps: EpsFn,
    ) => {
      const process: LinearSchedule = { T: 1, scale: sch.alpha, std: sch.sigma };
      const expected = dpmSolver2Sample(process, scoreOfEps(eps, sch.sigma), x, x.length, {
        times: Float64Array.of(t, s),
      });
      cases.push({
        label: `${note}: t = ${formatAnswer(t)} → s = ${formatAnswer(s)}, x = ${formatAnswer(x)}`,
        size: x.length,
        args: [x, t, s, sch, eps],
        expected,
      });
    };
    const [vp, ve] = [vpSchedule(), veSchedule(0.01, 50)];
    const zero: EpsFn = (x) => new Float64Array(x.length);
    const point = gaussianEps(vp, 1, 0);
    add("VP, ε̂ ≡ 0", Float64Array.of(1), 0.6, 0.3, vp, zero);
    add(
      "VP, data at the point 1 (every step exact)",
      Float64Array.of(0.5, -1),
      0.8,
      0.2,
      vp,
      point,
    );
    add(
      "VP, Gaussian data N(1, 0.1)",
      Float64Array.of(-0.5, 0.4),
      0.5,
      0.3,
      vp,
      gaussianEps(vp, 1, 0.1),
    );
    add(
      "VE, Gaussian data N(1, 0.1)",
      Float64Array.of(3, -2),
      0.7,
      0.4,
      ve,
      gaussianEps(ve, 1, 0.1),
    );
    add(
      "VP, two blobs, one step from T = 1 to 0.001",
      Float64Array.of(-1, 0.2, 1.3),
      1,
      0.001,
      vp,
      mixtureEps(),
    );
    for (const k of [4, 8]) {
      const t = 0.1 + 0.9 * rng.uniform();
      const s = t * (0.3 + 0.6 * rng.uniform());
      add(`VP, two blobs, ${k} points`, normals(rng, k), t, s, vp, mixtureEps());
      add(`VE, Gaussian data, ${k} points`, normals(rng, k, 5), t, s, ve, gaussianEps(ve, -1, 0.3));
    }
    return cases;
  },
  tolerance: {
    abs: 1e-9,
    rel: 1e-9,
    reason:
      "the library's midpoint time by bisection (to the last bit) against timeAt's closed form " +
      "(a few ulps): δr ≤ 1e-15, times |∂x_s/∂r| ≤ 10⁴ (the one step from T = 1, where " +
      "σ_s(e^h − 1) ≈ 1/α_1 ≈ 160): ≤ 1e-11; a factor 100 for the order of operations",
  },
  mistakes: [
    {
      name: "midpoint-in-t",
      hint: "the intermediate time r is the midpoint in λ = log(α/σ), not in t: r = timeAt(λ_t + h/2)",
      answer: (...args) => dpmModel(args, { midT: true }),
    },
    {
      name: "first-order",
      hint:
        "the full step must use ε̂ at the intermediate point, ε̂(u, r): with ε̂(x, t) it is " +
        "DPM-Solver-1 (DDIM), first order",
      answer: (...args) => dpmModel(args, { firstOrder: true }),
    },
    {
      name: "linear-in-h",
      hint:
        "the exponential integrator's weights are e^{h/2} − 1 and e^h − 1 (∫e^{−λ}dλ done " +
        "exactly), not h/2 and h",
      answer: (...args) => dpmModel(args, { linear: true }),
    },
  ],
  verified:
    "x_s against dpmSolver2Sample with one step on VP and VE, ε̂ ≡ 0, data at a point, Gaussian " +
    "and two-blob data, one step from T = 1 to 0.001",
};

/**
 * Lab: EDM's noise levels
 * $\sigma_i = \big(\sigma_{max}^{1/\rho} + \tfrac{i}{N-1}(\sigma_{min}^{1/\rho} - \sigma_{max}^{1/\rho})\big)^\rho$,
 * $i = 0, \dots, N - 1$.
 * @see lecture 11, section 2 and exercise 2; Karras et al. (2022), NeurIPS, eq. (5), Table 1
 */
export const karrasLevelsLab: Lab<KarrasFn> = {
  id: "11-karras-levels",
  title: "EDM's ρ-spaced noise levels",
  fn: "karrasLevels",
  signature:
    "karrasLevels(n: number, sigmaMin: number, sigmaMax: number, rho: number): Float64Array",
  source:
    "lecture 11, section 2: Karras et al. (2022) eq. (5): σ_i = (σ_max^{1/ρ} + i/(N − 1)" +
    "(σ_min^{1/ρ} − σ_max^{1/ρ}))^ρ, i = 0..N − 1",
  cases(rng) {
    const cases: LabCase<KarrasFn>[] = [];
    const add = (n: number, lo: number, hi: number, rho: number, note: string) =>
      cases.push({
        label: `${note}: N = ${n}, σ_min = ${formatAnswer(lo)}, σ_max = ${formatAnswer(hi)}, ρ = ${formatAnswer(rho)}`,
        size: n,
        args: [n, lo, hi, rho],
        expected: karrasSigmas(n, lo, hi, rho),
      });
    add(2, 0.002, 80, 7, "two levels: the endpoints");
    add(3, 0.5, 2.5, 1, "ρ = 1: uniform in σ");
    add(9, 0.0105, 152, 7, "VP's range (lecture 11)");
    add(18, 0.002, 80, 7, "EDM's defaults");
    add(9, 0.0105, 152, 1000, "ρ = 1000: nearly geometric");
    for (const n of [5, 33]) {
      const lo = 0.001 + 0.1 * rng.uniform();
      add(n, lo, lo * (2 + 1000 * rng.uniform()), 0.5 + 9 * rng.uniform(), "random");
    }
    return cases;
  },
  tolerance: {
    abs: 0,
    rel: 1e-11,
    reason:
      "σ^{1/ρ} and one interpolation to a few ulps, raised to the power ρ ≤ 1000: relative " +
      "≤ 1000 · 4 · 1.1e-16 ≈ 4e-13; a factor 20 for the pow implementation",
  },
  mistakes: [
    {
      name: "rho-on-sigma",
      hint:
        "interpolate linearly in σ^{1/ρ}, then raise to the power ρ: interpolating σ itself and " +
        "raising it to ρ gives levels outside [σ_min, σ_max]",
      answer: (n, lo, hi, rho) =>
        Float64Array.from({ length: n }, (_, i) => (hi + (i / (n - 1)) * (lo - hi)) ** rho),
    },
    {
      name: "index-over-n",
      hint: "i runs from 0 to N − 1 and the fraction is i/(N − 1): the last level is σ_min itself",
      answer: (n, lo, hi, rho) =>
        Float64Array.from(
          { length: n },
          (_, i) => (hi ** (1 / rho) + (i / n) * (lo ** (1 / rho) - hi ** (1 / rho))) ** rho,
        ),
    },
    {
      name: "ascending",
      hint: "the sampler runs from noise to data: σ_0 = σ_max, decreasing to σ_{N−1} = σ_min",
      answer: (n, lo, hi, rho) =>
        Float64Array.from(
          { length: n },
          (_, i) => (lo ** (1 / rho) + (i / (n - 1)) * (hi ** (1 / rho) - lo ** (1 / rho))) ** rho,
        ),
    },
  ],
  verified:
    "the N levels against karrasSigmas for N = 2 to 33, ρ = 1, 7, 1000 and random ρ, EDM's and " +
    "VP's ranges",
};

/** The labs of lecture 11, in the notebook's order. */
export const labs11 = [ddimStepLab, karrasLevelsLab, dpmSolver2StepLab] as const;
