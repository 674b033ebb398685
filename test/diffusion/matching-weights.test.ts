import {
  convertPrediction,
  ddpmPosterior,
  ddpmSchedule,
  matchingWeights,
  normalKl,
} from "../../src/diffusion";

describe("matchingWeights", () => {
  const s = ddpmSchedule({ steps: 100, betaStart: 1e-3, betaEnd: 0.05 });
  it.each([2, 30, 100])(
    "KL(q(x_{t−1}|x_t,x0) ‖ p_θ) = C + λ·error² in the x0, ε and score forms (t = %p)",
    (t) => {
      const q = ddpmPosterior(s, t);
      const [a, sd] = [Math.sqrt(s.alphaBar[t]), Math.sqrt(s.oneMinusAlphaBar[t])];
      const [x0, eps, x0hat] = [0.4, -1.3, 0.1];
      const xt = a * x0 + sd * eps;
      const f = (kind: "eps" | "score", v: number) =>
        convertPrediction("x0", kind, Float64Array.of(v), Float64Array.of(xt), a, sd)[0];
      for (const variance of [s.beta[t], s.betaTilde[t]]) {
        const w = matchingWeights(s, t, variance);
        const kl = normalKl(
          q.x0Coef * x0 + q.xtCoef * xt,
          q.variance,
          q.x0Coef * x0hat + q.xtCoef * xt,
          variance,
        );
        // O(1) quantities through a few flops: agreement to 1e-12 relative
        expect(w.constant + w.x0 * (x0 - x0hat) ** 2).toBeCloseTo(kl, 12);
        expect(w.constant + w.eps * (f("eps", x0) - f("eps", x0hat)) ** 2).toBeCloseTo(kl, 12);
        expect(w.constant + w.score * (f("score", x0) - f("score", x0hat)) ** 2).toBeCloseTo(
          kl,
          12,
        );
      }
    },
  );
  it("rejects bad input", () => {
    expect(() => matchingWeights(s, 1, 0.1)).toThrow(
      /matchingWeights: t must be an integer step in \[2, 100\], got 1/,
    );
    expect(() => matchingWeights(s, 5, -1)).toThrow(RangeError);
    expect(() => matchingWeights(s, 5, -1)).toThrow(
      /matchingWeights: variance must be a finite number > 0, got -1/,
    );
  });
});
