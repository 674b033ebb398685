import { gemmKernel, gemmNN, gemmNT, gemmTN, type GemmKernel } from "../../src/linalg";
import { createRng, fillNormal } from "../../src/rng";

const SEED = 31;

/** Oracle: the triple loop, C_ij = Σ_p a(i, p) b(j, p) with index functions. */
function naive(
  m: number,
  n: number,
  k: number,
  a: (i: number, p: number) => number,
  b: (j: number, p: number) => number,
): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) c[i * n + j] += a(i, p) * b(j, p);
  return c;
}

const kernels: [string, GemmKernel][] = [
  ["wasm", gemmKernel("wasm")],
  ["js", gemmKernel("js")],
];
// shapes that exercise every padding path: m odd, n not a multiple of 4, k odd, and exact blocks
const shapes = [
  [5, 7, 3],
  [1, 1, 1],
  [2, 4, 2],
  [9, 6, 33],
  [16, 32, 17],
];

describe.each(kernels)("gemm with the %s kernel", (_name, K) => {
  it.each(shapes)(
    "m=%i n=%i k=%i: NT, NN, TN equal the triple loop (to 1e-12 relative)",
    (m, n, k) => {
      const rng = createRng(SEED);
      const a = fillNormal(rng, new Float64Array(m * k));
      const b = fillNormal(rng, new Float64Array(n * k));
      const c = new Float64Array(m * n);
      // sums of k ≤ 33 products of O(1) normals: rounding ≤ k·2⁻⁵³·Σ|terms| ≪ 1e-12·(1 + |C|)
      const close = (got: Float64Array, want: Float64Array): void =>
        want.forEach((w, i) =>
          expect(Math.abs(got[i] - w)).toBeLessThan(1e-12 * (k + Math.abs(w))),
        );
      gemmNT(a, b, c, m, n, k, false, K);
      close(
        c,
        naive(
          m,
          n,
          k,
          (i, p) => a[i * k + p],
          (j, p) => b[j * k + p],
        ),
      );
      // b read as (k, n)
      gemmNN(a, b, c, m, n, k, false, K);
      close(
        c,
        naive(
          m,
          n,
          k,
          (i, p) => a[i * k + p],
          (j, p) => b[p * n + j],
        ),
      );
      // a read as (k, m), b as (k, n); accumulate onto a copy of the previous result
      const before = c.slice();
      gemmTN(a, b, c, m, n, k, true, K);
      const tn = naive(
        m,
        n,
        k,
        (i, p) => a[p * m + i],
        (j, p) => b[p * n + j],
      );
      close(
        c,
        tn.map((v, i) => v + before[i]),
      );
    },
  );
});

describe("gemm: bad input", () => {
  it.each([
    [
      () => gemmNT(new Float64Array(4), new Float64Array(4), new Float64Array(4), 0, 2, 2),
      RangeError,
      "gemmNT: m must be a positive integer, got 0",
    ],
    [
      () => gemmNN(new Float64Array(3), new Float64Array(4), new Float64Array(4), 2, 2, 2),
      RangeError,
      "gemmNN: a must hold at least 4 values, got length 3",
    ],
    [
      () =>
        gemmTN(
          [1, 2] as unknown as Float64Array,
          new Float64Array(4),
          new Float64Array(4),
          1,
          1,
          1,
        ),
      TypeError,
      "gemmTN: a must be a Float64Array",
    ],
    [
      () => gemmKernel("gpu" as "js"),
      TypeError,
      'gemmKernel: kind must be one of "auto", "wasm", "js", got "gpu"',
    ],
    [
      () =>
        gemmNT(
          new Float64Array(4),
          new Float64Array(4),
          new Float64Array(4),
          2,
          2,
          2,
          "yes" as never,
        ),
      TypeError,
      'gemmNT: accumulate must be a boolean, got "yes"',
    ],
    [
      () =>
        gemmNT(
          new Float64Array(4),
          new Float64Array(4),
          new Float64Array(4),
          2,
          2,
          2,
          false,
          {} as never,
        ),
      TypeError,
      "gemmNT: kernel must be a GemmKernel (from gemmKernel) or undefined, got an object",
    ],
    [
      () =>
        gemmNT(new Float64Array(4), new Float64Array(4), new Float64Array(4), "2" as never, 2, 2),
      TypeError,
      'gemmNT: m must be a positive integer, got "2"',
    ],
    [
      () => gemmKernel("js").run(0, 8, 16, 3, 4, 2),
      RangeError,
      "gemmKernel.run: m must be a multiple of 2, got 3",
    ],
    [
      () => gemmKernel("wasm").run(0, 8, 1e6, 2, 4, 2),
      RangeError,
      "gemmKernel.run: c + 8 (the packed operand) must lie within the scratch",
    ],
  ])("%#", (f, type, msg) => {
    expect(f).toThrow(type);
    expect(f).toThrow(msg);
  });
});
