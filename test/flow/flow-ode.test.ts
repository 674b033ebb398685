import {
  exactMixtureVelocity,
  flowOde,
  interpolantSde,
  linearPath,
  straightness,
  velocityNet,
  type VelocityFunction,
} from "../../src/flow";
import { uniformGrid } from "../../src/brownian";
import { gaussianMixture } from "../../src/mixture";
import { zeroNoise } from "../../src/reverse";
import { createRng } from "../../src/rng";
import { eulerMaruyama, integrate, stochasticHeun } from "../../src/sde";

// data N(μ, s²) on the linear path: the flow map is affine, x(t) = α_tμ + c_t (x_1 − α_1μ)/c_1,
// c_t = √(α_t²s² + σ_t²), so x(0) = μ + s x_1 exactly (the oracle)
const [mu, s2] = [0.7, 0.5];
const gauss = gaussianMixture({ weights: [1], means: [mu], covs: [s2] });
const lin = linearPath();
const x1 = Float64Array.of(-1.5, -0.2, 0.9, 2.1);

describe("flowOde", () => {
  it("Euler converges at order 1 and Heun at order 2 to the exact Gaussian flow map", () => {
    const ode = flowOde(exactMixtureVelocity(gauss, lin));
    const err = (solver: typeof eulerMaruyama, K: number) => {
      const run = integrate(ode, solver, x1, zeroNoise(uniformGrid(1, 0, K), 4, 1));
      return run.x.reduce((m, v, i) => Math.max(m, Math.abs(v - (mu + Math.sqrt(s2) * x1[i]))), 0);
    };
    // halving h divides the error by 2^p (1 + O(h)); at K = 64 the O(h) term measured ≈ 4 %:
    // Euler's ratio in [1.9, 2.1] (p = 1, not 2), Heun's in [3.7, 4.3] (p = 2, not 1 or 3)
    const euler = err(eulerMaruyama, 64) / err(eulerMaruyama, 128);
    const heun = err(stochasticHeun, 64) / err(stochasticHeun, 128);
    expect(Math.abs(euler - 2)).toBeLessThan(0.1);
    expect(Math.abs(heun - 4)).toBeLessThan(0.3);
  });
});

describe("interpolantSde", () => {
  it("every diffusion level keeps the marginals: the exact law of the Euler chain → N(μ, s²)", () => {
    // Gaussian data: the drift u − ½g²∇log p_t is affine in x, so the Euler–Maruyama chain from
    // N(0, 1) at t = 1 stays Gaussian; its mean and variance follow m ← m + h b(m),
    // v ← (1 + h b′)² v + g²|h| exactly (no sampling), with b(0) and b′ = b(1) − b(0) read off
    const v = exactMixtureVelocity(gauss, lin);
    const K = 2000;
    for (const g of [0, 0.5, 1.5]) {
      const sde = interpolantSde(v, v, () => g);
      let [m, va] = [0, 1];
      const b = new Float64Array(2);
      for (let k = 0; k < K; k++) {
        const t = 1 - k / K;
        sde.drift(t, Float64Array.of(0, 1), b, 2);
        const slope = b[1] - b[0];
        m += -(b[0] + slope * m) / K;
        va = (1 - slope / K) ** 2 * va + (g * g) / K;
      }
      // Euler's weak error O(h) with constant ≤ (1 + g²)·max|b′| ≈ 10: ≤ 10/K = 5e-3;
      // a wrong sign of the score correction moves the variance by O(1)
      expect(Math.abs(m - mu)).toBeLessThan(5e-3);
      expect(Math.abs(va - s2)).toBeLessThan(5e-3);
    }
  });
});

describe("straightness", () => {
  const constant: VelocityFunction = { dim: 1, velocity: (_t, _x, out, n) => out.fill(2, 0, n) };
  const curved: VelocityFunction = { dim: 1, velocity: (t, _x, out, n) => out.fill(2 * t, 0, n) };
  it("is 0 for straight paths and ∫(2t − 1)² dt = 1/3 for x(t) = t²", () => {
    const S = 1001;
    const times = Float64Array.from({ length: S }, (_, j) => j / (S - 1));
    const line = straightness(constant, { times, states: times.map((t) => 2 * t) }, 1);
    expect(line.value).toBe(0);
    const parabola = straightness(curved, { times, states: times.map((t) => t * t) }, 1);
    // trapezoid error h²/12·|f'(1) − f'(0)| = 1e-6/12·8 ≈ 6.7e-7
    expect(Math.abs(parabola.value - 1 / 3)).toBeLessThan(1e-6);
  });
});

describe("velocityNet", () => {
  it("velocity(t, x) equals evaluate with every row at t", () => {
    const net = velocityNet({ dim: 2, hidden: [8], embedding: 4 });
    net.net.init(createRng(3));
    const x = Float64Array.of(0.3, -1, 2, 0.5);
    const out = new Float64Array(4);
    net.velocity(0.4, x, out, 2);
    expect(Array.from(net.evaluate(Float64Array.of(0.4, 0.4), x, 2))).toEqual(Array.from(out));
  });
});
