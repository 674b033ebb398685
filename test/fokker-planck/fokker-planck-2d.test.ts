import {
  cellGrid,
  gridMoments2d,
  solveFokkerPlanck2d,
  type Problem2d,
} from "../../src/fokker-planck";
import { lyapunov2, principalAxes } from "../../src/linalg";

// dX = A X dt + g dW with correlated noise: g gᵀ = [[1, 0.6], [0.6, 1]]
const A = Float64Array.of(-1, 0.5, -0.3, -0.8);
const g = Float64Array.of(1, 0, 0.6, 0.8);
const gg = Float64Array.of(1, 0.6, 0.6, 1);
const axes = principalAxes(g);
const problem: Problem2d = {
  drift: (_t, x, out) => {
    out[0] = A[0] * x[0] + A[1] * x[1];
    out[1] = A[2] * x[0] + A[3] * x[1];
  },
  axes,
  timeDependent: false,
};
const matmul = (a: Float64Array, b: Float64Array): Float64Array =>
  Float64Array.of(
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
  );
const transpose = (a: Float64Array): Float64Array => Float64Array.of(a[0], a[2], a[1], a[3]);

describe("lyapunov2", () => {
  test("A Σ + Σ Aᵀ + Q = 0 to rounding, Σ symmetric positive definite for a stable A", () => {
    const s = lyapunov2(A, gg);
    const r = matmul(A, s).map((v, i) => v + matmul(s, transpose(A))[i] + gg[i]);
    expect(Math.max(...r.map(Math.abs))).toBeLessThan(1e-15 * 8); // entries ≤ 1: a few ulps
    expect(s[1]).toBe(s[2]);
    expect(s[0] > 0 && s[0] * s[3] - s[1] * s[2] > 0).toBe(true);
  });

  test("known answer: scalar OU in each coordinate (A = −θ I, Q = σ² I) gives σ²/(2θ) I", () => {
    expect(
      Array.from(lyapunov2(Float64Array.of(-2, 0, 0, -2), Float64Array.of(3, 0, 0, 3))),
    ).toEqual([0.75, 0, 0, 0.75]);
  });

  test.each([
    [
      () => lyapunov2(Float64Array.of(1, 0, 0, -1), gg),
      "lyapunov2: A must have tr A ≠ 0 and det A ≠ 0 for a unique solution, got tr = 0, det = -1",
    ],
    [
      () => lyapunov2(A, Float64Array.of(1, 0.5, 0.6, 1)),
      "lyapunov2: q must be symmetric, got q12 = 0.5, q21 = 0.6",
    ],
    [
      () => lyapunov2(Float64Array.of(1, 2, 3), gg),
      "lyapunov2: a must be a finite Float64Array of shape (2, 2), got a Float64Array of length 3",
    ],
  ])("bad input %#", (make, message) => {
    expect(make).toThrow(RangeError);
    expect(make).toThrow(message);
  });
});

describe("principalAxes", () => {
  test("Q diag(D) Qᵀ = g gᵀ / 2 and Q is a rotation", () => {
    const q = axes.rotation;
    const d = Float64Array.of(axes.d[0], 0, 0, axes.d[1]);
    const back = matmul(matmul(q, d), transpose(q));
    back.forEach((v, i) => expect(Math.abs(v - gg[i] / 2)).toBeLessThan(1e-15));
    expect(Math.abs(q[0] * q[3] - q[1] * q[2] - 1)).toBeLessThan(1e-15);
    expect(axes.d[0]).toBeCloseTo(0.8, 14); // eigenvalues of [[1, .6], [.6, 1]]/2: 0.8 and 0.2
    expect(axes.d[1]).toBeCloseTo(0.2, 14);
  });

  test("degenerate noise is refused", () => {
    expect(() => principalAxes(Float64Array.of(1, 1))).toThrow(
      "principalAxes: g gᵀ must be positive definite (noise in both directions), got eigenvalues 2, 0",
    );
  });
});

