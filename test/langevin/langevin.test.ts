import { normalStream } from "../../src/brownian";
import { createRng, fillNormal, spawn } from "../../src/rng";
import { moments } from "../../src/stats";
import { gaussianMixture } from "../../src/mixture";
import {
  energyTarget,
  metropolisAdjustedLangevin,
  mixtureTarget,
  ulaStationaryVariance,
  unadjustedLangevin,
} from "../../src/langevin";

const gauss = (v: number) =>
  mixtureTarget(gaussianMixture({ weights: [1], means: [0], covs: [v] }));

describe("ulaStationaryVariance", () => {
  it("solves v = (1 − h/σ²)² v + 2h (known answer, the AR(1) fixed point)", () => {
    for (const [s2, h] of [
      [1, 0.5],
      [2, 0.1],
      [0.5, 0.9],
    ]) {
      const v = ulaStationaryVariance(s2, h);
      // both sides O(1), double precision
      expect(v).toBeCloseTo((1 - h / s2) ** 2 * v + 2 * h, 12);
    }
    expect(ulaStationaryVariance(1, 0.5)).toBeCloseTo(4 / 3, 14);
  });
});

describe("unadjustedLangevin", () => {
  it("is stationary at v_h on N(0, 2), not at σ² (seed 11, 4 SE)", () => {
    const [h, N] = [0.6, 4000];
    const m = moments(
      unadjustedLangevin(normalStream(createRng(11)), gauss(2), new Float64Array(N), {
        step: h,
        steps: 60,
      }).x,
    );
    // start forgotten: (1 − 0.3)^120 ≈ 3e-19
    expect(Math.abs(m.variance - ulaStationaryVariance(2, h))).toBeLessThan(4 * m.varianceSE);
    expect(Math.abs(m.variance - 2) / m.varianceSE).toBeGreaterThan(6); // bias 0.35 ≈ 7.8 SE
  });
  it("saves states every k steps, time-major, starting with x0, with their times k·h", () => {
    const x0 = Float64Array.of(1, 2, 3);
    const noise = normalStream(createRng(0));
    const r = unadjustedLangevin(noise, gauss(1), x0, { step: 0.1, steps: 5, saveEvery: 2 });
    expect(r.states.length).toBe(4 * 3); // steps 0, 2, 4, 5
    expect(Array.from(r.times)).toEqual([0, 2, 4, 5].map((k) => k * 0.1));
    expect(Array.from(r.states.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(Array.from(r.states.subarray(9, 12))).toEqual(Array.from(r.x));
  });
  it("saves steps 0 and K by default (as integrate does)", () => {
    const x0 = Float64Array.of(1, 2);
    const r = unadjustedLangevin(normalStream(createRng(0)), gauss(1), x0, { step: 0.1, steps: 3 });
    expect(Array.from(r.times)).toEqual([0, 3 * 0.1]);
    expect(Array.from(r.states)).toEqual([1, 2, ...Array.from(r.x)]);
  });
  it("reads n·d normals per step from its noise, as fillNormal(rng, ξ) drew them before", () => {
    // regression against the recursion written out with the former draws: same bits
    const [h, K] = [0.3, 7];
    const x0 = Float64Array.of(0.5, -1, 2);
    const target = gauss(1.5);
    const rng = createRng(4);
    const x = x0.slice();
    const [s, xi] = [new Float64Array(3), new Float64Array(3)];
    for (let k = 0; k < K; k++) {
      target.score(x, s, 3);
      fillNormal(rng, xi);
      for (let i = 0; i < 3; i++) x[i] += h * s[i] + Math.sqrt(2 * h) * xi[i];
    }
    const r = unadjustedLangevin(normalStream(createRng(4)), target, x0, { step: h, steps: K });
    expect(Array.from(r.x)).toEqual(Array.from(x));
  });
});

describe("metropolisAdjustedLangevin", () => {
  it("keeps N(0, 2) invariant at a step where ULA is biased (seed 12, 4 SE)", () => {
    const N = 4000;
    const r = metropolisAdjustedLangevin(createRng(12), gauss(2), new Float64Array(N), {
      step: 0.6,
      steps: 80,
    });
    const m = moments(r.x);
    expect(Math.abs(m.variance - 2)).toBeLessThan(4 * m.varianceSE);
    const acc = moments(r.acceptance).mean;
    expect(acc).toBeGreaterThan(0.5);
    expect(acc).toBeLessThan(1); // some rejections happen at this step
  });
  it("gives identical chains for U and U + c with the same random numbers (Z cancels)", () => {
    const spec = (c: number) =>
      energyTarget({
        energy: (x) => x[0] ** 4 + c,
        gradient: (x, g) => void (g[0] = 4 * x[0] ** 3),
      });
    const [r] = spawn(createRng(5), 1);
    const x0 = Float64Array.of(-1, 0, 0.5, 2);
    const a = metropolisAdjustedLangevin(r.clone(), spec(0), x0, { step: 0.1, steps: 50 });
    const b = metropolisAdjustedLangevin(r.clone(), spec(-3.25), x0, { step: 0.1, steps: 50 });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
  });
});

describe("energyTarget", () => {
  it("returns −U and −∇U per point in d = 2 (known answer)", () => {
    const t = energyTarget({
      dim: 2,
      energy: (x) => x[0] * x[0] + 3 * x[1],
      gradient: (x, g) => {
        g[0] = 2 * x[0];
        g[1] = 3;
      },
    });
    const x = Float64Array.of(1, 2, -3, 0);
    const l = new Float64Array(2);
    const s = new Float64Array(4);
    t.logDensity(x, l, 2);
    t.score(x, s, 2);
    expect(Array.from(l)).toEqual([-7, -9]);
    expect(Array.from(s)).toEqual([-2, -3, 6, -3]);
  });
});

describe("langevin bad input", () => {
  const g = gauss(1);
  const x0 = new Float64Array(2);
  const rng = createRng(0);
  it.each([
    [
      "ulaStationaryVariance step",
      () => ulaStationaryVariance(1, 2),
      RangeError,
      "ulaStationaryVariance: step must be in (0, 2·variance = 2) for a stable chain, got 2",
    ],
    [
      "ulaStationaryVariance variance",
      () => ulaStationaryVariance(0, 0.1),
      RangeError,
      "ulaStationaryVariance: variance must be a finite number > 0, got 0",
    ],
    [
      "ULA noise",
      () => unadjustedLangevin(rng as never, g, x0, { step: 0.1, steps: 1 }),
      TypeError,
      "unadjustedLangevin: noise must be a NormalStream (normalStream(rng)), got an object",
    ],
    [
      "ULA step",
      () => unadjustedLangevin(normalStream(rng), g, x0, { step: 0, steps: 1 }),
      RangeError,
      "unadjustedLangevin: options.step must be a finite number > 0, got 0",
    ],
    [
      "MALA steps",
      () => metropolisAdjustedLangevin(rng, g, x0, { step: 0.1, steps: 1.5 }),
      RangeError,
      "metropolisAdjustedLangevin: options.steps must be a positive integer, got 1.5",
    ],
    [
      "MALA x0",
      () => metropolisAdjustedLangevin(rng, g, Float64Array.of(NaN), { step: 0.1, steps: 1 }),
      RangeError,
      "metropolisAdjustedLangevin: x0[0] must be a finite number, got NaN",
    ],
    [
      "MALA target",
      () => metropolisAdjustedLangevin(rng, {} as never, x0, { step: 0.1, steps: 1 }),
      TypeError,
      "metropolisAdjustedLangevin: target must be a LangevinTarget, got an object",
    ],
    [
      "energyTarget gradient",
      () => energyTarget({ energy: () => 0 } as never),
      TypeError,
      "energyTarget: spec.gradient must be a function, got undefined",
    ],
    [
      "mixtureTarget",
      () => mixtureTarget(null as never),
      TypeError,
      "mixtureTarget: mix must be a GaussianMixture from gaussianMixture, got null",
    ],
  ])("%s", (_name, f, type, message) => {
    expect(f).toThrow(type as ErrorConstructor);
    expect(f).toThrow(message as string);
  });
  it("reports a chain that blows up with its step", () => {
    const wild = energyTarget({
      energy: () => 0,
      gradient: (x, g) => void (g[0] = -1e300 * (1 + Math.abs(x[0]))),
    });
    expect(() =>
      unadjustedLangevin(normalStream(rng), wild, Float64Array.of(1), { step: 10, steps: 5 }),
    ).toThrow(/unadjustedLangevin: state is not finite after step \d \(h = 10\): chain 0/);
  });
});
