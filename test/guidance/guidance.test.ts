import { vpSde } from "../../src/processes";
import { exactMixtureScore } from "../../src/score";
import { gaussianMixture, mixtureAtTime, mixtureLogDensity, mixtureScore } from "../../src/mixture";
import {
  classConditional,
  classifierFreeScore,
  classifierGradient,
  classifierGuidedScore,
  classifierLogProbability,
  tiltedLogDensity,
} from "../../src/guidance";

const mix2 = gaussianMixture({
  weights: [0.5, 0.3, 0.2],
  means: [-2, 0, 2, 1, 0.5, -2],
  covs: [1, 0.6, 0.6, 1, 0.5, -0.3, -0.3, 0.4, 0.3, 0.1, 0.1, 2],
});
const pts = Float64Array.of(0, 0, -1.5, 0.7, 2.2, -1, 0.3, 3); // (4, 2)

describe("classifier of a mixture", () => {
  it("posterior probabilities sum to 1 over the classes (Bayes)", () => {
    const sum = new Float64Array(4);
    for (let y = 0; y < 3; y++)
      classifierLogProbability(mix2, y, pts).forEach((l, i) => (sum[i] += Math.exp(l)));
    sum.forEach((s) => expect(s).toBeCloseTo(1, 13)); // rounding of three O(1) terms
  });
  it("gradient matches central differences of log p(y | x) in 2-D", () => {
    const e = 1e-5;
    for (let y = 0; y < 3; y++) {
      const g = classifierGradient(mix2, y, pts);
      for (let r = 0; r < 4; r++) {
        for (let i = 0; i < 2; i++) {
          const up = pts.slice(2 * r, 2 * r + 2);
          const dn = up.slice();
          up[i] += e;
          dn[i] -= e;
          const fd =
            (classifierLogProbability(mix2, y, up)[0] - classifierLogProbability(mix2, y, dn)[0]) /
            (2 * e);
          // truncation e²/6·|∂³| ≈ 1e-10, rounding 1e-16/e = 1e-11
          expect(Math.abs(g[2 * r + i] - fd)).toBeLessThan(1e-7);
        }
      }
    }
  });
  it("class-conditional score minus mixture score is the classifier gradient", () => {
    const cond = mixtureScore(classConditional(mix2, 1), pts);
    const s = mixtureScore(mix2, pts);
    const g = classifierGradient(mix2, 1, pts);
    g.forEach((v, i) => expect(v).toBeCloseTo(cond[i] - s[i], 12));
  });
});

describe("guided scores", () => {
  const vp = vpSde({ dim: 2 });
  const x = pts;
  const out = (
    f: { score: (t: number, x: Float64Array, o: Float64Array, n: number) => void },
    t: number,
  ) => {
    const o = new Float64Array(8);
    f.score(t, x, o, 4);
    return o;
  };
  it("classifier-free with weight w equals classifier guidance with γ = 1 + w (exact scores)", () => {
    const w = 2.5;
    const cfg = classifierFreeScore(
      exactMixtureScore(classConditional(mix2, 2), vp),
      exactMixtureScore(mix2, vp),
      w,
    );
    const cg = classifierGuidedScore(mix2, vp, 2, 1 + w);
    for (const t of [0, 0.3, 1]) {
      const a = out(cfg, t);
      const b = out(cg, t);
      a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThan(1e-9 * (1 + Math.abs(b[i])))); // rounding
    }
  });
  it("γ = 0 is the unconditional score and γ = 1 the class score", () => {
    const t = 0.4;
    const u = out(exactMixtureScore(mix2, vp), t);
    out(classifierGuidedScore(mix2, vp, 0, 0), t).forEach((v, i) => expect(v).toBe(u[i]));
    const c = mixtureScore(classConditional(mixtureAtTime(mix2, vp, t), 0), x);
    out(classifierGuidedScore(mix2, vp, 0, 1), t).forEach((v, i) =>
      expect(v).toBeCloseTo(c[i], 11),
    );
  });
});

describe("guided score times", () => {
  it("accepts t within 1e-12·T of [0, T] (a solver's t + h) and reads it as the end point", () => {
    const vp = vpSde({ dim: 2 });
    const f = classifierGuidedScore(mix2, vp, 1, 2);
    const [a, b, c, e] = [8, 8, 8, 8].map((k) => new Float64Array(k));
    f.score(1, pts, a, 4);
    f.score(1 + 1e-13, pts, b, 4);
    f.score(0, pts, c, 4);
    f.score(-1e-13, pts, e, 4);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(e)).toEqual(Array.from(c));
  });
});

