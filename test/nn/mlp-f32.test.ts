import { createJsF32Kernels } from "../../src/fast";
import { Adam, Mlp, MlpF32, mlpF32, scoreNet, type ActivationName } from "../../src/nn";
import { denoisingScoreMatching, dsmBatch } from "../../src/objectives";
import { vpSde } from "../../src/processes";
import { createRng, fillNormal, spawn } from "../../src/rng";

const SEED = 48;
const activations: ActivationName[] = ["silu", "tanh", "relu"];
const dot = (a: Float64Array, b: Float64Array): number => a.reduce((s, v, i) => s + v * b[i], 0);
const maxAbs = (a: Float64Array): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const maxDiff = (a: Float64Array, b: Float64Array): number =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe.each(activations)("MlpF32 (%s) against the float64 Mlp", (act) => {
  const [init, data] = spawn(createRng(SEED), 2);
  const n = 7; // not a multiple of the 4-row block: padded rows must not leak
  const sizes = [3, 9, 6, 2];
  const net = new Mlp({ sizes, activation: act }).init(init);
  const x = fillNormal(data, new Float64Array(n * 3));
  const G = fillNormal(data, new Float64Array(n * 2));
  const f32 = mlpF32(net);
  // Each pre-activation is a float32 dot product of length ≤ 9 plus a bias, within
  // γ_10 ≈ 10u of its magnitude scale (Higham 2002, eq. (3.5)); the activation adds ≤ 16u
  // (test/fast/f32-kernels.test.ts), and L = 3 layers with Lipschitz constants O(1) carry it
  // on: ≲ 3·(10 + 16)u ≈ 80u ≈ 5e-6 of the output scale. Tested at 1e-5 (2× margin).
  const tol = 1e-5;

  it("forward agrees with float64 to 1e-5 of the output scale", () => {
    const y64 = net.forward(x, n).slice();
    const y32 = f32.forward(x, n);
    expect(maxDiff(y32, y64)).toBeLessThan(tol * maxAbs(y64));
  });

  it("backward (grad and gIn) agrees with float64 to 1e-5 of the gradient scale", () => {
    const gIn64 = new Float64Array(n * 3);
    const gIn32 = new Float64Array(n * 3);
    net.zeroGrad();
    net.forward(x, n);
    net.backward(G, n, gIn64);
    const g64 = net.grad.slice();
    net.zeroGrad();
    f32.forward(x, n);
    f32.backward(G, n, gIn32);
    // the backward pass is the same kind of computation (dot products of length ≤ n, 9): the
    // same ≲ 80u relative to the scale, plus the forward's error through σ′ (≤ 80u): 1e-5·2
    expect(maxDiff(net.grad, g64)).toBeLessThan(2 * tol * maxAbs(g64));
    expect(maxDiff(gIn32, gIn64)).toBeLessThan(2 * tol * maxAbs(gIn64));
  });

  it("backward: Σ G·f along random directions of θ equals central differences in float32", () => {
    // L(θ) = Σ G·f in float32 is within ε_L ≈ 80u·S of the exact value, S = Σ|G||f| (above);
    // the central difference (L(θ + hv) − L(θ − hv))/2h then errs by ≤ ε_L/h from rounding and
    // h²|L'''|/6 from truncation. With h = 1e-2 and |v| = 1: 80·6e-8·S/1e-2 ≈ 5e-4·S, and
    // h²/6 ≈ 2e-5 times L''' = O(S): tolerance 1e-3·S (float64 tests use 1e-7)
    const rng = createRng(SEED + 1);
    const h = 1e-2;
    const loss = (): number => dot(f32.forward(x, n), G);
    const S = dot(f32.forward(x, n).map(Math.abs), G.map(Math.abs));
    for (let trial = 0; trial < 5; trial++) {
      const v = fillNormal(rng, new Float64Array(net.params.length));
      const norm = Math.sqrt(dot(v, v));
      v.forEach((vi, i) => (v[i] = vi / norm));
      net.zeroGrad();
      f32.forward(x, n);
      f32.backward(G, n);
      const analytic = dot(net.grad, v);
      const p0 = net.params.slice();
      net.params.set(p0.map((p, i) => p + h * v[i]));
      const up = loss();
      net.params.set(p0.map((p, i) => p - h * v[i]));
      const down = loss();
      net.params.set(p0);
      expect(Math.abs(analytic - (up - down) / (2 * h))).toBeLessThan(1e-3 * S);
    }
  });

  it("the plain-JavaScript kernels give bit-identical passes", () => {
    const js = new MlpF32(net, createJsF32Kernels());
    const y1 = f32.forward(x, n).slice();
    const y2 = js.forward(x, n).slice();
    net.zeroGrad();
    f32.backward(G, n);
    const g1 = net.grad.slice();
    net.zeroGrad();
    js.backward(G, n);
    expect([Array.from(y2), Array.from(net.grad)]).toEqual([Array.from(y1), Array.from(g1)]);
  });
});

describe("scoreNet with precision float32", () => {
  it("trains the DSM objective as float64 does: same loss to float32 accuracy for 20 steps", () => {
    // same seeds, same batches: the two runs differ only by float32 rounding (~1e-6 relative
    // per step, above); Adam's update is bounded by lr per step, so 20 steps stay within a few
    // 1e-5 of each other's loss (≈ 0.5): tolerance 1e-3 relative
    const sde = vpSde({ dim: 2 });
    const losses = (["float64", "float32"] as const).map((precision) => {
      const [init, data] = spawn(createRng(SEED), 2);
      const model = scoreNet({ dim: 2, hidden: [16, 16], precision });
      model.net.init(init);
      const opt = new Adam(model.params.length, { lr: 1e-3 });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) {
        const x0 = fillNormal(data, new Float64Array(64 * 2));
        const batch = dsmBatch(data, sde, x0, 64, 2);
        model.zeroGrad();
        out.push(denoisingScoreMatching(model, sde, batch, 64));
        opt.step(model.params, model.grad);
      }
      return out;
    });
    losses[0].forEach((l, i) => expect(Math.abs(losses[1][i] - l)).toBeLessThan(1e-3 * l));
    expect(losses[1][0]).not.toBe(losses[0][0]); // it really ran in float32
  });

  it("score and evaluateTangent: float32 score within 1e-5, tangent in float64", () => {
    const sde = vpSde({ dim: 2 });
    const [a, b] = (["float64", "float32"] as const).map((precision) => {
      const m = scoreNet({ dim: 2, hidden: [16, 16], output: "noise", process: sde, precision });
      m.net.init(createRng(SEED));
      return m;
    });
    const x = fillNormal(createRng(1), new Float64Array(10));
    const [sa, sb] = [new Float64Array(10), new Float64Array(10)];
    a.score(0.5, x, sa, 5);
    b.score(0.5, x, sb, 5);
    expect(maxDiff(sa, sb)).toBeLessThan(1e-5 * maxAbs(sa)); // the forward bound above
    const t = new Float64Array(5).fill(0.5);
    const v = fillNormal(createRng(2), new Float64Array(10));
    expect(Array.from(b.evaluateTangent(t, x, v, 5).tangent)).toEqual(
      Array.from(a.evaluateTangent(t, x, v, 5).tangent),
    );
  });

  it("rejects an unknown precision", () => {
    expect(() => scoreNet({ dim: 2, hidden: [4], precision: "float16" as "float32" })).toThrow(
      'scoreNet: options.precision must be one of "float64", "float32", got "float16"',
    );
  });
});
