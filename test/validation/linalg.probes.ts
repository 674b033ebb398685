/**
 * Probes of src/linalg (see harness.ts). The O(n) and O(mnk) kernels check shapes and scalars,
 * not entries: a NaN in an operand of applyTridiagonal, solveShifted or a GEMM propagates to the
 * result (visible there), so "non-finite-entry" is probed only where the check is cheap beside
 * the work (Cholesky's O(d²) against O(d³); the 2 × 2 closed forms).
 */
import fc from "fast-check";
import {
  applyTridiagonal,
  cholesky,
  factorShifted,
  gemmKernel,
  gemmNN,
  gemmNT,
  gemmTN,
  inverseFromCholesky,
  logDetFromCholesky,
  lyapunov2,
  principalAxes,
  shiftedFactors,
  solveShifted,
  transposeTridiagonal,
  tridiagonal,
  type Tridiagonal,
} from "../../src/linalg";
import type { BadKind, Probe } from "./harness";

const count: BadKind[] = ["zero", "negative", "non-integer", "nan", "infinite", "wrong-type"];
const offset: BadKind[] = ["negative", "non-integer", "nan", "infinite", "wrong-type"];
const buffer: BadKind[] = ["empty", "short", "wrong-type", "missing"];
const object: BadKind[] = ["wrong-type", "missing"];
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const array = (n: number, min = -3, max = 3) =>
  fc.array(finite(min, max), { minLength: n, maxLength: n }).map((a) => Float64Array.from(a));

/** A symmetric positive-definite (d, d) matrix B Bᵀ + I, at an offset into a larger buffer. */
const spd = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }))
  .chain(([d, off]) =>
    array(d * d).map((b) => {
      const a = new Float64Array(off + d * d);
      for (let i = 0; i < d; i++) {
        for (let j = 0; j < d; j++) {
          let s = i === j ? 1 : 0;
          for (let k = 0; k < d; k++) s += b[i * d + k] * b[j * d + k];
          a[off + i * d + j] = s;
        }
      }
      return { a, off, d };
    }),
  );

/** The Cholesky factor of an SPD matrix, d ≥ 2 (so "short" has room). */
const factor = spd
  .filter(({ d }) => d >= 2)
  .map(({ a, off, d }) => {
    const l = new Float64Array(d * d);
    cholesky(a, off, d, l);
    return { l, d };
  });

/**
 * A Fokker–Planck-like operator (n ≥ 2): non-negative off-diagonals, zero column sums, so that
 * I − cA is an M-matrix for c ≥ 0 (finite pivots ≥ 1).
 */
const operator = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.tuple(array(n, 0, 2), array(n, 0, 2)).map(([lo, up]) => {
    const a = tridiagonal(n);
    for (let i = 1; i < n; i++) a.lower[i] = lo[i];
    for (let i = 0; i < n - 1; i++) a.upper[i] = up[i];
    for (let j = 0; j < n; j++) {
      a.diag[j] = -((j + 1 < n ? a.lower[j + 1] : 0) + (j > 0 ? a.upper[j - 1] : 0));
    }
    return a;
  }),
);

function gemm(name: string, f: typeof gemmNT, kernel?: "js" | "wasm"): Probe {
  return {
    name,
    valid: fc
      .tuple(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
      )
      .filter(([m, n, k]) => m * k >= 2 && n * k >= 2 && m * n >= 2) // "short" needs length ≥ 2
      .chain(([m, n, k]) =>
        fc
          .tuple(array(m * k), array(n * k), fc.boolean())
          .map(([a, b, acc]) => [
            a,
            b,
            new Float64Array(m * n),
            m,
            n,
            k,
            acc,
            kernel === undefined ? undefined : gemmKernel(kernel),
          ]),
      ),
    call: (a, b, c, m, n, k, acc, kern) => {
      f(
        a as Float64Array,
        b as Float64Array,
        c as Float64Array,
        m as number,
        n as number,
        k as number,
        acc as boolean,
        kern as never,
      );
      return c;
    },
    params: [
      { arg: 0, name: "a", bad: buffer },
      { arg: 1, name: "b", bad: buffer },
      { arg: 2, name: "c", bad: buffer },
      { arg: 3, name: "m", bad: count },
      { arg: 4, name: "n", bad: count },
      { arg: 5, name: "k", bad: count },
      // accumulate: true is valid, so "wrong-type" does not apply (gemm.test.ts tries "yes");
      // kernel: undefined is the default, {} and "1" are refused
      { arg: 7, name: "kernel", bad: ["wrong-type"] },
    ],
  };
}

