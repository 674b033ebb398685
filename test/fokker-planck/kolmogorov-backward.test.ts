import {
  cellGrid,
  kolmogorovBackward,
  pointMass,
  solveFokkerPlanck,
  type Coefficients1d,
} from "../../src/fokker-planck";
import { observedOrders, ou, theta, sigma } from "./support";

/** E[exp(−X_T²) | X_t = x] for OU: X_T ~ N(m, v) gives exp(−m²/(1 + 2v)) / sqrt(1 + 2v). */
function ouExpectation(tau: number): (x: number) => number {
  const v = (sigma ** 2 * -Math.expm1(-2 * theta * tau)) / (2 * theta);
  return (x) => {
    const m = x * Math.exp(-theta * tau);
    return Math.exp(-(m * m) / (1 + 2 * v)) / Math.sqrt(1 + 2 * v);
  };
}

const doubleWell: Coefficients1d = {
  drift: (_t, x) => x - x ** 3,
  diffusion: () => 0.7,
  timeDependent: false,
};

describe("kolmogorovBackward", () => {
  test("second order in space against the closed form of E[exp(−X_T²) | X_t = x] (OU)", () => {
    const errors = [40, 80, 160, 320].map((n) => {
      const grid = cellGrid(-6, 6, n);
      const phi = Float64Array.from(grid.x, (x) => Math.exp(-x * x));
      const { p: u } = kolmogorovBackward(grid, ou, phi, 0, 1, { steps: 200, scheme: "tr-bdf2" });
      const exact = ouExpectation(1);
      // |x| ≤ 3: near the reflecting ends paths started at x feel the wall, which the whole-line
      // closed form does not (a boundary layer, not a discretisation error)
      return Math.max(
        ...Array.from(grid.x, (x, i) => (Math.abs(x) <= 3 ? Math.abs(u[i] - exact(x)) : 0)),
      );
    });
    // observed orders; Δt² = 2.5e-5 sits far below the finest error
    for (const q of observedOrders(errors)) expect(Math.abs(q - 2)).toBeLessThan(0.1);
  });

  test("constants are preserved and the maximum principle holds (backward Euler)", () => {
    const grid = cellGrid(-3, 3, 60);
    const one = kolmogorovBackward(grid, doubleWell, new Float64Array(60).fill(1), 0, 2, {
      steps: 10,
    }).p;
    expect(Math.max(...one.map((v) => Math.abs(v - 1)))).toBeLessThan(1e-13); // rounding of 10 solves
    const step = Float64Array.from(grid.x, (x) => (x > 0 ? 1 : 0));
    const u = kolmogorovBackward(grid, doubleWell, step, 0, 2, { steps: 3 }).p;
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThanOrEqual(1);
  });

  test("discrete duality: Σ u(0) p0 h = Σ φ p(T) h to rounding for the same stepper", () => {
    const grid = cellGrid(-3, 3, 60);
    const phi = Float64Array.from(grid.x, (x) => Math.cos(x) + x * x);
    const u = kolmogorovBackward(grid, doubleWell, phi, 0, 1.5, { steps: 30 }).p;
    const p0 = pointMass(grid, -0.9);
    const pT = solveFokkerPlanck(grid, doubleWell, p0, 0, 1.5, { steps: 30 }).p;
    const dot = (a: Float64Array, b: Float64Array): number =>
      a.reduce((s, v, i) => s + v * b[i], 0) * grid.h;
    expect(Math.abs(dot(u, p0) - dot(phi, pT))).toBeLessThan(1e-12); // both sides ≈ 2: 30 solves of rounding
  });

  test("bad times: RangeError", () => {
    const grid = cellGrid(-1, 1, 4);
    expect(() => kolmogorovBackward(grid, ou, new Float64Array(4), 1, 1, { steps: 1 })).toThrow(
      "kolmogorovBackward: T must be a finite number > t = 1, got 1",
    );
  });
});
