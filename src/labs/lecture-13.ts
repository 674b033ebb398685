/**
 * Labs of lecture 13 (data on a manifold, latent diffusion): the exact score of data on a finite
 * point set (a softmax over the points), the score of data uniform on the circle by the periodic
 * trapezoid rule, and PCA's decoder∘encoder as the orthogonal projection onto μ + span V.
 */
import { circleNodes, circleScore, gaussianMixture, mixtureScore } from "../mixture";
import { vpSde } from "../processes";
import type { LinearProcess } from "../processes";
import { pca } from "../stats";
import type { Rng } from "../rng";
import { formatAnswer } from "./compare";
import { Lab, LabCase } from "./lab";

type PointSetFn = (
  points: Float64Array,
  dim: number,
  x: Float64Array,
  alpha: number,
  sigma: number,
) => Float64Array;
type CircleFn = (x: Float64Array, alpha: number, sigma: number, nodes: number) => Float64Array;
type ProjectionFn = (
  x: Float64Array,
  mean: Float64Array,
  components: Float64Array,
  dim: number,
) => Float64Array;

/** n·d standard normals times `spread`. */
function gaussianRows(rng: Rng, count: number, spread: number): Float64Array {
  return Float64Array.from({ length: count }, () => spread * rng.normal());
}

/** (α_t, σ_t) of the VP process of the lecture (β from 0.1 to 20) at time t. */
function vpAt(t: number): [number, number] {
  const vp = vpSde({ dim: 2 });
  return [vp.scale(t), vp.std(t)];
}

/** A linear process on ℝ² with constant α_t = alpha and σ_t = sigma (the oracle's argument). */
function frozenProcess(alpha: number, sigma: number): LinearProcess {
  return { ...vpSde({ dim: 2 }), scale: () => alpha, std: () => sigma };
}

/**
 * (α Σ_j w_j y_j − x)/σ², w = softmax_j(−‖x − c y_j‖²/2s), with the mistakes' variants: c the
 * centre's scale, a the pull's scale, s the exponent's divisor, v the final divisor.
 */
function pointSetModel(
  points: Float64Array,
  d: number,
  x: Float64Array,
  o: { c: number; a: number; s: number; v: number; stable?: boolean; sign?: number },
): Float64Array {
  const m = points.length / d;
  const n = x.length / d;
  const out = new Float64Array(x.length);
  for (let i = 0; i < n; i++) {
    const logw = Array.from({ length: m }, (_, j) => {
      let r2 = 0;
      for (let k = 0; k < d; k++) r2 += (x[i * d + k] - o.c * points[j * d + k]) ** 2;
      return -r2 / (2 * o.s);
    });
    const top = o.stable === false ? 0 : Math.max(...logw);
    const w = logw.map((l) => Math.exp(l - top));
    const z = w.reduce((s, u) => s + u, 0);
    for (let k = 0; k < d; k++) {
      const mean = w.reduce((s, u, j) => s + u * points[j * d + k], 0) / z;
      out[i * d + k] = ((o.sign ?? 1) * (o.a * mean - x[i * d + k])) / o.v;
    }
  }
  return out;
}

/**
 * Lab: the exact score of data uniform on m points, $\nabla\log p_t(x) = (\alpha_t\sum_j w_j(x)\,y_j - x)/\sigma_t^2$,
 * $w = \operatorname{softmax}_j(-\|x - \alpha_t y_j\|^2/2\sigma_t^2)$.
 * @see lecture 13, sections 1 and 2; Pidstrigach (2022), NeurIPS, §3; Karras et al. (2022), NeurIPS, eq. (57)
 */
