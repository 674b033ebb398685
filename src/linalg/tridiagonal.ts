import { requireFinite, requireInteger } from "../base";
import { requireBands, requireVector } from "./band-checks";

/**
 * A tridiagonal n × n matrix by its three diagonals, each shape (n,):
 * `lower[i]` $= A_{i,i-1}$ (lower[0] unused, 0), `diag[i]` $= A_{ii}$, `upper[i]` $= A_{i,i+1}$
 * (upper[n−1] unused, 0).
 */
export interface Tridiagonal {
  readonly n: number;
  readonly lower: Float64Array;
  readonly diag: Float64Array;
  readonly upper: Float64Array;
}

/**
 * $A = 0 \in \mathbb{R}^{n \times n}$ stored as three zero diagonals.
 * @param n order, a positive integer
 * @see G. H. Golub & C. F. Van Loan (2013), Matrix Computations, 4th ed., §4.3 (band storage).
 */
export function tridiagonal(n: number): Tridiagonal {
  requireInteger("tridiagonal", "n", n, 1);
  return { n, lower: new Float64Array(n), diag: new Float64Array(n), upper: new Float64Array(n) };
}

/**
 * $y_i = A_{i,i-1} x_{i-1} + A_{ii} x_i + A_{i,i+1} x_{i+1}$, i.e. $y = A x$ in $5n$ flops.
 * Allocates nothing.
 * @param a - the matrix (n).
 * @param x - shape (n,).
 * @param y - shape (n,), output (must not alias x).
 * @see G. H. Golub & C. F. Van Loan (2013), Matrix Computations, 4th ed., §4.3 (band matrices).
 */
export function applyTridiagonal(a: Tridiagonal, x: Float64Array, y: Float64Array): Float64Array {
  const fn = "applyTridiagonal";
  requireBands(fn, "a", a, ["lower", "diag", "upper"]);
  const { n, lower, diag, upper } = a;
  requireVector(fn, "x", x, n);
  requireVector(fn, "y", y, n);
  if (y === x)
    throw new RangeError(`${fn}: y must not be x (the product is written as it is read)`);
  if (n === 1) {
    y[0] = diag[0] * x[0];
    return y;
  }
  y[0] = diag[0] * x[0] + upper[0] * x[1];
  for (let i = 1; i < n - 1; i++) y[i] = lower[i] * x[i - 1] + diag[i] * x[i] + upper[i] * x[i + 1];
  y[n - 1] = lower[n - 1] * x[n - 2] + diag[n - 1] * x[n - 1];
  return y;
}

/**
 * $(A^\top)_{i,i-1} = A_{i-1,i}$, $(A^\top)_{i,i+1} = A_{i+1,i}$: `out.lower[i] = a.upper[i−1]`,
 * `out.upper[i] = a.lower[i+1]`. The transpose of a Fokker–Planck operator is its Kolmogorov
 * backward operator.
 * @param a - the matrix (n).
 * @param out - the transpose (n), must not alias a.
 * @see G. H. Golub & C. F. Van Loan (2013), Matrix Computations, 4th ed., §4.3 (band storage; $A^\top$ has the bandwidths of $A$ swapped).
 */
export function transposeTridiagonal(a: Tridiagonal, out: Tridiagonal): Tridiagonal {
  const fn = "transposeTridiagonal";
  requireBands(fn, "a", a, ["lower", "diag", "upper"]);
  requireBands(fn, "out", out, ["lower", "diag", "upper"], a.n);
  if (out === a)
    throw new RangeError(`${fn}: out must not be a (the diagonals would be overwritten as read)`);
  const n = a.n;
  out.diag.set(a.diag);
  out.lower[0] = 0;
  out.upper[n - 1] = 0;
  for (let i = 1; i < n; i++) {
    out.lower[i] = a.upper[i - 1];
    out.upper[i - 1] = a.lower[i];
  }
  return out;
}

/**
 * The Thomas (LU) factors of $M = I - c A$: multipliers and inverse pivots, so that each solve
 * is two sweeps of 5n flops. For $A$ with non-negative off-diagonals and zero column sums (a
 * Fokker–Planck operator) M is a column-diagonally-dominant M-matrix: no pivoting is needed, the
 * pivots are ≥ 1, and every term of both sweeps is non-negative for a non-negative right side,
 * so the solution is non-negative even in floating point.
 * @see L. H. Thomas (1949); G. H. Golub & C. F. Van Loan (2013), Matrix Computations, 4th ed.,
 *   Algorithm 4.3.6 (diagonally dominant tridiagonal LU).
 */
