import { affineScore, scoreNet, type ScoreModel } from "../../src/nn";
import {
  denoisingScoreMatching,
  dsmBatch,
  explicitScoreMatching,
  implicitScoreMatching,
  slicedScoreMatching,
} from "../../src/objectives";
import { vpSde } from "../../src/processes";
import { createRng, fillNormal, spawn } from "../../src/rng";

const SEED = 61;
const n = 6;
const process = vpSde({ dim: 2 });
const [init, data] = spawn(createRng(SEED), 2);
const t = new Float64Array([0.05, 0.2, 0.4, 0.6, 0.8, 0.95]);
const x = fillNormal(data, new Float64Array(n * 2));
const target = fillNormal(data, new Float64Array(n * 2));
const v = fillNormal(data, new Float64Array(n * 2));
const batch = { t, x0: x, eps: fillNormal(data, new Float64Array(n * 2)) };

type Loss = (m: ScoreModel) => number;
const objectives: [string, Loss][] = [
  ["explicit", (m) => explicitScoreMatching(m, t, x, target, n, { weighting: (s) => 1 + s })],
  ["implicit", (m) => implicitScoreMatching(m, t, x, n)],
  ["sliced", (m) => slicedScoreMatching(m, t, x, v, n)],
  [
    "sliced, variance-reduced",
    (m) => slicedScoreMatching(m, t, x, v, n, { varianceReduced: true }),
  ],
  ["denoising, λ = σ²", (m) => denoisingScoreMatching(m, process, batch, n)],
  ["denoising, λ = 1", (m) => denoisingScoreMatching(m, process, batch, n, { weighting: "none" })],
];

describe.each(objectives)("%s score matching", (_name, loss) => {
  it("adds ∂L/∂θ equal to central differences (MLP 2+1 → 8 → 8 → 2, SiLU)", () => {
    const model = scoreNet({ dim: 2, hidden: [8, 8] });
    model.net.init(init.clone());
    model.zeroGrad();
    loss(model);
    const g = model.grad.slice();
    for (let i = 0; i < g.length; i += 5) {
      const p = model.params[i];
      model.params[i] = p + 1e-5;
      const up = loss(model);
      model.params[i] = p - 1e-5;
      const down = loss(model);
      model.params[i] = p;
      // central differences, h = 1e-5: truncation ~1e-10, rounding ~1e-11 relative to 1 + |g|
      expect(Math.abs(g[i] - (up - down) / 2e-5)).toBeLessThan(1e-6 * (1 + Math.abs(g[i])));
    }
  });
});

describe("closed forms with the affine model s = Ax + b", () => {
  const model = affineScore(2);
  model.params.set([-1.5, 0.3, 0.2, -0.7, 0.1, -0.4]); // A row-major, then b
  const s = (r: number): [number, number] => [
    -1.5 * x[2 * r] + 0.3 * x[2 * r + 1] + 0.1,
    0.2 * x[2 * r] - 0.7 * x[2 * r + 1] - 0.4,
  ];
  const mean = (f: (r: number) => number): number => {
    let acc = 0;
    for (let r = 0; r < n; r++) acc += f(r);
    return acc / n;
  };
  // each is a handful of float operations on O(1) numbers: agreement to 1e-12
  it("implicit: mean ½‖Ax + b‖² + tr A", () => {
    const want = mean((r) => 0.5 * (s(r)[0] ** 2 + s(r)[1] ** 2)) + (-1.5 - 0.7);
    expect(implicitScoreMatching(model, t, x, n)).toBeCloseTo(want, 12);
  });
  it("sliced: mean vᵀAv + ½(vᵀs)²", () => {
    const want = mean((r) => {
      const [a, b] = [v[2 * r], v[2 * r + 1]];
      const vAv = a * (-1.5 * a + 0.3 * b) + b * (0.2 * a - 0.7 * b);
      return vAv + 0.5 * (a * s(r)[0] + b * s(r)[1]) ** 2;
    });
    expect(slicedScoreMatching(model, t, x, v, n)).toBeCloseTo(want, 12);
  });
  it("explicit: mean ½‖s − target‖²", () => {
    const want = mean(
      (r) => 0.5 * ((s(r)[0] - target[2 * r]) ** 2 + (s(r)[1] - target[2 * r + 1]) ** 2),
    );
    expect(explicitScoreMatching(model, t, x, target, n)).toBeCloseTo(want, 12);
  });
  it("denoising: mean ½σ²‖A(αx₀ + σε) + b + ε/σ‖²", () => {
    const e = batch.eps;
    const want = mean((r) => {
      const a = process.scale(t[r]);
      const sd = process.std(t[r]);
      const [y0, y1] = [a * x[2 * r] + sd * e[2 * r], a * x[2 * r + 1] + sd * e[2 * r + 1]];
      const r0 = -1.5 * y0 + 0.3 * y1 + 0.1 + e[2 * r] / sd;
      const r1 = 0.2 * y0 - 0.7 * y1 - 0.4 + e[2 * r + 1] / sd;
      return 0.5 * sd * sd * (r0 * r0 + r1 * r1);
    });
    const perRow = new Float64Array(n);
    expect(denoisingScoreMatching(model, process, batch, n, { perRow })).toBeCloseTo(want, 12);
    expect(mean((r) => perRow[r])).toBeCloseTo(want, 12);
  });
});

