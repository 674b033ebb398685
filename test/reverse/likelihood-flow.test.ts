import { ornsteinUhlenbeck, vpSde } from "../../src/processes";
import { likelihoodFlow, logDensityByFlow } from "../../src/reverse";
import { exactMixtureScore } from "../../src/score";
import { gaussianMixture, mixtureLogDensity } from "../../src/mixture";
import { sdeFromScalar } from "../../src/sde";
import { ouGaussian } from "./support";

const data = gaussianMixture({
  weights: [0.5, 0.3, 0.2],
  means: [-2, 0, 2, 1, 0.5, -2],
  covs: [1, 0.6, 0.6, 1, 0.5, -0.3, -0.3, 0.4, 0.3, 0.1, 0.1, 2],
});
const points = new Float64Array([-2, 0, 0, 0, 2, 1, 3, -3, 0.5, -1.5]); // (5, 2)

describe("logDensityByFlow", () => {
  const vp = vpSde({ dim: 2 });
  const sc = exactMixtureScore(data, vp);
  const logPT = (x: Float64Array) => mixtureLogDensity(sc.marginal(vp.T), x);
  it("recovers the closed-form log p_0 of a 2-D mixture through VP (instantaneous change of variables)", () => {
    const res = (K: number) =>
      logDensityByFlow(vp.sde, sc, points, { t: 0, T: 1, steps: K, logDensityAtT: logPT })
        .logDensity;
    const exact = mixtureLogDensity(data, points);
    const [a, b] = [res(100), res(200)];
    a.forEach((v, i) => {
      // Heun, order 2: |error(100)| ≈ 4|error(200)|; measured |error(200)| < 2e-4, tol 1e-3
      expect(Math.abs(b[i] - exact[i])).toBeLessThan(1e-3);
      expect(Math.abs(v - exact[i])).toBeGreaterThan(2 * Math.abs(b[i] - exact[i])); // it converges
    });
  });
  it("gives log p_t at an intermediate time, and the exact ∇·f option agrees with differences", () => {
    const t = 0.3;
    const divf = (_t: number, _x: Float64Array, out: Float64Array, n: number) =>
      out.fill(-0.5 * vp.beta(_t) * 2, 0, n);
    const r1 = logDensityByFlow(vp.sde, sc, points, { t, T: 1, steps: 200, logDensityAtT: logPT });
    const r2 = logDensityByFlow(vp.sde, sc, points, {
      t,
      T: 1,
      steps: 200,
      logDensityAtT: logPT,
      driftDivergence: divf,
    });
    const exact = mixtureLogDensity(sc.marginal(t), points);
    r1.logDensity.forEach((v, i) => {
      expect(Math.abs(v - exact[i])).toBeLessThan(1e-3); // as above
      expect(Math.abs(v - r2.logDensity[i])).toBeLessThan(1e-8); // differences exact up to rounding for a linear drift
    });
  });
  it("its augmented drift has last component ∇·f − ½g²∂s for a Gaussian (known answer)", () => {
    const ou = ornsteinUhlenbeck({ theta: 1, sigma: 1 });
    const g = ouGaussian(1, 1, 0.5, 2);
    const out = new Float64Array(2);
    likelihoodFlow(ou.sde, g.score).drift(0.5, new Float64Array([0.3, 7]), out, 1);
    expect(out[1]).toBeCloseTo(-1 + 0.5 / g.variance(0.5), 8); // central differences, 1e-12 relative
  });
});

describe("likelihoodFlow bad input", () => {
  const g = ouGaussian(1, 1, 0, 1);
  const ou = ornsteinUhlenbeck();
  it.each([
    [
      "multiplicative",
      () =>
        likelihoodFlow(
          sdeFromScalar({
            drift: (_t, x) => x,
            diffusion: (_t, x) => x,
            diffusionDerivative: () => 1,
          }),
          g.score,
        ),
      TypeError,
      "likelihoodFlow: sde must have additive diagonal noise, got multiplicative diagonal noise",
    ],
    [
      "hessian",
      () => likelihoodFlow(ou.sde, { dim: 1, score: g.score.score }),
      TypeError,
      "likelihoodFlow: score must provide hessianDiagonal",
    ],
    [
      "T",
      () =>
        logDensityByFlow(ou.sde, g.score, new Float64Array(1), {
          t: 1,
          T: 1,
          steps: 2,
          logDensityAtT: (x) => x,
        }),
      RangeError,
      "logDensityByFlow: options.T must be a finite number > t = 1, got 1",
    ],
    [
      "steps",
      () =>
        logDensityByFlow(ou.sde, g.score, new Float64Array(1), {
          t: 0,
          T: 1,
          steps: 0.5,
          logDensityAtT: (x) => x,
        }),
      RangeError,
      "logDensityByFlow: options.steps must be a positive integer, got 0.5",
    ],
  ])("%s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
