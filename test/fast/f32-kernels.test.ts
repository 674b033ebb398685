import fc from "fast-check";
import { createJsF32Kernels, createWasmF32Kernels, type F32Kernels } from "../../src/fast";
import { firstDifference, SEED } from "./support";

const U = 2 ** -24; // float32 unit roundoff
const ETA = 2 ** -150; // half the spacing of float32 subnormals
const gamma = (n: number): number => (n * U) / (1 - n * U); // Higham (2002), Lemma 3.1
const f32 = (a: number[]): number[] => a.map(Math.fround);

const wasm = createWasmF32Kernels();
const run = wasm ? it : it.skip;

/** The GEMM problem: a, b, init laid out in one memory by strides (A transposed or not). */
interface GemmProblem {
  m: number;
  n: number;
  k: number;
  aT: boolean;
  initMode: "zero" | "c" | "bias";
  mem: number[];
}

const M = 4; // the kernels' row block
const N = 8; // the kernels' column block
const value = fc.double({ min: -1e3, max: 1e3, noNaN: true });
// m, n across one and several register blocks, k from 1 (the first layer's k = 3, the last's 2)
const gemmProblem: fc.Arbitrary<GemmProblem> = fc
  .record({
    m: fc.integer({ min: 1, max: 3 }).map((q) => q * M),
    n: fc.integer({ min: 1, max: 3 }).map((q) => q * N),
    k: fc.integer({ min: 1, max: 19 }),
    aT: fc.boolean(),
    initMode: fc.constantFrom("zero" as const, "c" as const, "bias" as const),
  })
  .chain((s) =>
    fc.record({
      ...Object.fromEntries(Object.entries(s).map(([key, x]) => [key, fc.constant(x)])),
      mem: fc.array(value, {
        minLength: s.m * s.k + s.k * s.n + s.m * s.n + s.n,
        maxLength: s.m * s.k + s.k * s.n + s.m * s.n + s.n,
      }),
    } as { [K in keyof GemmProblem]: fc.Arbitrary<GemmProblem[K]> }),
  );

interface GemmResult {
  c: Float32Array;
  at: (i: number, q: number) => number;
  bt: (q: number, j: number) => number;
  init: (i: number, j: number) => number;
}

/** Runs the problem on kernels K: returns C (m, n) and readers of A, B and the initial value. */
function runGemm(K: F32Kernels, p: GemmProblem): GemmResult {
  const { m, n, k, aT } = p;
  const [a, b, c, bias] = [0, m * k, m * k + k * n, m * k + k * n + m * n];
  K.reserve(p.mem.length);
  K.view.set(p.mem);
  const [sAi, sAp] = aT ? [1, m] : [k, 1];
  const [init, sInit] = p.initMode === "zero" ? [-1, 0] : p.initMode === "c" ? [c, n] : [bias, 0];
  const mem = Float32Array.from(p.mem);
  K.gemm(a, sAi, sAp, b, n, c, n, init, sInit, m, n, k);
  return {
    c: K.view.slice(c, c + m * n),
    at: (i, q) => mem[a + i * sAi + q * sAp],
    bt: (q, j) => mem[b + q * n + j],
    init: (i, j) => (init < 0 ? 0 : mem[init + i * sInit + j]),
  };
}

