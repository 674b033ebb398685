import fc from "fast-check";
import { scaleInto } from "../../src/fast";
import { linearDrift } from "../../src/processes/helpers";
import { doubles, firstDifference, SEED } from "./support";

describe("scaleInto (fast) against linearDrift (reference)", () => {
  it("bit-identical for every length across the 4× unroll, any doubles", () => {
    const problem = fc.integer({ min: 0, max: 41 }).chain((len) =>
      fc.record({
        len: fc.constant(len),
        c: fc.double({ noNaN: false }),
        x: doubles(len + 3, { nonFinite: true }), // 3 entries past len must stay untouched
      }),
    );
    fc.assert(
      fc.property(problem, ({ len, c, x }) => {
        const ref = new Float64Array(len + 3).fill(7);
        const fast = new Float64Array(len + 3).fill(7);
        linearDrift(c, x, ref, len);
        scaleInto(fast, c, x, len);
        expect({ len, firstDiff: firstDifference(fast, ref) }).toEqual({ len, firstDiff: -1 });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
