import { sampleBrownianPath, uniformGrid, brownianStream } from "../../src/brownian";
import { createRng } from "../../src/rng";
import { eulerMaruyama, exitTimes, sdeFromScalar } from "../../src/sde";

describe("exitTimes", () => {
  const square = sdeFromScalar({ drift: (_t, x) => x * x, diffusion: () => 0, additive: true });
  it("measures the explosion of dX = X² dt at 1/x_0 as h → 0 (Euler lags by O(h log 1/h))", () => {
    const x0 = new Float64Array([1, 2, 4]);
    const errs = [1e-2, 1e-3, 1e-4].map((h) => {
      const path = brownianStream(createRng(0), uniformGrid(0, 2, Math.round(2 / h)), 3, 1);
      const tau = exitTimes(square, eulerMaruyama, x0, path, 1e12);
      // Euler's 1/x loses h²/(1/x + h) per step: never early, late by ≤ h(ln(1 + 1/(x_0 h)) + 8)
      return Array.from(tau, (t, i) => {
        const exact = 1 / x0[i] - 1e-12;
        expect(t).toBeGreaterThanOrEqual(exact);
        expect(t - exact).toBeLessThan(h * (Math.log(1 + 1 / (x0[i] * h)) + 8));
        return t - exact;
      });
    });
    expect(errs[2][0]).toBeLessThan(errs[0][0] / 20); // converges
  });
  it("gives +∞ to a path that stays inside, and t_0 to one that starts outside", () => {
    const calm = sdeFromScalar({ drift: () => 0, diffusion: () => 0.1, additive: true });
    const path = sampleBrownianPath(createRng(1), [0, 0.5, 1], 2, 1);
    const tau = exitTimes(calm, eulerMaruyama, new Float64Array([0, 5]), path, 2);
    expect(Array.from(tau)).toEqual([Infinity, 0]);
  });
});