export interface ShiftedFactors {
  readonly n: number;
  /** sub-diagonal of M, shape (n,) */
  readonly sub: Float64Array;
  /** modified super-diagonal $c'_i$, shape (n,) */
  readonly sup: Float64Array;
  /** inverse pivots $1/(m_{ii} - m_{i,i-1} c'_{i-1})$, shape (n,) */
  readonly invPivot: Float64Array;
}

/**
 * Storage for the Thomas factors $(m_{i,i-1},\ c'_i,\ 1/d_i)$ of an n × n shifted system
 * $M = I - cA$ (all zero until `factorShifted` fills them).
 * @see G. H. Golub & C. F. Van Loan (2013), Matrix Computations, 4th ed., §4.3.
 */
export function shiftedFactors(n: number): ShiftedFactors {
  requireInteger("shiftedFactors", "n", n, 1);
  return {
    n,
    sub: new Float64Array(n),
    sup: new Float64Array(n),
    invPivot: new Float64Array(n),
  };
}

/**
 * Factors $M = I - c A$ into `out` (allocates nothing) by the Thomas recurrences
 * $d_i = m_{ii} - m_{i,i-1} c'_{i-1}$, $c'_i = m_{i,i+1} / d_i$ ($c'_{-1} = 0$), $3n$ flops.
 * @param a - the operator (n).
 * @param c - the shift, e.g. $\Delta t$ for backward Euler.
 * @param out - factors of size n.
 * @see L. H. Thomas (1949); G. H. Golub & C. F. Van Loan (2013), Matrix Computations, 4th ed., §4.3 (tridiagonal LU without pivoting).
 */
export function factorShifted(a: Tridiagonal, c: number, out: ShiftedFactors): ShiftedFactors {
  const fn = "factorShifted";
  requireBands(fn, "a", a, ["lower", "diag", "upper"]);
  requireFinite(fn, "c", c);
  requireBands(fn, "out", out, ["sub", "sup", "invPivot"], a.n);
  const { n, lower, diag, upper } = a;
  const { sub, sup, invPivot } = out;
  let prev = 0; // c'_{i-1}
  let s = 0; // Σ 0·(1/d_i): 0 while every pivot is finite and non-zero, else NaN
  for (let i = 0; i < n; i++) {
    const l = i > 0 ? -c * lower[i] : 0;
    const u = i < n - 1 ? -c * upper[i] : 0;
    const inv = 1 / (1 - c * diag[i] - l * prev);
    sub[i] = l;
    invPivot[i] = inv;
    prev = u * inv;
    sup[i] = prev;
    s += inv * 0 + prev * 0;
  }
  if (s !== 0) {
    throw new RangeError(
      `${fn}: I − cA must have finite non-zero pivots (without pivoting), got a zero or non-finite one for c = ${c}; a and c must be finite, A a Fokker–Planck operator and c ≥ 0 guarantee it`,
    );
  }
  return out;
}

/**
 * Solves $M x = r$ with the factors of M by forward elimination
 * $y_i = (r_i - m_{i,i-1} y_{i-1}) / d_i$ and back substitution $x_i = y_i - c'_i x_{i+1}$
 * ($x_{n-1} = y_{n-1}$); x may alias r. Allocates nothing.
 * @param f - factors of M (n).
 * @param r - right side, shape (n,).
 * @param x - solution, shape (n,).
 * @see L. H. Thomas (1949); G. H. Golub & C. F. Van Loan (2013), Matrix Computations, 4th ed., §4.3 (forward and back substitution with the band LU factors).
 */
export function solveShifted(f: ShiftedFactors, r: Float64Array, x: Float64Array): Float64Array {
  const fn = "solveShifted";
  requireBands(fn, "f", f, ["sub", "sup", "invPivot"]);
  const { n, sub, sup, invPivot } = f;
  requireVector(fn, "r", r, n);
  requireVector(fn, "x", x, n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    prev = (r[i] - sub[i] * prev) * invPivot[i];
    x[i] = prev;
  }
  for (let i = n - 2; i >= 0; i--) x[i] -= sup[i] * x[i + 1];
  return x;
}
