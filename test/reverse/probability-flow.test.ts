import { uniformGrid } from "../../src/brownian";
import { ornsteinUhlenbeck, vpSde } from "../../src/processes";
import { probabilityFlow, zeroNoise } from "../../src/reverse";
import { integrate, stochasticHeun, eulerMaruyama, type Solver } from "../../src/sde";
import { fitSlope } from "../../src/stats";
import { ouGaussian } from "./support";

const [theta, sigma, m, v, T] = [1, Math.SQRT2, 1.5, 0.25, 1];
const ou = ornsteinUhlenbeck({ theta, sigma, T });
const exact = ouGaussian(theta, sigma, m, v);
const flow = probabilityFlow(ou.sde, exact.score);
const xT = new Float64Array([-2, -0.5, 0, 0.7, 2.5]); // (5, 1)

/** The flow from T to 0 on K steps. */
const run = (x: Float64Array, t0: number, t1: number, K: number, solver: Solver) =>
  integrate(flow, solver, x, zeroNoise(uniformGrid(t0, t1, K), x.length, 1)).x;

describe("probabilityFlow", () => {
  it("has drift f − ½g²∇log p_t (known answer)", () => {
    const out = new Float64Array(1);
    flow.drift(0.4, new Float64Array([0.9]), out, 1);
    expect(out[0]).toBeCloseTo(
      -theta * 0.9 + 0.5 * sigma * sigma * ((0.9 - exact.mean(0.4)) / exact.variance(0.4)),
      14,
    );
  });
  it("maps p_T to p_0 by the affine map x ↦ m + √(v/v_T)(x − m_T) for Gaussian data, at order 2 (Heun)", () => {
    // a Gaussian's flow is affine: it keeps the standardised value (x − m_t)/√v_t constant in t
    const target = xT.map((x) => m + Math.sqrt(v / exact.variance(T)) * (x - exact.mean(T)));
    const Ks = [10, 20, 40, 80];
    const errs = Ks.map((K) =>
      Math.max(...run(xT, T, 0, K, stochasticHeun).map((x, i) => Math.abs(x - target[i]))),
    );
    // with g = 0 stochastic Heun is Heun's method: global order 2; band ±0.15 covers the O(h³) term
    const slope = fitSlope(
      Ks.map((K) => Math.log(T / K)),
      errs.map(Math.log),
    ).slope;
    expect(Math.abs(slope - 2)).toBeLessThan(0.15);
    expect(errs[3]).toBeLessThan(1e-3);
    const eulerSlope = fitSlope(
      Ks.map((K) => Math.log(T / K)),
      Ks.map((K) =>
        Math.max(...run(xT, T, 0, K, eulerMaruyama).map((x, i) => Math.abs(x - target[i]))),
      ).map(Math.log),
    ).slope;
    expect(Math.abs(eulerSlope - 1)).toBeLessThan(0.15); // Euler: order 1
  });
  it("is invertible: integrating back from 0 to T returns the start; the round trip error is O(h³) for Heun", () => {
    const trip = (K: number, solver: Solver) =>
      Math.max(
        ...run(run(xT, T, 0, K, solver), 0, T, K, solver).map((x, i) => Math.abs(x - xT[i])),
      );
    const Ks = [20, 40, 80];
    const hs = Ks.map((K) => Math.log(T / K));
    // Heun's principal local error C(x)h³ is odd in h, so the backward pass cancels the forward
    // pass's h² global term: the round trip is O(h³). Euler's C(x)h² is even: it adds, O(h).
    const heun = fitSlope(
      hs,
      Ks.map((K) => Math.log(trip(K, stochasticHeun))),
    ).slope;
    const euler = fitSlope(
      hs,
      Ks.map((K) => Math.log(trip(K, eulerMaruyama))),
    ).slope;
    expect(Math.abs(heun - 3)).toBeLessThan(0.2); // band covers the next order's term at K = 20
    expect(Math.abs(euler - 1)).toBeLessThan(0.2);
  });
  it("for VP in 2-D with N(0, I) data does not move (the prior is stationary, score −x)", () => {
    const vp = vpSde({ dim: 2 });
    const score = {
      dim: 2,
      score: (_t: number, x: Float64Array, out: Float64Array, n: number) => {
        for (let i = 0; i < 2 * n; i++) out[i] = -x[i];
      },
    };
    const f = probabilityFlow(vp.sde, score);
    const out = new Float64Array(4);
    f.drift(0.5, new Float64Array([1, -2, 0.5, 3]), out, 2);
    // f − ½β s = −½βx + ½βx = 0: N(0, I) is stationary for VP, and its flow does not move
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
  });
});
