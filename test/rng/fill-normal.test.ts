import { createRng, fillNormal, type Rng } from "../../src/rng";
import { ksOneSample, ksTwoSample, moments, normalCdf } from "../../src/stats";

/** Checks mean, variance, skewness and excess kurtosis of an N(0, 1) sample within 4 SE. */
function expectStandardNormalMoments(z: Float64Array): void {
  const n = z.length;
  const m = moments(z);
  // SEs under N(0, 1): mean 1/sqrt(n), variance sqrt(2/(n-1)), skewness sqrt(6/n), kurtosis sqrt(24/n)
  expect(Math.abs(m.mean)).toBeLessThan(4 * Math.sqrt(1 / n));
  expect(Math.abs(m.variance - 1)).toBeLessThan(4 * Math.sqrt(2 / (n - 1)));
  expect(Math.abs(m.skewness)).toBeLessThan(4 * Math.sqrt(6 / n));
  expect(Math.abs(m.kurtosis)).toBeLessThan(4 * Math.sqrt(24 / n));
}

describe("fillNormal and normal()", () => {
  test("fillNormal (32-bit magnitudes) and normal() (52-bit) draw the same law: two-sample KS", () => {
    const root = createRng("same law");
    const bulk = fillNormal(root, new Float64Array(200_000));
    const r = root.clone();
    const scalar = Float64Array.from({ length: 200_000 }, () => r.normal());
    // p > 0.001: equal laws fail with probability 1e-3 for an arbitrary seed; seeds 1-3 also pass
    expect(ksTwoSample(bulk, scalar).pValue).toBeGreaterThan(0.001);
  });

  test("fillNormal uses 4 words per 3 normals on the fast path (its throughput design)", () => {
    const a = createRng(11);
    const b = a.clone();
    fillNormal(a, new Float64Array(3000));
    // 4000 words on the fast path, plus the slow branch's extra draws (about 1.5% of normals)
    let words = 0;
    while (words < 8000 && b.state.join() !== a.state.join()) {
      b.nextUint32();
      words++;
    }
    expect(words).toBeGreaterThanOrEqual(4000);
    expect(words).toBeLessThan(4000 + 3000 * 0.05 * 4); // far below 5% slow draws of ≤ 4 words
  });

  test("fillNormal falls back to rng.normal() for another Rng implementation", () => {
    const inner = createRng(5);
    const wrapper: Rng = {
      get state() {
        return inner.state;
      },
      nextUint32: () => inner.nextUint32(),
      uniform: () => inner.uniform(),
      normal: () => inner.normal(),
      clone: () => inner.clone(),
    };
    const direct = createRng(5);
    expect(fillNormal(wrapper, new Float64Array(1000))).toEqual(
      Float64Array.from({ length: 1000 }, () => direct.normal()),
    );
  });

  test("fillNormal is N(0, 1): moments within 4 SE and KS p > 0.001 (statistical, seed 2024)", () => {
    const z = fillNormal(createRng(2024), new Float64Array(400_000));
    expectStandardNormalMoments(z);
    // p > 0.001: a correct sampler fails with probability 1e-3 for an arbitrary seed; seeds 1-5 also pass
    expect(ksOneSample(z, normalCdf).pValue).toBeGreaterThan(0.001);
  });

  test("normal() is N(0, 1): moments within 4 SE and KS p > 0.001 (statistical, seed 7)", () => {
    const r = createRng(7);
    const z = new Float64Array(200_000);
    for (let i = 0; i < z.length; i++) z[i] = r.normal();
    expectStandardNormalMoments(z);
    // as above; seeds 1-5 also pass
    expect(ksOneSample(z, normalCdf).pValue).toBeGreaterThan(0.001);
  });

  test("the tail beyond r = 3.654 (exact tail branch) and beyond 3.5 have the right mass (statistical, seed 99)", () => {
    const n = 2_000_000;
    const z = fillNormal(createRng(99), new Float64Array(n));
    for (const c of [3.5, 3.6541528853610088, 4.2]) {
      let count = 0;
      for (let i = 0; i < n; i++) if (z[i] > c || z[i] < -c) count++; // no Math.abs: globals are slow in jest's vm context
      const p = 2 * normalCdf(-c); // 4.65e-4, 2.58e-4, 2.67e-5
      // binomial SE = sqrt(n p (1 - p)): 30.5, 22.7, 7.3 counts; 4 SE
      expect(Math.abs(count - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
    }
  });

  test("fillNormal applies mean and std: N(3, 0.25^2) within 4 SE (statistical, seed 8)", () => {
    const n = 100_000;
    const m = moments(fillNormal(createRng(8), new Float64Array(n), 3, 0.25));
    // SE(mean) = 0.25/sqrt(n) = 7.9e-4; SE(variance) = 0.0625 sqrt(2/n) = 2.8e-4; 4 SE
    expect(Math.abs(m.mean - 3)).toBeLessThan((4 * 0.25) / Math.sqrt(n));
    expect(Math.abs(m.variance - 0.0625)).toBeLessThan(4 * 0.0625 * Math.sqrt(2 / n));
    expect(fillNormal(createRng(8), new Float64Array(3), 2, 0)).toEqual(
      new Float64Array([2, 2, 2]),
    );
  });

  test.each([
    [
      "null rng",
      () => fillNormal(null as never, new Float64Array(1)),
      TypeError,
      "fillNormal: rng must be an Rng, got null",
    ],
    [
      "array out",
      () => fillNormal(createRng(0), [0, 0] as never),
      TypeError,
      "fillNormal: out must be a Float64Array, got an array of length 2",
    ],
    [
      "NaN mean",
      () => fillNormal(createRng(0), new Float64Array(1), NaN),
      RangeError,
      "fillNormal: mean must be a finite number, got NaN",
    ],
    [
      "negative std",
      () => fillNormal(createRng(0), new Float64Array(1), 0, -1),
      RangeError,
      "fillNormal: std must be a finite number >= 0, got -1",
    ],
    [
      "infinite std",
      () => fillNormal(createRng(0), new Float64Array(1), 0, Infinity),
      RangeError,
      "fillNormal: std must be a finite number >= 0, got Infinity",
    ],
    [
      "mean a string (was a RangeError)",
      () => fillNormal(createRng(0), new Float64Array(1), "1" as never),
      TypeError,
      'fillNormal: mean must be a finite number, got "1"',
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