export const probes: Probe[] = [
  {
    name: "cholesky",
    valid: spd.map(({ a, off, d }) => [a, off, d, new Float64Array(d * d)]),
    call: (a, off, d, l) => ({
      ok: cholesky(a as Float64Array, off as number, d as number, l as Float64Array) ? 1 : 0,
      l,
    }),
    params: [
      { arg: 0, name: "a", bad: ["empty", "wrong-type", "missing"] },
      { arg: 1, name: "off", bad: offset },
      { arg: 2, name: "d", bad: count },
      { arg: 3, name: "l", bad: ["empty", "wrong-type", "missing"] },
    ],
  },
  {
    name: "logDetFromCholesky",
    valid: factor.map(({ l, d }) => [l, d]),
    call: (l, d) => logDetFromCholesky(l as Float64Array, d as number),
    params: [
      { arg: 0, name: "l", bad: [...buffer, "non-finite-entry"] },
      { arg: 1, name: "d", bad: count },
    ],
  },
  {
    name: "inverseFromCholesky",
    valid: fc
      .tuple(factor, fc.integer({ min: 0, max: 3 }))
      .map(([{ l, d }, off]) => [l, d, new Float64Array(off + d * d), off]),
    call: (l, d, out, off) => {
      inverseFromCholesky(l as Float64Array, d as number, out as Float64Array, off as number);
      return out;
    },
    params: [
      { arg: 0, name: "l", bad: [...buffer, "non-finite-entry"] },
      { arg: 1, name: "d", bad: count },
      { arg: 2, name: "out", bad: buffer },
      { arg: 3, name: "off", bad: offset },
    ],
  },
  {
    name: "tridiagonal",
    valid: fc.tuple(fc.integer({ min: 1, max: 20 })),
    call: (n) => tridiagonal(n as number),
    params: [{ arg: 0, name: "n", bad: [...count, "missing"] }],
  },
  {
    name: "applyTridiagonal",
    valid: operator.chain((a) => array(a.n).map((x) => [a, x, new Float64Array(a.n)])),
    call: (a, x, y) => applyTridiagonal(a as Tridiagonal, x as Float64Array, y as Float64Array),
    params: [
      { arg: 0, name: "a", bad: object },
      { arg: 1, name: "x", bad: buffer },
      { arg: 2, name: "y", bad: buffer },
    ],
  },
  {
    name: "transposeTridiagonal",
    valid: operator.map((a) => [a, tridiagonal(a.n)]),
    call: (a, out) => transposeTridiagonal(a as Tridiagonal, out as Tridiagonal),
    params: [
      { arg: 0, name: "a", bad: object },
      { arg: 1, name: "out", bad: object },
    ],
  },
  {
    name: "shiftedFactors",
    valid: fc.tuple(fc.integer({ min: 1, max: 20 })),
    call: (n) => shiftedFactors(n as number),
    params: [{ arg: 0, name: "n", bad: [...count, "missing"] }],
  },
  {
    name: "factorShifted",
    valid: fc.tuple(operator, finite(0, 2)).map(([a, c]) => [a, c, shiftedFactors(a.n)]),
    call: (a, c, out) => factorShifted(a as Tridiagonal, c as number, out as never),
    params: [
      { arg: 0, name: "a", bad: object },
      { arg: 1, name: "c", bad: ["nan", "infinite", "wrong-type", "missing"] },
      { arg: 2, name: "out", bad: object },
    ],
  },
  {
    name: "solveShifted",
    valid: fc
      .tuple(operator, finite(0, 2))
      .chain(([a, c]) =>
        array(a.n).map((r) => [factorShifted(a, c, shiftedFactors(a.n)), r, new Float64Array(a.n)]),
      ),
    call: (f, r, x) => solveShifted(f as never, r as Float64Array, x as Float64Array),
    params: [
      { arg: 0, name: "f", bad: object },
      { arg: 1, name: "r", bad: buffer },
      { arg: 2, name: "x", bad: buffer },
    ],
  },
  {
    name: "lyapunov2",
    // a stable A (negative diagonal dominating the off-diagonal) and a symmetric PSD Q = g gᵀ
    valid: fc
      .tuple(finite(0.5, 3), finite(0.5, 3), finite(-0.4, 0.4), finite(-0.4, 0.4), array(4))
      .map(([p, q, r, s, g]) => [
        Float64Array.of(-p, r, s, -q),
        Float64Array.of(
          g[0] * g[0] + g[1] * g[1],
          g[0] * g[2] + g[1] * g[3],
          g[0] * g[2] + g[1] * g[3],
          g[2] * g[2] + g[3] * g[3],
        ),
      ]),
    call: (a, q) => lyapunov2(a as Float64Array, q as Float64Array),
    params: [
      { arg: 0, name: "a", bad: [...buffer, "non-finite-entry"] },
      { arg: 1, name: "q", bad: [...buffer, "non-finite-entry"] },
    ],
  },
  {
    name: "principalAxes",
    // g (2, m): a well-conditioned first 2 × 2 block (rank 2), then any columns
    valid: fc
      .tuple(finite(0.5, 3), finite(0.5, 3), finite(-0.4, 0.4), fc.integer({ min: 0, max: 2 }))
      .chain(([p, q, r, extra]) =>
        array(2 * extra).map((more) => {
          const m = 2 + extra;
          const g = new Float64Array(2 * m);
          g.set([p, r], 0);
          g.set([0, q], m);
          for (let k = 0; k < extra; k++) {
            g[2 + k] = more[k];
            g[m + 2 + k] = more[extra + k];
          }
          return [g];
        }),
      ),
    call: (g) => principalAxes(g as Float64Array),
    // a shorter even length is another valid shape (2, m'), so "short" does not apply
    params: [{ arg: 0, name: "g", bad: ["empty", "wrong-type", "missing", "non-finite-entry"] }],
  },
  {
    name: "gemmKernel",
    valid: fc.tuple(fc.constantFrom("auto", "wasm", "js")),
    call: (kind) => gemmKernel(kind as "js"),
    // undefined is the default ("auto"): no "missing"
    params: [{ arg: 0, name: "kind", bad: ["wrong-type"] }],
  },
  {
    name: "gemmKernel.reserve",
    valid: fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.constantFrom("wasm", "js")),
    call: (doubles, kind) => {
      const k = gemmKernel(kind as "js");
      k.reserve(doubles as number);
      return k.view.length >= (doubles as number) ? 1 : NaN;
    },
    params: [{ arg: 0, name: "doubles", bad: ["negative", "non-integer", "nan", "wrong-type"] }],
  },
  {
    name: "gemmKernel.run",
    // packed A (m, k) at a, B (n, k) at b, C (m, n) at c in a scratch of 2000 doubles
    valid: fc
      .tuple(
        fc.integer({ min: 1, max: 3 }).map((i) => 2 * i),
        fc.integer({ min: 1, max: 3 }).map((i) => 4 * i),
        fc.integer({ min: 1, max: 4 }).map((i) => 2 * i),
        fc.constantFrom("wasm", "js"),
      )
      .map(([m, n, k, kind]) => [0, m * k, m * k + n * k, m, n, k, kind]),
    call: (a, b, c, m, n, k, kind) => {
      const K = gemmKernel(kind as "js");
      K.reserve(2000);
      K.view.fill(0.5);
      K.run(a as number, b as number, c as number, m as number, n as number, k as number);
      return K.view.subarray(0, 200);
    },
    params: [
      { arg: 0, name: "a", bad: offset },
      { arg: 1, name: "b", bad: offset },
      { arg: 2, name: "c", bad: offset },
      { arg: 3, name: "m", bad: count },
      { arg: 4, name: "n", bad: count },
      { arg: 5, name: "k", bad: count },
    ],
  },
  gemm("gemmNT", gemmNT),
  gemm("gemmNN", gemmNN, "js"),
  gemm("gemmTN", gemmTN, "wasm"),
];

/** Exports and methods without a probe, with the reason. */
export const exempt: Record<string, string> = {
  requireGemmKernel:
    "a validator: its errors name its caller's function by design (probed as gemmNT's kernel)",
};
