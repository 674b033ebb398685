import { Mlp, mlp, type ActivationName } from "../../src/nn";
import { createRng, fillNormal, spawn } from "../../src/rng";

const SEED = 47;
const activations: ActivationName[] = ["silu", "tanh", "relu"];

/** Central difference of f in params[i] with step h. */
function fd(net: Mlp, i: number, f: () => number, h = 1e-5): number {
  const p = net.params[i];
  net.params[i] = p + h;
  const up = f();
  net.params[i] = p - h;
  const down = f();
  net.params[i] = p;
  return (up - down) / (2 * h);
}

const dot = (a: Float64Array, b: Float64Array): number => a.reduce((s, v, i) => s + v * b[i], 0);

describe.each(activations)("Mlp (%s)", (act) => {
  const [init, data] = spawn(createRng(SEED), 2);
  const n = 7;
  const net = new Mlp({ sizes: [3, 9, 6, 2], activation: act }).init(init);
  const x = fillNormal(data, new Float64Array(n * 3));
  const v = fillNormal(data, new Float64Array(n * 3));
  const G = fillNormal(data, new Float64Array(n * 2));
  const GT = fillNormal(data, new Float64Array(n * 2));
  // central differences with h = 1e-5 on a smooth function: truncation O(h²·f''') ~ 1e-10, rounding
  // ~ 1e-16/h = 1e-11; ReLU is piecewise linear, exact unless a kink lies within h (probability ~1e-5)
  const tol = (g: number): number => 1e-7 * (1 + Math.abs(g));

  it("backward: ∂(Σ G·f)/∂θ equals central differences for every parameter", () => {
    const loss = (): number => dot(net.forward(x, n), G);
    net.zeroGrad();
    net.forward(x, n);
    net.backward(G, n);
    const grad = net.grad.slice();
    for (let i = 0; i < grad.length; i++)
      expect(Math.abs(grad[i] - fd(net, i, loss))).toBeLessThan(tol(grad[i]));
  });

  it("backward with gIn: G ∂f/∂x equals central differences in x", () => {
    const gIn = new Float64Array(n * 3);
    net.forward(x, n);
    net.backward(G, n, gIn);
    for (let i = 0; i < x.length; i++) {
      const xi = x[i];
      x[i] = xi + 1e-5;
      const up = dot(net.forward(x, n), G);
      x[i] = xi - 1e-5;
      const down = dot(net.forward(x, n), G);
      x[i] = xi;
      expect(Math.abs(gIn[i] - (up - down) / 2e-5)).toBeLessThan(tol(gIn[i]));
    }
  });

  it("forwardTangent: J v equals the central difference (f(x + hv) − f(x − hv))/2h", () => {
    const { tangent } = net.forwardTangent(x, v, n);
    const jv = tangent.slice();
    const xp = x.map((xi, i) => xi + 1e-5 * v[i]);
    const xm = x.map((xi, i) => xi - 1e-5 * v[i]);
    const up = net.forward(xp, n).slice();
    const down = net.forward(xm, n);
    jv.forEach((g, i) => expect(Math.abs(g - (up[i] - down[i]) / 2e-5)).toBeLessThan(tol(g)));
  });

  it("backwardTangent: ∂(Σ G·f + Σ G_T·Jv)/∂θ equals central differences", () => {
    const loss = (): number => {
      const { out, tangent } = net.forwardTangent(x, v, n);
      return dot(out, G) + dot(tangent, GT);
    };
    net.zeroGrad();
    net.forwardTangent(x, v, n);
    net.backwardTangent(G, GT, n);
    const grad = net.grad.slice();
    for (let i = 0; i < grad.length; i++)
      expect(Math.abs(grad[i] - fd(net, i, loss))).toBeLessThan(tol(grad[i]));
  });
});

describe("Mlp: shapes and bad input", () => {
  it("lays out W_l (n_l, n_{l-1}) then b_l: 3·4 + 4 + 4·2 + 2 = 26 parameters", () => {
    const net = new Mlp({ sizes: [3, 4, 2] });
    expect(net.params.length).toBe(26);
    expect(net.wOffset).toEqual([0, 16]);
    expect(net.bOffset).toEqual([12, 24]);
  });
  it("init draws U(−1/√fan_in, 1/√fan_in)", () => {
    const net = new Mlp({ sizes: [16, 64, 4] }).init(createRng(SEED));
    const w1 = net.weight(1);
    expect(Math.max(...w1.map(Math.abs))).toBeLessThanOrEqual(0.25);
    // 1024 uniforms on ±0.25 have SD 0.144; the sample max exceeds 0.24 with probability 1 − 0.98^1024
    expect(Math.max(...w1.map(Math.abs))).toBeGreaterThan(0.24);
  });
  it.each([
    [() => new Mlp({ sizes: [3] }), RangeError, "Mlp: options.sizes must list at least 2 widths"],
    [
      () => mlp({ sizes: [3, 0] }),
      RangeError,
      "mlp: options.sizes[1] must be a positive integer, got 0",
    ],
    [
      () => new Mlp({ sizes: [3, 2], activation: "gelu" as "relu" }),
      TypeError,
      'Mlp: options.activation must be one of "silu", "relu", "tanh", got "gelu"',
    ],
    [() => mlp(undefined as never), TypeError, "mlp: options must be an object, got undefined"],
    [
      () => new Mlp({ sizes: [3, 2] }).forward(new Float64Array(5), 2),
      RangeError,
      "Mlp.forward: x must hold at least n·3 = 6 values (n = 2), got length 5",
    ],
    [
      () => new Mlp({ sizes: [3, 2] }).forward(Float64Array.of(1, NaN, 3), 1),
      RangeError,
      "Mlp.forward: x[1] must be a finite number, got NaN",
    ],
    [
      () => new Mlp({ sizes: [3, 2] }).weight(0),
      RangeError,
      "Mlp.weight: l must be a positive integer, got 0",
    ],
    [
      () => new Mlp({ sizes: [3, 2] }).init(undefined as never),
      TypeError,
      "Mlp.init: rng must be an Rng, got undefined",
    ],
    [
      () => {
        const net = new Mlp({ sizes: [3, 2] });
        net.forward(new Float64Array(3 * 4), 4);
        net.forward(new Float64Array(3 * 2), 2);
        net.backward(new Float64Array(2 * 4), 4); // buffers hold 4 rows, the last forward 2
      },
      RangeError,
      "Mlp.backward: n must equal the rows of the last forward (2), got 4",
    ],
    [
      () => {
        const net = new Mlp({ sizes: [3, 2] });
        net.forwardTangent(new Float64Array(6), new Float64Array(6), 2);
        net.forward(new Float64Array(6), 2);
        net.backwardTangent(new Float64Array(4), new Float64Array(4), 2);
      },
      RangeError,
      "Mlp.backwardTangent: n must equal the rows of the last forwardTangent (none to go back through), got 2",
    ],
    [
      () => new Mlp({ sizes: [3, 2] }).forwardTangent(new Float64Array(6), new Float64Array(5), 2),
      RangeError,
      "Mlp.forwardTangent: v must hold at least n·3 = 6 values (n = 2), got length 5",
    ],
  ])("%#", (f, type, msg) => {
    expect(f).toThrow(type);
    expect(f).toThrow(msg);
  });
});
