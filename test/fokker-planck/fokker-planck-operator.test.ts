import { applyTridiagonal, tridiagonal } from "../../src/linalg";
import {
  cellGrid,
  fokkerPlanckOperator,
  kolmogorovOperator,
  type Coefficients1d,
} from "../../src/fokker-planck";
import { ou } from "./support";

const grid = cellGrid(-3, 3, 60);
/** double well U = (x² − 1)², g = 0.8: Φ = 2U/g², f = −U' = −4x(x² − 1) */
const g = 0.8;
const doubleWell: Coefficients1d = {
  drift: (_t, x) => -4 * x * (x * x - 1),
  diffusion: () => g,
  potential: (_t, x) => (2 * (x * x - 1) ** 2) / (g * g),
  timeDependent: false,
};

function assembled(c: Coefficients1d, t = 0): ReturnType<typeof tridiagonal> {
  const a = tridiagonal(grid.n);
  fokkerPlanckOperator(grid, c).assemble(t, a);
  return a;
}

describe("fokkerPlanckOperator", () => {
  test("columns sum to zero and off-diagonals are positive (mass, M-matrix)", () => {
    for (const c of [ou, doubleWell, { ...doubleWell, potential: undefined }]) {
      const a = assembled(c);
      for (let j = 0; j < grid.n; j++) {
        const col =
          a.diag[j] + (j > 0 ? a.upper[j - 1] : 0) + (j < grid.n - 1 ? a.lower[j + 1] : 0);
        // one rounding in the diagonal: |col| ≤ 2 ulp of the largest entry
        expect(Math.abs(col)).toBeLessThanOrEqual(4e-16 * Math.abs(a.diag[j]));
      }
      for (let i = 1; i < grid.n; i++) expect(a.lower[i]).toBeGreaterThan(0);
      for (let i = 0; i < grid.n - 1; i++) expect(a.upper[i]).toBeGreaterThan(0);
    }
  });

  test("exact discrete equilibrium: A e^{−Φ} = 0 to rounding for a gradient drift with its potential", () => {
    const a = assembled(doubleWell);
    const peq = Float64Array.from(grid.x, (x) => Math.exp(-doubleWell.potential!(0, x)));
    const r = applyTridiagonal(a, peq, new Float64Array(grid.n));
    const scale = Math.max(...Array.from(peq, (p, i) => p * Math.abs(a.diag[i])));
    // each row is a difference of two exactly balanced fluxes: rounding only, 1e-14 of the largest term
    expect(Math.max(...r.map(Math.abs))).toBeLessThan(1e-14 * scale);
    // without the potential the midpoint rule misses ∫U' by O(h³) per face: a visibly nonzero residual
    const mid = applyTridiagonal(
      assembled({ ...doubleWell, potential: undefined }),
      peq,
      new Float64Array(grid.n),
    );
    expect(Math.max(...mid.map(Math.abs))).toBeGreaterThan(1e-6 * scale);
  });

  test("OU: the midpoint rule is exact for linear f/D, so e^{−θx²/σ²} is the discrete equilibrium", () => {
    const r = applyTridiagonal(
      assembled(ou),
      Float64Array.from(grid.x, (x) => Math.exp(-x * x)),
      new Float64Array(grid.n),
    );
    expect(Math.max(...r.map(Math.abs))).toBeLessThan(1e-13); // rounding of entries of size ~1/h² = 100
  });

  test("time dependence: coefficients are read at the requested t", () => {
    const c: Coefficients1d = { drift: () => 0, diffusion: (t) => Math.sqrt(2 * (1 + t)) };
    // D = 1 + t, pure diffusion: A_{i,i+1} = D/h²
    expect(assembled(c, 0).upper[5]).toBeCloseTo(1 / grid.h ** 2, 10);
    expect(assembled(c, 2).upper[5]).toBeCloseTo(3 / grid.h ** 2, 10);
  });

  test("the Kolmogorov operator is the transpose: rows sum to zero (constants are preserved)", () => {
    const b = tridiagonal(grid.n);
    kolmogorovOperator(grid, doubleWell).assemble(0, b);
    const one = applyTridiagonal(b, new Float64Array(grid.n).fill(1), new Float64Array(grid.n));
    expect(Math.max(...one.map(Math.abs))).toBeLessThan(1e-12); // entries ~1e3: rounding
  });

  test.each<[Coefficients1d, string]>([
    [
      { drift: () => NaN, diffusion: () => 1 },
      "fokkerPlanckOperator.assemble: drift f must be finite, got NaN at x = -2.9, t = 0.5",
    ],
    [
      { drift: () => 0, diffusion: () => 0 },
      "fokkerPlanckOperator.assemble: D = g²/2 must be finite and > 0, got 0 at x = -2.95, t = 0.5",
    ],
    [
      { drift: () => 0, diffusion: () => Infinity },
      "fokkerPlanckOperator.assemble: D = g²/2 must be finite and > 0, got Infinity at x = -2.95, t = 0.5",
    ],
    [
      {
        drift: () => 0,
        diffusion: () => 1,
        potential: (_t: number, x: number) => (x > 0 ? NaN : 0),
      },
      `fokkerPlanckOperator.assemble: potential Φ must be finite, got NaN at x = ${grid.x[30]}, t = 0.5`,
    ],
    [
      { drift: () => 1e308, diffusion: () => 1e-10 },
      "fokkerPlanckOperator.assemble: Péclet number h f/D must be finite, got Infinity at x = -2.9, t = 0.5",
    ],
  ])("non-finite coefficient %#: RangeError naming x and t", (c, message) => {
    const op = fokkerPlanckOperator(grid, c);
    expect(() => op.assemble(0.5, tridiagonal(grid.n))).toThrow(RangeError);
    expect(() => op.assemble(0.5, tridiagonal(grid.n))).toThrow(message);
  });

  test("assemble checks t and out", () => {
    const op = fokkerPlanckOperator(grid, ou);
    expect(() => op.assemble(NaN, tridiagonal(grid.n))).toThrow(
      new RangeError("fokkerPlanckOperator.assemble: t must be a finite number, got NaN"),
    );
    expect(() => op.assemble(0, tridiagonal(3))).toThrow(
      new TypeError(
        "fokkerPlanckOperator.assemble: out must be a Tridiagonal of size n = 60 (tridiagonal(60)), got an object",
      ),
    );
    expect(() => kolmogorovOperator(grid, ou).assemble(Infinity, tridiagonal(grid.n))).toThrow(
      new RangeError("kolmogorovOperator.assemble: t must be a finite number, got Infinity"),
    );
  });

  test.each([
    [
      () => fokkerPlanckOperator({} as never, ou),
      TypeError,
      "fokkerPlanckOperator: grid must be a CellGrid from cellGrid(), got an object",
    ],
    [
      () => fokkerPlanckOperator(grid, { drift: 1 } as never),
      TypeError,
      "fokkerPlanckOperator: coefficients.drift must be a function, got 1",
    ],
    [
      () => fokkerPlanckOperator(grid, { ...ou, timeDependent: "no" } as never),
      TypeError,
      'fokkerPlanckOperator: coefficients.timeDependent must be a boolean, got "no"',
    ],
  ])("bad argument %#", (make, type, message) => {
    expect(make).toThrow(type);
    expect(make).toThrow(message);
  });
});
