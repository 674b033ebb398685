import fc from "fast-check";
import { createWasmZiggurat } from "../../src/fast";
import { ZIGGURAT_WASM_CHUNK } from "../../src/fast/ziggurat-wasm";
import { createRng } from "../../src/rng";
import { bulkZiggurat } from "../../src/rng/bulk-ziggurat";
import type { Xoshiro128 } from "../../src/rng/xoshiro128";
import { ZIG_K32, ZIG_W32, zigguratSlow } from "../../src/rng/ziggurat";
import { fillProblem, firstDifference, SEED } from "./support";

const kernel = createWasmZiggurat(ZIG_K32, ZIG_W32);
const run = kernel ? it : it.skip;
const rng = (seed: number | string): Xoshiro128 => createRng(seed) as Xoshiro128;
const fast = (r: Xoshiro128, out: Float64Array, mean: number, std: number): Float64Array =>
  (kernel as NonNullable<typeof kernel>).fill(r.s, out, mean, std, (i, x, neg) =>
    zigguratSlow(r, i, x, neg),
  );

describe("createWasmZiggurat (fast, WebAssembly) against bulkZiggurat (reference)", () => {
  const C = ZIGGURAT_WASM_CHUNK; // 7168 doubles per kernel call
  const lengths = [1, 2, 3, 4, 63, 64, 1563, C - 1, C, C + 1, 2 * C, 2 * C + 1, 20_001];

  run("bit-identical output and final state, lengths on both sides of one and two chunks", () => {
    fc.assert(
      fc.property(fillProblem(lengths), ({ seed, n, mean, std }) => {
        const a = rng(seed);
        const b = rng(seed);
        const ref = bulkZiggurat(a, new Float64Array(n), mean, std);
        const got = fast(b, new Float64Array(n), mean, std);
        expect({
          seed,
          n,
          firstDiff: firstDifference(got, ref),
          state: Array.from(b.state),
        }).toEqual({ seed, n, firstDiff: -1, state: Array.from(a.state) });
      }),
      { seed: SEED, numRuns: 60 },
    );
    // every listed length at least once, whatever fast-check drew
    for (const n of lengths) {
      const a = rng(n);
      const b = rng(n);
      const ref = bulkZiggurat(a, new Float64Array(n), 0.5, 2);
      expect({ n, firstDiff: firstDifference(fast(b, new Float64Array(n), 0.5, 2), ref) }).toEqual({
        n,
        firstDiff: -1,
      });
      expect(Array.from(b.state)).toEqual(Array.from(a.state));
    }
  });

  run("successive fills continue one stream, as the reference's do", () => {
    const a = rng(5);
    const b = rng(5);
    for (const n of [100, C, 3]) {
      const ref = bulkZiggurat(a, new Float64Array(n), 0, 1);
      expect(firstDifference(fast(b, new Float64Array(n), 0, 1), ref)).toBe(-1);
    }
  });
});
