import { sampleBrownianPath } from "../../src/brownian";
import { createRng } from "../../src/rng";
import { eulerMaruyama, integrate, picardIteration, sdeFromScalar } from "../../src/sde";

const times = Float64Array.from({ length: 65 }, (_, k) => k / 64); // K = 64 on [0, 1]

describe("picardIteration", () => {
  it("iterate K on a K-step grid is Euler–Maruyama's solution (X^(k) is final at steps ≤ k)", () => {
    const sde = sdeFromScalar({
      drift: (_t, x) => Math.sin(x),
      diffusion: (_t, x) => 0.5 + 0.1 * Math.cos(x),
      dim: 2,
    });
    const path = sampleBrownianPath(createRng(1), times, 3, 2);
    const x0 = new Float64Array([0.1, -0.2, 0.3, 0.4, -0.5, 0.6]);
    const em = integrate(sde, eulerMaruyama, x0, path, { saveEvery: 1 });
    const res = picardIteration(sde, x0, path, 64);
    // the same left sums in a different order of additions: rounding only, ~1e-14
    res.states.forEach((v, i) => expect(Math.abs(v - em.states[i])).toBeLessThan(1e-12));
    expect(res.distances[63]).toBeLessThan(1e-12); // iterate 64 = iterate 63 on steps ≤ 63 and the last step
    expect(Array.from(res.times)).toEqual(Array.from(times));
  });
  it("falls below the proof's bound δ_1 (LT)^k/k! for a Lipschitz drift and additive noise", () => {
    const L = 2;
    const sde = sdeFromScalar({
      drift: (_t, x) => -L * Math.sin(x),
      diffusion: () => 1,
      additive: true,
    });
    const path = sampleBrownianPath(createRng(2), times, 1, 1);
    const { distances } = picardIteration(sde, new Float64Array([0.5]), path, 20);
    let bound = distances[0];
    for (let k = 1; k < 20; k++) {
      bound *= L / k; // δ_1 (L·1)^k/k!
      expect(distances[k]).toBeLessThanOrEqual(bound * (1 + 1e-12));
    }
    expect(distances[19]).toBeLessThan(1e-10); // n! wins
  });
  it("reports a blow-up with the iterate and the time, not as bad input", () => {
    const sde = sdeFromScalar({
      drift: (_t, x) => Math.exp(x * x),
      diffusion: () => 0,
      additive: true,
    });
    const path = sampleBrownianPath(createRng(3), times, 1, 1);
    expect(() => picardIteration(sde, new Float64Array([3]), path, 5)).toThrow(
      /picardIteration: iterate \d is not finite at step \d+ \(t = /,
    );
  });
});
