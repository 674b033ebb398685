import { criticallyDampedLangevin } from "../../src/processes";
import { gaussianMixture, mixtureLogDensity, mixtureScore } from "../../src/mixture";
import { normalPdf } from "../../src/stats";
import {
  brownianBridgeMarginal,
  brownianBridgeSde,
  cldMarginal,
  cldVelocityScore,
  schrodingerFollmer,
} from "../../src/bridges";

const mix1 = gaussianMixture({ weights: [0.3, 0.7], means: [-2, 1.5], covs: [0.25, 0.5] });
const drift = (
  sde: { dim: number; drift: (t: number, x: Float64Array, o: Float64Array, n: number) => void },
  t: number,
  x: Float64Array,
) => {
  const o = new Float64Array(x.length);
  sde.drift(t, x, o, x.length / sde.dim);
  return o;
};

describe("schrodingerFollmer", () => {
  const sf = schrodingerFollmer(mix1);
  /** log h(t, x) = log ∫ f(y) N(y; x, 1 − t) dy by the trapezoid rule, f = p/φ (the oracle) */
  const logH = (t: number, x: number) => {
    const [lo, hi, m] = [-12, 12, 24001];
    const dy = (hi - lo) / (m - 1);
    const ys = Float64Array.from({ length: m }, (_, i) => lo + i * dy);
    const lp = mixtureLogDensity(mix1, ys);
    const s = Math.sqrt(1 - t);
    let acc = 0;
    ys.forEach(
      (y, i) => (acc += ((Math.exp(lp[i] + 0.5 * y * y) * normalPdf((y - x) / s)) / s) * dy),
    );
    return Math.log(acc * Math.sqrt(2 * Math.PI));
  };
  it("drift is ∂x log E_z[f(x + √(1−t) z)] by quadrature and finite differences (1-D)", () => {
    const e = 1e-4;
    for (const t of [0, 0.3, 0.8]) {
      const xs = Float64Array.of(-1.5, 0, 0.7, 2);
      const b = drift(sf.sde, t, xs);
      xs.forEach((x, i) => {
        const fd = (logH(t, x + e) - logH(t, x - e)) / (2 * e);
        // trapezoid on a smooth integrand: spectral; difference error e²/6·|∂³ log h| ≈ 1e-8
        expect(Math.abs(b[i] - fd)).toBeLessThan(1e-6);
      });
    }
  });
  it("drift equals ∇log p_t + x/t and b(0, 0) = E_μ Y (2-D, closed forms)", () => {
    const mix2 = gaussianMixture({
      weights: [0.6, 0.4],
      means: [-1, 0.5, 2, -1],
      covs: [1, 0.4, 0.4, 0.5, 0.3, 0, 0, 2],
    });
    const s2 = schrodingerFollmer(mix2);
    const x = Float64Array.of(0.3, -0.2, 1.5, 1);
    for (const t of [0.2, 0.7, 1]) {
      const b = drift(s2.sde, t, x);
      const score = mixtureScore(s2.marginal(t), x);
      b.forEach((v, i) => expect(v).toBeCloseTo(score[i] + x[i] / t, 11));
    }
    const b0 = drift(s2.sde, 0, new Float64Array(2));
    expect(b0[0]).toBeCloseTo(0.6 * -1 + 0.4 * 2, 13);
    expect(b0[1]).toBeCloseTo(0.6 * 0.5 + 0.4 * -1, 13);
  });
  it("drift accepts t within 1e-12 of [0, 1] (a solver's t + h), rejects t beyond", () => {
    const out = new Float64Array(1);
    expect(() => sf.sde.drift(1 + 1e-13, Float64Array.of(0.5), out, 1)).not.toThrow();
    expect(() => sf.sde.drift(-1e-13, Float64Array.of(0.5), out, 1)).not.toThrow();
    expect(() => sf.sde.drift(1 + 1e-9, Float64Array.of(0.5), out, 1)).toThrow(RangeError);
  });
  it("marginal at t = 1 is the target", () => {
    const m = sf.marginal(1);
    expect(Array.from(m.means)).toEqual([-2, 1.5]);
    expect(Array.from(m.covs)).toEqual([0.25, 0.5]);
  });
});

describe("Brownian bridge", () => {
  it("marginal: mean (1 − s)a + sb, variance σ² t(T − t)/T (known answer)", () => {
    const m = brownianBridgeMarginal(-1, 3, 2, 0.5, 0.5);
    expect(m.mean).toBeCloseTo(0, 15);
    expect(m.variance).toBeCloseTo((0.25 * 0.5 * 1.5) / 2, 15);
  });
  it("drift pulls each path to its own end point at rate 1/(T − t)", () => {
    const sde = brownianBridgeSde(Float64Array.of(1, -2), 2);
    expect(Array.from(drift(sde, 1.5, Float64Array.of(0, 0)))).toEqual([2, -4]);
  });
});

