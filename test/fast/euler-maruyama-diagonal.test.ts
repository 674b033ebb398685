import fc from "fast-check";
import { eulerMaruyamaDiagonal } from "../../src/fast";
import { eulerMaruyamaUpdate } from "../../src/sde/euler-maruyama";
import { doubles, firstDifference, SEED } from "./support";

describe("eulerMaruyamaDiagonal (fast) against eulerMaruyamaUpdate (reference)", () => {
  // n·d covers every remainder of the 4× unroll; shared covers the d = 1 and the row branch
  const shape = fc.record({
    n: fc.integer({ min: 1, max: 13 }),
    d: fc.integer({ min: 1, max: 5 }),
    shared: fc.boolean(),
  });
  const problem = (nonFinite: boolean) =>
    shape.chain(({ n, d, shared }) =>
      fc.record({
        n: fc.constant(n),
        d: fc.constant(d),
        shared: fc.constant(shared),
        x: doubles(n * d, { nonFinite }),
        f: doubles(n * d, { nonFinite }),
        g: doubles(shared ? d : n * d, { nonFinite }),
        dW: doubles(n * d, { nonFinite }),
        h: fc.double({ noNaN: true, noDefaultInfinity: true }),
      }),
    );

  it.each([
    ["finite", false],
    ["with NaN and ±Infinity", true],
  ])("bit-identical states and the same finiteness flag (%s inputs)", (_label, nonFinite) => {
    fc.assert(
      fc.property(problem(nonFinite as boolean), ({ n, d, shared, x, f, g, dW, h }) => {
        const xRef = Float64Array.from(x);
        const xFast = Float64Array.from(x);
        const okRef = eulerMaruyamaUpdate(xRef, f, g, dW, h, n, d, shared);
        const okFast = eulerMaruyamaDiagonal(xFast, f, g, dW, h, n, d, shared);
        expect({ n, d, shared, firstDiff: firstDifference(xFast, xRef), ok: okFast }).toEqual({
          n,
          d,
          shared,
          firstDiff: -1,
          ok: okRef,
        });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("flags a state that overflows to Infinity (known answer)", () => {
    const x = Float64Array.of(1e308, 0, 0, 0, 0);
    const f = Float64Array.of(1e308, 0, 0, 0, 0);
    const ok = eulerMaruyamaDiagonal(
      x,
      f,
      new Float64Array(5),
      new Float64Array(5),
      1,
      5,
      1,
      false,
    );
    expect({ ok, x0: x[0] }).toEqual({ ok: false, x0: Infinity });
  });
});
