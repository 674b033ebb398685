import { noiseClass, sdeFromScalar } from "../../src/sde";

describe("sdeFromScalar", () => {
  it("applies the scalar functions to every component of an (n, d) batch (known answer)", () => {
    const sde = sdeFromScalar({
      drift: (t, x) => t - x,
      diffusion: (_t, x) => 2 * x,
      diffusionDerivative: () => 2,
      dim: 2,
    });
    const x = new Float64Array([1, 2, 3, 4]); // (n = 2, d = 2)
    const out = new Float64Array(4);
    sde.drift(0.5, x, out, 2);
    expect(out).toEqual(new Float64Array([-0.5, -1.5, -2.5, -3.5]));
    sde.diffusion(0, x, out, 2);
    expect(out).toEqual(new Float64Array([2, 4, 6, 8]));
    sde.diffusionDerivative?.(0, x, out, 2);
    expect(out).toEqual(new Float64Array([2, 2, 2, 2]));
    expect([sde.dim, sde.noiseDim, sde.noise, sde.calculus]).toEqual([2, 2, "diagonal", "ito"]);
    expect(noiseClass(sde)).toBe("diagonal");
    expect(noiseClass(sdeFromScalar({ drift: () => 0, diffusion: () => 1, additive: true }))).toBe(
      "additive",
    );
  });
});

describe("scalar-sde bad input", () => {
  const f = (): number => 0;
  it.each([
    [
      "spec",
      () => sdeFromScalar(null as never),
      TypeError,
      "sdeFromScalar: spec must be an object, got null",
    ],
    [
      "drift",
      () => sdeFromScalar({ drift: 1 as never, diffusion: f }),
      TypeError,
      "sdeFromScalar: spec.drift must be a function, got 1",
    ],
    [
      "diffusion",
      () => sdeFromScalar({ drift: f, diffusion: undefined as never }),
      TypeError,
      "sdeFromScalar: spec.diffusion must be a function, got undefined",
    ],
    [
      "derivative",
      () => sdeFromScalar({ drift: f, diffusion: f, diffusionDerivative: 2 as never }),
      TypeError,
      "sdeFromScalar: spec.diffusionDerivative must be a function, got 2",
    ],
    [
      "dim",
      () => sdeFromScalar({ drift: f, diffusion: f, dim: 0 }),
      RangeError,
      "sdeFromScalar: spec.dim must be a positive integer, got 0",
    ],
    [
      "additive",
      () => sdeFromScalar({ drift: f, diffusion: f, additive: "yes" as never }),
      TypeError,
      'sdeFromScalar: spec.additive must be a boolean, got "yes"',
    ],
    [
      "calculus",
      () => sdeFromScalar({ drift: f, diffusion: f, calculus: "ito2" as never }),
      TypeError,
      'sdeFromScalar: spec.calculus must be one of "ito", "stratonovich", got "ito2"',
    ],
  ])("%s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
