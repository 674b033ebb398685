import {
  convertFlowPrediction,
  exactMixtureVelocity,
  linearPath,
  scoreToVelocity,
  vePath,
  velocityToScore,
  vpPath,
  type FlowPrediction,
  type ProbabilityPath,
} from "../../src/flow";
import { gaussianMixture } from "../../src/mixture";
import { vpSde } from "../../src/processes";
import { exactMixtureScore } from "../../src/score";

const mix2 = gaussianMixture({
  weights: [0.6, 0.4],
  means: [-1, 0.5, 2, -1],
  covs: [1, 0.4, 0.4, 0.5, 0.3, 0, 0, 2],
});
const PATHS: [string, ProbabilityPath][] = [
  ["linear", linearPath()],
  ["VP", vpPath()],
  ["VE", vePath({ sigmaMin: 0.1, sigmaMax: 5 })],
];
const KINDS: FlowPrediction[] = ["velocity", "x0", "eps", "score"];
const x = Float64Array.of(0.3, -0.2, 1.5, 1, -2, 0.4);
const maxDiff = (a: Float64Array, b: Float64Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe("convertFlowPrediction", () => {
  it.each(PATHS)(
    "%s: every route from the exact velocity gives the exact score, ε and x0",
    (_, p) => {
      const v = exactMixtureVelocity(mix2, p);
      for (const t of [0.2, 0.6]) {
        const u = new Float64Array(6);
        const s = new Float64Array(6);
        v.velocity(t, x, u, 3);
        v.score(t, x, s, 3);
        const [a, sig] = [p.scale(t), p.std(t)];
        // the exact E[x0 | x_t] and E[ε | x_t] by Tweedie: x0 = (x + σ²s)/α, ε = −σ s
        const exact: Record<FlowPrediction, Float64Array> = {
          velocity: u,
          score: s,
          eps: s.map((si) => -sig * si),
          x0: x.map((xi, i) => (xi + sig * sig * s[i]) / a),
        };
        for (const from of KINDS)
          for (const to of KINDS) {
            const got = convertFlowPrediction(from, to, exact[from], x, p, t);
            // a 2×2 solve in double precision on O(1..σ_max²) numbers: 1e-9 relative
            expect(maxDiff(got, exact[to])).toBeLessThan(
              1e-9 * (1 + maxDiff(exact[to], new Float64Array(6))),
            );
          }
      }
    },
  );

  it("refuses a route that divides by zero, saying what it needs", () => {
    const p = linearPath();
    const x1 = Float64Array.of(1);
    expect(() => convertFlowPrediction("eps", "x0", x1, x1, p, 1)).toThrow(/α_t ≠ 0/);
    expect(() => convertFlowPrediction("x0", "eps", x1, x1, p, 0)).toThrow(/σ_t > 0/);
  });
});

describe("velocityToScore and scoreToVelocity", () => {
  it.each(PATHS)("%s: the exact velocity read as a score is the exact score, and back", (_, p) => {
    const v = exactMixtureVelocity(mix2, p);
    const s = velocityToScore(v, p);
    const u2 = scoreToVelocity({ dim: 2, score: (t, y, o, n) => v.score(t, y, o, n) }, p);
    for (const t of [0.1, 0.5, 0.9]) {
      const [a, b, c, e] = [0, 0, 0, 0].map(() => new Float64Array(6));
      v.score(t, x, a, 3);
      s.score(t, x, b, 3);
      v.velocity(t, x, c, 3);
      u2.velocity(t, x, e, 3);
      // rounding of the 2×2 solve: 1e-9 relative
      expect(maxDiff(a, b)).toBeLessThan(1e-9 * (1 + maxDiff(a, new Float64Array(6))));
      expect(maxDiff(c, e)).toBeLessThan(1e-9 * (1 + maxDiff(c, new Float64Array(6))));
    }
  });

  it("VP: the flow-matching ODE is the probability-flow ODE −½β(t)(x + ∇log p_t) of vpSde", () => {
    const sde = vpSde({ dim: 2 });
    const exact = exactMixtureScore(mix2, sde);
    const u = scoreToVelocity(exact, vpPath());
    const v = exactMixtureVelocity(mix2, vpPath());
    for (const t of [0.05, 0.5, 1]) {
      const [pf, s, fm] = [0, 0, 0].map(() => new Float64Array(6));
      exact.score(t, x, s, 3);
      const beta = 0.1 + t * (20 - 0.1);
      for (let i = 0; i < 6; i++) pf[i] = -0.5 * beta * (x[i] + s[i]);
      v.velocity(t, x, fm, 3);
      expect(maxDiff(pf, fm)).toBeLessThan(1e-9 * (1 + maxDiff(pf, new Float64Array(6))));
      u.velocity(t, x, fm, 3);
      expect(maxDiff(pf, fm)).toBeLessThan(1e-9 * (1 + maxDiff(pf, new Float64Array(6))));
    }
  });
});
