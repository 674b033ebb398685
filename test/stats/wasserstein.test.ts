import fc from "fast-check";
import { wasserstein1 } from "../../src/stats";

describe("wasserstein1", () => {
  test("known answers: equal sizes, unequal sizes, a point mass", () => {
    // sorted pairs (0,1), (1,3), (5,5): mean |diff| = (1 + 2 + 0)/3
    expect(wasserstein1([5, 0, 1], [3, 5, 1])).toBeCloseTo(1, 15);
    // F = 1/2 on [0, 2), G = 0 on [0, 1), 1 after: int |F - G| = 1/2 + 1/2 = 1
    expect(wasserstein1([0, 2], [1])).toBeCloseTo(1, 15);
    // [0, 0, 3] vs [1, 2]: |F - G| = 2/3 on [0, 1), 1/6 on [1, 2), 1/3 on [2, 3): 2/3 + 1/6 + 1/3 = 7/6
    expect(wasserstein1([0, 0, 3], [1, 2])).toBeCloseTo(7 / 6, 15);
  });

  test("W1(X, X + c) = |c| and W1 is symmetric (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (xs, ys, c) => {
          expect(
            wasserstein1(
              xs,
              xs.map((x) => x + c),
            ),
          ).toBeCloseTo(Math.abs(c), 9); // rounding of x + c
          expect(wasserstein1(xs, ys)).toBeCloseTo(wasserstein1(ys, xs), 9);
        },
      ),
      { numRuns: 200, seed: 71 },
    );
  });

  test.each([
    [
      "empty",
      () => wasserstein1([], [1]),
      RangeError,
      "wasserstein1: xs must have at least 1 values, got 0",
    ],
    [
      "NaN",
      () => wasserstein1([1], [NaN]),
      RangeError,
      "wasserstein1: ys[0] must be a finite number, got NaN",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