describe("tiltedLogDensity", () => {
  it("is log p at γ = 0 and log w_y N_y at γ = 1, linear in γ between", () => {
    const lp = mixtureLogDensity(mix2, pts);
    const ly = mixtureLogDensity(classConditional(mix2, 1), pts).map((v) => v + Math.log(0.3));
    tiltedLogDensity(mix2, 1, 0, pts).forEach((v, i) => expect(v).toBeCloseTo(lp[i], 12));
    tiltedLogDensity(mix2, 1, 1, pts).forEach((v, i) => expect(v).toBeCloseTo(ly[i], 12));
    tiltedLogDensity(mix2, 1, 3, pts).forEach((v, i) =>
      expect(v).toBeCloseTo(-2 * lp[i] + 3 * ly[i], 11),
    );
  });
});

describe("guidance bad input", () => {
  const vp = vpSde({ dim: 2 });
  const s = exactMixtureScore(mix2, vp);
  it.each([
    [
      "class",
      () => classConditional(mix2, 3),
      RangeError,
      "classConditional: y must be an integer in [0, 3), got 3",
    ],
    [
      "gradient x",
      () => classifierGradient(mix2, 0, Float64Array.of(1, 2, 3)),
      RangeError,
      "classifierGradient: x must hold n·d values with d = 2 and n >= 1, got length 3",
    ],
    [
      "gamma",
      () => classifierGuidedScore(mix2, vp, 0, -1),
      RangeError,
      "classifierGuidedScore: gamma must be a finite number >= 0, got -1",
    ],
    [
      "cfg w",
      () => classifierFreeScore(s, s, NaN),
      RangeError,
      "classifierFreeScore: w must be a finite number, got NaN",
    ],
    [
      "cfg dims",
      () =>
        classifierFreeScore(s, exactMixtureScore(classConditional(mix2, 0), vp).data as never, 1),
      TypeError,
      "classifierFreeScore: unconditional must be a ScoreFunction, got an object",
    ],
    [
      "tilted y",
      () => tiltedLogDensity(mix2, 0.5, 1, pts),
      RangeError,
      "tiltedLogDensity: y must be an integer in [0, 3), got 0.5",
    ],
    [
      "guided score at t past T",
      () => classifierGuidedScore(mix2, vp, 0, 1).score(1.5, pts, new Float64Array(8), 4),
      RangeError,
      "classifierGuidedScore.score: t must be in [0, T] = [0, 1], got 1.5",
    ],
    [
      "guided score at a NaN point: named by the method called, not by classifierGradient",
      () =>
        classifierGuidedScore(mix2, vp, 0, 1).score(
          0.5,
          Float64Array.of(0, NaN),
          new Float64Array(2),
          1,
        ),
      RangeError,
      "classifierGuidedScore.score: x[1] must be a finite number, got NaN",
    ],
    [
      "guided score with n past the rows of x",
      () => classifierGuidedScore(mix2, vp, 0, 1).score(0.5, pts, new Float64Array(10), 5),
      RangeError,
      "classifierGuidedScore.score: x must hold at least n·d = 10 values (n = 5, d = 2), got length 8",
    ],
    [
      "guided score: a process of another dimension, named by the function called",
      () => classifierGuidedScore(mix2, vpSde({ dim: 1 }), 0, 1),
      RangeError,
      "classifierGuidedScore: process.dim must equal data.dim = 2, got 1",
    ],
    [
      "guided score: data not a mixture (not exactMixtureScore's message)",
      () => classifierGuidedScore({} as never, vp, 0, 1),
      TypeError,
      "classifierGuidedScore: data must be a GaussianMixture from gaussianMixture, got an object",
    ],
    [
      "gradient at a point so far that the quadratic forms overflow",
      () => classifierGradient(mix2, 0, Float64Array.of(1e200, 0)),
      RangeError,
      "classifierGradient: x row 0 is too far from every component",
    ],
    [
      "guided score at a point so far away: named by the method called, not MixtureKernels",
      () =>
        classifierGuidedScore(mix2, vp, 0, 1).score(
          0.5,
          Float64Array.of(1e200, 0),
          new Float64Array(2),
          1,
        ),
      RangeError,
      "classifierGuidedScore.score: x row 0 is too far from every component",
    ],
    [
      "class a string",
      () => classConditional(mix2, "1" as never),
      TypeError,
      'classConditional: y must be an integer in [0, 3), got "1"',
    ],
    [
      "cfg score n = 2.5",
      () => classifierFreeScore(s, s, 1).score(0.5, pts, new Float64Array(8), 2.5),
      RangeError,
      "classifierFreeScore.score: n must be a positive integer, got 2.5",
    ],
  ])("%s", (_name, f, type, message) => {
    expect(f).toThrow(type as ErrorConstructor);
    expect(f).toThrow(message as string);
  });
});
