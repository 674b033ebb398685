/**
 * A few WebAssembly opcodes as byte arrays, enough to write the GEMM, SiLU and ziggurat kernels
 * by hand: no assembler and no npm dependency, each module is assembled when first needed.
 * @internal
 * @see WebAssembly Core Specification 2.0, §5 (binary format); SIMD proposal, opcode table
 */

/** A piece of code: bytes, or nested pieces (flattened on assembly). */
export type Code = number | Code[];

/** $n = \sum_i b_i 2^{7i}$, unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export const localGet = (i: number): Code => [0x20, uleb(i)];
export const localSet = (i: number): Code => [0x21, uleb(i)];
export const localTee = (i: number): Code => [0x22, uleb(i)];
export const i32Const = (v: number): Code => [0x41, sleb(v)];
export const i32Add: Code = 0x6a;
export const i32Mul: Code = 0x6c;
export const i32LtU: Code = 0x49;
export const i32Shl: Code = 0x74;
export const i32Sub: Code = 0x6b;
export const i32And: Code = 0x71;
export const i32Xor: Code = 0x73;
export const i32ShrU: Code = 0x76;
export const i32Rotl: Code = 0x77;
export const i32Eqz: Code = 0x45;
export const i32GeU: Code = 0x4f;
export const i32GeS: Code = 0x4e;
/** i32.load / i32.store at a constant byte offset, 4-byte alignment hint. */
export const i32Load = (offset: number): Code => [0x28, 2, uleb(offset)];
export const i32Store = (offset: number): Code => [0x36, 2, uleb(offset)];
/** f64.load at a constant byte offset, 8-byte alignment hint. */
export const f64Load = (offset: number): Code => [0x2b, 3, uleb(offset)];
export const f64Mul: Code = 0xa2;
/** f64.convert_i32_u: the i32 read as unsigned, exactly. */
export const f64ConvertI32U: Code = 0xb8;
/** v128.load / v128.store with 16-byte alignment hint. */
export const v128Load: Code = [0xfd, 0x00, 4, 0];
export const v128Store: Code = [0xfd, 0x0b, 4, 0];
export const v128Zero: Code = [0xfd, 0x0c, new Array<number>(16).fill(0)];
export const f64x2Add: Code = [0xfd, 0xf0, 0x01];
export const f64x2Mul: Code = [0xfd, 0xf2, 0x01];
export const f64x2Sub: Code = [0xfd, 0xf1, 0x01];
export const f64x2Div: Code = [0xfd, 0xf3, 0x01];
export const f64x2Min: Code = [0xfd, 0xf4, 0x01];
export const f64x2Max: Code = [0xfd, 0xf5, 0x01];
export const i64x2Add: Code = [0xfd, 0xce, 0x01];
export const i64x2Shl: Code = [0xfd, 0xcb, 0x01];
/** v128.const holding the double v in both lanes */
export const f64x2Const = (v: number): Code => {
  const b = new Uint8Array(new Float64Array([v, v]).buffer);
  return [0xfd, 0x0c, Array.from(b)];
};
/** v128.const holding the 64-bit integer v (|v| < 2³¹) in both lanes */
export const i64x2Const = (v: number): Code => {
  const b = new Uint8Array(new BigInt64Array([BigInt(v), BigInt(v)]).buffer);
  return [0xfd, 0x0c, Array.from(b)];
};
export const f64x2Lane = (l: number): Code => [0xfd, 0x21, l];
export const f64Add: Code = 0xa0;
/** f64.store at a constant byte offset from the address on the stack. */
export const f64Store = (offset: number): Code => [0x39, 3, uleb(offset)];
export const loop = (...body: Code[]): Code => [0x03, 0x40, body, 0x0b];
export const block = (...body: Code[]): Code => [0x02, 0x40, body, 0x0b];
/** `if … end` without a result or an else branch. */
export const ifThen = (...body: Code[]): Code => [0x04, 0x40, body, 0x0b];
export const br = (depth: number): Code => [0x0c, depth];
export const brIf = (depth: number): Code => [0x0d, depth];
export const ret: Code = 0x0f;

/** The bytes of nested code, in order. */
export function flat(code: Code): number[] {
  const out: number[] = [];
  const walk = (c: Code): void => {
    if (typeof c === "number") out.push(c);
    else for (const x of c) walk(x);
  };
  walk(code);
  return out;
}

/** A module section: its id, its byte length, its bytes. */
export function section(id: number, bytes: number[]): number[] {
  return [id, ...uleb(bytes.length), ...bytes];
}

/** A name as the binary format stores it: its length, then its (ASCII) bytes. */
export function name(s: string): number[] {
  const b = Array.from(s, (c) => c.charCodeAt(0));
  return [...uleb(b.length), ...b];
}

/** A function's body as the code section holds it: runs of equal local types, the code, `end`. */
export function functionBody(locals: number[], body: Code): number[] {
  const groups: [number, number][] = [];
  for (const t of locals) {
    const last = groups[groups.length - 1];
    if (last && last[1] === t) last[0]++;
    else groups.push([1, t]);
  }
  return [
    ...uleb(groups.length),
    ...groups.flatMap(([c, t]) => [...uleb(c), t]),
    ...flat(body),
    0x0b,
  ];
}

/**
 * A module with one exported memory "mem" (`pages` × 64 KiB, growable) and one exported function
 * `fn` with the given parameter types (a count means that many i32), an optional result type,
 * the given locals and body.
 */
export function assemble(
  fn: string,
  params: number | number[],
  locals: number[],
  body: Code,
  options: { result?: number; pages?: number } = {},
): Uint8Array {
  const types = typeof params === "number" ? new Array<number>(params).fill(I32) : params;
  const results = options.result === undefined ? [0] : [1, options.result];
  const fbody = functionBody(locals, body);
  const bytes = [
    [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    section(1, [1, 0x60, ...uleb(types.length), ...types, ...results]),
    section(3, [1, 0]),
    section(5, [1, 0x00, ...uleb(options.pages ?? 1)]),
    section(7, [2, ...name(fn), 0x00, 0, ...name("mem"), 0x02, 0]),
    section(10, [1, ...uleb(fbody.length), ...fbody]),
  ];
  return new Uint8Array(flat(bytes));
}

/** The part of the WebAssembly JS API used here (the project's lib has no DOM types). */
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

/** A module's exported memory. */
export interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

/**
 * Compiles and instantiates an assembled module; null where WebAssembly (or a feature the module
 * uses, such as SIMD) is unavailable, so callers fall back to JavaScript.
 */
export function instantiate(
  bytes: Uint8Array,
): { mem: WasmMemory; fn: (...args: number[]) => number } | null {
  const WA = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!WA || !WA.validate(bytes)) return null;
  const { exports } = new WA.Instance(new WA.Module(bytes));
  const fn = Object.keys(exports).find((k) => k !== "mem");
  if (fn === undefined) return null;
  return { mem: exports.mem as WasmMemory, fn: exports[fn] as (...args: number[]) => number };
}
