import { affineScore, scoreNet, timeEmbedding, type ScoreModel } from "../../src/nn";
import { vpSde } from "../../src/processes";
import { createRng, fillNormal, fillUniform, spawn } from "../../src/rng";

const SEED = 53;
const dot = (a: Float64Array, b: Float64Array): number => a.reduce((s, v, i) => s + v * b[i], 0);

/** Checks backward and backwardTangent of a ScoreModel against central differences in θ. */
function checkGradients(model: ScoreModel, t: Float64Array, x: Float64Array, n: number): void {
  const rng = createRng(SEED + 1);
  const G = fillNormal(rng, new Float64Array(n * model.dim));
  const GT = fillNormal(rng, new Float64Array(n * model.dim));
  const v = fillNormal(rng, new Float64Array(n * model.dim));
  const lossT = (): number => {
    const r = model.evaluateTangent(t, x, v, n);
    return dot(r.score, G) + dot(r.tangent, GT);
  };
  model.zeroGrad();
  model.evaluateTangent(t, x, v, n);
  model.backwardTangent(G, GT, n);
  const g = model.grad.slice();
  model.zeroGrad();
  model.evaluate(t, x, n);
  model.backward(G, n);
  const g0 = model.grad.slice();
  for (let i = 0; i < g.length; i += 7) {
    const p = model.params[i];
    model.params[i] = p + 1e-5;
    const up = lossT();
    const up0 = dot(model.evaluate(t, x, n), G);
    model.params[i] = p - 1e-5;
    const down = lossT();
    const down0 = dot(model.evaluate(t, x, n), G);
    model.params[i] = p;
    // central differences, h = 1e-5: truncation ~1e-10, rounding ~1e-11, relative to 1 + |g|
    expect(Math.abs(g[i] - (up - down) / 2e-5)).toBeLessThan(1e-6 * (1 + Math.abs(g[i])));
    expect(Math.abs(g0[i] - (up0 - down0) / 2e-5)).toBeLessThan(1e-6 * (1 + Math.abs(g0[i])));
  }
}

describe("scoreNet and affineScore", () => {
  const [init, data] = spawn(createRng(SEED), 2);
  const n = 5;
  const t = fillUniform(data, new Float64Array(n)).map((u) => 0.05 + 0.9 * u);
  const x = fillNormal(data, new Float64Array(n * 2));
  it.each([
    ["score output, raw t", { dim: 2, hidden: [8, 8] }],
    [
      "noise output, embedding 4",
      { dim: 2, hidden: [8], embedding: 4, output: "noise" as const, process: vpSde({ dim: 2 }) },
    ],
  ])("%s: gradients equal central differences", (_name, options) => {
    const model = scoreNet(options);
    model.net.init(init);
    checkGradients(model, t, x, n);
  });
  it("noise output is −f/σ_t: the same network as score output, divided by −std(t)", () => {
    const process = vpSde({ dim: 2 });
    const a = scoreNet({ dim: 2, hidden: [8], output: "noise", process });
    const b = scoreNet({ dim: 2, hidden: [8] });
    a.net.init(createRng(SEED));
    b.net.init(createRng(SEED));
    const sa = a.evaluate(t, x, n).slice();
    const sb = b.evaluate(t, x, n);
    sa.forEach((s, k) => expect(s).toBeCloseTo(-sb[k] / process.std(t[Math.floor(k / 2)]), 12));
  });
  it("affineScore: gradients equal central differences", () => {
    const model = affineScore(2);
    fillNormal(createRng(SEED), model.params);
    checkGradients(model, t, x, n);
  });
  it("timeEmbedding: sin and cos halves with ω_k = 1000·10^(−4k/K)", () => {
    const out = new Float64Array(2 * 6);
    timeEmbedding(new Float64Array([0, 0.25]), out, 2, 6);
    expect(Array.from(out.subarray(0, 6))).toEqual([0, 0, 0, 1, 1, 1]);
    const w = [1000, 1000 * 10 ** (-4 / 3), 1000 * 10 ** (-8 / 3)];
    w.forEach((wk, k) => {
      expect(out[6 + k]).toBeCloseTo(Math.sin(0.25 * wk), 12);
      expect(out[9 + k]).toBeCloseTo(Math.cos(0.25 * wk), 12);
    });
    expect(() => timeEmbedding(new Float64Array(1), out, 1, 3)).toThrow(
      "timeEmbedding: dim must be an even integer >= 2, got 3",
    );
  });
  it("bad input", () => {
    expect(() => scoreNet({ dim: 2, hidden: [4], output: "noise" })).toThrow(
      'scoreNet: options.process must be a LinearProcess for output "noise", got undefined',
    );
    expect(() => scoreNet({ dim: 0, hidden: [4] })).toThrow(
      "scoreNet: options.dim must be a positive integer, got 0",
    );
    // was "mlp: sizes[1] must be a positive integer, got 0", naming an inner helper
    expect(() => scoreNet({ dim: 2, hidden: [0] })).toThrow(
      "scoreNet: options.hidden[0] must be a positive integer, got 0",
    );
    const vp = vpSde({ dim: 2 });
    const net = scoreNet({ dim: 2, hidden: [4], output: "noise", process: vp });
    // was vpSde.std's error; t = 0 gave −1/σ_0 = −Infinity silently
    expect(() => net.evaluate(Float64Array.of(2), new Float64Array(2), 1)).toThrow(
      "scoreNet.evaluate: t[0] must be in [0, T] = [0, 1], got 2",
    );
    expect(() => net.evaluate(Float64Array.of(0), new Float64Array(2), 1)).toThrow(
      'scoreNet.evaluate: t[0] must have std(t) > 0 for output "noise" (s = −f/σ_t), got 0',
    );
    expect(() => affineScore(1.5)).toThrow("affineScore: dim must be a positive integer, got 1.5");
  });
});
