import { gaussianMixture, mixtureLogDensity } from "../../src/mixture";
import { vpSde } from "../../src/processes";
import { hutchinsonFlow, likelihoodFlow, logDensityByFlow } from "../../src/reverse";
import { createRng, fillNormal } from "../../src/rng";
import { exactMixtureScore } from "../../src/score";

const data = gaussianMixture({
  weights: [0.4, 0.6],
  means: [-1, 0.5, 1.5, -0.5],
  covs: [0.3, 0.1, 0.1, 0.2, 0.5, 0, 0, 0.4],
});
const vp = vpSde({ dim: 2 });
const sc = exactMixtureScore(data, vp);

describe("hutchinsonFlow", () => {
  it("with probes e_1 and e_2 the two estimates sum to the exact divergence (εᵀJε = J_ii)", () => {
    const x = new Float64Array([0.3, -0.7, 0.3, -0.7, 0.3, -0.7]); // (3, 2) one point
    const probes = new Float64Array([1, 0, 0, 1, 1, 1]); // e_1, e_2, e_1 + e_2
    const z = new Float64Array(9);
    for (let r = 0; r < 3; r++) z.set(x.subarray(2 * r, 2 * r + 2), 3 * r);
    const hut = new Float64Array(9);
    hutchinsonFlow(vp.sde, sc, probes).drift(0.4, z, hut, 3);
    const exact = new Float64Array(9);
    likelihoodFlow(vp.sde, sc).drift(0.4, z, exact, 3);
    // central differences with δ ≈ 1e-4: error ~ δ² |∂³F| ≈ 1e-8
    expect(Math.abs(hut[2] + hut[5] - exact[2])).toBeLessThan(1e-7);
    expect(hut[0]).toBe(exact[0]); // the state part is the flow itself
    // (1,1)ᵀJ(1,1) − J_11 − J_22 = 2 J_12 = 2 J_21: symmetric Jacobian
    expect(Math.abs(hut[8] - hut[2] - hut[5])).toBeGreaterThan(1e-3);
  });
  it("averaged over probes, logDensityByFlow reproduces the exact-divergence answer (unbiased)", () => {
    const n = 4000;
    const point = [0.2, 0.1];
    const x = Float64Array.from({ length: 2 * n }, (_, i) => point[i % 2]);
    const probes = fillNormal(createRng(7), new Float64Array(2 * n));
    const logPT = (xT: Float64Array) => mixtureLogDensity(sc.marginal(1), xT);
    const opts = { t: 0, T: 1, steps: 40, logDensityAtT: logPT };
    const est = logDensityByFlow(vp.sde, sc, x, { ...opts, probes }).logDensity;
    const exact = logDensityByFlow(vp.sde, sc, x.subarray(0, 2), opts).logDensity[0];
    const mean = est.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(est.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean - exact)).toBeLessThan((5 * sd) / Math.sqrt(n)); // 5 SE: P(fail) ≈ 6e-7
    expect(sd).toBeGreaterThan(0.01); // it is an estimate, not the exact value
  });
});
