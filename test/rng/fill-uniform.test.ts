import { createRng, fillUniform } from "../../src/rng";

describe("fillUniform", () => {
  test("gives exactly the values of repeated uniform()", () => {
    const a = createRng(21);
    const b = createRng(21);
    const u = fillUniform(a, new Float64Array(1000));
    expect(Array.from(u)).toEqual(Array.from({ length: 1000 }, () => b.uniform()));
  });

  test.each([
    [
      "null rng",
      () => fillUniform(null as never, new Float64Array(1)),
      TypeError,
      "fillUniform: rng must be an Rng, got null",
    ],
    [
      "array out",
      () => fillUniform(createRng(0), [1] as never),
      TypeError,
      "fillUniform: out must be a Float64Array, got an array of length 1",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
