import fc from "fast-check";
import { hadamardInPlace } from "../../src/fast";
import { hadamard } from "../../src/nn/layer-ops";
import { doubles, firstDifference, SEED } from "./support";

describe("hadamardInPlace (fast) against hadamard (reference)", () => {
  it("bit-identical for every length across the 4× unroll, any doubles", () => {
    const problem = fc.integer({ min: 0, max: 41 }).chain((len) =>
      fc.record({
        len: fc.constant(len),
        g: doubles(len + 2, { nonFinite: true }),
        d: doubles(len + 2, { nonFinite: true }),
      }),
    );
    fc.assert(
      fc.property(problem, ({ len, g, d }) => {
        const ref = Float64Array.from(g);
        const fast = Float64Array.from(g);
        hadamard(ref, d, len);
        hadamardInPlace(fast, d, len);
        expect({ len, firstDiff: firstDifference(fast, ref) }).toEqual({ len, firstDiff: -1 });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
