import { createRng, fillNormal } from "../../src/rng";
import { mixtureHessianDiagonal, mixtureLogDensity, mixtureScore } from "../../src/mixture";
import { mixture2d } from "./support";

const SEED = 404; // the test points only; any seed works

/** Central differences of a (n, d) → (n·m) map in coordinate i, step δ. */
function centralDiff(
  f: (x: Float64Array) => Float64Array,
  x: Float64Array,
  i: number,
  delta: number,
): Float64Array {
  const xp = x.slice();
  const xm = x.slice();
  xp[i] += delta;
  xm[i] -= delta;
  const fp = f(xp);
  const fm = f(xm);
  return fp.map((v, k) => (v - fm[k]) / (2 * delta));
}

describe("mixtureScore", () => {
  const mix = mixture2d();
  const points = fillNormal(createRng(SEED), new Float64Array(20 * 2), 0, 2); // 20 points, (20, 2)
  it("equals the central-difference gradient of log p (2-D, full covariances)", () => {
    // δ = 1e-5: truncation δ²·|∂³ log p|/6 ≈ 1e-10, rounding 1e-16·|log p|/δ ≈ 1e-10; tol 1e-7
    for (let r = 0; r < 20; r++) {
      const x = points.slice(2 * r, 2 * r + 2);
      const s = mixtureScore(mix, x);
      for (let i = 0; i < 2; i++) {
        const fd = centralDiff((y) => mixtureLogDensity(mix, y), x, i, 1e-5)[0];
        expect(Math.abs(s[i] - fd)).toBeLessThan(1e-7 * (1 + Math.abs(fd)));
      }
    }
  });
  it("has a Hessian diagonal equal to the central difference of the score", () => {
    for (let r = 0; r < 20; r++) {
      const x = points.slice(2 * r, 2 * r + 2);
      const h = mixtureHessianDiagonal(mix, x);
      for (let i = 0; i < 2; i++) {
        const fd = centralDiff((y) => mixtureScore(mix, y), x, i, 1e-5)[i];
        expect(Math.abs(h[i] - fd)).toBeLessThan(1e-7 * (1 + Math.abs(fd))); // as above
      }
    }
  });
  it("is finite far from every component and tends to the dominant component's score", () => {
    const x = new Float64Array([1e4, -3e3]);
    const s = mixtureScore(mix, x);
    // the dominant component maximises ℓ_k = log w_k N_k(x); find it by brute force
    let best = -Infinity;
    let expected = [0, 0];
    for (let k = 0; k < 3; k++) {
      const P = mix.precisions.subarray(4 * k, 4 * k + 4);
      const y = [x[0] - mix.means[2 * k], x[1] - mix.means[2 * k + 1]];
      const Py = [P[0] * y[0] + P[1] * y[1], P[2] * y[0] + P[3] * y[1]];
      const ell = mix.logNormalizers[k] - 0.5 * (y[0] * Py[0] + y[1] * Py[1]);
      if (ell > best) [best, expected] = [ell, [-Py[0], -Py[1]]];
    }
    expect(Number.isFinite(s[0]) && Number.isFinite(s[1])).toBe(true);
    // other responsibilities are e^{−Δℓ} with Δℓ ~ 1e6: exactly 0 in double precision
    expect(s[0]).toBeCloseTo(expected[0], 8);
    expect(s[1]).toBeCloseTo(expected[1], 8);
  });
});
