/**
 * transitionDensity(s, x, t, y) of every process against oracles that do not use its closed form:
 * the Gaussian density of the declared marginal (s = 0, through a one-component mixture), the
 * forward (Fokker–Planck) and backward Kolmogorov equations by finite differences with the
 * drift and diffusion read from the SDE, and Chapman–Kolmogorov by quadrature.
 */
import { gaussianMixture, mixtureLogDensity } from "../../src/mixture";
import { normalPdf } from "../../src/stats";
import {
  brownianMotion,
  criticallyDampedLangevin,
  geometricBrownianMotion,
  ornsteinUhlenbeck,
  subVpSde,
  veSde,
  vpSde,
  type LinearProcess,
  type Process,
} from "../../src/processes";

type Maker = (dim: number) => Process;
const LINEAR: [string, Maker][] = [
  ["brownianMotion", (dim) => brownianMotion({ sigma: 0.7, T: 2, dim })],
  ["ornsteinUhlenbeck", (dim) => ornsteinUhlenbeck({ theta: 1.5, sigma: 0.8, T: 2, dim })],
  ["vpSde", (dim) => vpSde({ dim })],
  ["subVpSde", (dim) => subVpSde({ dim })],
  ["veSde", (dim) => veSde({ sigmaMin: 0.1, sigmaMax: 5, dim })],
];
const ALL: [string, Maker][] = [
  ...LINEAR,
  ["geometricBrownianMotion", (dim) => geometricBrownianMotion({ mu: 0.5, sigma: 0.4, dim })],
  ["criticallyDampedLangevin", (dim) => criticallyDampedLangevin({ dim })],
];

/** log N(y; mean, cov) through a one-component mixture (Cholesky, an independent route). */
function gaussianLogPdf(mean: Float64Array, cov: Float64Array, y: Float64Array): Float64Array {
  return mixtureLogDensity(gaussianMixture({ weights: [1], means: mean, covs: cov }), y);
}

/** The SDE's drift f and diagonal diffusion g at one state. */
function coefficients(p: Process, t: number, y: number[]): { f: number[]; g: number[] } {
  const f = new Float64Array(p.dim);
  const g = new Float64Array(p.dim);
  p.sde.drift(t, Float64Array.from(y), f, 1);
  p.sde.diffusion(t, Float64Array.from(y), g, 1);
  return { f: Array.from(f), g: Array.from(g) };
}

const density = (p: Process, s: number, x: number[], t: number, y: number[]): number =>
  p.transitionDensity(s, Float64Array.from(x), t, Float64Array.from(y))[0];

const shifted = (v: number[], i: number, h: number): number[] =>
  v.map((c, j) => (j === i ? c + h : c));

describe("transitionDensity at s = 0 is the density of the declared marginal", () => {
  it.each([...LINEAR, ALL[6]])("%s (d = 2)", (_name, make) => {
    const p = make(2);
    const x = Float64Array.from({ length: p.dim }, (_, i) => 0.8 + 0.3 * i);
    const { mean, cov } = p.marginal(0.6, x);
    const y = Float64Array.from({ length: 3 * p.dim }, (_, i) => mean[i % p.dim] + 0.2 * (i - 2));
    const want = gaussianLogPdf(mean, cov, y);
    const got = p.logTransitionDensity(0, x, 0.6, y);
    for (let r = 0; r < 3; r++) {
      // two routes to the same Gaussian (closed-form quadratic vs Cholesky): rounding, ~1e-15
      expect(Math.abs(got[r] - want[r])).toBeLessThan(1e-12 * Math.max(1, Math.abs(want[r])));
    }
    expect(Array.from(p.transitionDensity(0, x, 0.6, y))).toEqual(Array.from(got, Math.exp));
  });

  it("geometricBrownianMotion: the lognormal has the declared mean and variance (quadrature)", () => {
    const p = geometricBrownianMotion({ mu: 0.5, sigma: 0.4 });
    const x0 = 1.7;
    const { mean, cov } = p.marginal(0.8, Float64Array.of(x0));
    // trapezoid in w = log y on ±12 sd of log y: the integrand decays like e^{−w²/2}, the
    // trapezoid rule is spectrally accurate for it (error far below 1e-12)
    const sd = 0.4 * Math.sqrt(0.8);
    const centre = Math.log(x0) + (0.5 - 0.08) * 0.8;
    const K = 4000;
    const h = (24 * sd) / K;
    const m = [0, 0, 0];
    for (let k = 0; k <= K; k++) {
      const y = Math.exp(centre - 12 * sd + k * h);
      const w = (k === 0 || k === K ? 0.5 : 1) * h * y * density(p, 0, [x0], 0.8, [y]);
      m[0] += w;
      m[1] += w * y;
      m[2] += w * y * y;
    }
    expect(m[0]).toBeCloseTo(1, 12);
    expect(m[1]).toBeCloseTo(mean[0], 11);
    expect(m[2] - m[1] ** 2).toBeCloseTo(cov[0], 10);
  });
});

