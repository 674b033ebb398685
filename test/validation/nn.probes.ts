/**
 * Probes of src/nn (see harness.ts): timeEmbedding, the MLP and Adam (class and factory), the
 * affine and network score models, and every method of what they return. A backward pass is
 * probed after its forward pass on the same rows (the pairing itself is checked: n must equal the
 * rows of the last forward).
 */
import fc from "fast-check";
import {
  Adam,
  Mlp,
  MlpF32,
  mlpF32,
  adam,
  affineScore,
  autoencoder,
  mlp,
  scoreNet,
  timeEmbedding,
  type Autoencoder,
} from "../../src/nn";
import { vpSde } from "../../src/processes";
import { createRng } from "../../src/rng";
import type { BadKind, Probe } from "./harness";

const count: BadKind[] = ["zero", "negative", "non-integer", "nan", "infinite", "wrong-type"];
const rows: BadKind[] = ["empty", "short", "non-finite-entry", "wrong-type", "missing"];
const buffer: BadKind[] = ["empty", "short", "wrong-type", "missing"];
const object: BadKind[] = ["wrong-type", "missing"];
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const array = (n: number, min = -2, max = 2) =>
  fc.array(finite(min, max), { minLength: n, maxLength: n }).map((a) => Float64Array.from(a));

const SIZES = [3, 5, 2]; // n_0 = 3 inputs, one hidden layer of 5, n_L = 2 outputs
const D = 2; // dimension of the score models
const net = (): Mlp => new Mlp({ sizes: SIZES }).init(createRng(7));
const n = fc.integer({ min: 2, max: 4 }); // rows (≥ 2, so that "short" has room)

/** (x (n, n_0), extra arrays of widths `widths`, n). */
const batch = (widths: number[]) =>
  n.chain((k) =>
    fc.tuple(...widths.map((w) => array(k * w))).map((arrays) => [...arrays, k] as unknown[]),
  );

/** A method of a score model made by `make`, after `before` (its forward pass) when given. */
function modelMethod(
  name: string,
  make: () => ReturnType<typeof affineScore>,
): { score: Probe; passes: Probe[] } {
  const times = (k: number) => array(k, 0.05, 1);
  return {
    score: {
      name: `${name}.score`,
      valid: fc
        .tuple(finite(0.05, 1), n)
        .chain(([t, k]) => array(k * D).map((x) => [t, x, new Float64Array(k * D), k])),
      call: (t, x, out, k) => {
        make().score(t as number, x as Float64Array, out as Float64Array, k as number);
        return out;
      },
      params: [
        { arg: 0, name: "t", bad: ["nan", "infinite", "wrong-type", "missing"] },
        { arg: 1, name: "x", bad: rows },
        { arg: 2, name: "out", bad: buffer },
        { arg: 3, name: "n", bad: count },
      ],
    },
    passes: [
      {
        name: `${name}.evaluate`,
        valid: n.chain((k) => fc.tuple(times(k), array(k * D)).map(([t, x]) => [t, x, k])),
        call: (t, x, k) => make().evaluate(t as Float64Array, x as Float64Array, k as number),
        params: [
          { arg: 0, name: "t", bad: rows },
          { arg: 1, name: "x", bad: rows },
          { arg: 2, name: "n", bad: count },
        ],
      },
      {
        name: `${name}.backward`,
        valid: n.chain((k) =>
          fc.tuple(times(k), array(k * D), array(k * D)).map(([t, x, g]) => [g, k, t, x]),
        ),
        call: (g, k, t, x) => {
          const m = make();
          m.evaluate(t as Float64Array, x as Float64Array, (x as Float64Array).length / D);
          m.backward(g as Float64Array, k as number);
          return m.grad;
        },
        params: [
          { arg: 0, name: "gScore", bad: rows },
          { arg: 1, name: "n", bad: count },
        ],
      },
      {
        name: `${name}.evaluateTangent`,
        valid: n.chain((k) =>
          fc.tuple(times(k), array(k * D), array(k * D)).map(([t, x, v]) => [t, x, v, k]),
        ),
        call: (t, x, v, k) =>
          make().evaluateTangent(
            t as Float64Array,
            x as Float64Array,
            v as Float64Array,
            k as number,
          ),
        params: [
          { arg: 0, name: "t", bad: rows },
          { arg: 1, name: "x", bad: rows },
          { arg: 2, name: "v", bad: rows },
          { arg: 3, name: "n", bad: count },
        ],
      },
      {
        name: `${name}.backwardTangent`,
        valid: n.chain((k) =>
          fc
            .tuple(times(k), array(k * D), array(k * D), array(k * D), array(k * D))
            .map(([t, x, v, g, gT]) => [g, gT, k, t, x, v]),
        ),
        call: (g, gT, k, t, x, v) => {
          const m = make();
          const rowsOf = (x as Float64Array).length / D;
          m.evaluateTangent(t as Float64Array, x as Float64Array, v as Float64Array, rowsOf);
          m.backwardTangent(g as Float64Array, gT as Float64Array, k as number);
          return m.grad;
        },
        params: [
          { arg: 0, name: "gScore", bad: rows },
          { arg: 1, name: "gTangent", bad: rows },
          { arg: 2, name: "n", bad: count },
        ],
      },
    ],
  };
}

