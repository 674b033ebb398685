import * as w from "../../src/fast/wasm-emit";

describe("wasm/emit", () => {
  test("LEB128: known encodings (WebAssembly Core Specification 2.0, §5.2.2)", () => {
    expect(w.uleb(0)).toEqual([0]);
    expect(w.uleb(127)).toEqual([0x7f]);
    expect(w.uleb(128)).toEqual([0x80, 0x01]);
    expect(w.uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(w.sleb(-1)).toEqual([0x7f]);
    expect(w.sleb(63)).toEqual([0x3f]);
    expect(w.sleb(64)).toEqual([0xc0, 0x00]);
    expect(w.sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
  });

  test("assemble + instantiate: a function with f64 parameters, an i32 result and memory", () => {
    // f(a, b, x, y) = a·b + (x·y stored at 8, then loaded back as i32 via f64 → not needed)
    const [a, b, x, y] = [0, 1, 2, 3];
    const body = [
      [w.i32Const(0), w.localGet(x), w.localGet(y), w.f64Mul, w.f64Store(8)],
      [w.localGet(a), w.localGet(b), w.i32Mul],
    ];
    const bytes = w.assemble("f", [w.I32, w.I32, w.F64, w.F64], [], body, {
      result: w.I32,
      pages: 2,
    });
    const m = w.instantiate(bytes);
    expect(m).not.toBeNull();
    if (m === null) return;
    expect(m.fn(6, 7, 1.5, 4)).toBe(42);
    expect(new Float64Array(m.mem.buffer)[1]).toBe(6);
    expect(m.mem.buffer.byteLength).toBe(2 * 65536);
  });

  test("instantiate returns null for bytes that do not validate", () => {
    expect(w.instantiate(new Uint8Array([0, 0x61, 0x73, 0x6d, 9, 9, 9, 9]))).toBeNull();
  });
});
