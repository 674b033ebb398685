import { createRng, fillNormal } from "../../src/rng";
import { pca, riceCdf } from "../../src/stats";

const SEED = 1314; // the test data only; any seed works

/** I₀(z)e^{-z} by its series (positive terms; z ≤ 60). */
function i0e(z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 400; k++) {
    term *= (z / 2) ** 2 / (k * k);
    sum += term;
    if (term < 1e-18 * sum) break;
  }
  return sum * Math.exp(-z);
}

describe("riceCdf", () => {
  it("is the Rayleigh CDF 1 − e^{−x²/2σ²} when ν = 0", () => {
    for (const sigma of [0.01, 0.3, 2]) {
      for (const u of [0.1, 0.5, 1, 2, 4]) {
        const x = u * sigma;
        expect(Math.abs(riceCdf(x, 0, sigma) - (1 - Math.exp((-u * u) / 2)))).toBeLessThan(1e-13);
      }
    }
  });
  it("integrates the Rice density (x/σ²) e^{−(x−ν)²/2σ²} I₀e(xν/σ²) (fine midpoint rule)", () => {
    for (const [nu, sigma] of [
      [1, 0.3],
      [0.8, 0.5],
      [1, 0.15],
    ]) {
      let F = 0;
      const M = 20000;
      const X = nu + 3 * sigma;
      const h = X / M;
      for (let j = 0; j < M; j++) {
        const x = (j + 0.5) * h;
        const z = (x * nu) / (sigma * sigma);
        F += (x / sigma ** 2) * Math.exp(-((x - nu) ** 2) / (2 * sigma ** 2)) * i0e(z) * h;
      }
      // midpoint error h²/24·max|f'|·X ≈ 1e-9 for these parameters
      expect(Math.abs(riceCdf(X, nu, sigma) - F)).toBeLessThan(1e-7);
    }
  });
  it("matches Monte Carlo |ν e₁ + σZ| (2·10⁵ draws, 5 binomial SE)", () => {
    const n = 200000;
    const z = fillNormal(createRng(SEED), new Float64Array(2 * n));
    for (const [nu, sigma, x] of [
      [1, 0.05, 1.02],
      [0.9, 0.2, 0.8],
      [1, 1e-3, 1.0005],
    ]) {
      let hits = 0;
      for (let i = 0; i < n; i++)
        if (Math.hypot(nu + sigma * z[2 * i], sigma * z[2 * i + 1]) <= x) hits++;
      const F = riceCdf(x, nu, sigma);
      // fixed seed; 5 SE of a binomial proportion: false-fail 6e-7 for a fresh seed
      expect(Math.abs(hits / n - F)).toBeLessThan(5 * Math.sqrt((F * (1 - F)) / n) + 1e-12);
    }
  });
  it("is 0 at x ≤ 0 and → 1 far out", () => {
    expect(riceCdf(0, 1, 0.1)).toBe(0);
    expect(riceCdf(-1, 1, 0.1)).toBe(0);
    expect(riceCdf(3, 1, 0.1)).toBeCloseTo(1, 14);
  });
});

describe("pca", () => {
  const D = 6;
  const n = 500;
  const rng = createRng(SEED + 1);
  const x = fillNormal(rng, new Float64Array(n * D));
  for (let i = 0; i < n; i++) for (let j = 0; j < D; j++) x[i * D + j] *= j + 1; // variances (j+1)²
  it("finds orthonormal eigenvectors: C v = λ v, λ decreasing, Σλ = tr C", () => {
    const p = pca(x, D, 3);
    const mean = p.mean;
    const C = new Float64Array(D * D);
    for (let i = 0; i < n; i++)
      for (let a = 0; a < D; a++)
        for (let b = 0; b < D; b++)
          C[a * D + b] += ((x[i * D + a] - mean[a]) * (x[i * D + b] - mean[b])) / n;
    for (let r = 0; r < 3; r++) {
      for (let a = 0; a < D; a++) {
        let cv = 0;
        for (let b = 0; b < D; b++) cv += C[a * D + b] * p.components[r * D + b];
        // Jacobi converged to off-diagonal 1e-16 of ‖C‖: residual ≲ 1e-12·‖C‖ (‖C‖ ≈ 36)
        expect(Math.abs(cv - p.variances[r] * p.components[r * D + a])).toBeLessThan(1e-10);
      }
      for (let q = 0; q < 3; q++) {
        let dot = 0;
        for (let a = 0; a < D; a++) dot += p.components[r * D + a] * p.components[q * D + a];
        expect(Math.abs(dot - (r === q ? 1 : 0))).toBeLessThan(1e-13);
      }
    }
    let tr = 0;
    for (let a = 0; a < D; a++) tr += C[a * D + a];
    expect(Math.abs(p.spectrum.reduce((u, v) => u + v) - tr)).toBeLessThan(1e-10 * tr);
    for (let j = 1; j < D; j++) expect(p.spectrum[j]).toBeLessThanOrEqual(p.spectrum[j - 1]);
  });
  it("decode∘encode is the orthogonal projection: idempotent, residual ⟂ components", () => {
    const p = pca(x, D, 2);
    const z = new Float64Array(n * 2);
    const xh = new Float64Array(n * D);
    const z2 = new Float64Array(n * 2);
    const xh2 = new Float64Array(n * D);
    p.encode(x, z, n);
    p.decode(z, xh, n);
    p.encode(xh, z2, n);
    p.decode(z2, xh2, n);
    let err = 0;
    for (let i = 0; i < n * D; i++) expect(Math.abs(xh2[i] - xh[i])).toBeLessThan(1e-12);
    for (let i = 0; i < n; i++) {
      for (let r = 0; r < 2; r++) {
        let dot = 0;
        for (let a = 0; a < D; a++) dot += (x[i * D + a] - xh[i * D + a]) * p.components[r * D + a];
        expect(Math.abs(dot)).toBeLessThan(1e-12);
      }
      for (let a = 0; a < D; a++) err += (x[i * D + a] - xh[i * D + a]) ** 2 / n;
    }
    // the mean squared reconstruction error is the sum of the discarded eigenvalues
    const tail = p.spectrum.slice(2).reduce((u, v) => u + v);
    expect(Math.abs(err - tail)).toBeLessThan(1e-10 * tail);
  });
  it("reconstructs data on a k-dimensional affine plane exactly", () => {
    const m = 50;
    const y = new Float64Array(m * D);
    const u = fillNormal(rng, new Float64Array(m * 2));
    for (let i = 0; i < m; i++)
      for (let a = 0; a < D; a++) y[i * D + a] = 3 + u[2 * i] * (a + 1) - u[2 * i + 1] * (a % 2);
    const p = pca(y, D, 2);
    const z = new Float64Array(m * 2);
    const yh = new Float64Array(m * D);
    p.encode(y, z, m);
    p.decode(z, yh, m);
    for (let i = 0; i < m * D; i++) expect(Math.abs(yh[i] - y[i])).toBeLessThan(1e-11);
  });
});