const vp = vpSde({ dim: D });
const affine = modelMethod("affineScore", () => affineScore(D));
const network = modelMethod("scoreNet", () => {
  const m = scoreNet({ dim: D, hidden: [6], embedding: 4, output: "noise", process: vp });
  m.net.init(createRng(3));
  return m;
});

/** The MLP options probe, for `new Mlp` and `mlp`. */
function mlpOptions(name: string, make: (o: unknown) => Mlp): Probe {
  return {
    name,
    valid: fc
      .tuple(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 4 }),
        fc.constantFrom("silu", "relu", "tanh"),
      )
      .map(([sizes, activation]) => [{ sizes, activation }]),
    call: (o) => make(o),
    params: [
      { arg: 0, name: "options", bad: object },
      // a shorter list of widths is another valid architecture: no "short"
      {
        arg: 0,
        path: ["sizes"],
        name: "options.sizes",
        bad: ["empty", "non-finite-entry", ...object],
      },
      { arg: 0, path: ["activation"], name: "options.activation", bad: ["wrong-type"] },
      { arg: 0, path: ["kernel"], name: "options.kernel", bad: ["wrong-type"] },
    ],
  };
}

/** The Adam probe, for `new Adam` and `adam`. */
function adamOptions(name: string, make: (size: number, o: unknown) => Adam): Probe {
  const positive: BadKind[] = ["nan", "infinite", "negative", "zero", "wrong-type"];
  const unit: BadKind[] = ["nan", "infinite", "negative", "wrong-type"];
  return {
    name,
    valid: fc
      .tuple(
        fc.integer({ min: 1, max: 50 }),
        finite(1e-5, 0.1),
        finite(0, 0.99),
        finite(0, 0.999),
        finite(1e-12, 1e-6),
      )
      .map(([size, lr, beta1, beta2, eps]) => [size, { lr, beta1, beta2, eps }]),
    call: (size, o) => make(size as number, o),
    params: [
      { arg: 0, name: "size", bad: [...count, "missing"] },
      { arg: 1, path: ["lr"], name: "options.lr", bad: positive },
      { arg: 1, path: ["beta1"], name: "options.beta1", bad: unit },
      { arg: 1, path: ["beta2"], name: "options.beta2", bad: unit },
      { arg: 1, path: ["eps"], name: "options.eps", bad: positive },
    ],
  };
}

