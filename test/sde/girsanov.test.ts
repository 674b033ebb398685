import { sampleBrownianPath } from "../../src/brownian";
import { createRng } from "../../src/rng";
import { eulerMaruyama, girsanovLogWeight, integrate, pathKl, sdeFromScalar } from "../../src/sde";

const times = Float64Array.from({ length: 41 }, (_, k) => k / 40);
const g = (_t: number, x: number) => 0.8 + 0.2 * Math.sin(x); // state-dependent, same for both
const p = sdeFromScalar({ drift: (t, x) => 1 - x + t, diffusion: g, dim: 2 });
const q = sdeFromScalar({ drift: (_t, x) => -2 * x, diffusion: g, dim: 2 });
const logNormal = (y: number, m: number, v: number) =>
  -0.5 * Math.log(2 * Math.PI * v) - (y - m) ** 2 / (2 * v);

describe("girsanovLogWeight", () => {
  it("equals the log-ratio of the two Euler chains' Gaussian transition densities on the path", () => {
    const path = sampleBrownianPath(createRng(4), times, 3, 2);
    const run = integrate(q, eulerMaruyama, new Float64Array(6).fill(0.3), path, { saveEvery: 1 });
    const lw = girsanovLogWeight(p, q, run);
    const nd = 6;
    for (let r = 0; r < 3; r++) {
      let direct = 0; // Σ_k Σ_i log N(X_{k+1}; X_k + b_P h, g²h) − log N(X_{k+1}; X_k + b_Q h, g²h)
      for (let k = 0; k < 40; k++) {
        const t = times[k];
        const h = times[k + 1] - t;
        for (let i = 0; i < 2; i++) {
          const x = run.states[k * nd + r * 2 + i];
          const y = run.states[(k + 1) * nd + r * 2 + i];
          const v = g(t, x) ** 2 * h;
          direct += logNormal(y, x + (1 - x + t) * h, v) - logNormal(y, x - 2 * x * h, v);
        }
      }
      expect(Math.abs(lw[r] - direct)).toBeLessThan(1e-10 * (1 + Math.abs(direct))); // rounding
    }
  });
  it("is zero for equal drifts and refuses different diffusions, naming the time", () => {
    const path = sampleBrownianPath(createRng(5), times, 2, 2);
    const run = integrate(q, eulerMaruyama, new Float64Array(4), path, { saveEvery: 1 });
    expect(Array.from(girsanovLogWeight(q, q, run))).toEqual([0, 0]);
    const other = sdeFromScalar({ drift: (_t, x) => -2 * x, diffusion: () => 1, dim: 2 });
    expect(() => girsanovLogWeight(p, other, run)).toThrow(/the diffusions differ at t = 0/);
  });
});

describe("pathKl", () => {
  it("is ½ Σ (b_P − b_Q)²/g² h on each path (known answer) and 0 for equal drifts", () => {
    const c = sdeFromScalar({ drift: () => 0, diffusion: () => 2, additive: true });
    const shift = sdeFromScalar({ drift: () => 3, diffusion: () => 2, additive: true });
    const run = {
      times: new Float64Array([0, 0.25, 1]),
      states: new Float64Array([0, 1, 5, 6, 7, 8]),
    };
    // ½ (3/2)² (0.25 + 0.75) = 1.125 whatever the path
    expect(Array.from(pathKl(shift, c, run))).toEqual([1.125, 1.125]);
    expect(Array.from(pathKl(c, c, run))).toEqual([0, 0]);
  });
  it("is the mean of the log-weight's drift part: log w = ∫ u dW + pathKl on P's own paths", () => {
    const path = sampleBrownianPath(createRng(6), times, 2, 2);
    const run = integrate(p, eulerMaruyama, new Float64Array(4).fill(-0.1), path, { saveEvery: 1 });
    const lw = girsanovLogWeight(p, q, run);
    const kl = pathKl(p, q, run);
    const w = path.dW;
    for (let r = 0; r < 2; r++) {
      let mart = 0; // Σ (b_P − b_Q)/g ΔW: under P, ΔX = b_P h + g ΔW
      for (let k = 0; k < 40; k++) {
        for (let i = 0; i < 2; i++) {
          const x = run.states[k * 4 + r * 2 + i];
          mart += ((1 - x + times[k] + 2 * x) / g(times[k], x)) * w[k * 4 + r * 2 + i];
        }
      }
      expect(Math.abs(lw[r] - (mart + kl[r]))).toBeLessThan(1e-10 * (1 + Math.abs(lw[r])));
    }
  });
});
