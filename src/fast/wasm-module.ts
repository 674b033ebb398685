/**
 * f32x4 opcodes beside the f64x2 ones of wasm-emit.ts, and a module of several functions on one
 * shared memory: the float32 kernels (GEMM, SiLU, Hadamard, column sums) all run on buffers that
 * live in that memory, so a network's passes copy nothing between kernels.
 * @internal
 * @see WebAssembly Core Specification 2.0, §5 (binary format); SIMD proposal, opcode table
 */
import * as w from "./wasm-emit";

type Code = w.Code;

export const F32 = 0x7d;
/** v128.load32_splat: one f32 at the address, in all four lanes (4-byte alignment hint). */
export const v128Load32Splat = (offset: number): Code => [0xfd, 0x09, 2, w.uleb(offset)];
/** v128.load / v128.store at a constant byte offset (4-byte alignment hint: rows need not be 16-aligned). */
export const v128LoadAt = (offset: number): Code => [0xfd, 0x00, 2, w.uleb(offset)];
export const v128StoreAt = (offset: number): Code => [0xfd, 0x0b, 2, w.uleb(offset)];
export const f32x4Add: Code = [0xfd, 0xe4, 0x01];
export const f32x4Sub: Code = [0xfd, 0xe5, 0x01];
export const f32x4Mul: Code = [0xfd, 0xe6, 0x01];
export const f32x4Div: Code = [0xfd, 0xe7, 0x01];
export const f32x4Min: Code = [0xfd, 0xe8, 0x01];
export const f32x4Max: Code = [0xfd, 0xe9, 0x01];
export const i32x4Add: Code = [0xfd, 0xae, 0x01];
export const i32x4Shl: Code = [0xfd, 0xab, 0x01];
/** v128.const holding the float v (rounded to float32) in all four lanes */
export const f32x4Const = (v: number): Code => {
  const b = new Uint8Array(new Float32Array([v, v, v, v]).buffer);
  return [0xfd, 0x0c, Array.from(b)];
};
/** v128.const holding the 32-bit integer v in all four lanes */
export const i32x4Const = (v: number): Code => {
  const b = new Uint8Array(new Int32Array([v, v, v, v]).buffer);
  return [0xfd, 0x0c, Array.from(b)];
};
/** `if … else … end` without a result. */
export const ifElse = (then: Code[], otherwise: Code[]): Code => [
  0x04,
  0x40,
  then,
  0x05,
  otherwise,
  0x0b,
];

/** One function of a module: its export name, i32 parameter count, locals and body. */
export interface WasmFunction {
  name: string;
  params: number;
  locals: number[];
  body: Code;
}

/** A module exporting memory "mem" (growable, one page to start) and each function by name. */
export function assembleModule(fns: WasmFunction[]): Uint8Array {
  const types = fns.flatMap((f) => [
    0x60,
    ...w.uleb(f.params),
    ...new Array<number>(f.params).fill(w.I32),
    0,
  ]);
  const bodies = fns.map((f) => {
    const body = w.functionBody(f.locals, f.body);
    return [...w.uleb(body.length), ...body];
  });
  const exports = [
    ...w.uleb(fns.length + 1),
    ...w.name("mem"),
    0x02,
    0,
    ...fns.flatMap((f, i) => [...w.name(f.name), 0x00, ...w.uleb(i)]),
  ];
  const bytes = [
    [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    w.section(1, [...w.uleb(fns.length), ...types]),
    w.section(3, [...w.uleb(fns.length), ...fns.flatMap((_, i) => w.uleb(i))]),
    w.section(5, [1, 0x00, 1]),
    w.section(7, exports),
    w.section(10, [...w.uleb(fns.length), ...bodies.flat()]),
  ];
  return new Uint8Array(w.flat(bytes));
}

/**
 * A compiler of an assembled module, compiling once on first use: each call of the result
 * instantiates it afresh (its own memory); null where WebAssembly SIMD is unavailable.
 */
export function moduleFactory(
  build: () => Uint8Array,
): () => { mem: w.WasmMemory; fns: Record<string, (...args: number[]) => number> } | null {
  let compiled: object | null | undefined;
  return () => {
    const WA = (globalThis as { WebAssembly?: w.WasmApi }).WebAssembly;
    if (compiled === undefined) {
      const bytes = build();
      compiled = WA && WA.validate(bytes) ? new WA.Module(bytes) : null;
    }
    if (compiled === null || !WA) return null;
    const { exports } = new WA.Instance(compiled);
    return {
      mem: exports.mem as w.WasmMemory,
      fns: exports as Record<string, (...args: number[]) => number>,
    };
  };
}