describe("transitionDensity: known answers in one dimension (normalPdf)", () => {
  it("brownianMotion: N(y; x, σ²(t − s)); ornsteinUhlenbeck: N(y; e^{−θ(t−s)}x, σ²(1 − e^{−2θ(t−s)})/2θ)", () => {
    const bm = brownianMotion({ sigma: 0.7, T: 2 });
    const ou = ornsteinUhlenbeck({ theta: 1.5, sigma: 0.8, T: 2 });
    const [s, x, t] = [0.4, 1.1, 1.5];
    const sdOu = 0.8 * Math.sqrt((1 - Math.exp(-3 * (t - s))) / 3);
    for (const y of [-1, 0.3, 2]) {
      // a few flops each way: agreement to rounding
      expect(density(bm, s, [x], t, [y])).toBeCloseTo(normalPdf(y, x, 0.7 * Math.sqrt(t - s)), 14);
      expect(density(ou, s, [x], t, [y])).toBeCloseTo(
        normalPdf(y, Math.exp(-1.5 * (t - s)) * x, sdOu),
        14,
      );
    }
  });
});

describe("transitionDensity solves Kolmogorov's equations (finite differences, s > 0)", () => {
  // central differences with steps h = 1e-3·(scale): truncation ≈ h² ≈ 1e-6 relative, rounding
  // ≈ 1e-16/h² ≈ 1e-10; a residual below 1e-4 of the largest term leaves a 100× margin
  const TOL = 1e-4;
  it.each(ALL)("%s: ∂_t p = −Σ∂_i(f_i p) + ½Σ∂_i²(g_i² p) in (t, y)", (_name, make) => {
    const p = make(1);
    const [s, t] = [0.3, 0.8];
    const x = p.dim === 1 ? [1.1] : [1.1, -0.4];
    const mean = p.marginal(t - s, Float64Array.from(x)).mean; // only to place y sensibly
    for (const offset of [-0.3, 0.1, 0.4]) {
      const y = Array.from(mean, (m) => m + offset * (p.name === "veSde" ? 3 : 1));
      const ht = 1e-4;
      const dpdt = (density(p, s, x, t + ht, y) - density(p, s, x, t - ht, y)) / (2 * ht);
      let flux = 0;
      let diffusion = 0;
      let scale = Math.abs(dpdt);
      for (let i = 0; i < p.dim; i++) {
        const hy = 1e-3 * Math.max(0.1, Math.abs(y[i]));
        const fp = (v: number[]) => coefficients(p, t, v).f[i] * density(p, s, x, t, v);
        const gp = (v: number[]) => coefficients(p, t, v).g[i] ** 2 * density(p, s, x, t, v);
        const a = (fp(shifted(y, i, hy)) - fp(shifted(y, i, -hy))) / (2 * hy);
        const b = (0.5 * (gp(shifted(y, i, hy)) - 2 * gp(y) + gp(shifted(y, i, -hy)))) / hy ** 2;
        flux += a;
        diffusion += b;
        scale = Math.max(scale, Math.abs(a), Math.abs(b));
      }
      const residual = dpdt + flux - diffusion;
      expect({ y, ok: Math.abs(residual) < TOL * scale }).toEqual({ y, ok: true });
    }
  });

  it.each(ALL)("%s: ∂_s p + Σf_i ∂_{x_i} p + ½Σg_i² ∂²_{x_i} p = 0 in (s, x)", (_name, make) => {
    const p = make(1);
    const [s, t] = [0.3, 0.8];
    const y = p.dim === 1 ? [1.2] : [0.9, -0.2];
    for (const offset of [-0.2, 0.1, 0.3]) {
      const x = y.map((v) => v + offset);
      const hs = 1e-4;
      const dpds = (density(p, s + hs, x, t, y) - density(p, s - hs, x, t, y)) / (2 * hs);
      const { f, g } = coefficients(p, s, x);
      let generator = 0;
      let scale = Math.abs(dpds);
      for (let i = 0; i < p.dim; i++) {
        const hx = 1e-3 * Math.max(0.1, Math.abs(x[i]));
        const up = density(p, s, shifted(x, i, hx), t, y);
        const down = density(p, s, shifted(x, i, -hx), t, y);
        const mid = density(p, s, x, t, y);
        const a = (f[i] * (up - down)) / (2 * hx);
        const b = (0.5 * g[i] ** 2 * (up - 2 * mid + down)) / hx ** 2;
        generator += a + b;
        scale = Math.max(scale, Math.abs(a), Math.abs(b));
      }
      expect({ x, ok: Math.abs(dpds + generator) < TOL * scale }).toEqual({ x, ok: true });
    }
  });
});

