/**
 * Labs of lecture 07 (score matching): the denoising target ∇log p(x_t | x_0), the DSM loss of a
 * batch with a weight λ(t), and the sliced score-matching estimator for given projections.
 */
import { gaussianMixture, mixtureScore } from "../mixture";
import { affineScore, type ScoreModel } from "../nn";
import { denoisingScoreMatching, slicedScoreMatching } from "../objectives";
import { vpSde, type LinearProcess } from "../processes";
import { formatAnswer } from "./compare";
import { Lab, LabCase } from "./lab";
import { normals } from "./random-cases";

type TargetFn = (x0: Float64Array, xt: Float64Array, alpha: number, sigma: number) => Float64Array;
type ScoreAt = (t: number, x: Float64Array) => Float64Array;
type DsmFn = (
  score: ScoreAt,
  t: Float64Array,
  x0: Float64Array,
  eps: Float64Array,
  alpha: (t: number) => number,
  sigma: (t: number) => number,
  lambda: (t: number) => number,
) => number;
type SlicedFn = (A: Float64Array, b: Float64Array, x: Float64Array, v: Float64Array) => number;

/**
 * Lab: the denoising score-matching target, the score of the Gaussian transition
 * $\nabla_{x_t}\log p(x_t\mid x_0) = -(x_t - \alpha_t x_0)/\sigma_t^2 = -\varepsilon/\sigma_t$
 * for $x_t = \alpha_t x_0 + \sigma_t\varepsilon$ (lecture 07, section 1).
 * @see Vincent (2011), Neural Computation 23(7), eq. (7) and Appendix (the DSM target)
 */
export const dsmTargetLab: Lab<TargetFn> = {
  id: "07-dsm-target",
  title: "the denoising score-matching target ∇log p(x_t | x_0)",
  fn: "dsmTarget",
  signature:
    "dsmTarget(x0: Float64Array, xt: Float64Array, alpha: number, sigma: number): Float64Array",
  source:
    "lecture 07, section 1: ∇_{x_t} log p(x_t | x_0) = −(x_t − α_t x_0)/σ_t² = −ε/σ_t (Vincent 2011, eq. (7))",
  cases(rng) {
    const cases: LabCase<TargetFn>[] = [];
    const vp = vpSde({ dim: 1 });
    // the oracle: the score of the one-component mixture N(α_t x_0, σ_t² I), by the library
    const add = (x0: Float64Array, eps: Float64Array, t: number, note: string) => {
      const d = x0.length;
      const [alpha, sigma] = [vp.scale(t), vp.std(t)];
      const xt = x0.map((x, i) => alpha * x + sigma * eps[i]);
      const cov = Float64Array.from({ length: d * d }, (_, k) =>
        k % (d + 1) === 0 ? sigma * sigma : 0,
      );
      const law = gaussianMixture({ weights: [1], means: x0.map((x) => alpha * x), covs: cov });
      cases.push({
        label:
          `${note}: x0 = ${formatAnswer(x0)}, xt = ${formatAnswer(xt)}, ` +
          `alpha = ${formatAnswer(alpha)}, sigma = ${formatAnswer(sigma)} (VP at t = ${t}; ` +
          `xt = alpha·x0 + sigma·ε with ε = ${formatAnswer(eps)})`,
        size: d,
        args: [x0, xt, alpha, sigma],
        expected: mixtureScore(law, xt),
      });
    };
    add(Float64Array.of(1), Float64Array.of(0.5), 0.3, "d = 1");
    add(Float64Array.of(-1.2), Float64Array.of(0), 0.5, "zero noise (ε = 0)");
    add(Float64Array.of(0.8, -0.4), Float64Array.of(1.1, -0.7), 1, "t = T (α_t ≈ 0.006)");
    add(Float64Array.of(1.5, 0.5), Float64Array.of(-0.3, 0.9), 0.01, "small t (σ_t ≈ 0.1)");
    for (const [d, t] of [
      [2, 0.1],
      [3, 0.6],
      [8, 0.05],
    ]) {
      add(normals(rng, d, 1.5), normals(rng, d), t, `d = ${d}`);
    }
    return cases;
  },
  tolerance: {
    abs: 1e-11,
    rel: 1e-12,
    reason:
      "x_t − α_t x_0 loses up to an ulp of |x_t| + |α_t x_0| ≤ 6, divided by σ_t² ≥ 0.01: ≤ 1e-13, " +
      "plus a few ulps of the result",
  },
  mistakes: [
    {
      name: "wrong-sign",
      hint:
        "the sign: the target points from x_t back towards α_t x_0, the mean of p(x_t | x_0); " +
        "the log-density of a Gaussian decreases away from its mean",
      answer: (x0, xt, alpha, sigma) => xt.map((x, i) => (x - alpha * x0[i]) / (sigma * sigma)),
    },
    {
      name: "sigma-not-squared",
      hint:
        "σ_t or σ_t²? (x_t − α_t x_0)/σ_t is the noise ε itself; the score of N(α_t x_0, σ_t² I) " +
        "divides by the variance σ_t², which is −ε/σ_t",
      answer: (x0, xt, alpha, sigma) => xt.map((x, i) => -(x - alpha * x0[i]) / sigma),
    },
    {
      name: "missing-alpha",
      hint: "the mean of p(x_t | x_0) is α_t x_0, not x_0: did you forget the factor α_t?",
      answer: (x0, xt, alpha, sigma) => xt.map((x, i) => -(x - x0[i]) / (sigma * sigma)),
    },
  ],
  verified:
    "−(x_t − α_t x_0)/σ_t² against the library's score of N(α_t x_0, σ_t² I), d = 1 to 8, " +
    "zero noise, t from 0.01 to T",
};

