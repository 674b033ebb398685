import { sampleQuantile } from "../../src/stats";

describe("sampleQuantile", () => {
  test.each([
    [0, 1],
    [0.25, 1.75],
    [0.5, 2.5],
    [0.9, 3.7],
    [1, 4],
  ])("of [4, 1, 3, 2] at p = %p is %p (Hyndman & Fan type 7 by hand: h = 3p)", (p, q) => {
    expect(sampleQuantile([4, 1, 3, 2], p)).toBeCloseTo(q, 14);
  });

  test.each([
    [
      "empty",
      () => sampleQuantile([], 0.5),
      RangeError,
      "sampleQuantile: xs must have at least 1 values, got 0",
    ],
    [
      "p > 1",
      () => sampleQuantile([1], 2),
      RangeError,
      "sampleQuantile: p must be a probability in [0, 1], got 2",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
