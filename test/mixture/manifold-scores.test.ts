import { createRng, fillNormal } from "../../src/rng";
import { vpSde, type LinearProcess } from "../../src/processes";
import {
  circleNodes,
  circleScore,
  gaussianMixture,
  mixtureLogDensity,
  mixtureScore,
  pointSetScore,
} from "../../src/mixture";

const SEED = 1313; // the test points only; any seed works

/** A frozen-time process: α = 1, σ = 1e-3 at every t (X_t = X_0 + 1e-3 ε). */
const narrow = { dim: 2, T: 1, scale: () => 1, std: () => 1e-3 } as unknown as LinearProcess;

/** I_ν(κ) by its power series (positive terms: relative error ~1e-15 for κ ≤ 30). */
function besselI(nu: number, kappa: number): number {
  let term = (kappa / 2) ** nu;
  for (let j = 1; j <= nu; j++) term /= j;
  let sum = term;
  for (let k = 1; k < 400; k++) {
    term *= (kappa / 2) ** 2 / (k * (k + nu));
    sum += term;
    if (term < 1e-18 * sum) break;
  }
  return sum;
}

describe("pointSetScore", () => {
  const y = Float64Array.of(1, 0, -0.5, 0.8, 0.2, -1.1); // 3 points in R²
  const vp = vpSde({ dim: 2 });
  const x = fillNormal(createRng(SEED), new Float64Array(10 * 2), 0, 1.5);
  it("equals the score and log-density of the mixture Σ N(α y_j, σ²I)/m (independent code)", () => {
    const s = pointSetScore(y, 2, vp);
    for (const t of [0.001, 0.05, 0.5, 1]) {
      const a = vp.scale(t);
      const sd = vp.std(t);
      const mix = gaussianMixture({
        weights: [1 / 3, 1 / 3, 1 / 3],
        means: Array.from(y, (v) => a * v),
        covs: [0, 1, 2].flatMap(() => [sd * sd, 0, 0, sd * sd]),
      });
      const out = new Float64Array(20);
      const lp = new Float64Array(10);
      s.score(t, x, out, 10);
      s.logDensity(t, x, lp, 10);
      for (let i = 0; i < 10; i++) {
        const xi = x.slice(2 * i, 2 * i + 2);
        const ref = mixtureScore(mix, xi);
        // both log-sum-exp stable: relative 1e-9 of |score| ~ |x|/σ² (rounding ~1e-13 of it)
        const scale = 1 + Math.hypot(ref[0], ref[1]);
        expect(Math.abs(out[2 * i] - ref[0])).toBeLessThan(1e-9 * scale);
        expect(Math.abs(out[2 * i + 1] - ref[1])).toBeLessThan(1e-9 * scale);
        const lref = mixtureLogDensity(mix, xi)[0];
        expect(Math.abs(lp[i] - lref)).toBeLessThan(1e-9 * (1 + Math.abs(lref)));
      }
    }
  });
  it("near a point, σ² s(t, x) → −(x − α y_j) (the point attracts like a Gaussian)", () => {
    const s = pointSetScore(y, 2, narrow);
    const out = new Float64Array(2);
    s.score(0, Float64Array.of(1.0005, -0.0002), out, 1);
    const s2 = 1e-6;
    // the other points' weights are below e^{-(0.5/1e-3)²/2}: exact to rounding
    expect(out[0] * s2).toBeCloseTo(-0.0005, 12);
    expect(out[1] * s2).toBeCloseTo(0.0002, 12);
  });
  it("rejects σ_t = 0 (no density on the points)", () => {
    const s = pointSetScore(y, 2, vp);
    expect(() => s.score(0, new Float64Array(2), new Float64Array(2), 1)).toThrow(
      /pointSetScore\.score: t must have std\(t\) > 0/,
    );
  });
});

describe("circleNodes and the periodic trapezoid rule", () => {
  it("the rule on circleNodes(κ) nodes reaches the Bessel oracle to ~tol (κ ≤ 30)", () => {
    for (const kappa of [0.01, 0.5, 2, 8, 20, 30]) {
      for (const tol of [1e-4, 1e-8, 1e-15]) {
        const N = circleNodes(kappa, tol);
        let z = 0;
        let c = 0;
        for (let j = 0; j < N; j++) {
          const cs = Math.cos((2 * Math.PI * j) / N);
          z += Math.exp(kappa * cs) / N;
          c += (cs * Math.exp(kappa * cs)) / N;
        }
        const i0 = besselI(0, kappa);
        const i1 = besselI(1, kappa);
        // the error is 2Σ I_{mN}/I_0 ≤ 2·bound/(1 − bound) ≤ 1.1·tol, plus 1e-14 rounding
        expect(Math.abs(z / i0 - 1)).toBeLessThan(1.1 * tol + 1e-14);
        expect(Math.abs(c / z - i1 / i0)).toBeLessThan(1.1 * tol + 1e-14);
      }
    }
  });
  it("grows like √(2κ ln(1/tol)) (within a factor 2 for κ ≥ 100)", () => {
    for (const kappa of [100, 1e4, 1e6]) {
      const N = circleNodes(kappa);
      const rate = Math.sqrt(2 * kappa * Math.log(1e15));
      expect(N / rate).toBeGreaterThan(0.5);
      expect(N / rate).toBeLessThan(2);
    }
  });
});