describe("solveFokkerPlanck2d (rotation to principal axes, Strang splitting)", () => {
  const s = lyapunov2(A, gg);
  // ranges ±6 sd of the stationary law along each principal axis
  const q = axes.rotation;
  const sd = (k: number): number =>
    Math.sqrt(q[k] * (q[k] * s[0] + q[k + 2] * s[2]) + q[k + 2] * (q[k] * s[1] + q[k + 2] * s[3]));
  const g1 = cellGrid(-6 * sd(0), 6 * sd(0), 40);
  const g2 = cellGrid(-6 * sd(1), 6 * sd(1), 40);
  const pointMass = (): Float64Array => {
    const p = new Float64Array(40 * 40);
    p[20 * 40 + 13] = 1 / (g1.h * g2.h);
    return p;
  };

  test("backward Euler from a point mass: mass 1 to rounding and p ≥ 0 after huge steps", () => {
    const p = solveFokkerPlanck2d(problem, g1, g2, pointMass(), 0, 5, { steps: 3 });
    expect(Math.min(...p)).toBeGreaterThanOrEqual(0);
    expect(Math.abs(gridMoments2d(axes, g1, g2, p).mass - 1)).toBeLessThan(1e-13);
  });

  test("stationary covariance matches the Lyapunov solution (TR-BDF2 sweeps, T = 12)", () => {
    const p = solveFokkerPlanck2d(problem, g1, g2, pointMass(), 0, 12, {
      steps: 80,
      scheme: "tr-bdf2",
    });
    const m = gridMoments2d(axes, g1, g2, p);
    // Strang + TR-BDF2 at Δt = 0.15 and h ≈ 0.3: observed |ΔΣ| ≤ 3e-3 (Σ ~ 0.5); the transient
    // e^{−2·0.9·12} ≈ 4e-10 is gone. A dropped mixed term would be off by Σ12 ≈ 0.36.
    m.cov.forEach((v, i) => expect(Math.abs(v - s[i])).toBeLessThan(5e-3));
    m.mean.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-4)); // mean → 0 like e^{−0.9 t}
  });

  test("bad problem: TypeError naming the parameter", () => {
    expect(() =>
      solveFokkerPlanck2d({ ...problem, axes: {} as never }, g1, g2, pointMass(), 0, 1, {
        steps: 1,
      }),
    ).toThrow("solveFokkerPlanck2d: problem.axes must come from principalAxes(g), got an object");
    expect(() =>
      solveFokkerPlanck2d(problem, g1, g2, new Float64Array(3), 0, 1, { steps: 1 }),
    ).toThrow("solveFokkerPlanck2d: p0 must have length 1600, got 3");
    expect(() =>
      solveFokkerPlanck2d(problem, g1, g2, pointMass(), 0, 1, { steps: 1, scheme: "cn" as never }),
    ).toThrow(
      new TypeError(
        'solveFokkerPlanck2d: options.scheme must be one of "backward-euler", "tr-bdf2", got "cn"',
      ),
    );
    expect(() =>
      solveFokkerPlanck2d({ ...problem, timeDependent: 0 as never }, g1, g2, pointMass(), 0, 1, {
        steps: 1,
      }),
    ).toThrow("solveFokkerPlanck2d: problem.timeDependent must be a boolean, got 0");
    // a drift that blows up is reported under the function the user called, with x and t
    expect(() =>
      solveFokkerPlanck2d(
        { ...problem, drift: (_t, _x, out) => out.fill(NaN) },
        g1,
        g2,
        pointMass(),
        0,
        1,
        { steps: 1 },
      ),
    ).toThrow(/^solveFokkerPlanck2d: drift f must be finite, got NaN at x = /);
  });

  test("gridMoments2d checks its axes (it read axes.rotation of anything)", () => {
    expect(() => gridMoments2d(undefined as never, g1, g2, pointMass())).toThrow(
      new TypeError("gridMoments2d: axes must come from principalAxes(g), got undefined"),
    );
  });
});