export const finiteSetScoreLab: Lab<PointSetFn> = {
  id: "13-point-set-score",
  title: "the exact score of data on a finite point set (a softmax over the points)",
  fn: "finiteSetScore",
  signature:
    "finiteSetScore(points: Float64Array, dim: number, x: Float64Array, alpha: number, sigma: number): Float64Array",
  source:
    "lecture 13, section 1: ∇log p_t(x) = (α_t Σ_j w_j y_j − x)/σ_t², w = softmax_j(−‖x − α_t y_j‖²/2σ_t²) (Pidstrigach 2022, §3; Karras et al. 2022, eq. (57))",
  cases(rng) {
    const cases: LabCase<PointSetFn>[] = [];
    const add = (
      points: Float64Array,
      d: number,
      x: Float64Array,
      alpha: number,
      sigma: number,
      note: string,
    ) => {
      // the oracle: the score of the Gaussian mixture (1/m) Σ_j N(α y_j, σ² I), another code
      const m = points.length / d;
      const cov = Float64Array.from({ length: d * d }, (_, k) =>
        k % (d + 1) === 0 ? sigma * sigma : 0,
      );
      const mix = gaussianMixture({
        weights: Array(m).fill(1 / m),
        means: points.map((y) => alpha * y),
        covs: Array.from({ length: m }, () => Array.from(cov)).flat(),
      });
      cases.push({
        label: `${note}: d = ${d}, points = ${formatAnswer(points)}, x = ${formatAnswer(x)}, α = ${formatAnswer(alpha)}, σ = ${formatAnswer(sigma)}`,
        size: m * x.length,
        args: [points, d, x, alpha, sigma],
        expected: mixtureScore(mix, x),
      });
    };
    const triangle = Float64Array.of(1, 0, -0.5, Math.sqrt(3) / 2, -0.5, -Math.sqrt(3) / 2);
    add(Float64Array.of(0.7, -0.2), 2, Float64Array.of(0.3, 0.4, -1, 2), 0.9, 0.5, "one point");
    add(
      Float64Array.of(-1, 1),
      1,
      Float64Array.of(0, 0.4, -1.5),
      0.8,
      0.3,
      "two points, x = 0 halfway (a tie)",
    );
    const [a05, s05] = vpAt(0.05);
    add(
      triangle,
      2,
      Float64Array.of(0.9, 0.1, -0.3, 0.5, 0, 0, 1.2, -1),
      a05,
      s05,
      "section 1's three points on the circle, VP t = 0.05",
    );
    add(
      triangle,
      2,
      Float64Array.of(1.5, 0.2, -0.4, -0.1, 0.2, 0.9),
      1,
      0.01,
      "α = 1, σ = 0.01: x far from every αy_j on the scale of σ",
    );
    const [a1, s1] = vpAt(1);
    add(triangle, 2, Float64Array.of(0.5, -0.5, 2, 1), a1, s1, "VP t = 1, the end of the horizon");
    for (const [m, d] of [
      [10, 3],
      [50, 1],
      [5, 4],
    ]) {
      const t = 0.01 + 0.5 * rng.uniform();
      const [alpha, sigma] = vpAt(t);
      const points = gaussianRows(rng, m * d, 1.5);
      add(
        points,
        d,
        gaussianRows(rng, 4 * d, 1.5),
        alpha,
        sigma,
        `m = ${m} random points, VP t = ${formatAnswer(t)}`,
      );
    }
    return cases;
  },
  tolerance: {
    abs: 1e-10,
    rel: 1e-10,
    reason:
      "two codes for one log-sum-exp softmax (direct, or the Gaussian mixture's score): a few ulps (≤ 4e-15) of αΣ_j w_j y_j − x, |x| ≤ 5, divided by σ² ≥ 1e-4: ≤ 4e-11 (measured 9e-13)",
  },
  mistakes: [
    {
      name: "missing-alpha",
      hint: "missing α_t in the pull: the score points from x to α_t·E[X_0 | x], the mean of X_t given X_0 is α_t y_j, not y_j",
      answer: (points, d, x, alpha, sigma) =>
        pointSetModel(points, d, x, { c: alpha, a: 1, s: sigma * sigma, v: sigma * sigma }),
    },
    {
      name: "unscaled-centres",
      hint: "the weights compare x with the scaled points α_t y_j (the centres of p_t's components), not with y_j",
      answer: (points, d, x, alpha, sigma) =>
        pointSetModel(points, d, x, { c: 1, a: alpha, s: sigma * sigma, v: sigma * sigma }),
    },
    {
      name: "sigma-not-squared",
      hint: "σ_t is a standard deviation: the exponent and the score divide by the variance σ_t², not σ_t",
      answer: (points, d, x, alpha, sigma) =>
        pointSetModel(points, d, x, { c: alpha, a: alpha, s: sigma, v: sigma }),
    },
    {
      name: "no-log-sum-exp",
      hint: "far from every α_t y_j (on the scale of σ_t) each exp(−‖x − α_t y_j‖²/2σ_t²) underflows to 0 and 0/0 is NaN: subtract the largest exponent before exponentiating (log-sum-exp)",
      answer: (points, d, x, alpha, sigma) =>
        pointSetModel(points, d, x, {
          c: alpha,
          a: alpha,
          s: sigma * sigma,
          v: sigma * sigma,
          stable: false,
        }),
    },
    {
      name: "score-sign",
      hint: "sign of the score: it points from x towards the data (towards α_t E[X_0 | x]), up the density",
      answer: (points, d, x, alpha, sigma) =>
        pointSetModel(points, d, x, {
          c: alpha,
          a: alpha,
          s: sigma * sigma,
          v: sigma * sigma,
          sign: -1,
        }),
    },
  ],
  verified:
    "(α Σ_j w_j y_j − x)/σ² against the score of the Gaussian mixture (1/m) Σ N(αy_j, σ²I): one point, a tie, section 1's three points, σ = 0.01 far from the points, VP t = 1, d from 1 to 4, up to 50 points",
};

