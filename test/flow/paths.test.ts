import { interpolantPath, linearPath, vePath, vpPath, type ProbabilityPath } from "../../src/flow";
import { vpSde } from "../../src/processes";

const PATHS: [string, ProbabilityPath][] = [
  ["linear", linearPath()],
  ["linear, σ_min = 0.05", linearPath({ sigmaMin: 0.05 })],
  ["VP", vpPath()],
  ["VE", vePath({ sigmaMin: 0.1, sigmaMax: 5 })],
  ["interpolant on linear, a = 0.8", interpolantPath(linearPath(), { noise: 0.8 })],
  ["interpolant on VP, a = 0.3", interpolantPath(vpPath(), { noise: 0.3 })],
];

describe("probability paths", () => {
  it.each(PATHS)("%s: the rates are the derivatives (central differences)", (_, p) => {
    const h = 1e-5;
    for (const t of [0.05, 0.3, 0.6, 0.95]) {
      const fd = (f: (t: number) => number) => (f(t + h) - f(t - h)) / (2 * h);
      // central difference error h²/6·|f'''| ≤ 1e-10·(β_max³ ≈ 1e4) = 1e-6; relative 1e-6
      const tol = (v: number) => 1e-6 * (1 + Math.abs(v));
      expect(Math.abs(p.scaleRate(t) - fd((s) => p.scale(s)))).toBeLessThan(tol(p.scaleRate(t)));
      expect(Math.abs(p.stdRate(t) - fd((s) => p.std(s)))).toBeLessThan(tol(p.stdRate(t)));
      const v = p.varianceRate(t);
      expect(Math.abs(v - fd((s) => p.std(s) ** 2))).toBeLessThan(tol(v));
      expect(Math.abs(v - 2 * p.std(t) * p.stdRate(t))).toBeLessThan(1e-12 * (1 + Math.abs(v)));
    }
  });

  it("linear path: data at t = 0, N(0, I) at t = 1; conditional velocity ε − x0", () => {
    const p = linearPath();
    expect([p.scale(0), p.std(0), p.scale(1), p.std(1)]).toEqual([1, 0, 0, 1]);
    expect([p.scaleRate(0.4), p.stdRate(0.4)]).toEqual([-1, 1]);
  });

  it("VP path has the marginals of vpSde with the same β", () => {
    const p = vpPath({ betaMin: 0.1, betaMax: 20 });
    const sde = vpSde({ dim: 1, betaMin: 0.1, betaMax: 20 });
    for (const t of [0, 0.1, 0.5, 1]) {
      expect(p.scale(t)).toBeCloseTo(sde.scale(t), 14);
      expect(p.std(t)).toBeCloseTo(sde.std(t), 14);
    }
    expect(p.stdRate(0)).toBe(Infinity);
    expect(p.varianceRate(0)).toBeCloseTo(0.1, 14); // β(0)α(0)²
  });

  it("interpolant path: variance σ² + a t(1 − t), γ vanishing at both ends", () => {
    const base = linearPath();
    const p = interpolantPath(base, { noise: 2 });
    for (const t of [0, 0.25, 0.5, 1]) {
      expect(p.std(t) ** 2).toBeCloseTo(base.std(t) ** 2 + 2 * t * (1 - t), 14);
      expect(p.scale(t)).toBe(base.scale(t));
    }
    expect(p.stdRate(0)).toBe(Infinity); // γ̇ = ∞ where γ = 0 and σ = 0
  });

  it("a path's methods reject t outside [0, T] naming themselves", () => {
    expect(() => linearPath().std(1.5)).toThrow(/^linearPath\.std: t must be in \[0, T\]/);
    expect(() => vpPath().scale(-0.1)).toThrow(RangeError);
  });
});
