/**
 * Probes of src/fast (see harness.ts): every kernel checks the shapes and scalars it is given,
 * once per call (O(1)); entries are not inspected (its callers validate them, and a fused
 * finiteness check reports in the result), so "non-finite-entry" is probed only for the
 * ziggurat tables, which are checked once when the kernel is compiled.
 */
import fc from "fast-check";
import {
  addBlock,
  createJsF32Kernels,
  createJsGemm,
  createWasmF32Kernels,
  createWasmGemm,
  createWasmSilu,
  createWasmZiggurat,
  eulerMaruyamaDiagonal,
  fastExp,
  gemmPacked,
  hadamardInPlace,
  scaleInto,
  siluFast,
  siluSecondFast,
  zigguratFill,
  type F32Kernels,
  type GemmMicroKernel,
  type ZigguratSlow,
} from "../../src/fast";
import { createRng } from "../../src/rng";
import type { Xoshiro128 } from "../../src/rng/xoshiro128";
import { ZIG_K32, ZIG_W32, zigguratSlow } from "../../src/rng/ziggurat";
import type { BadKind, Probe } from "./harness";

const count: BadKind[] = ["negative", "non-integer", "nan", "infinite", "wrong-type", "missing"];
const positive: BadKind[] = ["zero", ...count];
const scalar: BadKind[] = ["nan", "infinite", "wrong-type", "missing"];
const buffer: BadKind[] = ["empty", "short", "wrong-type", "missing"];
const object: BadKind[] = ["wrong-type", "missing"];
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const array = (n: number, min = -3, max = 3) =>
  fc.array(finite(min, max), { minLength: n, maxLength: n }).map((a) => Float64Array.from(a));

/** A generator's state words and the slow branch drawing from it. */
const generator = fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((seed) => {
  const rng = createRng(seed) as Xoshiro128;
  const slow: ZigguratSlow = (i, x, neg) => zigguratSlow(rng, i, x, neg);
  return { s: rng.s, slow };
});

/** An elementwise kernel f(...arrays of length len, len), returning its outputs. */
function elementwise(
  name: string,
  names: string[],
  f: (arrays: Float64Array[], len: number) => void,
): Probe {
  return {
    name,
    valid: fc
      .integer({ min: 2, max: 30 })
      .chain((len) => fc.tuple(...names.map(() => array(len))).map((arrays) => [...arrays, len])),
    call: (...args) => {
      const arrays = args.slice(0, names.length) as Float64Array[];
      f(arrays, args[names.length] as number);
      return arrays;
    },
    params: [
      ...names.map((n, i) => ({ arg: i, name: n, bad: buffer })),
      { arg: names.length, name: "len", bad: count },
    ],
  };
}

/** A micro-kernel's run(a, b, c, m, n, k) on a scratch of 2000 doubles, and its reserve. */
function microKernel(name: string, make: () => GemmMicroKernel | null): Probe[] {
  const kernel = (): GemmMicroKernel => {
    const k = make();
    if (k === null) throw new Error(`${name} needs WebAssembly SIMD`);
    return k;
  };
  return [
    {
      name,
      valid: fc.constant<unknown[]>([]),
      call: () => kernel(),
      params: [], // the optional caller name: any string is valid ("" is refused, in gemm tests)
    },
    {
      name: `${name}.reserve`,
      valid: fc.tuple(fc.integer({ min: 0, max: 5000 })),
      call: (doubles) => {
        const k = kernel();
        k.reserve(doubles as number);
        return k.view.length >= (doubles as number) ? 1 : NaN;
      },
      params: [{ arg: 0, name: "doubles", bad: count }],
    },
    {
      name: `${name}.run`,
      valid: fc
        .tuple(
          fc.integer({ min: 1, max: 3 }).map((i) => 2 * i),
          fc.integer({ min: 1, max: 3 }).map((i) => 4 * i),
          fc.integer({ min: 1, max: 4 }).map((i) => 2 * i),
        )
        .map(([m, n, k]) => [0, m * k, m * k + n * k, m, n, k]),
      call: (a, b, c, m, n, k) => {
        const K = kernel();
        K.reserve(2000);
        K.view.fill(0.5);
        K.run(a as number, b as number, c as number, m as number, n as number, k as number);
        return K.view.subarray(0, 200);
      },
      params: [
        { arg: 0, name: "a", bad: count },
        { arg: 1, name: "b", bad: count },
        { arg: 2, name: "c", bad: count },
        { arg: 3, name: "m", bad: positive },
        { arg: 4, name: "n", bad: positive },
        { arg: 5, name: "k", bad: positive },
      ],
    },
  ];
}