describe("transitionDensity obeys Chapman–Kolmogorov (quadrature over the middle state)", () => {
  it.each([...LINEAR, ALL[5]])(
    "%s: ∫ p(s, x; u, z) p(u, z; t, y) dz = p(s, x; t, y)",
    (_n, make) => {
      const p = make(1);
      const [s, u, t] = [0.2, 0.5, 0.9];
      const x = 0.9;
      const gbm = p.name === "geometricBrownianMotion";
      // the middle law p(s, x; u, ·) (in log space for GBM) has mean a·x, a = scale(u)/scale(s), and
      // an sd below that of the marginal at u from 0; ±12 of those sd hold all but 1e-32 of the
      // mass, and the trapezoid rule is spectrally accurate for the smooth integrand (≪ 1e-12)
      const lin = p as LinearProcess;
      const m = gbm ? Math.log(x) + (0.5 - 0.08) * (u - s) : (lin.scale(u) / lin.scale(s)) * x;
      const sd = gbm ? 0.4 * Math.sqrt(u - s) : lin.std(u);
      const K = 4000;
      const h = (24 * sd) / K;
      const centre = gbm ? x * Math.exp(0.5 * (t - s)) : (lin.scale(t) / lin.scale(s)) * x;
      for (const y of [centre * 0.6, centre, centre * 1.3 + 0.2]) {
        let integral = 0;
        for (let k = 0; k <= K; k++) {
          const w = m - 12 * sd + k * h;
          const z = gbm ? Math.exp(w) : w;
          const jac = gbm ? z : 1;
          const inner = density(p, s, [x], u, [z]) * density(p, u, [z], t, [y]);
          integral += (k === 0 || k === K ? 0.5 : 1) * h * jac * inner;
        }
        const want = density(p, s, [x], t, [y]);
        expect({ y, rel: Math.abs(integral / want - 1) < 1e-10 }).toEqual({ y, rel: true });
      }
    },
  );
});

describe("transitionDensity: product over coordinates, support, bad input", () => {
  it.each(ALL)("%s: the d = 2 density is the product of two d = 1 densities", (_name, make) => {
    const [p1, p2] = [make(1), make(2)];
    const d1 = p1.dim;
    const x = Float64Array.from({ length: p2.dim }, (_, i) => 0.5 + 0.25 * i);
    const y = Float64Array.from({ length: p2.dim }, (_, i) => 0.7 - 0.1 * i);
    // the 1-D state of coordinate i: [x_i] or, for CLD, [x_i, v_i]
    const pick = (a: Float64Array, i: number) =>
      d1 === 1 ? Float64Array.of(a[i]) : Float64Array.of(a[i], a[2 + i]);
    const sum = [0, 1]
      .map((i) => p1.logTransitionDensity(0.25, pick(x, i), 0.75, pick(y, i))[0])
      .reduce((a, b) => a + b);
    expect(p2.logTransitionDensity(0.25, x, 0.75, y)[0]).toBeCloseTo(sum, 12);
  });

  it("geometricBrownianMotion: density 0 across 0, and a start at 0 is refused", () => {
    const p = geometricBrownianMotion();
    expect(
      Array.from(p.transitionDensity(0, Float64Array.of(1), 1, Float64Array.of(-1, 0))),
    ).toEqual([0, 0]);
    // negative start: the mirror image of the positive one
    const neg = p.transitionDensity(0, Float64Array.of(-2), 1, Float64Array.of(-3));
    const pos = p.transitionDensity(0, Float64Array.of(2), 1, Float64Array.of(3));
    expect(neg[0]).toBe(pos[0]);
    expect(() => p.transitionDensity(0, Float64Array.of(0), 1, Float64Array.of(1))).toThrow(
      "geometricBrownianMotion.transitionDensity: x[0] must be nonzero (from 0, X stays at 0), got 0",
    );
  });

  it.each([
    [
      () => vpSde().transitionDensity(-0.5, Float64Array.of(0), 1, Float64Array.of(0)),
      RangeError,
      "vpSde.transitionDensity: s must be in [0, T] = [0, 1], got -0.5",
    ],
    [
      () => vpSde().logTransitionDensity(0, Float64Array.of(0), 1.5, Float64Array.of(0)),
      RangeError,
      "vpSde.logTransitionDensity: t must be in [0, T] = [0, 1], got 1.5",
    ],
    [
      () => ornsteinUhlenbeck().transitionDensity(0.5, Float64Array.of(0), 0.5, Float64Array.of(0)),
      RangeError,
      "ornsteinUhlenbeck.transitionDensity: t must be > s = 0.5 (from s to s the transition is a point mass, with no density), got 0.5",
    ],
    [
      () => veSde({ dim: 2 }).transitionDensity(0, Float64Array.of(0), 1, Float64Array.of(0, 0)),
      RangeError,
      "veSde.transitionDensity: x must have length 2, got 1",
    ],
    [
      () =>
        brownianMotion({ dim: 2 }).transitionDensity(
          0,
          Float64Array.of(0, 0),
          1,
          Float64Array.of(0),
        ),
      RangeError,
      "brownianMotion.transitionDensity: y must hold n·d values with d = 2 and n >= 1, got length 1",
    ],
    [
      () =>
        criticallyDampedLangevin().transitionDensity(0, Float64Array.of(0, 0), 1, [0, 0] as never),
      TypeError,
      "criticallyDampedLangevin.transitionDensity: y must be a Float64Array, got an array of length 2",
    ],
  ])("rejects bad input %#", (call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