describe("circleScore", () => {
  const vp = vpSde({ dim: 2 });
  const x = fillNormal(createRng(SEED + 1), new Float64Array(12 * 2), 0, 1);
  it("equals (α I₁(κ)/I₀(κ) x̂ − x)/σ² and its log-density the Bessel form (κ ≤ 30)", () => {
    const s = circleScore(vp, { radius: 1.3 });
    for (const t of [0.2, 0.5, 1]) {
      const a = vp.scale(t);
      const s2 = vp.std(t) ** 2;
      const out = new Float64Array(24);
      const lp = new Float64Array(12);
      s.score(t, x, out, 12);
      s.logDensity(t, x, lp, 12);
      for (let i = 0; i < 12; i++) {
        const rho = Math.hypot(x[2 * i], x[2 * i + 1]);
        const kappa = (a * 1.3 * rho) / s2;
        if (kappa > 30) continue;
        const m = besselI(1, kappa) / besselI(0, kappa);
        for (const k of [0, 1]) {
          const ref = ((a * 1.3 * m * x[2 * i + k]) / rho - x[2 * i + k]) / s2;
          // quadrature 1e-15 relative, rounding ~1e-14 of |x|/σ²: tol 1e-11·(1 + |ref|)
          expect(Math.abs(out[2 * i + k] - ref)).toBeLessThan(1e-11 * (1 + Math.abs(ref)));
        }
        const lref =
          -(rho * rho + a * a * 1.69) / (2 * s2) +
          Math.log(besselI(0, kappa)) -
          Math.log(2 * Math.PI * s2);
        expect(Math.abs(lp[i] - lref)).toBeLessThan(1e-11 * (1 + Math.abs(lref)));
      }
    }
  });
  it("near the circle (κ up to 1e6) matches the Bessel ratio's asymptotic series", () => {
    const s = circleScore(narrow);
    const s2 = 1e-6;
    for (const rho of [0.5, 1, 1.01]) {
      const out = new Float64Array(2);
      s.score(0, Float64Array.of(rho, 0), out, 1);
      const kappa = rho / s2;
      // I₁/I₀ = 1 − 1/(2κ) − 1/(8κ²) − 1/(8κ³) − 25/(128κ⁴) + O(κ⁻⁵); κ ≥ 5e5: remainder < 1e-27
      const m = 1 - 1 / (2 * kappa) - 1 / (8 * kappa ** 2) - 1 / (8 * kappa ** 3);
      const ref = (m - rho) / s2;
      // rounding: 1e-16·κ·(N ~ 8000 terms) relative on m, times 1/σ² = 1e6: tol 1e-6·(1 + |ref|)
      expect(Math.abs(out[0] - ref)).toBeLessThan(1e-6 * (1 + Math.abs(ref)));
      expect(out[1]).toBe(0);
    }
  });
  it("is the gradient of its log-density (central differences) and 0 at the origin", () => {
    const s = circleScore(vp);
    const t = 0.1;
    const out = new Float64Array(24);
    s.score(t, x, out, 12);
    const lp = (p: Float64Array) => {
      const o = new Float64Array(1);
      s.logDensity(t, p, o, 1);
      return o[0];
    };
    for (let i = 0; i < 12; i++) {
      for (const k of [0, 1]) {
        const xp = x.slice(2 * i, 2 * i + 2);
        const xm = xp.slice();
        xp[k] += 1e-5;
        xm[k] -= 1e-5;
        const fd = (lp(xp) - lp(xm)) / 2e-5;
        // δ = 1e-5, |∂³ log p| ≲ 1/σ⁴ ≈ 300: truncation 1e-8; rounding 1e-16·|log p|/δ ≈ 1e-10
        expect(Math.abs(out[2 * i + k] - fd)).toBeLessThan(1e-6 * (1 + Math.abs(fd)));
      }
    }
    const o = Float64Array.of(7, 7);
    s.score(t, new Float64Array(2), o, 1);
    expect(Array.from(o)).toEqual([0, 0]);
  });
  it("integrates to 1 over the plane (midpoint rule in the radius, 1e-6)", () => {
    const s = circleScore(vp);
    const t = 0.3;
    const M = 4000;
    const R = 8;
    const h = R / M;
    const xs = new Float64Array(2 * M);
    for (let j = 0; j < M; j++) xs[2 * j] = (j + 0.5) * h;
    const lp = new Float64Array(M);
    s.logDensity(t, xs, lp, M);
    let mass = 0;
    for (let j = 0; j < M; j++) mass += 2 * Math.PI * xs[2 * j] * Math.exp(lp[j]) * h;
    // midpoint rule, smooth integrand: error h²/24·|f''|·R ≈ 1e-7; tail beyond R = 8 negligible
    expect(Math.abs(mass - 1)).toBeLessThan(1e-6);
  });
});
