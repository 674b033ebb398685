import {
  empiricalScore,
  idealDenoiser,
  mixturePosterior,
  tweedieMean,
  tweedieVariance,
} from "../../src/denoise";
import {
  gaussianMixture,
  mixtureHessianDiagonal,
  mixtureScore,
  pushForward,
} from "../../src/mixture";

describe("tweedie, mixturePosterior, idealDenoiser", () => {
  const x = Float64Array.from([-3, -0.5, 0, 1.2, 4]);
  it("Gaussian prior N(m, v): Tweedie gives m + αv(x − αm)/(α²v + σ²) and variance vσ²/(α²v + σ²)", () => {
    const [m, v, a, s] = [0.5, 2, 0.8, 0.6];
    const prior = gaussianMixture({ weights: [1], means: [m], covs: [v] });
    const q = pushForward(prior, a, s);
    const mean = tweedieMean(x, mixtureScore(q, x), a, s);
    const variance = tweedieVariance(mixtureHessianDiagonal(q, x), a, s);
    const c = a * a * v + s * s;
    x.forEach((xi, i) => {
      expect(mean[i]).toBeCloseTo(m + (a * v * (xi - a * m)) / c, 13); // a few flops on O(1) values
      expect(variance[i]).toBeCloseTo((v * s * s) / c, 13);
    });
  });
  it("mixture prior: mixturePosterior matches Tweedie's first and second order formulas", () => {
    const mix = gaussianMixture({ weights: [0.3, 0.7], means: [-2, 1.5], covs: [0.25, 0.5] });
    const [a, s] = [0.9, 0.7];
    const q = pushForward(mix, a, s);
    const post = mixturePosterior(mix, x, a, s);
    const mean = tweedieMean(x, mixtureScore(q, x), a, s);
    const variance = tweedieVariance(mixtureHessianDiagonal(q, x), a, s);
    // two different formulas in double precision: cancellation in E[x²] − E[x]² limits to ~1e-12
    x.forEach((_, i) => {
      expect(post.mean[i]).toBeCloseTo(mean[i], 11);
      expect(post.variance[i]).toBeCloseTo(variance[i], 10);
    });
  });
  it("mixturePosterior in 2-D with a full covariance equals the linear-Gaussian posterior", () => {
    // one component, Σ = [[1, .5], [.5, 2]], α = 1, σ² = 1: mean = Σ(Σ + I)⁻¹x
    const mix = gaussianMixture({ weights: [1], means: [0, 0], covs: [1, 0.5, 0.5, 2] });
    const post = mixturePosterior(mix, Float64Array.from([1, -1]), 1, 1);
    // (Σ + I)⁻¹ = [[3, −.5], [−.5, 2]] / 5.75; Σ(Σ+I)⁻¹x = [[2.75, .5], [.5, 3.75]]/5.75 · x
    expect(post.mean[0]).toBeCloseTo((2.75 - 0.5) / 5.75, 14);
    expect(post.mean[1]).toBeCloseTo((0.5 - 3.75) / 5.75, 14);
    // posterior covariance Σ − Σ(Σ+I)⁻¹Σ = I − (Σ+I)⁻¹: diagonal 1 − 3/5.75, 1 − 2/5.75
    expect(post.variance[0]).toBeCloseTo(1 - 3 / 5.75, 14);
    expect(post.variance[1]).toBeCloseTo(1 - 2 / 5.75, 14);
  });
  it("idealDenoiser of two points is a logistic interpolation; empiricalScore is the KDE score", () => {
    const data = Float64Array.from([-1, 1]);
    const [a, s] = [1, 0.5];
    const d = idealDenoiser(data, x, 1, a, s);
    const score = empiricalScore(data, x, 1, a, s);
    x.forEach((xi, i) => {
      expect(d[i]).toBeCloseTo(Math.tanh(xi / (s * s)), 13); // E[y|x] = tanh(x/σ²) for y = ±1
      const kde = (u: number) =>
        Math.log(Math.exp(-((u + 1) ** 2) / (2 * s * s)) + Math.exp(-((u - 1) ** 2) / (2 * s * s)));
      const fd = (kde(xi + 1e-5) - kde(xi - 1e-5)) / 2e-5;
      expect(score[i]).toBeCloseTo(fd, 6); // central difference, h = 1e-5: O(h²) + rounding 1e-11/h
    });
    expect(idealDenoiser(data, Float64Array.of(1e4), 1, 1, 0.01)[0]).toBe(1); // log-sum-exp stable
  });
  it("rejects bad input", () => {
    const a = Float64Array.from([1]);
    const mix = gaussianMixture({ weights: [1], means: [0], covs: [1] });
    const table: [() => unknown, ErrorConstructor, RegExp][] = [
      [
        () => tweedieMean(a, Float64Array.from([1, 2]), 1, 1),
        RangeError,
        /tweedieMean: score must have length 1, got 2/,
      ],
      [
        () => tweedieMean(a, a, 1, 0),
        RangeError,
        /tweedieMean: std must be a finite number > 0, got 0/,
      ],
      [
        () => tweedieVariance([1] as never, 1, 1),
        TypeError,
        /tweedieVariance: hessianDiagonal must be a Float64Array/,
      ],
      [
        () => idealDenoiser(a, a, 0, 1, 1),
        RangeError,
        /idealDenoiser: dim must be a positive integer, got 0/,
      ],
      [
        () => idealDenoiser(Float64Array.from([1, 2, 3]), a, 2, 1, 1),
        RangeError,
        /idealDenoiser: data must hold n·d values/,
      ],
      [
        () => empiricalScore(a, a, 1, -1, 1),
        RangeError,
        /empiricalScore: scale must be a finite number > 0, got -1/,
      ],
      [
        () => mixturePosterior(mix, Float64Array.from([NaN]), 1, 1),
        RangeError,
        /mixturePosterior: x\[0\] must be a finite number, got NaN/,
      ],
      [
        () => mixturePosterior(mix, a, 1, Infinity),
        RangeError,
        /mixturePosterior: std must be a finite number > 0, got Infinity/,
      ],
      [
        () => tweedieMean(Float64Array.of(NaN), a, 1, 1),
        RangeError,
        /tweedieMean: x\[0\] must be a finite number, got NaN/,
      ],
      [
        () => tweedieVariance(new Float64Array(0), 1, 1),
        RangeError,
        /tweedieVariance: hessianDiagonal must be non-empty, got a Float64Array of length 0/,
      ],
      [
        () => mixturePosterior(mix, a, 1e200, 1),
        RangeError,
        /mixturePosterior: scale and std must keep α²Σ_k \+ σ²I finite and positive definite in double precision, got scale = 1e\+200, std = 1/,
      ],
      [
        () => mixturePosterior(mix, Float64Array.of(1e200), 1, 1),
        RangeError,
        /mixturePosterior: x row 0 is too far from every component/,
      ],
      [
        () => tweedieMean(Float64Array.of(1e308), Float64Array.of(1e308), 1, 10),
        RangeError,
        /tweedieMean: the result overflows double precision at \[0\] \(got Infinity\)/,
      ],
      [
        () => empiricalScore(Float64Array.of(-1, 1), Float64Array.of(0.5), 1, 1, 1e-200),
        RangeError,
        /empiricalScore: the result overflows double precision at \[0\]/,
      ],
      [
        () => empiricalScore(a, a, 2.5, 1, 1),
        RangeError,
        /empiricalScore: dim must be a positive integer, got 2.5/,
      ],
    ];
    for (const [f, type, msg] of table) {
      expect(f).toThrow(type);
      expect(f).toThrow(msg);
    }
  });
  it("idealDenoiser where every weight underflows (σ² = 0 in doubles) gives the σ → 0 limit", () => {
    // σ = 1e-200: σ² underflows to 0; the limit is the data point nearest to x (ties: their mean)
    const data = Float64Array.from([-1, 1, 3]);
    const x = Float64Array.from([-5, 0.5, 2, 10]);
    expect(Array.from(idealDenoiser(data, x, 1, 1, 1e-200))).toEqual([-1, 1, 2, 3]);
  });
});
