import { brownianStream, uniformGrid } from "../../src/brownian";
import { geometricBrownianMotion, ornsteinUhlenbeck } from "../../src/processes";
import { createRng, fillNormal, spawn } from "../../src/rng";
import { reverseSde } from "../../src/reverse";
import { eulerMaruyama, integrate, milstein, sdeFromScalar } from "../../src/sde";
import { ksOneSample, moments, normalCdf } from "../../src/stats";
import { gbmLognormal, ouGaussian } from "./support";

const SEED = 1982; // Anderson's year; seeds 1, 2 and 3 also pass (tried)
const [theta, sigma, m, v, T] = [1, Math.SQRT2, 1.5, 0.25, 1];

describe("reverseSde", () => {
  const ou = ornsteinUhlenbeck({ theta, sigma, T });
  const exact = ouGaussian(theta, sigma, m, v);
  it("has drift f − g²∇log p_t (known answer)", () => {
    const rev = reverseSde(ou.sde, exact.score);
    const out = new Float64Array(2);
    rev.drift(0.3, new Float64Array([0.2, -1]), out, 2);
    [0.2, -1].forEach((x, i) => {
      const expected = -theta * x - sigma * sigma * (-(x - exact.mean(0.3)) / exact.variance(0.3));
      expect(out[i]).toBeCloseTo(expected, 14);
    });
  });

  /** Mean and variance of Euler–Maruyama on the backward grid: a linear recursion, exactly. */
  function emMoments(K: number): [number, number] {
    let [mu, V] = [exact.mean(T), exact.variance(T)];
    for (let k = 0; k < K; k++) {
      const t = T - (k * T) / K;
      const h = -T / K;
      const c = 1 - theta * h + (sigma * sigma * h) / exact.variance(t);
      const e = (-sigma * sigma * h * exact.mean(t)) / exact.variance(t);
      [mu, V] = [c * mu + e, c * c * V + sigma * sigma * -h];
    }
    return [mu, V];
  }

  it("integrated by Euler–Maruyama on a grid from T to 0, has the moments of the exact EM recursion", () => {
    const [r0, r1] = spawn(createRng(SEED), 2);
    const n = 20000;
    const K = 20; // coarse on purpose: the EM moments then differ from (m, v) by ≈ 5%, far more than 5 SE
    const xT = fillNormal(r0, new Float64Array(n), exact.mean(T), Math.sqrt(exact.variance(T)));
    const x0 = integrate(
      reverseSde(ou.sde, exact.score),
      eulerMaruyama,
      xT,
      brownianStream(r1, uniformGrid(T, 0, K), n, 1),
    ).x;
    const mo = moments(x0);
    const [mu, V] = emMoments(K);
    expect(Math.abs(mo.mean - mu)).toBeLessThan(5 * mo.meanSE); // 5 SE: a fixed-seed false alarm rate 6e-7
    expect(Math.abs(mo.variance - V)).toBeLessThan(5 * mo.varianceSE);
    expect(Math.abs(V - v)).toBeGreaterThan(10 * mo.varianceSE); // the test can tell a wrong scheme
  });

  it("the EM recursion converges to the data law N(m, v) at order 1 in h (Anderson's theorem)", () => {
    const errs = [50, 100, 200, 400].map((K) => {
      const [mu, V] = emMoments(K);
      return Math.abs(mu - m) + Math.abs(V - v);
    });
    for (let j = 1; j < errs.length; j++) {
      // order 1: halving h halves the error, up to the O(h²) term (ratio within 10%)
      expect(errs[j - 1] / errs[j]).toBeGreaterThan(1.8);
      expect(errs[j - 1] / errs[j]).toBeLessThan(2.2);
    }
    expect(errs[3]).toBeLessThan(0.01);
  });

  it("with state-dependent noise needs the divergence term: GBM with lognormal data", () => {
    const [mu, sg, m0, v0] = [0.5, 0.8, 0, 0.1];
    const gbm = geometricBrownianMotion({ mu, sigma: sg, T });
    const ln = gbmLognormal(mu, sg, m0, v0);
    const n = 3000;
    const K = 200;
    const [r0, r1, r2] = spawn(createRng(SEED), 3);
    const xT = fillNormal(r0, new Float64Array(n), ln.m(T), Math.sqrt(ln.v(T))).map(Math.exp);
    const cdf = (y: number) => normalCdf((y - m0) / Math.sqrt(v0));
    const run = (divergence: boolean, rng: typeof r1, solver = eulerMaruyama) =>
      integrate(
        reverseSde(gbm.sde, ln.score, { divergence }),
        solver,
        xT,
        brownianStream(rng, uniformGrid(T, 0, K), n, 1),
      ).x.map(Math.log);
    // KS of log X_0 against N(m0, v0), α = 1e-3 with a fixed seed; EM's weak bias O(h) = O(0.005)
    expect(ksOneSample(run(true, r1.clone()), cdf).pValue).toBeGreaterThan(1e-3);
    expect(ksOneSample(run(true, r2, milstein), cdf).pValue).toBeGreaterThan(1e-3);
    expect(ksOneSample(run(false, r1), cdf).pValue).toBeLessThan(1e-6);
  });
});

describe("reverseSde bad input", () => {
  const exact = ouGaussian(1, 1, 0, 1);
  const noDerivative = sdeFromScalar({ drift: (_t, x) => x, diffusion: (_t, x) => x });
  it.each([
    [
      "score dim",
      () => reverseSde(ornsteinUhlenbeck({ dim: 2 }).sde, exact.score),
      RangeError,
      "reverseSde: score.dim must equal sde.dim = 2, got 1",
    ],
    [
      "sde",
      () => reverseSde({} as never, exact.score),
      TypeError,
      "reverseSde: sde must be an Sde with drift and diffusion",
    ],
    [
      "score",
      () => reverseSde(ornsteinUhlenbeck().sde, {} as never),
      TypeError,
      "reverseSde: score must be a ScoreFunction",
    ],
    [
      "derivative",
      () => reverseSde(noDerivative, exact.score),
      TypeError,
      "reverseSde: state-dependent noise needs sde.diffusionDerivative for the term ∇·(ggᵀ)",
    ],
    [
      "option",
      () => reverseSde(ornsteinUhlenbeck().sde, exact.score, { divergence: 1 as never }),
      TypeError,
      "reverseSde: options.divergence must be a boolean, got 1",
    ],
  ])("%s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