/**
 * (a·m_N(κ)·x/ρ − x)/v, m_N the N-node trapezoid rule on [0, 2π] (or N + 1 nodes with both ends),
 * κ = αρ/s: the circle score's mistakes' variants.
 */
/** circleModel's right parameters at (α, σ): κ = α‖x‖/σ², the score divided by σ². */
function rightCircle(alpha: number, sigma: number) {
  return { a: alpha, kappaScale: alpha / (sigma * sigma), v: sigma * sigma };
}

function circleModel(
  x: Float64Array,
  N: number,
  o: {
    a: number;
    kappaScale: number;
    v: number;
    ends?: boolean;
    rescale?: boolean;
    origin?: boolean;
  },
): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length / 2; i++) {
    const [x1, x2] = [x[2 * i], x[2 * i + 1]];
    const rho = Math.hypot(x1, x2);
    if (rho === 0 && o.origin !== false) continue; // the score at 0 is 0
    const kappa = rho * o.kappaScale;
    let [z, c] = [0, 0];
    for (let j = 0; j < (o.ends ? N + 1 : N); j++) {
      const cs = Math.cos((2 * Math.PI * j) / N);
      const w = Math.exp(kappa * (cs - (o.rescale === false ? 0 : 1)));
      z += w;
      c += cs * w;
    }
    const pull = (o.a * (c / z)) / rho;
    out[2 * i] = (pull * x1 - x1) / o.v;
    out[2 * i + 1] = (pull * x2 - x2) / o.v;
  }
  return out;
}

/**
 * Lab: the score of data uniform on the unit circle, $\nabla\log p_t(x) = (\alpha_t\,m_N(\kappa)\,x/\|x\| - x)/\sigma_t^2$,
 * $\kappa = \alpha_t\|x\|/\sigma_t^2$, $m_N$ the N-node periodic trapezoid rule for $I_1(\kappa)/I_0(\kappa)$.
 * @see lecture 13, section 1; Pidstrigach (2022), NeurIPS, §3; Trefethen & Weideman (2014), SIAM Review 56, Thm 3.2
 */