describe("float32 kernels: GEMM", () => {
  run("the f32x4 kernel is bit-identical to the Math.fround twin (same sums, same order)", () => {
    const js = createJsF32Kernels();
    fc.assert(
      fc.property(gemmProblem, (p) => {
        const x = runGemm(wasm as F32Kernels, p).c;
        const y = runGemm(js, p).c;
        expect({ m: p.m, n: p.n, k: p.k, diff: firstDifference(x, y) }).toEqual({ m: p.m, n: p.n, k: p.k, diff: -1 }); // prettier-ignore
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("the twin is within γ_{k+1}(|I| + Σ|A B|) of the float64 sum (Higham 2002, eq. (3.5))", () => {
    // k + 1 float32 terms (the initial value and k products): a sum of them rounded at each step
    // is within γ_{k+1} of the exact one relative to the sum of magnitudes; the float64 oracle's
    // own error (γ_{k+1} with u = 2⁻⁵³) is 2⁻²⁹ times smaller; products that underflow add at
    // most η = 2⁻¹⁵⁰ per operation (Higham 2002, §2.1, the model with underflow)
    const js = createJsF32Kernels();
    fc.assert(
      fc.property(gemmProblem, (p) => {
        const { c, at, bt, init } = runGemm(js, p);
        for (let i = 0; i < p.m; i++) {
          for (let j = 0; j < p.n; j++) {
            let [s, abs] = [init(i, j), Math.abs(init(i, j))];
            for (let q = 0; q < p.k; q++) {
              s += at(i, q) * bt(q, j);
              abs += Math.abs(at(i, q) * bt(q, j));
            }
            const bound = gamma(p.k + 1) * abs + (2 * p.k + 1) * ETA;
            if (!(Math.abs(c[i * p.n + j] - s) <= bound)) {
              throw new Error(`(${i}, ${j}) of ${JSON.stringify({ ...p, mem: undefined })}: |${c[i * p.n + j]} − ${s}| > ${bound}`); // prettier-ignore
            }
          }
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

// pre-activations where the clamp of e^{−z} to [−87, 88] is not reached, values near 0, and any
// float32 (NaN and ±Infinity included) for the bit-for-bit comparison
const z80 = fc.double({ min: -80, max: 80, noNaN: true });
const anyFloat = fc.float({ noDefaultInfinity: false });
const zs = (arb: fc.Arbitrary<number>): fc.Arbitrary<number[]> =>
  fc.integer({ min: 0, max: 10 }).chain((q) => fc.array(arb, { minLength: 4 * q, maxLength: 4 * q })); // prettier-ignore

function runSilu(K: F32Kernels, z: number[]): { h: Float32Array; d: Float32Array } {
  const len = z.length;
  K.reserve(3 * len);
  K.view.set(z);
  K.silu(0, len, 2 * len, len);
  return { h: K.view.slice(len, 2 * len), d: K.view.slice(2 * len, 3 * len) };
}

describe("float32 kernels: SiLU", () => {
  run("the f32x4 kernel is bit-identical to its Math.fround twin", () => {
    const js = createJsF32Kernels();
    fc.assert(
      fc.property(fc.oneof(zs(z80), zs(z80.map((x) => x % 4)), zs(anyFloat)), (z) => {
        const a = runSilu(wasm as F32Kernels, z);
        const b = runSilu(js, z);
        expect([firstDifference(a.h, b.h), firstDifference(a.d, b.d)]).toEqual([-1, -1]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("within 16 float32 ulp (of the operands' scale) of SiLU with Math.exp in float64", () => {
    // e^x: the degree-7 Taylor truncation < 6e-9 < u/10, ~8 roundings in Estrin's scheme and the
    // reduction: ≤ 10u relative; s = 1/(1 + e) adds 2 roundings (≤ 12u·s); h = z s one more:
    // 16u·|z|s. d = s(1 + z(1 − s)): 1 − s cancels near s = 1, so its bound is in units of the
    // same expression with every term by its magnitude, s(1 + |z|(1 + s)), 32u of it (a running
    // error bound; Higham 2002, §3.3)
    const js = createJsF32Kernels();
    fc.assert(
      fc.property(fc.oneof(zs(z80), zs(z80.map((x) => x % 4))), (z0) => {
        const z = f32(z0);
        const { h, d } = runSilu(js, z);
        z.forEach((zi, i) => {
          const s = 1 / (1 + Math.exp(-zi));
          const [hRef, dRef] = [zi * s, s * (1 + zi * (1 - s))];
          const ok =
            Math.abs(h[i] - hRef) <= 16 * U * Math.abs(zi) * s + 1e-44 &&
            Math.abs(d[i] - dRef) <= 32 * U * s * (1 + Math.abs(zi) * (1 + s)) + 1e-44;
          if (!ok) throw new Error(`z = ${zi}: h ${h[i]} vs ${hRef}, d ${d[i]} vs ${dRef}`);
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe("float32 kernels: Hadamard product and column sums", () => {
  const rowsWidth = fc.record({
    rows: fc.integer({ min: 0, max: 9 }),
    width: fc.integer({ min: 0, max: 4 }).map((q) => 4 * q),
    extra: fc.integer({ min: 0, max: 5 }),
  });
  const problem = rowsWidth.chain((s) =>
    fc.record({
      s: fc.constant(s),
      g: fc.array(value, { minLength: s.rows * (s.width + s.extra), maxLength: s.rows * (s.width + s.extra) }), // prettier-ignore
      d: fc.array(value, { minLength: s.rows * (s.width + s.extra), maxLength: s.rows * (s.width + s.extra) }), // prettier-ignore
    }),
  );

  type Problem = { s: { rows: number; width: number; extra: number }; g: number[]; d: number[] };

  /** Column sums of the first `width` of each row of g (row stride width + extra), then g ⊙ d. */
  function runBoth(K: F32Kernels, { s, g, d }: Problem): { had: Float32Array; sums: Float32Array } {
    const stride = s.width + s.extra;
    const len = s.rows * stride;
    const len4 = len - (len % 4);
    K.reserve(2 * len + s.width + 4);
    K.view.set(g, 0);
    K.view.set(d, len);
    K.columnSums(0, stride, 2 * len, s.rows, s.width); // before the product overwrites g
    const sums = K.view.slice(2 * len, 2 * len + s.width);
    K.hadamard(0, len, len4);
    return { had: K.view.slice(0, len4), sums };
  }

  run("the f32x4 kernels are bit-identical to their twins", () => {
    const js = createJsF32Kernels();
    fc.assert(
      fc.property(problem, (p) => {
        const a = runBoth(wasm as F32Kernels, p);
        const b = runBoth(js, p);
        expect([firstDifference(a.had, b.had), firstDifference(a.sums, b.sums)]).toEqual([-1, -1]); // prettier-ignore
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it("the product is g·d rounded once; the sums within γ_rows Σ|g| of the float64 sums", () => {
    const js = createJsF32Kernels();
    fc.assert(
      fc.property(problem, (p) => {
        const { had, sums } = runBoth(js, p);
        const [g, d] = [f32(p.g), f32(p.d)];
        had.forEach((x, i) => expect(x).toBe(Math.fround(g[i] * d[i])));
        const stride = p.s.width + p.s.extra;
        for (let j = 0; j < p.s.width; j++) {
          let [s, abs] = [0, 0];
          for (let r = 0; r < p.s.rows; r++) {
            s += g[r * stride + j];
            abs += Math.abs(g[r * stride + j]);
          }
          expect(Math.abs(sums[j] - s)).toBeLessThanOrEqual(gamma(p.s.rows) * abs); // sums of floats do not underflow
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});