describe("dsmBatch and bad input", () => {
  it("draws t in [tMin, T] and copies x0", () => {
    const b = dsmBatch(createRng(SEED), process, x, n, 2, 0.1);
    b.t.forEach((ti) => expect(ti >= 0.1 && ti <= 1).toBe(true));
    expect(Array.from(b.x0)).toEqual(Array.from(x));
  });
  it.each([
    [
      () => dsmBatch(createRng(1), process, x, n, 2, 0),
      "dsmBatch: tMin must be in (0, T) = (0, 1), got 0",
    ],
    [
      () => implicitScoreMatching(affineScore(2), t, x, 0),
      "implicitScoreMatching: n must be a positive integer, got 0",
    ],
    [
      () => explicitScoreMatching(affineScore(2), t, x, new Float64Array(3), n),
      "explicitScoreMatching: target must hold (n, d) = (6, 2) values, length 12, got length 3",
    ],
    [
      () =>
        denoisingScoreMatching(affineScore(2), process, batch, n, { weighting: "std" as "std2" }),
      "denoisingScoreMatching: options.weighting must be",
    ],
  ])("%#", (f, msg) => expect(f).toThrow(msg));
});

describe("bad input the probe tables cannot express (test/validation/objectives.probes.ts)", () => {
  const nanModel = affineScore(2);
  nanModel.params[3] = NaN;
  const at = (k: number, v: number) => {
    const a = t.slice();
    a[k] = v;
    return { ...batch, t: a };
  };
  it.each([
    [
      "a batch time below 0",
      () => denoisingScoreMatching(affineScore(2), process, at(2, -0.5), n),
      RangeError,
      "denoisingScoreMatching: batch.t[2] must be in [0, T] = [0, 1], got -0.5",
    ],
    [
      "a batch time past T",
      () => denoisingScoreMatching(affineScore(2), process, at(0, 1.5), n),
      RangeError,
      "denoisingScoreMatching: batch.t[0] must be in [0, T] = [0, 1], got 1.5",
    ],
    [
      "t = 0, where σ = 0 and the target −ε/σ is infinite",
      () => denoisingScoreMatching(affineScore(2), process, at(1, 0), n),
      RangeError,
      "denoisingScoreMatching: batch.t[1] = 0 gives std(t) = 0; the target −ε/σ needs σ > 0",
    ],
    [
      "a longer x than n rows (a mismatched batch)",
      () => implicitScoreMatching(affineScore(2), t, new Float64Array(4 * n), n),
      RangeError,
      "implicitScoreMatching: x must hold (n, d) = (6, 2) values, length 12, got length 24",
    ],
    [
      "a process of another dimension",
      () => denoisingScoreMatching(affineScore(2), vpSde({ dim: 1 }), batch, n),
      RangeError,
      "denoisingScoreMatching: process.dim must equal model.dim = 2, got 1",
    ],
    [
      "dsmBatch with d other than process.dim",
      () => dsmBatch(createRng(1), process, x, 2 * n, 1),
      RangeError,
      "dsmBatch: process.dim must equal d = 1, got 2",
    ],
    [
      "a model with a NaN parameter (a diverged step)",
      () => explicitScoreMatching(nanModel, t, x, target, n),
      RangeError,
      "explicitScoreMatching: model.params[3] must be a finite number, got NaN",
    ],
    [
      "a weighting that returns NaN",
      () => explicitScoreMatching(affineScore(2), t, x, target, n, { weighting: () => NaN }),
      RangeError,
      "explicitScoreMatching: options.weighting(t) must be a finite number >= 0, got NaN at t = 0.05",
    ],
    [
      "a weighting that returns a string",
      () =>
        explicitScoreMatching(affineScore(2), t, x, target, n, { weighting: () => "1" as never }),
      TypeError,
      'explicitScoreMatching: options.weighting(t) must return a number, got "1" at t = 0.05',
    ],
    [
      '"std2" without a process',
      () => explicitScoreMatching(affineScore(2), t, x, target, n, { weighting: "std2" }),
      TypeError,
      'explicitScoreMatching: options.weighting "std2" needs a process with std(t)',
    ],
    [
      "varianceReduced not a boolean",
      () => slicedScoreMatching(affineScore(2), t, x, v, n, { varianceReduced: 1 as never }),
      TypeError,
      "slicedScoreMatching: options.varianceReduced must be a boolean, got 1",
    ],
    [
      "options null",
      () => implicitScoreMatching(affineScore(2), t, x, n, null as never),
      TypeError,
      "implicitScoreMatching: options must be an object, got null",
    ],
    [
      "perRow of another length",
      () => implicitScoreMatching(affineScore(2), t, x, n, { perRow: new Float64Array(n + 1) }),
      RangeError,
      "implicitScoreMatching: options.perRow must have length 6, got 7",
    ],
    [
      "a model without evaluateTangent",
      () => slicedScoreMatching({ dim: 2, evaluate: () => x } as never, t, x, v, n),
      TypeError,
      "slicedScoreMatching: model must be a ScoreModel, got an object",
    ],
  ])("%s", (_name, f, type, message) => {
    expect(f).toThrow(type as ErrorConstructor);
    expect(f).toThrow(message as string);
  });
});
