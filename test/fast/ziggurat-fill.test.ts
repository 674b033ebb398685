import fc from "fast-check";
import { zigguratFill } from "../../src/fast";
import { createRng } from "../../src/rng";
import { bulkZiggurat } from "../../src/rng/bulk-ziggurat";
import type { Xoshiro128 } from "../../src/rng/xoshiro128";
import * as ziggurat from "../../src/rng/ziggurat";
import { fillProblem, firstDifference, SEED } from "./support";

const { ZIG_K32, ZIG_W32, zigguratSlow } = ziggurat;
const rng = (seed: number | string): Xoshiro128 => createRng(seed) as Xoshiro128;
const fast = (r: Xoshiro128, out: Float64Array, mean: number, std: number): Float64Array =>
  zigguratFill(r.s, out, mean, std, ZIG_K32, ZIG_W32, (i, x, neg) => zigguratSlow(r, i, x, neg));

describe("zigguratFill (fast, JavaScript) against bulkZiggurat (reference)", () => {
  it("bit-identical output and the same final generator state", () => {
    fc.assert(
      fc.property(fillProblem([1, 2, 3, 4, 63, 64, 1563, 7169]), ({ seed, n, mean, std }) => {
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
      { seed: SEED, numRuns: 120 },
    );
  });

  it("the comparison covers the slow branch: ~1.5% of draws take it (seed 1)", () => {
    const n = 20_001;
    let rate = 0; // P(m ≥ k32_i) = Σ_i (1 − k32_i / 2^32) / 256 ≈ 0.0149
    for (let i = 0; i < 256; i++) rate += (1 - ZIG_K32[i] / 2 ** 32) / 256;
    const expected = n * rate; // ≈ 298
    const se = Math.sqrt(expected * (1 - rate)); // binomial SE ≈ 17
    const r = rng(1);
    let calls = 0;
    zigguratFill(r.s, new Float64Array(n), 0, 1, ZIG_K32, ZIG_W32, (i, x, neg) => {
      calls++;
      return zigguratSlow(r, i, x, neg);
    });
    expect(Math.abs(calls - expected)).toBeLessThan(4 * se); // 4 SE
  });

  it("successive fills continue one stream, as the reference's do", () => {
    const a = rng(5);
    const b = rng(5);
    for (const n of [100, 7168, 3]) {
      const ref = bulkZiggurat(a, new Float64Array(n), 0, 1);
      expect(firstDifference(fast(b, new Float64Array(n), 0, 1), ref)).toBe(-1);
    }
  });
});
