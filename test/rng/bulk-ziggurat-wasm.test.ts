import { createRng } from "../../src/rng";
import { bulkZiggurat } from "../../src/rng/bulk-ziggurat";
import { bulkZigguratWasm } from "../../src/rng/bulk-ziggurat-wasm";
import type { Xoshiro128 } from "../../src/rng/xoshiro128";
import * as ziggurat from "../../src/rng/ziggurat";

const rng = (seed: number | string): Xoshiro128 => createRng(seed) as Xoshiro128;

describe("bulkZigguratWasm", () => {
  // The kernel's output chunk holds 7168 doubles: lengths on both sides of one and two chunks.
  const lengths = [1, 2, 3, 4, 63, 64, 1563, 7167, 7168, 7169, 14336, 20001];
  const params: [number, number][] = [
    [0, 1],
    [0.5, 2],
    [-3, 1e-3],
    [1, 0],
  ];

  test.each(lengths)("length %i: bit-identical to the JavaScript loop, same final state", (n) => {
    for (const seed of [0, 1, "itolab"]) {
      for (const [mean, std] of params) {
        const a = rng(seed);
        const b = rng(seed);
        const js = bulkZiggurat(a, new Float64Array(n), mean, std);
        const wasm = new Float64Array(n);
        expect(bulkZigguratWasm(b, wasm, mean, std)).toBe(true);
        let firstDiff = -1;
        for (let i = 0; i < n && firstDiff < 0; i++) if (!Object.is(js[i], wasm[i])) firstDiff = i;
        expect({ seed, mean, std, firstDiff }).toEqual({ seed, mean, std, firstDiff: -1 });
        expect(Array.from(b.state)).toEqual(Array.from(a.state));
      }
    }
  });

  test("the comparison covers the slow branch: the kernel hands ~1.5% of draws back (seed 1)", () => {
    const n = 20_001;
    let rate = 0; // P(m ≥ k32_i) = Σ_i (1 − k32_i / 2^32) / 256 ≈ 0.0149
    for (let i = 0; i < 256; i++) rate += (1 - ziggurat.ZIG_K32[i] / 2 ** 32) / 256;
    const expected = n * rate; // ≈ 298
    const se = Math.sqrt(expected * (1 - rate)); // binomial SE ≈ 17
    const spy = jest.spyOn(ziggurat, "zigguratSlow");
    try {
      bulkZigguratWasm(rng(1), new Float64Array(n), 0, 1);
      expect(Math.abs(spy.mock.calls.length - expected)).toBeLessThan(4 * se); // 4 SE
    } finally {
      spy.mockRestore();
    }
  });

  test("successive fills continue one stream, as the JavaScript loop's do", () => {
    const a = rng(5);
    const b = rng(5);
    for (const n of [100, 7168, 3]) {
      const js = bulkZiggurat(a, new Float64Array(n), 0, 1);
      const wasm = new Float64Array(n);
      bulkZigguratWasm(b, wasm, 0, 1);
      expect(Array.from(wasm)).toEqual(Array.from(js));
    }
  });
});