export const probes: Probe[] = [
  {
    name: "timeEmbedding",
    valid: n.chain((k) =>
      fc
        .tuple(array(k, 0, 1), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }))
        .map(([t, half, pad]) => {
          const dim = 2 * half;
          const stride = dim + pad;
          return [t, new Float64Array(k * stride), k, dim, stride, pad, 1000];
        }),
    ),
    call: (t, out, k, dim, stride, offset, scale) => {
      timeEmbedding(
        t as Float64Array,
        out as Float64Array,
        k as number,
        dim as number,
        stride as number,
        offset as number,
        scale as number,
      );
      return out;
    },
    params: [
      { arg: 0, name: "t", bad: rows },
      { arg: 1, name: "out", bad: buffer },
      { arg: 2, name: "n", bad: ["negative", "non-integer", "nan", "infinite", "wrong-type"] },
      { arg: 3, name: "dim", bad: count },
      { arg: 4, name: "stride", bad: count },
      { arg: 5, name: "offset", bad: ["negative", "non-integer", "nan", "wrong-type"] },
      { arg: 6, name: "scale", bad: ["nan", "infinite", "negative", "zero", "wrong-type"] },
    ],
  },
  mlpOptions("Mlp", (o) => new Mlp(o as never)),
  mlpOptions("mlp", (o) => mlp(o as never)),
  {
    name: "Mlp.weight",
    valid: fc.tuple(fc.integer({ min: 1, max: SIZES.length - 1 })),
    call: (l) => net().weight(l as number),
    params: [{ arg: 0, name: "l", bad: count }],
  },
  {
    name: "Mlp.init",
    valid: fc.tuple(fc.integer({ min: 0, max: 1000 }).map((s) => createRng(s))),
    call: (rng) => new Mlp({ sizes: SIZES }).init(rng as never).params,
    params: [{ arg: 0, name: "rng", bad: object }],
  },
  {
    name: "Mlp.reserve",
    valid: fc.tuple(fc.integer({ min: 1, max: 50 })),
    call: (k) => net().reserve(k as number),
    params: [{ arg: 0, name: "n", bad: count }],
  },
  {
    name: "Mlp.forward",
    valid: batch([SIZES[0]]),
    call: (x, k) => net().forward(x as Float64Array, k as number),
    params: [
      { arg: 0, name: "x", bad: rows },
      { arg: 1, name: "n", bad: count },
    ],
  },
  {
    name: "Mlp.backward",
    // (gOut (n, n_L), n, gIn (n, n_0), x (n, n_0) of the forward pass)
    valid: batch([2, SIZES[0], SIZES[0]]),
    call: (gOut, gIn, x, k) => {
      const m = net();
      m.forward(x as Float64Array, (x as Float64Array).length / SIZES[0]);
      m.backward(gOut as Float64Array, k as number, gIn as Float64Array);
      return [m.grad, gIn];
    },
    params: [
      { arg: 0, name: "gOut", bad: rows },
      { arg: 1, name: "gIn", bad: ["empty", "short", "wrong-type"] },
      { arg: 3, name: "n", bad: count },
    ],
  },
  {
    name: "Mlp.forwardTangent",
    valid: batch([SIZES[0], SIZES[0]]),
    call: (x, v, k) => net().forwardTangent(x as Float64Array, v as Float64Array, k as number),
    params: [
      { arg: 0, name: "x", bad: rows },
      { arg: 1, name: "v", bad: rows },
      { arg: 2, name: "n", bad: count },
    ],
  },
  {
    name: "Mlp.backwardTangent",
    valid: batch([2, 2, SIZES[0], SIZES[0]]),
    call: (gOut, gTangent, x, v, k) => {
      const m = net();
      m.forwardTangent(x as Float64Array, v as Float64Array, (x as Float64Array).length / SIZES[0]);
      m.backwardTangent(gOut as Float64Array, gTangent as Float64Array, k as number);
      return m.grad;
    },
    params: [
      { arg: 0, name: "gOut", bad: rows },
      { arg: 1, name: "gTangent", bad: rows },
      { arg: 4, name: "n", bad: count },
    ],
  },
  adamOptions("Adam", (size, o) => new Adam(size, o as never)),
  adamOptions("adam", (size, o) => adam(size, o as never)),
  {
    name: "Adam.step",
    valid: fc
      .integer({ min: 2, max: 20 })
      .chain((size) => fc.tuple(array(size), array(size), fc.constant(size))),
    call: (params, grad, size) => {
      new Adam(size as number).step(params as Float64Array, grad as Float64Array);
      return params;
    },
    params: [
      { arg: 0, name: "params", bad: rows },
      { arg: 1, name: "grad", bad: rows },
    ],
  },
  {
    name: "affineScore",
    valid: fc.tuple(fc.integer({ min: 1, max: 4 })),
    call: (dim) => affineScore(dim as number),
    params: [{ arg: 0, name: "dim", bad: [...count, "missing"] }],
  },
  affine.score,
  ...affine.passes,
  {
    name: "scoreNet",
    valid: fc
      .tuple(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(0, 2, 4),
        fc.constantFrom("score", "noise"),
      )
      .map(([dim, hidden, embedding, output]) => [
        { dim, hidden, embedding, output, process: vpSde({ dim }) },
      ]),
    call: (o) => scoreNet(o as never),
    params: [
      { arg: 0, name: "options", bad: object },
      { arg: 0, path: ["dim"], name: "options.dim", bad: [...count, "missing"] },
      { arg: 0, path: ["hidden"], name: "options.hidden", bad: ["non-finite-entry", ...object] },
      { arg: 0, path: ["activation"], name: "options.activation", bad: ["wrong-type"] },
      {
        arg: 0,
        path: ["embedding"],
        name: "options.embedding",
        bad: ["negative", "non-integer", "nan", "wrong-type"],
      },
      { arg: 0, path: ["output"], name: "options.output", bad: ["wrong-type"] },
      { arg: 0, path: ["kernel"], name: "options.kernel", bad: ["wrong-type"] },
      { arg: 0, path: ["precision"], name: "options.precision", bad: ["wrong-type"] },
    ],
  },
  network.score,
  ...network.passes,
];

