import { convertPrediction, type Prediction } from "../../src/diffusion";

describe("convertPrediction", () => {
  const x0 = Float64Array.from([0.5, -1.2, 2]);
  const eps = Float64Array.from([-0.3, 0.8, 1.1]);
  it.each([
    [0.8, 0.6],
    [1, 3], // VE-like, α² + σ² ≠ 1
  ])("maps the true (x0, ε) to each other, to −ε/σ and to αε − σx0 (α = %p, σ = %p)", (a, s) => {
    const xt = x0.map((v, i) => a * v + s * eps[i]);
    const truth: Record<Prediction, Float64Array> = {
      x0,
      eps,
      score: eps.map((e) => -e / s),
      v: eps.map((e, i) => a * e - s * x0[i]),
    };
    const kinds: Prediction[] = ["x0", "eps", "score", "v"];
    for (const from of kinds) {
      for (const to of kinds) {
        const got = convertPrediction(from, to, truth[from], xt, a, s);
        // a handful of flops on O(1) numbers
        got.forEach((g, i) => expect(g).toBeCloseTo(truth[to][i], 12));
      }
    }
  });
  it("rejects bad input", () => {
    const a = Float64Array.from([1]);
    const table: [() => unknown, ErrorConstructor, RegExp][] = [
      [
        () => convertPrediction("y" as never, "x0", a, a, 1, 1),
        TypeError,
        /convertPrediction: from must be one of "x0", "eps", "score", "v", got "y"/,
      ],
      [
        () => convertPrediction("x0", "eps", a, Float64Array.from([1, 2]), 1, 1),
        RangeError,
        /convertPrediction: xt must have length 1, got 2/,
      ],
      [
        () => convertPrediction("x0", "eps", a, a, 0, 1),
        RangeError,
        /convertPrediction: scale must be a finite number > 0, got 0/,
      ],
      [
        () => convertPrediction("x0", "eps", [1] as never, a, 1, 1),
        TypeError,
        /prediction must be a Float64Array/,
      ],
      [
        () => convertPrediction("x0", "eps", Float64Array.of(NaN), a, 1, 1),
        RangeError,
        /convertPrediction: prediction\[0\] must be a finite number, got NaN/,
      ],
    ];
    for (const [f, type, msg] of table) {
      expect(f).toThrow(type);
      expect(f).toThrow(msg);
    }
  });
});
