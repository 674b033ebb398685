import { createRng, fillNormal } from "../../src/rng";
import { slicedWasserstein } from "../../src/stats";

describe("slicedWasserstein", () => {
  test("SW1(X, X + c) = (2/pi)|c| within 4 SE of the projection average (statistical, seed 81)", () => {
    const rng = createRng(81);
    const a = fillNormal(rng, new Float64Array(2 * 300)); // (300, 2) row-major
    const c = [3, -4]; // |c| = 5
    const b = a.map((v, i) => v + c[i % 2]);
    const L = 400;
    // each projection gives exactly |cos(theta - phi)| |c|: mean 2/pi, variance (1/2 - 4/pi^2)|c|^2
    const se = Math.sqrt((0.5 - 4 / Math.PI ** 2) / L) * 5; // = 0.076
    expect(
      Math.abs(slicedWasserstein(rng, a, b, { projections: L }) - (2 / Math.PI) * 5),
    ).toBeLessThan(4 * se);
  });

  test("is 0 between a point set and itself, whatever the directions", () => {
    const a = new Float64Array([0, 0, 1, 2, -3, 4]);
    expect(slicedWasserstein(createRng(1), a, a.slice(), { projections: 10 })).toBe(0);
  });

  test.each([
    [
      "rng",
      () => slicedWasserstein(null as never, new Float64Array(2), new Float64Array(2)),
      TypeError,
      "slicedWasserstein: rng must be an Rng, got null",
    ],
    [
      "odd length",
      () => slicedWasserstein(createRng(0), new Float64Array(3), new Float64Array(2)),
      RangeError,
      "slicedWasserstein: a must hold n·d values with d = 2 and n >= 1, got length 3",
    ],
    [
      "empty b",
      () => slicedWasserstein(createRng(0), new Float64Array(2), new Float64Array(0)),
      RangeError,
      "slicedWasserstein: b must hold n·d values with d = 2 and n >= 1, got length 0",
    ],
    [
      "not Float64Array",
      () => slicedWasserstein(createRng(0), [0, 0] as never, new Float64Array(2)),
      TypeError,
      "slicedWasserstein: a must be a Float64Array, got an array of length 2",
    ],
    [
      "projections 0",
      () =>
        slicedWasserstein(createRng(0), new Float64Array(2), new Float64Array(2), {
          projections: 0,
        }),
      RangeError,
      "slicedWasserstein: options.projections must be a positive integer, got 0",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