/** A ScoreModel that evaluates a plain function s(t, x) of one row (no parameters, no gradient). */
function functionModel(score: ScoreAt, d: number): ScoreModel {
  const none = new Float64Array(0);
  const evaluate = (t: Float64Array, x: Float64Array, n: number) => {
    const out = new Float64Array(n * d);
    for (let r = 0; r < n; r++) out.set(score(t[r], x.subarray(r * d, (r + 1) * d)), r * d);
    return out;
  };
  return {
    dim: d,
    params: none,
    grad: none,
    zeroGrad: () => undefined,
    score: (t, x, out, n) => out.set(evaluate(new Float64Array(n).fill(t), x, n)),
    evaluate,
    backward: () => undefined,
    evaluateTangent: () => {
      throw new Error("not used");
    },
    backwardTangent: () => undefined,
  };
}

/** s(t, x) = A x + t c + b: an affine score with a time-dependent shift, (d, d) A row-major. */
function affineInTime(A: Float64Array, b: Float64Array, c: Float64Array): ScoreAt {
  const d = b.length;
  return (t, x) =>
    Float64Array.from({ length: d }, (_, i) => {
      let acc = b[i] + t * c[i];
      for (let j = 0; j < d; j++) acc += A[i * d + j] * x[j];
      return acc;
    });
}

/** The DSM loss with a given mistake in the per-row residual (the models of the usual mistakes). */
function dsmModel(
  args: Parameters<DsmFn>,
  residual: (s: number, e: number, sig: number) => number,
  at: "xt" | "x0" = "xt",
  mean = true,
): number {
  const [score, t, x0, eps, alpha, sigma, lambda] = args;
  const n = t.length;
  const d = x0.length / n;
  let total = 0;
  for (let r = 0; r < n; r++) {
    const [a, s] = [alpha(t[r]), sigma(t[r])];
    const x = x0.subarray(r * d, (r + 1) * d);
    const xt = at === "x0" ? x : x.map((v, i) => a * v + s * eps[r * d + i]);
    const sc = score(t[r], xt);
    let sq = 0;
    for (let i = 0; i < d; i++) sq += residual(sc[i], eps[r * d + i], s) ** 2;
    total += 0.5 * lambda(t[r]) * sq;
  }
  return mean ? total / n : total;
}

