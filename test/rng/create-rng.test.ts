import { createRng, rngFromState } from "../../src/rng";

describe("createRng", () => {
  test("is deterministic, accepts 0 and any integer, and different seeds give different streams", () => {
    const first = (seed: number | string): number[] => {
      const r = createRng(seed);
      return [r.nextUint32(), r.nextUint32(), r.nextUint32()];
    };
    expect(first(0)).toEqual(first(0));
    expect(first(0)).not.toEqual(first(1));
    expect(first(-1)).not.toEqual(first(1));
    expect(first("a")).not.toEqual(first("b"));
    expect(first(2 ** 60)).not.toEqual(first(2 ** 61));
    expect(first(7)).toEqual(first("7")); // documented: a number is keyed by its decimal string
    for (const s of [0, 1, -5, 2 ** 53, "", "itolab"])
      expect(createRng(s).state.some((w) => w !== 0)).toBe(true);
  });

  test("never touches Math.random (seedrandom is used in its local form)", () => {
    const before = Math.random;
    createRng("global?");
    createRng(42);
    expect(Math.random).toBe(before);
  });

  test("rngFromState accepts a Uint32Array or a plain array of words", () => {
    expect(rngFromState(new Uint32Array([1, 2, 3, 4])).nextUint32()).toBe(
      rngFromState([1, 2, 3, 4]).nextUint32(),
    );
    expect(Array.from(rngFromState([0xffffffff, 0, 0, 0]).state)).toEqual([0xffffffff, 0, 0, 0]);
  });

  test.each([
    [
      "non-integer seed",
      () => createRng(1.5),
      RangeError,
      "createRng: seed must be an integer or a string, got 1.5",
    ],
    [
      "NaN seed",
      () => createRng(NaN),
      RangeError,
      "createRng: seed must be an integer or a string, got NaN",
    ],
    [
      "infinite seed",
      () => createRng(Infinity),
      RangeError,
      "createRng: seed must be an integer or a string, got Infinity",
    ],
    [
      "null seed",
      () => createRng(null as never),
      TypeError,
      "createRng: seed must be an integer or a string, got null",
    ],
    [
      "object seed",
      () => createRng({} as never),
      TypeError,
      "createRng: seed must be an integer or a string, got an object",
    ],
    [
      "state not array",
      () => rngFromState(null as never),
      TypeError,
      "rngFromState: state must be an array of 4 integers, got null",
    ],
    [
      "state length",
      () => rngFromState([1, 2, 3]),
      RangeError,
      "rngFromState: state must have length 4, got 3",
    ],
    [
      "state negative",
      () => rngFromState([1, 2, 3, -1]),
      RangeError,
      "rngFromState: state[3] must be an integer in [0, 2^32), got -1",
    ],
    [
      "state too big",
      () => rngFromState([2 ** 32, 2, 3, 4]),
      RangeError,
      "rngFromState: state[0] must be an integer in [0, 2^32), got 4294967296",
    ],
    [
      "state fraction",
      () => rngFromState([1, 0.5, 3, 4]),
      RangeError,
      "rngFromState: state[1] must be an integer in [0, 2^32), got 0.5",
    ],
    [
      "state entry a string",
      () => rngFromState(["1", 2, 3, 4] as never),
      TypeError,
      'rngFromState: state[0] must be an integer in [0, 2^32), got "1"',
    ],
    [
      "state all zero",
      () => rngFromState([0, 0, 0, 0]),
      RangeError,
      "rngFromState: state must not be all zero, got [0, 0, 0, 0]",
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