const tables = fc.constant<Float64Array[]>([
  Float64Array.from(ZIG_K32),
  Float64Array.from(ZIG_W32),
]);
const fillArgs = fc.tuple(
  generator,
  fc.integer({ min: 0, max: 200 }),
  finite(-10, 10),
  finite(0, 10),
);
// s is an Int32Array (4,): "short" leaves 1 to 3 words ("empty" would try a Float64Array)
const stateBad = { arg: 0, name: "s", bad: ["short", "wrong-type", "missing"] as BadKind[] };
const wasmSilu = createWasmSilu();
const wasmZiggurat = createWasmZiggurat(ZIG_K32, ZIG_W32);

export const probes: Probe[] = [
  {
    name: "addBlock",
    // dst (dOff + (rows − 1)·dStride + w), src likewise: exact lengths, w ≥ 2
    valid: fc
      .tuple(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2, max: 6 }),
      )
      .chain(([dOff, dStride, sOff, sStride, rows, w]) =>
        fc
          .tuple(array(dOff + (rows - 1) * dStride + w), array(sOff + (rows - 1) * sStride + w))
          .map(([dst, src]) => [dst, dOff, dStride, src, sOff, sStride, rows, w]),
      ),
    call: (dst, dOff, dStride, src, sOff, sStride, rows, w) => {
      addBlock(
        dst as Float64Array,
        dOff as number,
        dStride as number,
        src as Float64Array,
        sOff as number,
        sStride as number,
        rows as number,
        w as number,
      );
      return dst;
    },
    params: [
      { arg: 0, name: "dst", bad: buffer },
      { arg: 1, name: "dOff", bad: count },
      { arg: 2, name: "dStride", bad: count },
      { arg: 3, name: "src", bad: buffer },
      { arg: 4, name: "sOff", bad: count },
      { arg: 5, name: "sStride", bad: count },
      { arg: 6, name: "rows", bad: count },
      { arg: 7, name: "w", bad: count },
    ],
  },
  elementwise("hadamardInPlace", ["g", "d"], ([g, d], len) => hadamardInPlace(g, d, len)),
  {
    name: "scaleInto",
    valid: fc
      .integer({ min: 2, max: 30 })
      .chain((len) =>
        fc.tuple(array(len), finite(-5, 5), array(len)).map(([o, c, x]) => [o, c, x, len]),
      ),
    call: (out, c, x, len) => {
      scaleInto(out as Float64Array, c as number, x as Float64Array, len as number);
      return out;
    },
    params: [
      { arg: 0, name: "out", bad: buffer },
      // c: any number (a non-finite factor shows in the result, and a solver reports it)
      { arg: 1, name: "c", bad: ["wrong-type", "missing"] },
      { arg: 2, name: "x", bad: buffer },
      { arg: 3, name: "len", bad: count },
    ],
  },
  {
    name: "fastExp",
    valid: fc.tuple(finite(-708, 709)),
    call: (x) => fastExp(x as number),
    // NaN gives NaN and ±Infinity the clamp's e^{−708}, e^{709}, as documented
    params: [{ arg: 0, name: "x", bad: ["wrong-type", "missing"] }],
  },
  elementwise("siluFast", ["z", "h", "d"], ([z, h, d], len) => siluFast(z, h, d, len)),
  elementwise("siluSecondFast", ["z", "out"], ([z, out], len) => siluSecondFast(z, out, len)),
  {
    name: "createWasmSilu",
    valid: fc.constant<unknown[]>([]),
    call: () => createWasmSilu(),
    params: [], // takes no arguments
  },
  elementwise("createWasmSilu.run", ["z", "h", "d"], ([z, h, d], len) =>
    wasmSilu?.run(z, h, d, len),
  ),
  {
    name: "eulerMaruyamaDiagonal",
    // x, f, g, dW (n, d) with n ≥ 2, g per state (shared: a boolean, true is as valid as false)
    valid: fc
      .tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 3 }), finite(-0.1, 0.1))
      .chain(([n, d, h]) =>
        fc
          .tuple(array(n * d), array(n * d), array(n * d), array(n * d))
          .map(([x, f, g, dW]) => [x, f, g, dW, h, n, d, false]),
      ),
    call: (x, f, g, dW, h, n, d, shared) => ({
      ok: eulerMaruyamaDiagonal(
        x as Float64Array,
        f as Float64Array,
        g as Float64Array,
        dW as Float64Array,
        h as number,
        n as number,
        d as number,
        shared as boolean,
      )
        ? 1
        : 0,
      x,
    }),
    params: [
      { arg: 0, name: "x", bad: buffer },
      { arg: 1, name: "f", bad: buffer },
      { arg: 2, name: "g", bad: buffer },
      { arg: 3, name: "dW", bad: buffer },
      { arg: 4, name: "h", bad: scalar },
      { arg: 5, name: "n", bad: positive },
      { arg: 6, name: "d", bad: positive },
      { arg: 7, name: "shared", bad: ["missing"] },
    ],
  },
  {
    name: "zigguratFill",
    valid: fc
      .tuple(fillArgs, tables)
      .map(([[g, n, mean, std], [k32, w32]]) => [
        g.s,
        new Float64Array(n),
        mean,
        std,
        k32,
        w32,
        g.slow,
      ]),
    call: (s, out, mean, std, k32, w32, slow) =>
      zigguratFill(
        s as Int32Array,
        out as Float64Array,
        mean as number,
        std as number,
        k32 as Float64Array,
        w32 as Float64Array,
        slow as ZigguratSlow,
      ),
    params: [
      stateBad,
      { arg: 1, name: "out", bad: object },
      { arg: 2, name: "mean", bad: scalar },
      { arg: 3, name: "std", bad: scalar },
      { arg: 4, name: "k32", bad: buffer },
      { arg: 5, name: "w32", bad: buffer },
      { arg: 6, name: "slow", bad: object },
    ],
  },
  {
    name: "createWasmZiggurat",
    valid: tables,
    call: (k32, w32) => createWasmZiggurat(k32 as Float64Array, w32 as Float64Array),
    params: [
      { arg: 0, name: "k32", bad: [...buffer, "non-finite-entry"] },
      { arg: 1, name: "w32", bad: [...buffer, "non-finite-entry"] },
    ],
  },
  {
    name: "createWasmZiggurat.fill",
    valid: fillArgs.map(([g, n, mean, std]) => [g.s, new Float64Array(n), mean, std, g.slow]),
    call: (s, out, mean, std, slow) =>
      wasmZiggurat?.fill(
        s as Int32Array,
        out as Float64Array,
        mean as number,
        std as number,
        slow as ZigguratSlow,
      ),
    params: [
      stateBad,
      { arg: 1, name: "out", bad: object },
      { arg: 2, name: "mean", bad: scalar },
      { arg: 3, name: "std", bad: scalar },
      { arg: 4, name: "slow", bad: object },
    ],
  },
  {
    name: "gemmPacked",
    valid: fc
      .tuple(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom("n", "t"),
        fc.constantFrom("n", "t"),
        fc.boolean(),
      )
      .filter(([m, n, k]) => m * k >= 2 && n * k >= 2 && m * n >= 2) // "short" needs length ≥ 2
      .chain(([m, n, k, opA, opB, acc]) =>
        fc
          .tuple(array(m * k), array(n * k), fc.constantFrom(createJsGemm, createWasmGemm))
          .map(([a, b, make]) => [make(), opA, opB, a, b, new Float64Array(m * n), m, n, k, acc]),
      ),
    call: (kernel, opA, opB, a, b, c, m, n, k, acc) => {
      gemmPacked(
        kernel as GemmMicroKernel,
        opA as "n",
        opB as "n",
        a as Float64Array,
        b as Float64Array,
        c as Float64Array,
        m as number,
        n as number,
        k as number,
        acc as boolean,
      );
      return c;
    },
    params: [
      { arg: 0, name: "kernel", bad: object },
      { arg: 1, name: "opA", bad: object },
      { arg: 2, name: "opB", bad: object },
      { arg: 3, name: "a", bad: buffer },
      { arg: 4, name: "b", bad: buffer },
      { arg: 5, name: "c", bad: buffer },
      { arg: 6, name: "m", bad: positive },
      { arg: 7, name: "n", bad: positive },
      { arg: 8, name: "k", bad: positive },
      { arg: 9, name: "accumulate", bad: ["missing"] },
    ],
  },
  ...microKernel("createJsGemm", () => createJsGemm()),
  ...microKernel("createWasmGemm", () => createWasmGemm()),
  ...f32Kernels("createJsF32Kernels", () => createJsF32Kernels()),
  ...f32Kernels("createWasmF32Kernels", () => createWasmF32Kernels()),
];