describe("CLD exact marginal and velocity score", () => {
  const cld = criticallyDampedLangevin();
  it("at t = 0 is data ⊗ N(0, γM); for one point mass-like component it matches marginalFromData", () => {
    const m0 = cldMarginal(mix1, cld, 0);
    expect(Array.from(m0.means, (v) => v + 0)).toEqual([-2, 0, 1.5, 0]); // + 0 turns −0 into 0
    expect(m0.covs[0]).toBeCloseTo(0.25, 14);
    expect(m0.covs[3]).toBeCloseTo(cld.initVelocityVariance, 14);
    const tiny = gaussianMixture({ weights: [1], means: [0.8], covs: [1e-12] });
    const { mean, cov } = cld.marginalFromData(0.4, Float64Array.of(0.8));
    const m = cldMarginal(tiny, cld, 0.4);
    Array.from(m.means).forEach((v, i) => expect(v).toBeCloseTo(mean[i], 12));
    Array.from(m.covs).forEach((v, i) => expect(v).toBeCloseTo(cov[i], 10)); // 1e-12 data variance
  });
  it("velocity score: position part 0, velocity part = ∂v log p_t by finite differences", () => {
    const s = cldVelocityScore(mix1, cld);
    const u = Float64Array.of(0.5, -0.3, -1, 0.8);
    const out = new Float64Array(4);
    const t = 0.35;
    s.score(t, u, out, 2);
    const pt = cldMarginal(mix1, cld, t);
    const e = 1e-5;
    for (const r of [0, 1]) {
      expect(out[2 * r]).toBe(0);
      const up = Float64Array.of(u[2 * r], u[2 * r + 1] + e);
      const dn = Float64Array.of(u[2 * r], u[2 * r + 1] - e);
      const fd = (mixtureLogDensity(pt, up)[0] - mixtureLogDensity(pt, dn)[0]) / (2 * e);
      expect(Math.abs(out[2 * r + 1] - fd)).toBeLessThan(1e-6); // e² truncation, 1e-11 rounding
    }
  });
});

describe("bridges bad input", () => {
  const cld = criticallyDampedLangevin({ dim: 2 });
  it.each([
    [
      "SF marginal t",
      () => schrodingerFollmer(mix1).marginal(0),
      RangeError,
      "schrodingerFollmer.marginal: t must be in (0, T] = (0, 1] (the law at 0 is a point mass), got 0",
    ],
    [
      "SF target",
      () => schrodingerFollmer(null as never),
      TypeError,
      "schrodingerFollmer: target must be a GaussianMixture from gaussianMixture, got null",
    ],
    [
      "SF marginal at a t whose covariance has no finite inverse",
      () => schrodingerFollmer(mix1).marginal(5e-324),
      RangeError,
      "schrodingerFollmer.marginal: t must be large enough that the covariance t²Σ + t(1 − t)I has a finite inverse, got 5e-324",
    ],
    [
      "bridge T",
      () => brownianBridgeSde(Float64Array.of(1), 0),
      RangeError,
      "brownianBridgeSde: T must be a finite number > 0, got 0",
    ],
    [
      "bridge end",
      () => brownianBridgeSde([1] as never, 1),
      TypeError,
      "brownianBridgeSde: end must be a Float64Array, got an array of length 1",
    ],
    [
      "bridge t",
      () => brownianBridgeMarginal(0, 1, 1, 2),
      RangeError,
      "brownianBridgeMarginal: t must be in [0, T] = [0, 1], got 2",
    ],
    [
      "cld dims",
      () => cldVelocityScore(mix1, cld),
      RangeError,
      "cldVelocityScore: cld.dim must be 2·data.dim = 2, got 4",
    ],
    [
      "cld t",
      () => cldMarginal(mix1, criticallyDampedLangevin(), 2),
      RangeError,
      "cldMarginal: t must be in [0, T] = [0, 1], got 2",
    ],
    [
      "bridge drift at T, where it is infinite",
      () =>
        brownianBridgeSde(Float64Array.of(1), 2).drift(
          2,
          Float64Array.of(0),
          new Float64Array(1),
          1,
        ),
      RangeError,
      "brownianBridgeSde.drift: t must be in [0, T) = [0, 2) (the drift (b − x)/(T − t) is infinite at T), got 2",
    ],
    [
      "bridge drift with n other than the number of end points",
      () =>
        brownianBridgeSde(Float64Array.of(1, 2), 1).drift(
          0.5,
          Float64Array.of(0, 0, 0),
          new Float64Array(3),
          3,
        ),
      RangeError,
      "brownianBridgeSde.drift: n must equal the number of end points, 2, got 3",
    ],
    [
      "bridge end with a NaN",
      () => brownianBridgeSde(Float64Array.of(1, NaN), 1),
      RangeError,
      "brownianBridgeSde: end[1] must be a finite number, got NaN",
    ],
    [
      "SF drift at t past 1",
      () => schrodingerFollmer(mix1).sde.drift(1.5, Float64Array.of(0), new Float64Array(1), 1),
      RangeError,
      "schrodingerFollmer.sde.drift: t must be in [0, T] = [0, 1], got 1.5",
    ],
    [
      "SF drift at a NaN state",
      () => schrodingerFollmer(mix1).sde.drift(0.5, Float64Array.of(NaN), new Float64Array(1), 1),
      RangeError,
      "schrodingerFollmer.sde.drift: x[0] must be a finite number, got NaN",
    ],
    [
      "CLD score at t past T: named by the method, not by cldMarginal",
      () =>
        cldVelocityScore(mix1, criticallyDampedLangevin()).score(
          2,
          new Float64Array(2),
          new Float64Array(2),
          1,
        ),
      RangeError,
      "cldVelocityScore.score: t must be in [0, T] = [0, 1], got 2",
    ],
    [
      "CLD score with n = 1.5",
      () =>
        cldVelocityScore(mix1, criticallyDampedLangevin()).score(
          0.5,
          new Float64Array(4),
          new Float64Array(4),
          1.5,
        ),
      RangeError,
      "cldVelocityScore.score: n must be a positive integer, got 1.5",
    ],
  ])("%s", (_name, f, type, message) => {
    expect(f).toThrow(type as ErrorConstructor);
    expect(f).toThrow(message as string);
  });
});