export const circleTrapezoidScoreLab: Lab<CircleFn> = {
  id: "13-circle-score",
  title: "the score of data on the circle by the periodic trapezoid rule",
  fn: "circleTrapezoidScore",
  signature:
    "circleTrapezoidScore(x: Float64Array, alpha: number, sigma: number, nodes: number): Float64Array",
  source:
    "lecture 13, section 1: ∇log p_t(x) = (α_t m(κ) x/‖x‖ − x)/σ_t², κ = α_t‖x‖/σ_t², m = ∫cos ψ e^{κ cos ψ}/∫e^{κ cos ψ} by the periodic trapezoid rule (Trefethen & Weideman 2014, Thm 3.2)",
  cases(rng) {
    const cases: LabCase<CircleFn>[] = [];
    const add = (x: Float64Array, alpha: number, sigma: number, note: string, extra = 0) => {
      // N: the library's node count at the largest κ of the case (κ grows with ‖x‖), plus extra
      let rhoMax = 0;
      for (let i = 0; i < x.length / 2; i++)
        rhoMax = Math.max(rhoMax, Math.hypot(x[2 * i], x[2 * i + 1]));
      const nodes = circleNodes((alpha * rhoMax) / (sigma * sigma)) + extra;
      const out = new Float64Array(x.length);
      // the oracle: the library's circleScore, each row on its own node count N(κ) ≤ nodes
      circleScore(frozenProcess(alpha, sigma)).score(0.5, x, out, x.length / 2);
      cases.push({
        label: `${note}: x = ${formatAnswer(x)}, α = ${formatAnswer(alpha)}, σ = ${formatAnswer(sigma)}, N = ${nodes} nodes`,
        size: nodes * x.length,
        args: [x, alpha, sigma, nodes],
        expected: out,
      });
    };
    const [a1, s1] = vpAt(1);
    add(
      Float64Array.of(0.4, -0.3, 1.5, 0.5),
      a1,
      s1,
      "VP t = 1, the end of the horizon (κ ≈ 0.01)",
    );
    add(Float64Array.of(0, 0), 0.9, 0.4, "x = 0, the centre of the circle (κ = 0)");
    const [a05, s05] = vpAt(0.05);
    const polar = (rho: number, phi: number) => [rho * Math.cos(phi), rho * Math.sin(phi)];
    add(
      Float64Array.from([polar(0.5, 0.3), polar(1, 2), polar(1.5, -2.5)].flat()),
      a05,
      s05,
      "VP t = 0.05 (section 1's check, κ up to ≈ 50)",
    );
    add(
      Float64Array.from([polar(0.98, 1), polar(1.03, -0.4), polar(0.5, 3)].flat()),
      1,
      0.02,
      "α = 1, σ = 0.02: κ ≈ 2500 near the circle",
    );
    const [a001, s001] = vpAt(0.001);
    add(
      Float64Array.from([polar(0.99, 0.1), polar(1.01, 2.2)].flat()),
      a001,
      s001,
      "VP t = 0.001 (κ ≈ 10⁴), more nodes than needed",
      50,
    );
    for (const n of [3, 6]) {
      const t = 0.005 + 0.6 * rng.uniform();
      const [alpha, sigma] = vpAt(t);
      const x = Float64Array.from(
        Array.from({ length: n }, () =>
          polar(0.3 + 1.2 * rng.uniform(), 2 * Math.PI * rng.uniform()),
        ).flat(),
      );
      add(x, alpha, sigma, `${n} random points, VP t = ${formatAnswer(t)}`);
    }
    return cases;
  },
  tolerance: {
    abs: 1e-8,
    rel: 1e-10,
    reason:
      "both rules converge to I₁/I₀ within ~1e-15 plus the rounding of N ≤ 2000 positive terms (≤ 2e-13 relative); the score multiplies m's error by αρ/σ² ≤ 1.5e4: ≤ 3e-9 absolute at κ ≈ 10⁴, where |score| ≈ 100 (measured 3e-12)",
  },
  mistakes: [
    {
      name: "missing-alpha",
      hint: "missing α_t in the pull: the posterior mean of X_0 is m(κ) x/‖x‖, and the score pulls x towards α_t times it (the circle of p_t has radius α_t)",
      answer: (x, alpha, sigma, N) => circleModel(x, N, { ...rightCircle(alpha, sigma), a: 1 }),
    },
    {
      name: "sigma-not-squared",
      hint: "σ_t is a standard deviation: κ = α_t‖x‖/σ_t² and the score divides by the variance σ_t², not σ_t",
      answer: (x, alpha, sigma, N) =>
        circleModel(x, N, { a: alpha, kappaScale: alpha / sigma, v: sigma }),
    },
    {
      name: "endpoint-twice",
      hint: "the periodic trapezoid rule: ψ = 0 and ψ = 2π are the same node; take ψ_j = 2πj/N for j = 0, …, N − 1 (weight 1 each), not N + 1 nodes with both ends",
      answer: (x, alpha, sigma, N) =>
        circleModel(x, N, { ...rightCircle(alpha, sigma), ends: true }),
    },
    {
      name: "no-rescale",
      hint: "e^{κ cos ψ} overflows to Infinity once κ > 709 and Infinity/Infinity is NaN: use e^{κ(cos ψ − 1)}, the same ratio kept in range",
      answer: (x, alpha, sigma, N) =>
        circleModel(x, N, { ...rightCircle(alpha, sigma), rescale: false }),
    },
    {
      name: "origin-nan",
      hint: "at x = 0 the direction x/‖x‖ is 0/0: there κ = 0, m(0) = 0 and the score is −x/σ_t² = 0; treat ‖x‖ = 0 apart",
      answer: (x, alpha, sigma, N) =>
        circleModel(x, N, { ...rightCircle(alpha, sigma), origin: false }),
    },
  ],
  verified:
    "(α m_N(κ) x/‖x‖ − x)/σ² against the library's circleScore (the trapezoid rule at its own node count, converged to 1e-15): t = 1, x = 0, section 1's t = 0.05, κ up to 10⁴ (no overflow), random points and times",
};