/**
 * Lab: the denoising score-matching loss of a batch,
 * $L = \frac1n\sum_r \tfrac12\lambda(t_r)\,\lVert s_\theta(t_r, \alpha_r x_{0,r} + \sigma_r\varepsilon_r) + \varepsilon_r/\sigma_r\rVert^2$
 * (lecture 07, sections 1 and 3).
 * @see Vincent (2011), Neural Computation 23(7), eq. (7); Song et al. (2021), ICLR, eq. (7) (λ(t))
 */
export const dsmLossLab: Lab<DsmFn> = {
  id: "07-dsm-loss",
  title: "the denoising score-matching loss of a batch, with a weight λ(t)",
  fn: "dsmLoss",
  signature:
    "dsmLoss(score: (t: number, x: Float64Array) => Float64Array, t: Float64Array, " +
    "x0: Float64Array, eps: Float64Array, alpha: (t: number) => number, " +
    "sigma: (t: number) => number, lambda: (t: number) => number): number",
  source:
    "lecture 07, sections 1 and 3: L = (1/n) Σ_r ½ λ(t_r) ‖s_θ(t_r, α x_0 + σ ε) + ε/σ‖² " +
    "(Vincent 2011, eq. (7); Song et al. 2021, eq. (7))",
  cases(rng) {
    const cases: LabCase<DsmFn>[] = [];
    const add = (
      d: number,
      t: Float64Array,
      weighting: "none" | "std2",
      note: string,
      zeroNoise = false,
    ) => {
      const n = t.length;
      const process: LinearProcess = vpSde({ dim: d });
      const A = normals(rng, d * d, 0.8);
      const [b, c] = [normals(rng, d, 0.5), normals(rng, d, 0.5)];
      const score = affineInTime(A, b, c);
      const x0 = normals(rng, n * d, 1.5);
      const eps = zeroNoise ? new Float64Array(n * d) : normals(rng, n * d);
      const lambda =
        weighting === "none" ? () => 1 : (s: number) => process.std(s) * process.std(s);
      const alpha = (s: number) => process.scale(s);
      const sigma = (s: number) => process.std(s);
      // the oracle: the library's DSM objective on a model that evaluates the same function
      const expected = denoisingScoreMatching(functionModel(score, d), process, { t, x0, eps }, n, {
        weighting: weighting,
      });
      cases.push({
        label:
          `${note}: n = ${n} rows, d = ${d}, t = ${formatAnswer(t)}, ` +
          `λ(t) = ${weighting === "none" ? "1" : "σ_t²"}, VP schedule (α, σ), ` +
          `s(t, x) = A x + b + t c with A = ${formatAnswer(A)}, x0 = ${formatAnswer(x0)}, ` +
          `eps = ${formatAnswer(eps)}`,
        size: n * d,
        args: [score, t, x0, eps, alpha, sigma, lambda],
        expected,
      });
    };
    add(1, Float64Array.of(0.5), "none", "one row, d = 1");
    add(1, Float64Array.of(0.3), "std2", "one row, zero noise (ε = 0)", true);
    add(2, Float64Array.of(1), "std2", "one row at t = T");
    add(1, Float64Array.of(1e-3, 0.2, 0.7), "none", "small t (σ_t ≈ 0.01), λ = 1");
    add(2, Float64Array.of(0.05, 0.5, 0.95), "std2", "three rows, λ = σ_t²");
    for (const [n, d] of [
      [5, 2],
      [16, 3],
      [64, 2],
    ]) {
      const t = Float64Array.from({ length: n }, () => 1e-3 + (1 - 1e-3) * rng.uniform());
      add(d, t, n === 16 ? "none" : "std2", `random times`);
    }
    return cases;
  },
  tolerance: {
    abs: 0,
    rel: 1e-11,
    reason:
      "a mean of ≤ 64 nonnegative terms, each from ≤ 30 flops on entries whose residual " +
      "s + ε/σ is not cancelling here: a few hundred ulps at most",
  },
  mistakes: [
    {
      name: "score-at-x0",
      hint:
        "evaluate the model at the noised point x_t = α_t x_0 + σ_t ε, not at the clean x_0: " +
        "the score being learned is that of p_t",
      answer: (...args) => dsmModel(args, (s, e, sig) => s + e / sig, "x0"),
    },
    {
      name: "target-sign",
      hint:
        "the target is −ε/σ_t, so the residual is s_θ + ε/σ_t, not s_θ − ε/σ_t: check the sign " +
        "of ∇log p(x_t | x_0)",
      answer: (...args) => dsmModel(args, (s, e, sig) => s - e / sig),
    },
    {
      name: "sigma-squared",
      hint:
        "the target −ε/σ_t divides the standard normal ε by σ_t once; −(x_t − α_t x_0)/σ_t² is " +
        "the same target, ε/σ_t² is not",
      answer: (...args) => dsmModel(args, (s, e, sig) => s + e / (sig * sig)),
    },
    {
      name: "sum-not-mean",
      hint: "the loss is the mean over the n rows of the batch, not the sum: divide by n",
      answer: (...args) => dsmModel(args, (s, e, sig) => s + e / sig, "xt", false),
    },
    {
      name: "lambda-ignored",
      hint: "each row's squared residual is weighted by λ(t_r): did you leave out the weight?",
      answer: (score, t, x0, eps, alpha, sigma) =>
        dsmModel([score, t, x0, eps, alpha, sigma, () => 1], (s, e, sig) => s + e / sig),
    },
  ],
  verified:
    "(1/n) Σ ½ λ(t_r) ‖s_θ(t_r, x_t) + ε/σ_t‖² against the library's denoisingScoreMatching, " +
    "one row to 64 rows, λ = 1 and σ_t², t from 10⁻³ to T, zero noise",
};