/**
 * The float32 kernels' factory and methods: offsets, strides and counts are integers ≥ 0 (init
 * ≥ −1), m a positive multiple of 4, n of 8, k positive, lengths multiples of 4, and every range
 * inside the memory. Valid calls run on a memory filled with 0.5.
 */
function f32Kernels(name: string, make: () => F32Kernels | null): Probe[] {
  const kernels = (): F32Kernels => {
    const k = make();
    if (k === null) throw new Error(`${name} needs WebAssembly SIMD`);
    k.reserve(4000);
    k.view.fill(0.5);
    return k;
  };
  const offset: BadKind[] = ["negative", "non-integer", "nan", "infinite", "wrong-type", "missing"];
  const len4 = fc.integer({ min: 0, max: 8 }).map((q) => 4 * q);
  return [
    { name, valid: fc.constant<unknown[]>([]), call: () => kernels().view.subarray(0, 8), params: [] }, // prettier-ignore
    {
      name: `${name}.reserve`,
      valid: fc.tuple(fc.integer({ min: 0, max: 50000 })),
      call: (floats) => {
        const k = kernels();
        k.reserve(floats as number);
        return k.view.length >= (floats as number) ? 1 : NaN;
      },
      params: [{ arg: 0, name: "floats", bad: count }],
    },
    {
      name: `${name}.gemm`,
      valid: fc
        .tuple(
          fc.integer({ min: 1, max: 3 }).map((i) => 4 * i),
          fc.integer({ min: 1, max: 3 }).map((i) => 8 * i),
          fc.integer({ min: 1, max: 9 }),
          fc.constantFrom(-1, 1000),
        )
        .map(([m, n, k, init]) => [0, k, 1, m * k, n, m * k + n * k, n, init, 0, m, n, k]),
      call: (...args) => {
        const K = kernels();
        const [a, sAi, sAp, b, sBp, c, sCi, init, sInit, m, n, k] = args as number[];
        K.gemm(a, sAi, sAp, b, sBp, c, sCi, init, sInit, m, n, k);
        return K.view.subarray(0, 1200);
      },
      params: [
        ...["a", "sAi", "sAp", "b", "sBp", "c", "sCi"].map((p, i) => ({ arg: i, name: p, bad: offset })), // prettier-ignore
        { arg: 7, name: "init", bad: ["non-integer", "nan", "infinite", "wrong-type", "missing"] },
        { arg: 8, name: "sInit", bad: offset },
        { arg: 9, name: "m", bad: positive },
        { arg: 10, name: "n", bad: positive },
        { arg: 11, name: "k", bad: positive },
      ],
    },
    {
      name: `${name}.silu`,
      valid: len4.map((len) => [0, 100, 200, len]),
      call: (z, h, d, len) => {
        const K = kernels();
        K.silu(z as number, h as number, d as number, len as number);
        return K.view.subarray(0, 300);
      },
      params: ["z", "h", "d", "len"].map((p, i) => ({ arg: i, name: p, bad: offset })),
    },
    {
      name: `${name}.hadamard`,
      valid: len4.map((len) => [0, 100, len]),
      call: (g, d, len) => {
        const K = kernels();
        K.hadamard(g as number, d as number, len as number);
        return K.view.subarray(0, 200);
      },
      params: ["g", "d", "len"].map((p, i) => ({ arg: i, name: p, bad: offset })),
    },
    {
      name: `${name}.columnSums`,
      valid: fc
        .tuple(fc.integer({ min: 0, max: 5 }), len4)
        .map(([rows, width]) => [0, width + 4, 1000, rows, width]),
      call: (g, stride, out, rows, width) => {
        const K = kernels();
        K.columnSums(g as number, stride as number, out as number, rows as number, width as number);
        return K.view.subarray(0, 1100);
      },
      params: ["g", "stride", "out", "rows", "width"].map((p, i) => ({ arg: i, name: p, bad: offset })), // prettier-ignore
    },
  ];
}

/** Exports and methods without a probe, with the reason. */
export const exempt: Record<string, string> = {};
