import { Adam, adam } from "../../src/nn";

describe("Adam", () => {
  it("first step moves each parameter by −lr·g/(|g| + ε) (m̂ = g, v̂ = g² after one step)", () => {
    const p = new Float64Array([1, -2, 0.5]);
    const g = new Float64Array([0.3, -4, 1e-3]);
    const opt = adam(3, { lr: 0.1, eps: 1e-8 });
    opt.step(p, g);
    const want = [
      1 - (0.1 * 0.3) / (0.3 + 1e-8),
      -2 + (0.1 * 4) / (4 + 1e-8),
      0.5 - (0.1 * 1e-3) / (1e-3 + 1e-8),
    ];
    // one multiply, divide, sqrt and subtract: a few ulps of O(1) values
    want.forEach((w, i) => expect(Math.abs(p[i] - w)).toBeLessThan(1e-14));
  });
  it("minimises ½‖θ − c‖² to within 1e-3 in 3000 steps of lr 0.01", () => {
    const c = [3, -1];
    const p = new Float64Array(2);
    const g = new Float64Array(2);
    const opt = new Adam(2, { lr: 0.01 });
    for (let k = 0; k < 3000; k++) {
      for (let i = 0; i < 2; i++) g[i] = p[i] - c[i];
      opt.step(p, g);
    }
    // near the optimum Adam's step shrinks with |g|/√v̂; 1e-3 is 10x the lr·(final |g|/√v̂) jitter seen
    c.forEach((ci, i) => expect(Math.abs(p[i] - ci)).toBeLessThan(1e-3));
  });
  it.each([
    [() => adam(0), RangeError, "adam: size must be a positive integer, got 0"],
    [() => adam(2, { lr: -1 }), RangeError, "adam: options.lr must be a finite number > 0, got -1"],
    [
      () => new Adam(2, { beta2: 1 }),
      RangeError,
      "Adam: options.beta2 must be a number in [0, 1), got 1",
    ],
    [() => adam(2, { eps: 0 }), RangeError, "adam: options.eps must be a finite number > 0, got 0"],
    [() => adam(2, null as never), TypeError, "adam: options must be an object, got null"],
    [
      () => adam(2).step(new Float64Array(3), new Float64Array(2)),
      RangeError,
      "Adam.step: params must have length 2, got 3",
    ],
    [
      () => adam(2).step(new Float64Array(2), Float64Array.of(0, NaN)),
      RangeError,
      "Adam.step: grad[1] must be a finite number, got NaN",
    ],
  ])("bad input %#", (f, type, msg) => {
    expect(f).toThrow(type);
    expect(f).toThrow(msg);
  });

  it("leaves params untouched when a gradient entry is NaN (was: every parameter NaN)", () => {
    const opt = adam(2);
    const p = Float64Array.of(1, 2);
    expect(() => opt.step(p, Float64Array.of(NaN, 0))).toThrow(RangeError);
    expect(Array.from(p)).toEqual([1, 2]);
  });

  it("ε = 0 is refused: a parameter whose gradient is 0 would become 0/0 = NaN", () => {
    expect(() => new Adam(1, { eps: 0 })).toThrow("Adam: options.eps must be a finite number > 0");
  });
});
