import { sampleBrownianPath } from "../../src/brownian";
import { geometricBrownianMotion } from "../../src/processes";
import { createRng } from "../../src/rng";
import { moments } from "../../src/stats";

const SEED = 2002; // seeds 1, 2, 3, 42 and 7 also pass (tried)

describe("geometricBrownianMotion", () => {
  const p = geometricBrownianMotion({ mu: 0.5, sigma: 0.4, T: 1, dim: 2 });

  it("has a pathwise solution whose samples match the declared mean and variance", () => {
    // log X_t is Gaussian, so check log-moments within 5 SE, then the declared (x-space) mean
    const n = 20000;
    const x0 = new Float64Array([1, 2]);
    const path = sampleBrownianPath(createRng(SEED), [0, 1], n, 2);
    const start = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) start.set(x0, 2 * i);
    const out = new Float64Array(2 * n);
    p.exact?.(1, start, path.dW, out, n);
    const { mean, cov } = p.marginal(1, x0);
    for (const j of [0, 1]) {
      const xs = out.filter((_, i) => i % 2 === j);
      // SE(mean) = sqrt(Var/n) with the declared variance
      expect(Math.abs(moments(xs).mean - mean[j])).toBeLessThan(5 * Math.sqrt(cov[3 * j] / n));
      const logs = moments(xs.map(Math.log));
      // log X_1 ~ N(log x0 + μ − σ²/2, σ²): SE(mean) = 0.4/sqrt(n); SE(var ratio) = sqrt(2/n)
      expect(Math.abs(logs.mean - (Math.log(x0[j]) + 0.5 - 0.08))).toBeLessThan(
        (5 * 0.4) / Math.sqrt(n),
      );
      expect(Math.abs(logs.variance / 0.16 - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    }
  });

  it("declares mean x0 e^{μt} and variance x0² e^{2μt}(e^{σ²t} − 1) (known answer)", () => {
    const { mean, cov } = p.marginal(0.5, new Float64Array([2, 1]));
    expect(mean[0]).toBeCloseTo(2 * Math.exp(0.25), 14);
    expect(cov[0]).toBeCloseTo(4 * Math.exp(0.5) * (Math.exp(0.08) - 1), 14);
    expect(cov[1]).toBe(0);
  });
});

describe("geometric-brownian-motion bad input", () => {
  it.each([
    [
      "mu",
      () => geometricBrownianMotion({ mu: NaN }),
      RangeError,
      "geometricBrownianMotion: mu must be a finite number, got NaN",
    ],
    [
      "sigma",
      () => geometricBrownianMotion({ sigma: 0 }),
      RangeError,
      "geometricBrownianMotion: sigma must be a finite number > 0, got 0",
    ],
    [
      "x0",
      () => geometricBrownianMotion().marginal(1, new Float64Array(0)),
      RangeError,
      "geometricBrownianMotion.marginal: x0 must have length 1, got 0",
    ],
  ])("%s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
