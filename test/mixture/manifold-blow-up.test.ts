import { createRng, fillNormal } from "../../src/rng";
import type { LinearProcess } from "../../src/processes";
import { circleScore, pointSetScore } from "../../src/mixture";

const SEED = 1317; // fixed; each check below is 5 SE wide (false-fail 6e-7 for a fresh seed)

/** X_t = X_0 + σ ε at every t: σ fixed, α = 1. */
const frozen = (sigma: number) =>
  ({ dim: 2, T: 1, scale: () => 1, std: () => sigma }) as unknown as LinearProcess;

/** mean and standard error of σ²‖s(x_i)‖² over x_i = y_i + σ ε_i. */
function fisher(
  score: { score(t: number, x: Float64Array, out: Float64Array, n: number): void },
  y: Float64Array,
  sigma: number,
  n: number,
): [number, number] {
  const eps = fillNormal(createRng(SEED), new Float64Array(2 * n));
  const x = y.map((v, i) => v + sigma * eps[i]);
  const s = new Float64Array(2 * n);
  score.score(0.5, x, s, n);
  let m = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    const v = sigma ** 2 * (s[2 * i] ** 2 + s[2 * i + 1] ** 2);
    m += v / n;
    q += (v * v) / n;
  }
  return [m, Math.sqrt((q - m * m) / n)];
}

describe("the score's blow-up: σ² E‖∇log p_t‖² → d − k as σ → 0", () => {
  const n = 4000;
  it("point set (k = 0, d = 2): → 2", () => {
    const pts = Float64Array.of(1, 0, -1, 0, 0, 1);
    for (const sigma of [0.01, 0.03]) {
      const y = Float64Array.from({ length: 2 * n }, (_, i) => pts[2 * ((i >> 1) % 3) + (i & 1)]);
      const [m, se] = fisher(pointSetScore(pts, 2, frozen(sigma)), y, sigma, n);
      // points 1.4 apart, σ ≤ 0.03: the softmax is one-hot to e^{-1000}; σ²‖s‖² = ‖ε‖² ~ χ²₂
      expect(Math.abs(m - 2)).toBeLessThan(5 * se);
    }
  });
  it("unit circle (k = 1, d = 2): → 1 (the normal direction only)", () => {
    for (const sigma of [0.005, 0.02]) {
      const y = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        y[2 * i] = Math.cos((2 * Math.PI * i) / n);
        y[2 * i + 1] = Math.sin((2 * Math.PI * i) / n);
      }
      const [m, se] = fisher(circleScore(frozen(sigma)), y, sigma, n);
      // σ²‖s‖² ≈ (ε·n̂)² ~ χ²₁ plus a curvature term O(σ²) ≤ 4e-4: 5 SE ≈ 0.1 ≫ bias
      expect(Math.abs(m - 1)).toBeLessThan(5 * se + 4e-4);
    }
  });
});