/**
 * Lab: the sliced score-matching estimator of an affine score $s(x) = Ax + b$ for given
 * projections, $\frac1n\sum_r\big[v_r^\top A\,v_r + \tfrac12(v_r^\top s(x_r))^2\big]$
 * (lecture 07, section 2).
 * @see Song, Garg, Shi & Ermon (2019), UAI, eq. (7) (sliced score matching)
 */
export const slicedScoreLab: Lab<SlicedFn> = {
  id: "07-sliced-score",
  title: "the sliced score-matching estimator for given projections",
  fn: "slicedLoss",
  signature:
    "slicedLoss(A: Float64Array, b: Float64Array, x: Float64Array, v: Float64Array): number",
  source:
    "lecture 07, section 2: (1/n) Σ_r [v_rᵀ ∇s(x_r) v_r + ½ (v_rᵀ s(x_r))²] " +
    "(Song et al. 2019, eq. (7))",
  cases(rng) {
    const cases: LabCase<SlicedFn>[] = [];
    const add = (
      A: Float64Array,
      b: Float64Array,
      x: Float64Array,
      v: Float64Array,
      note: string,
    ) => {
      const d = b.length;
      const n = x.length / d;
      // the oracle: the library's sliced objective on the affine model θ = (A, b)
      const model = affineScore(d);
      model.params.set(A);
      model.params.set(b, d * d);
      const t = new Float64Array(n);
      cases.push({
        label:
          `${note}: d = ${d}, n = ${n}, A = ${formatAnswer(A)}, b = ${formatAnswer(b)}, ` +
          `x = ${formatAnswer(x)}, v = ${formatAnswer(v)}`,
        size: n * d,
        args: [A, b, x, v],
        expected: slicedScoreMatching(model, t, x, v, n),
      });
    };
    add(
      Float64Array.of(-2),
      Float64Array.of(0.5),
      Float64Array.of(1),
      Float64Array.of(0.7),
      "d = 1, one row",
    );
    add(
      Float64Array.of(-1, 0.3, 0.2, -0.5),
      Float64Array.of(0.1, -0.2),
      Float64Array.of(0.4, -1),
      Float64Array.of(0, 0),
      "a zero projection (v = 0)",
    );
    add(
      Float64Array.of(0, 0, 0, 0),
      Float64Array.of(1, -2),
      Float64Array.of(0.5, 0.5, -1, 2),
      Float64Array.of(1, 0.5, -0.3, 1.2),
      "a constant score (A = 0)",
    );
    add(
      Float64Array.of(-1.5, 0.4, 0.9, -0.8),
      Float64Array.of(0.3, 0.6),
      Float64Array.of(0.2, -0.7),
      Float64Array.of(0.9, -1.3),
      "d = 2, one row, A not symmetric",
    );
    for (const [d, n] of [
      [2, 4],
      [3, 10],
      [5, 32],
    ]) {
      add(
        normals(rng, d * d),
        normals(rng, d, 0.5),
        normals(rng, n * d, 1.5),
        normals(rng, n * d),
        `random, d = ${d}`,
      );
    }
    return cases;
  },
  tolerance: {
    abs: 1e-12,
    rel: 1e-12,
    reason:
      "entries ≤ 5 in size, ≤ 3d² + 3d flops per row, a mean of ≤ 32 rows whose terms may " +
      "cancel: absolute rounding ≤ 32 · 100 · 100 ulp / 32 ≈ 2e-12 at worst, far less in practice",
  },
  mistakes: [
    {
      name: "implicit-trace",
      hint:
        "the first term is the projected Jacobian vᵀ∇s v, not its trace tr ∇s (that is " +
        "Hyvärinen's implicit objective, which needs d Jacobian-vector products)",
      answer: (A, b, x, v) => {
        const d = b.length;
        const n = x.length / d;
        let tr = 0;
        for (let i = 0; i < d; i++) tr += A[i * d + i];
        let total = 0;
        for (let r = 0; r < n; r++) {
          let vs = 0;
          for (let i = 0; i < d; i++) {
            let s = b[i];
            for (let j = 0; j < d; j++) s += A[i * d + j] * x[r * d + j];
            vs += v[r * d + i] * s;
          }
          total += tr + 0.5 * vs * vs;
        }
        return total / n;
      },
    },
    {
      name: "variance-reduced",
      hint:
        "the second term is ½(vᵀs)², the projection of the score squared; ½‖s‖² is its expectation " +
        "over v ~ N(0, I) (SSM-VR), not the estimator for the given v",
      answer: (A, b, x, v) => {
        const d = b.length;
        const n = x.length / d;
        let total = 0;
        for (let r = 0; r < n; r++) {
          let vjv = 0;
          let ss = 0;
          for (let i = 0; i < d; i++) {
            let s = b[i];
            for (let j = 0; j < d; j++) {
              s += A[i * d + j] * x[r * d + j];
              vjv += v[r * d + i] * A[i * d + j] * v[r * d + j];
            }
            ss += s * s;
          }
          total += vjv + 0.5 * ss;
        }
        return total / n;
      },
    },
    {
      name: "missing-half",
      hint: "the squared projection carries a factor ½: vᵀ∇s v + ½(vᵀs)²",
      answer: (A, b, x, v) => {
        const d = b.length;
        const n = x.length / d;
        let total = 0;
        for (let r = 0; r < n; r++) {
          let vjv = 0;
          let vs = 0;
          for (let i = 0; i < d; i++) {
            let s = b[i];
            for (let j = 0; j < d; j++) {
              s += A[i * d + j] * x[r * d + j];
              vjv += v[r * d + i] * A[i * d + j] * v[r * d + j];
            }
            vs += v[r * d + i] * s;
          }
          total += vjv + vs * vs;
        }
        return total / n;
      },
    },
  ],
  verified:
    "(1/n) Σ [vᵀA v + ½(vᵀ(Ax + b))²] against the library's slicedScoreMatching on the affine " +
    "model, d = 1 to 5, one row to 32, a zero projection, a constant score",
};

/** The labs of lecture 07, in the notebook's order. */
export const labs07 = [dsmTargetLab, slicedScoreLab, dsmLossLab] as const;