/** The float32 passes of an MLP: `new MlpF32(net)` and `mlpF32(net)`, and their methods. */
for (const [name, make] of [
  ["MlpF32", (a: unknown, k?: unknown) => new MlpF32(a as Mlp, k as never)],
  ["mlpF32", (a: unknown, k?: unknown) => mlpF32(a as Mlp, k as never)],
] as const) {
  probes.push({
    name,
    valid: fc.constant<unknown[]>([net()]),
    call: (m, k) => make(m, k).forward(new Float64Array(SIZES[0]), 1),
    params: [
      { arg: 0, name: "net", bad: object },
      { arg: 1, name: "kernels", bad: ["wrong-type"] },
    ],
  });
  if (name === "mlpF32") continue; // its methods are MlpF32's (exempt below)
  probes.push(
    {
      name: `${name}.forward`,
      valid: batch([SIZES[0]]),
      call: (x, k) => make(net()).forward(x as Float64Array, k as number),
      params: [
        { arg: 0, name: "x", bad: rows },
        { arg: 1, name: "n", bad: count },
      ],
    },
    {
      name: `${name}.backward`,
      // (gOut (n, n_L), gIn (n, n_0), x (n, n_0) of the forward pass, n)
      valid: batch([2, SIZES[0], SIZES[0]]),
      call: (gOut, gIn, x, k) => {
        const m = make(net());
        m.forward(x as Float64Array, (x as Float64Array).length / SIZES[0]);
        m.backward(gOut as Float64Array, k as number, gIn as Float64Array);
        return [m.net.grad, gIn];
      },
      params: [
        { arg: 0, name: "gOut", bad: rows },
        { arg: 1, name: "gIn", bad: ["empty", "short", "wrong-type"] },
        { arg: 3, name: "n", bad: count },
      ],
    },
  );
}

/** A small autoencoder, D = 3, k = 2. */
const ae = (): Autoencoder =>
  autoencoder(createRng(11), { dim: 3, latentDim: 2, hidden: [4], adam: { lr: 1e-3 } });

probes.push(
  {
    name: "autoencoder",
    valid: fc.constant<unknown[]>([createRng(5), { dim: 3, latentDim: 2, hidden: [4] }]),
    call: (r, options) => autoencoder(r as never, options as never),
    params: [
      { arg: 0, name: "rng", bad: object },
      { arg: 1, name: "options", bad: object },
      { arg: 1, path: ["dim"], name: "options.dim", bad: [...count, "missing"] },
      { arg: 1, path: ["latentDim"], name: "options.latentDim", bad: [...count, "missing"] },
      { arg: 1, path: ["hidden"], name: "options.hidden", bad: ["wrong-type"] },
    ],
  },
  {
    name: "autoencoder.encode",
    valid: batch([3, 2]).map((a) => [ae(), ...a]),
    call: (m, x, out, k) =>
      (m as Autoencoder).encode(x as Float64Array, out as Float64Array, k as number),
    params: [
      { arg: 1, name: "x", bad: rows },
      { arg: 2, name: "out", bad: buffer },
      { arg: 3, name: "n", bad: [...count, "missing"] },
    ],
  },
  {
    name: "autoencoder.decode",
    valid: batch([2, 3]).map((a) => [ae(), ...a]),
    call: (m, z, out, k) =>
      (m as Autoencoder).decode(z as Float64Array, out as Float64Array, k as number),
    params: [
      { arg: 1, name: "z", bad: rows },
      { arg: 2, name: "out", bad: buffer },
      { arg: 3, name: "n", bad: [...count, "missing"] },
    ],
  },
  ...(["step", "loss"] as const).map((method): Probe => ({
    name: `autoencoder.${method}`,
    valid: batch([3]).map((a) => [ae(), ...a]),
    call: (m, x, k) => (m as Autoencoder)[method](x as Float64Array, k as number),
    params: [
      { arg: 1, name: "x", bad: rows },
      { arg: 2, name: "n", bad: [...count, "missing"] },
    ],
  })),
);

/** Methods without a probe of their own, with the reason. */
export const exempt: Record<string, string> = {
  "Mlp.zeroGrad": "takes no arguments",
  "affineScore.zeroGrad": "takes no arguments",
  "scoreNet.zeroGrad": "takes no arguments",
  "adam.step": "adam(size, options) returns an Adam: the same method as Adam.step, probed there",
  "mlpF32.forward":
    "mlpF32(net) returns an MlpF32: the same method as MlpF32.forward, probed there",
  "mlpF32.backward":
    "mlpF32(net) returns an MlpF32: the same method as MlpF32.backward, probed there",
  ...Object.fromEntries(
    [
      "weight",
      "init",
      "zeroGrad",
      "reserve",
      "forward",
      "backward",
      "forwardTangent",
      "backwardTangent",
    ].map((m) => [
      `mlp.${m}`,
      `mlp(options) returns an Mlp: the same method as Mlp.${m}, probed there`,
    ]),
  ),
};
