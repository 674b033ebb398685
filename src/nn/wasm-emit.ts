/**
 * A few WebAssembly opcodes as byte arrays, enough to write the GEMM kernel by hand: no
 * assembler and no npm dependency, the module is assembled when the library loads.
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
export const V128 = 0x7b;
export const localGet = (i: number): Code => [0x20, uleb(i)];
export const localSet = (i: number): Code => [0x21, uleb(i)];
export const localTee = (i: number): Code => [0x22, uleb(i)];
export const i32Const = (v: number): Code => [0x41, sleb(v)];
export const i32Add: Code = 0x6a;
export const i32Mul: Code = 0x6c;
export const i32LtU: Code = 0x49;
export const i32Shl: Code = 0x74;
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
export const brIf = (depth: number): Code => [0x0d, depth];

function flat(code: Code): number[] {
  const out: number[] = [];
  const walk = (c: Code): void => {
    if (typeof c === "number") out.push(c);
    else for (const x of c) walk(x);
  };
  walk(code);
  return out;
}

function section(id: number, bytes: number[]): number[] {
  return [id, ...uleb(bytes.length), ...bytes];
}

function name(s: string): number[] {
  const b = Array.from(s, (c) => c.charCodeAt(0));
  return [...uleb(b.length), ...b];
}

/**
 * A module with one exported memory "mem" (1 page, growable) and one exported function `fn`
 * with i32 parameters, no result, the given locals and body.
 */
export function assemble(fn: string, params: number, locals: number[], body: Code): Uint8Array {
  const groups: [number, number][] = [];
  for (const t of locals) {
    const last = groups[groups.length - 1];
    if (last && last[1] === t) last[0]++;
    else groups.push([1, t]);
  }
  const fbody = [
    ...uleb(groups.length),
    ...groups.flatMap(([c, t]) => [...uleb(c), t]),
    ...flat(body),
    0x0b,
  ];
  const bytes = [
    [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    section(1, [1, 0x60, ...uleb(params), ...new Array<number>(params).fill(I32), 0]),
    section(3, [1, 0]),
    section(5, [1, 0x00, 1]),
    section(7, [2, ...name(fn), 0x00, 0, ...name("mem"), 0x02, 0]),
    section(10, [1, ...uleb(fbody.length), ...fbody]),
  ];
  return new Uint8Array(flat(bytes));
}
