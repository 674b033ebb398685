import {
  BrownianPath,
  brownianStream,
  gridFromTimes,
  sampleBrownianPath,
} from "../../src/brownian";
import { createRng } from "../../src/rng";
import { moments } from "../../src/stats";
import { sampleCov, stepSlice, steps } from "./support";

const SEED = 20240601; // seeds 1, 2, 3, 42 and 7777 also pass (tried)

describe("sampleBrownianPath", () => {
  it("has Var ΔW = |h|, Var ΔZ = |h|³/3, corr(ΔW, ΔZ) = sign(h)·√3/2 on a backward, uneven grid", () => {
    const n = 20000; // SE(var ratio) = sqrt(2/n) = 0.010
    const path = sampleBrownianPath(createRng(SEED), [1, 0.9, 0.5, 0.45, 0], n, 1, {
      levyArea: true,
    });
    const dZ = path.dZ as Float64Array;
    steps(path).forEach((h, k) => {
      const w = stepSlice(path.dW, k, n);
      const z = stepSlice(dZ, k, n);
      const mw = moments(w);
      const mz = moments(z);
      // 5 SE with SE = sqrt(2/n) = 0.010 for a variance ratio of a Gaussian sample
      expect(Math.abs(mw.variance / Math.abs(h) - 1)).toBeLessThan(0.05);
      expect(Math.abs(mz.variance / (Math.abs(h) ** 3 / 3) - 1)).toBeLessThan(0.05);
      // mean of ΔW: SE = sqrt(|h|/n); 5 SE
      expect(Math.abs(mw.mean)).toBeLessThan(5 * Math.sqrt(Math.abs(h) / n));
      // sample correlation: SE ≈ (1 − ρ²)/sqrt(n) = 0.25/141 = 0.0018; 5 SE
      const rho = sampleCov(w, z) / Math.sqrt(mw.variance * mz.variance);
      expect(Math.abs(rho - (Math.sign(h) * Math.sqrt(3)) / 2)).toBeLessThan(0.009);
    });
  });

  it("draws exactly what brownianStream draws from an equal rng (regression)", () => {
    const times = [0, 0.1, 0.3, 0.6];
    const stored = sampleBrownianPath(createRng(SEED), times, 5, 2, { levyArea: true });
    const stream = brownianStream(createRng(SEED), gridFromTimes(times), 5, 2, { levyArea: true });
    const w = new Float64Array(10);
    const z = new Float64Array(10);
    for (let k = 0; k < 3; k++) {
      stream.increments(k, w, z);
      expect(w).toEqual(stepSlice(stored.dW, k, 10));
      expect(z).toEqual(stepSlice(stored.dZ as Float64Array, k, 10));
    }
  });

  it("values() accumulates the increments (known answer)", () => {
    // 2 steps, n = 2 paths, m = 1
    const p = new BrownianPath(
      new Float64Array([0, 1, 2]),
      2,
      1,
      new Float64Array([1, -2, 0.5, 3]),
      null,
    );
    expect(p.values()).toEqual(new Float64Array([0, 0, 1, -2, 1.5, 1]));
    const w = new Float64Array(2);
    p.increments(1, w, null);
    expect(w).toEqual(new Float64Array([0.5, 3]));
  });
});

describe("brownian-path bad input", () => {
  const rng = createRng(0);
  const ok = new Float64Array(2);
  const p = new BrownianPath(new Float64Array([0, 1]), 2, 1, new Float64Array(2), null);
  it.each([
    [
      "paths",
      () => sampleBrownianPath(rng, [0, 1], 0, 1),
      RangeError,
      "sampleBrownianPath: paths must be a positive integer, got 0",
    ],
    [
      "dim",
      () => sampleBrownianPath(rng, [0, 1], 1, 2.5),
      RangeError,
      "sampleBrownianPath: dim must be a positive integer, got 2.5",
    ],
    [
      "times",
      () => sampleBrownianPath(rng, [0, 0], 1, 1),
      RangeError,
      "sampleBrownianPath: times must be strictly monotone",
    ],
    [
      "levyArea",
      () => sampleBrownianPath(rng, [0, 1], 1, 1, { levyArea: 1 as unknown as boolean }),
      TypeError,
      "sampleBrownianPath: options.levyArea must be a boolean, got 1",
    ],
    [
      "dW length",
      () => new BrownianPath(new Float64Array([0, 1]), 2, 1, new Float64Array(3), null),
      RangeError,
      "BrownianPath: dW must have length 2, got 3",
    ],
    [
      "dZ length",
      () => new BrownianPath(new Float64Array([0, 1]), 2, 1, ok, new Float64Array(1)),
      RangeError,
      "BrownianPath: dZ must have length 2, got 1",
    ],
    [
      "a NaN increment",
      () => new BrownianPath(new Float64Array([0, 1]), 2, 1, Float64Array.of(0, NaN), null),
      RangeError,
      "BrownianPath: dW[1] must be a finite number, got NaN",
    ],
    [
      "dW a plain array",
      () => new BrownianPath(new Float64Array([0, 1]), 2, 1, [0, 0] as never, null),
      TypeError,
      "BrownianPath: dW must be a Float64Array, got an array of length 2",
    ],
    [
      "paths 1.5",
      () => new BrownianPath(new Float64Array([0, 1]), 1.5, 1, ok, null),
      RangeError,
      "BrownianPath: paths must be a positive integer, got 1.5",
    ],
    [
      "a stored path too large to allocate",
      () => sampleBrownianPath(createRng(0), [0, 1], 1e6, 1e4),
      RangeError,
      "sampleBrownianPath: a stored path holds K·n·m = 1·1000000·10000 = 10000000000 values, above 2147483647 (16 GiB); use brownianStream",
    ],
    [
      "rng missing",
      () => sampleBrownianPath(undefined as never, [0, 1], 1, 1),
      TypeError,
      "sampleBrownianPath: rng must be an Rng, got undefined",
    ],
    [
      "levyArea not a boolean",
      () => sampleBrownianPath(createRng(0), [0, 1], 1, 1, { levyArea: 1 as never }),
      TypeError,
      "sampleBrownianPath: options.levyArea must be a boolean, got 1",
    ],
    [
      "step",
      () => p.increments(1, ok, null),
      RangeError,
      "BrownianPath.increments: k must be an integer in [0, K) = [0, 1), got 1",
    ],
    [
      "buffer",
      () => p.increments(0, new Float64Array(3), null),
      RangeError,
      "BrownianPath.increments: dW must have length n·m = 2, got 3",
    ],
    [
      "no area",
      () => p.increments(0, ok, new Float64Array(2)),
      TypeError,
      "BrownianPath.increments: dZ must be null: this source has no Lévy area",
    ],
  ])("%s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
