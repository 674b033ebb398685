import fc from "fast-check";
import { createRng, rngFromState, spawn, type Rng } from "../../src/rng";

const key = (r: Rng): string => Array.from(r.state).join(",");

describe("spawn", () => {
  test("child k is the root jumped k + 1 times by 2^64 (known answer: reference C jump() from {1, 2, 3, 4})", () => {
    // Blackman & Vigna's reference jump(), compiled with gcc 12, applied once to s = {1, 2, 3, 4}
    const [child] = spawn(rngFromState([1, 2, 3, 4]), 1);
    expect(Array.from(child.state)).toEqual([2843103750, 2038079848, 1533207345, 44816753]);
    expect([child.nextUint32(), child.nextUint32(), child.nextUint32()]).toEqual([
      1194304935, 745561276, 25819468,
    ]);
  });

  test("is deterministic, prefix-stable, and gives children distinct from each other and from the root (property)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 8 }), (seed, n) => {
        const a = createRng(seed);
        const b = createRng(seed);
        const start = key(a);
        const kidsA = spawn(a, n);
        const kidsB = spawn(b, n + 1);
        expect(kidsA.map(key)).toEqual(kidsB.slice(0, n).map(key)); // same root state, same children
        const all = new Set([start, key(a), ...kidsA.map(key)]);
        expect(all.size).toBe(n + 2); // pairwise distinct, and the root moved past them
        expect(kidsA.map(key)).not.toContain(key(a));
      }),
      { numRuns: 50, seed: 20250101 },
    );
  });

  test("advances the root past its children, so a second spawn gives new streams", () => {
    const root = createRng(9);
    const first = spawn(root, 3).map(key);
    const second = spawn(root, 3).map(key);
    for (const k of second) expect(first).not.toContain(k);
    expect(spawn(createRng(9), 7).slice(4).map(key)).toEqual(second.slice(0, 3)); // root jumped 4 times in between
  });

  test.each([
    [
      "foreign root",
      () => spawn({} as Rng, 2),
      TypeError,
      "spawn: root must be an Rng from createRng or rngFromState, got an object",
    ],
    [
      "negative n",
      () => spawn(createRng(0), -1),
      RangeError,
      "spawn: n must be an integer >= 0, got -1",
    ],
    [
      "fractional n",
      () => spawn(createRng(0), 1.5),
      RangeError,
      "spawn: n must be an integer >= 0, got 1.5",
    ],
    [
      "NaN n",
      () => spawn(createRng(0), NaN),
      RangeError,
      "spawn: n must be an integer >= 0, got NaN",
    ],
    [
      "n a string (was a RangeError)",
      () => spawn(createRng(0), "2" as never),
      TypeError,
      'spawn: n must be an integer >= 0, got "2"',
    ],
  ] as const)("rejects %s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
