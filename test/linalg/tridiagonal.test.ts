import fc from "fast-check";
import {
  applyTridiagonal,
  factorShifted,
  shiftedFactors,
  solveShifted,
  transposeTridiagonal,
  tridiagonal,
} from "../../src/linalg";

/** A random generator matrix: off-diagonals ≥ 0, columns summing to zero. */
function randomOperator(rates: number[]): ReturnType<typeof tridiagonal> {
  const n = rates.length / 2 + 1;
  const a = tridiagonal(n);
  for (let i = 0; i < n - 1; i++) {
    a.upper[i] = rates[2 * i];
    a.lower[i + 1] = rates[2 * i + 1];
  }
  for (let j = 0; j < n; j++)
    a.diag[j] = -((j > 0 ? a.upper[j - 1] : 0) + (j < n - 1 ? a.lower[j + 1] : 0));
  return a;
}

const rates = fc
  .integer({ min: 1, max: 30 })
  .chain((m) =>
    fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 2 * m, maxLength: 2 * m }),
  );

describe("tridiagonal solves", () => {
  test("property: (I − cA) x = r is solved to rounding (residual ≤ 1e-12 relative)", () => {
    fc.assert(
      fc.property(rates, fc.double({ min: 1e-6, max: 10, noNaN: true }), (r, c) => {
        const a = randomOperator(r);
        const n = a.n;
        const rhs = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1) + 1.5);
        const x = solveShifted(factorShifted(a, c, shiftedFactors(n)), rhs, new Float64Array(n));
        const ax = applyTridiagonal(a, x, new Float64Array(n));
        // pivots ≥ 1 (column dominance): backward error a few ulps of max(|r|, c‖A‖‖x‖)
        const scale = Math.max(
          ...Array.from(x, (v, i) => Math.abs(v) * (1 + c * Math.abs(a.diag[i]) * 2)),
        );
        return x.every((v, i) => Math.abs(v - c * ax[i] - rhs[i]) <= 1e-12 * scale + 1e-12);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  test("property: a non-negative right side gives a non-negative solution and the same sum", () => {
    fc.assert(
      fc.property(rates, fc.double({ min: 1e-6, max: 1e3, noNaN: true }), (r, c) => {
        const a = randomOperator(r);
        const rhs = Float64Array.from({ length: a.n }, (_, i) => (i % 3 === 0 ? 0 : i));
        const x = solveShifted(
          factorShifted(a, c, shiftedFactors(a.n)),
          rhs,
          new Float64Array(a.n),
        );
        const s = (v: Float64Array): number => v.reduce((p, q) => p + q, 0);
        // unit column sums of I − cA: 1ᵀx = 1ᵀr up to the solve's backward error
        // ε |I − cA| |x|, i.e. a few ulps times (1 + 2c max|A_ii|) per entry
        const amax = Math.max(...Array.from(a.diag, Math.abs));
        const tol = 4 * a.n * Number.EPSILON * (1 + 2 * c * amax) * s(rhs);
        return x.every((v) => v >= 0) && Math.abs(s(x) - s(rhs)) <= tol;
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  test("transpose swaps lower and upper; applying it equals the dense transpose (known answer)", () => {
    const a = tridiagonal(3);
    a.lower.set([0, 1, 2]);
    a.diag.set([3, 4, 5]);
    a.upper.set([6, 7, 0]);
    const t = transposeTridiagonal(a, tridiagonal(3));
    expect(Array.from(t.lower)).toEqual([0, 6, 7]);
    expect(Array.from(t.upper)).toEqual([1, 2, 0]);
    // dense A = [[3,6,0],[1,4,7],[0,2,5]]; Aᵀ (1,1,1) = column sums (4, 12, 12)
    expect(Array.from(applyTridiagonal(t, Float64Array.of(1, 1, 1), new Float64Array(3)))).toEqual([
      4, 12, 12,
    ]);
  });
});

describe("tridiagonal family: bad input", () => {
  it.each([
    [
      "n not an integer (was the engine's 'Invalid typed array length: 2.5')",
      () => tridiagonal(2.5),
      RangeError,
      "tridiagonal: n must be a positive integer, got 2.5",
    ],
    [
      "x shorter than n (read as undefined: NaN entries, silently)",
      () => applyTridiagonal(tridiagonal(3), new Float64Array(2), new Float64Array(3)),
      RangeError,
      "applyTridiagonal: x must have length n = 3, got 2",
    ],
    [
      "y aliasing x",
      () => {
        const x = new Float64Array(3);
        return applyTridiagonal(tridiagonal(3), x, x);
      },
      RangeError,
      "applyTridiagonal: y must not be x",
    ],
    [
      "factors of another order",
      () => factorShifted(tridiagonal(3), 0.1, shiftedFactors(4)),
      RangeError,
      "factorShifted: out.n must equal a.n = 3, got 4",
    ],
    [
      "a zero pivot (was an Infinity in the factors)",
      () => {
        const a = tridiagonal(2);
        a.diag.set([1, 1]);
        return factorShifted(a, 1, shiftedFactors(2)); // 1 − c·a₀₀ = 0
      },
      RangeError,
      "factorShifted: I − cA must have finite non-zero pivots",
    ],
  ])("%s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
