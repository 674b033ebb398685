import fc from "fast-check";
import { createJsGemm, createWasmGemm, gemmPacked, type GemmMicroKernel } from "../../src/fast";
import { gemmReference } from "../../src/linalg/gemm";
import { doubles, firstDifference, SEED } from "./support";

const U = 2 ** -53; // unit roundoff
const gamma = (n: number): number => (n * U) / (1 - n * U); // Higham (2002), Lemma 3.1

/**
 * The order the WebAssembly kernel sums in: even p in one f64x2 lane, odd p in the other, each
 * from 0 and in order, the lanes added at the end (the padded p = k of an odd k adds +0).
 */
function twoLaneReference(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  m: number,
  n: number,
  k: number,
  accumulate: boolean,
  aT: boolean,
  bT: boolean,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const lane = [0, 0];
      for (let p = 0; p < k; p++) {
        lane[p & 1] += (aT ? a[p * m + i] : a[i * k + p]) * (bT ? b[p * n + j] : b[j * k + p]);
      }
      const s = lane[0] + lane[1];
      c[i * n + j] = accumulate ? c[i * n + j] + s : s;
    }
  }
}

/** Σ_p |A_ip B_jp|, the condition scale of entry (i, j). */
function absDot(
  a: Float64Array,
  b: Float64Array,
  m: number,
  n: number,
  k: number,
  aT: boolean,
  bT: boolean,
  i: number,
  j: number,
): number {
  let s = 0;
  for (let p = 0; p < k; p++)
    s += Math.abs((aT ? a[p * m + i] : a[i * k + p]) * (bT ? b[p * n + j] : b[j * k + p]));
  return s;
}

interface Problem {
  s: { m: number; n: number; k: number; aT: boolean; bT: boolean; accumulate: boolean };
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
}

// m across the 2-row block, n across the 4-column block, k odd and even (k is padded to even)
const problem: fc.Arbitrary<Problem> = fc
  .record({
    m: fc.integer({ min: 1, max: 9 }),
    n: fc.integer({ min: 1, max: 11 }),
    k: fc.integer({ min: 1, max: 19 }),
    aT: fc.boolean(),
    bT: fc.boolean(),
    accumulate: fc.boolean(),
  })
  .chain((s) =>
    fc.record({
      s: fc.constant(s),
      a: doubles(s.m * s.k, { moderate: true }),
      b: doubles(s.n * s.k, { moderate: true }),
      c: doubles(s.m * s.n, { moderate: true }),
    }),
  );

function both(
  kernel: GemmMicroKernel,
  ref: typeof gemmReference,
  { s, a, b, c }: Problem,
): { fast: Float64Array; want: Float64Array } {
  const { m, n, k, aT, bT, accumulate } = s;
  const fast = Float64Array.from(c);
  const want = Float64Array.from(c);
  gemmPacked(kernel, aT ? "t" : "n", bT ? "t" : "n", a, b, fast, m, n, k, accumulate);
  ref(a, b, want, m, n, k, accumulate, aT, bT);
  return { fast, want };
}

describe("gemmPacked with the plain-JavaScript kernel against gemmReference", () => {
  it("bit-identical: the same sum in the same order, for every padding path and all ops", () => {
    const kernel = createJsGemm();
    fc.assert(
      fc.property(problem, (p) => {
        const { fast, want } = both(kernel, gemmReference, p);
        expect({ ...p.s, firstDiff: firstDifference(fast, want) }).toEqual({
          ...p.s,
          firstDiff: -1,
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

const wasm = createWasmGemm();
const run = wasm ? it : it.skip;

describe("gemmPacked with the WebAssembly kernel", () => {
  run("bit-identical to the two-lane sum (even p, odd p, then the lanes)", () => {
    fc.assert(
      fc.property(problem, (p) => {
        const { fast, want } = both(wasm as GemmMicroKernel, twoLaneReference, p);
        expect({ ...p.s, firstDiff: firstDifference(fast, want) }).toEqual({
          ...p.s,
          firstDiff: -1,
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  run("within the rounding-error bound of the plain sum of gemmReference", () => {
    // Both sums are of the same k products, in different orders: the plain one is within
    // γ_k Σ|A_ip B_jp| of the exact dot product, the two-lane one within γ_{⌈k/2⌉+1} Σ|…|
    // (Higham 2002, eq. (3.5)); with accumulate both then round c + s once more, u |c + s| each.
    fc.assert(
      fc.property(problem, (p) => {
        const { fast, want } = both(wasm as GemmMicroKernel, gemmReference, p);
        const { m, n, k, aT, bT, accumulate } = p.s;
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            const e = i * n + j;
            const dot = absDot(p.a, p.b, m, n, k, aT, bT, i, j);
            const bound =
              (gamma(k) + gamma(Math.ceil(k / 2) + 1)) * dot +
              (accumulate ? U * (Math.abs(fast[e]) + Math.abs(want[e])) : 0);
            if (!(Math.abs(fast[e] - want[e]) <= bound)) {
              throw new Error(
                `entry (${i}, ${j}) of ${JSON.stringify(p.s)}: |${fast[e]} − ${want[e]}| > ${bound}`,
              );
            }
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
