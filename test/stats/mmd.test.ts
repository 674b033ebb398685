import { createRng, fillNormal } from "../../src/rng";
import { mmd2, mmdPermutationTest } from "../../src/stats";

describe("mmd2 and mmdPermutationTest", () => {
  test("known answer: one-dimensional two-point samples (hand computation, Gretton et al. 2012 eq. 3)", () => {
    // a = {0, 1}, b = {0, 2}, sigma = 1: k(0,1) = e^{-1/2}, k(0,2) = e^{-2}, k(1,2) = e^{-1/2}, k(0,0) = 1
    // MMD2_u = k(0,1) + k(0,2) - (2/4)(k(0,0) + k(0,2) + k(1,0) + k(1,2))
    const ref = Math.exp(-0.5) + Math.exp(-2) - 0.5 * (1 + Math.exp(-2) + 2 * Math.exp(-0.5));
    expect(
      mmd2(new Float64Array([0, 1]), new Float64Array([0, 2]), { bandwidth: 1, dim: 1 }),
    ).toBeCloseTo(ref, 15);
  });

  test("accepts two samples of one law and rejects a shift of 0.5 in 2-D (statistical, seed 91)", () => {
    const rng = createRng(91);
    const a = fillNormal(rng, new Float64Array(2 * 150)); // (150, 2) row-major
    const same = fillNormal(rng, new Float64Array(2 * 150));
    const shifted = fillNormal(rng, new Float64Array(2 * 150)).map((v, i) =>
      i % 2 === 0 ? v + 0.5 : v,
    );
    const h0 = mmdPermutationTest(rng, a, same, { permutations: 199, bandwidth: 1 });
    const h1 = mmdPermutationTest(rng, a, shifted, { permutations: 199, bandwidth: 1 });
    // under H0 the p-value is uniform on {1/200, ..., 1}: p > 0.01 fails with probability 0.01;
    // under the 0.5 shift p <= 0.01 (2/200). Seeds 1-5 also pass both (H0: p >= 0.04; H1: p = 0.005-0.01)
    expect(h0.pValue).toBeGreaterThan(0.01);
    expect(h0.mmd2).toBeLessThan(h0.threshold);
    expect(h1.pValue).toBeLessThanOrEqual(0.01);
    expect(h1.mmd2).toBeGreaterThan(h1.threshold);
    // the observed statistic is exactly mmd2 with the same bandwidth
    expect(h1.mmd2).toBeCloseTo(mmd2(a, shifted, { bandwidth: 1 }), 12);
  });

  test.each([
    [
      "one point",
      () => mmd2(new Float64Array(2), new Float64Array(4)),
      RangeError,
      "mmd2: a must hold n·d values with d = 2 and n >= 2, got length 2",
    ],
    [
      "bandwidth",
      () => mmd2(new Float64Array(4), new Float64Array(4), { bandwidth: -1 }),
      RangeError,
      "mmd2: options.bandwidth must be a finite number > 0, got -1",
    ],
    [
      "dim",
      () => mmd2(new Float64Array(4), new Float64Array(4), { dim: 0 }),
      RangeError,
      "mmd2: options.dim must be a positive integer, got 0",
    ],
    [
      "NaN",
      () => mmd2(new Float64Array([0, NaN, 1, 1]), new Float64Array(4)),
      RangeError,
      "mmd2: a[1] must be a finite number, got NaN",
    ],
    [
      "rng",
      () => mmdPermutationTest(null as never, new Float64Array(4), new Float64Array(4)),
      TypeError,
      "mmdPermutationTest: rng must be an Rng, got null",
    ],
    [
      "alpha",
      () =>
        mmdPermutationTest(
          createRng(0),
          new Float64Array([0, 0, 1, 1]),
          new Float64Array([0, 1, 1, 0]),
          { alpha: 1 },
        ),
      RangeError,
      "mmdPermutationTest: options.alpha must be a number in (0, 1), got 1",
    ],
    [
      "permutations",
      () =>
        mmdPermutationTest(
          createRng(0),
          new Float64Array([0, 0, 1, 1]),
          new Float64Array([0, 1, 1, 0]),
          { permutations: 0 },
        ),
      RangeError,
      "mmdPermutationTest: options.permutations must be a positive integer, got 0",
    ],
    [
      "a median-heuristic sample above 8192 points",
      () => mmd2(new Float64Array(2 * 5000), new Float64Array(2 * 5000)),
      RangeError,
      "mmd2: a and b must hold at most 8192 points together for the median-heuristic bandwidth, got 10000; pass options.bandwidth",
    ],
    [
      "a median heuristic of 0 (coinciding points)",
      () => mmd2(new Float64Array(6), new Float64Array(6)),
      RangeError,
      "mmd2: the median pairwise distance of a and b (the default bandwidth) is 0",
    ],
    [
      "a bandwidth whose 1/(2σ²) overflows",
      () => mmd2(new Float64Array(4), Float64Array.of(0, 1, 1, 0), { bandwidth: 1e-200 }),
      RangeError,
      "mmd2: options.bandwidth must be large enough that 1/(2σ²) is finite (σ > 1e-154), got 1e-200",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