/** The projection's variants: μ₁ + Σ_r v_r ⟨v_r, x − μ₂⟩ with v_r read row- or column-major. */
function projectionModel(
  x: Float64Array,
  mean: Float64Array,
  comps: Float64Array,
  D: number,
  o: { inner: boolean; outer: boolean; transposed?: boolean },
): Float64Array {
  const k = comps.length / D;
  const v = (r: number, p: number) => (o.transposed ? comps[p * k + r] : comps[r * D + p]);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length / D; i++) {
    for (let r = 0; r < k; r++) {
      let z = 0;
      for (let p = 0; p < D; p++) z += v(r, p) * (x[i * D + p] - (o.inner ? mean[p] : 0));
      for (let p = 0; p < D; p++) out[i * D + p] += v(r, p) * z;
    }
    for (let p = 0; p < D; p++) out[i * D + p] += o.outer ? mean[p] : 0;
  }
  return out;
}

/**
 * Lab: PCA's decoder∘encoder, $G(E(x)) = \mu + V V^\top(x - \mu)$: the orthogonal projection onto
 * $\mu + \operatorname{span}V$.
 * @see lecture 13, section 5; Rombach et al. (2022), CVPR, §3; Golub & Van Loan (2013), §8.5.2
 */
export const pcaProjectionLab: Lab<ProjectionFn> = {
  id: "13-pca-projection",
  title: "PCA's decoder∘encoder: the orthogonal projection onto μ + span V",
  fn: "pcaRoundTrip",
  signature:
    "pcaRoundTrip(x: Float64Array, mean: Float64Array, components: Float64Array, dim: number): Float64Array",
  source:
    "lecture 13, section 5: E(x) = Vᵀ(x − μ), G(z) = μ + Vz, so G(E(x)) = μ + VVᵀ(x − μ) (Rombach et al. 2022, §3)",
  cases(rng) {
    const cases: LabCase<ProjectionFn>[] = [];
    const add = (data: Float64Array, D: number, k: number, x: Float64Array, note: string) => {
      // the oracle: the library's pca encoder then decoder, on its own mean and directions
      const p = pca(data, D, k);
      const n = x.length / D;
      const z = new Float64Array(n * k);
      const expected = new Float64Array(n * D);
      p.encode(x, z, n);
      p.decode(z, expected, n);
      cases.push({
        label: `${note}: D = ${D}, k = ${k}, x = ${formatAnswer(x)}, μ = ${formatAnswer(p.mean)}, V = ${formatAnswer(p.components)}`,
        size: n * D * k,
        args: [x, p.mean, p.components, D],
        expected,
      });
    };
    /** n rows of D coordinates near an offset k-dimensional subspace (plus small noise). */
    const lowRank = (n: number, D: number, k: number, offset: number) => {
      const basis = gaussianRows(rng, k * D, 1);
      const shift = gaussianRows(rng, D, offset);
      const out = new Float64Array(n * D);
      for (let i = 0; i < n; i++) {
        const c = gaussianRows(rng, k, 2);
        for (let p = 0; p < D; p++) {
          let s = shift[p] + 0.01 * rng.normal();
          for (let r = 0; r < k; r++) s += c[r] * basis[r * D + p];
          out[i * D + p] = s;
        }
      }
      return out;
    };
    const plane = Float64Array.of(3, 1.2, 4, 2.5, 5, 2.9, 6, 4.1, 7, 4.4, 8, 6);
    add(plane, 2, 1, Float64Array.of(5.5, 3.5), "one row, D = 2, k = 1 (a line through the mean)");
    const d3 = lowRank(40, 3, 2, 3);
    add(d3, 3, 2, d3.slice(0, 3 * 4), "D = 3, k = 2: rows of the data (close to their projection)");
    add(d3, 3, 3, gaussianRows(rng, 3 * 3, 2), "k = D = 3: the projection is the identity");
    const d16 = lowRank(200, 16, 3, 2);
    const p16 = pca(d16, 16, 3);
    add(d16, 16, 3, p16.mean.slice(), "x = μ, the mean (projected onto itself)");
    add(d16, 16, 3, gaussianRows(rng, 16 * 5, 2), "D = 16, k = 3 (section 5's sizes), random x");
    const d8 = lowRank(100, 8, 2, 5);
    add(d8, 8, 1, gaussianRows(rng, 8 * 3, 3), "D = 8, k = 1, mean far from 0");
    return cases;
  },
  tolerance: {
    abs: 1e-11,
    rel: 1e-11,
    reason:
      "two orders of the same D-term dot products (D ≤ 16) of values ≤ 20 with V orthonormal to 1e-15: ≤ 16·20·2⁻⁵³·4 ≈ 3e-13 (measured 0: the library sums in the same order; the bound allows any order)",
  },
  mistakes: [
    {
      name: "missing-mean",
      hint: "PCA's subspace passes through the mean μ, not the origin: centre x before encoding (x − μ) and add μ back after decoding",
      answer: (x, mean, comps, D) =>
        projectionModel(x, mean, comps, D, { inner: false, outer: false }),
    },
    {
      name: "mean-not-added",
      hint: "the decoder is G(z) = μ + Vz: VVᵀ(x − μ) is the centred projection, add the mean μ back",
      answer: (x, mean, comps, D) =>
        projectionModel(x, mean, comps, D, { inner: true, outer: false }),
    },
    {
      name: "uncentred-encode",
      hint: "the encoder is E(x) = Vᵀ(x − μ): subtract the mean before taking the inner products with the directions",
      answer: (x, mean, comps, D) =>
        projectionModel(x, mean, comps, D, { inner: false, outer: true }),
    },
    {
      name: "transposed-basis",
      hint: "components is (k, D) row-major: direction r is components[r·D + p], p = 0..D − 1 (a row), not a column of a (D, k) array",
      answer: (x, mean, comps, D) =>
        projectionModel(x, mean, comps, D, { inner: true, outer: true, transposed: true }),
    },
  ],
  verified:
    "μ + VVᵀ(x − μ) against the library's pca encode then decode: one row, k = 1, k = D (the identity), x = μ, section 5's D = 16, k = 3, a mean far from 0",
};

/** The labs of lecture 13, in the notebook's order. */
export const labs13 = [finiteSetScoreLab, circleTrapezoidScoreLab, pcaProjectionLab] as const;
