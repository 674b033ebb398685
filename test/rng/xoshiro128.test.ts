import { createRng, rngFromState } from "../../src/rng";
import { ksOneSample } from "../../src/stats";

/** The state whose next output is 0xffffffff twice: s1 = 5^{-1} rotr(9^{-1} (2^32 - 1), 7), s2 = s0. */
function allOnesState(): number[] {
  const M = 2n ** 32n;
  const inv = (a: bigint): bigint => {
    let x = 1n; // Newton iteration for the inverse of an odd number modulo 2^32
    for (let i = 0; i < 6; i++) x = (x * (2n - a * x)) % M;
    return ((x % M) + M) % M;
  };
  const r = (inv(9n) * (M - 1n)) % M;
  const rotr7 = ((r >> 7n) | (r << 25n)) % M;
  const s1 = Number((inv(5n) * rotr7) % M);
  return [12345, s1, 12345, 678];
}

describe("xoshiro128**", () => {
  test("matches the reference C code xoshiro128starstar.c from state {1, 2, 3, 4} (known answer)", () => {
    // Blackman & Vigna's reference next(), compiled with gcc 12 and run from s = {1, 2, 3, 4}
    const r = rngFromState([1, 2, 3, 4]);
    const got = Array.from({ length: 6 }, () => r.nextUint32());
    expect(got).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  test.each([
    [
      0,
      [4217186281, 853370727, 1156450484],
      [0.25604192056467434, 0.4436018818867151, 0.9010220095274459],
      [-0.004494373284831996, -0.7921511857520412, -0.6781340307832957],
    ],
    [
      "itolab",
      [1482188289, 3111354783, 2458936872],
      [0.3620703165384961, 0.6142584093972318, 0.6246640643031273],
      [0.1752017674475769, -1.0142689797551834, -2.3218165771539874],
    ],
  ] as const)(
    "first draws from seed %j (regression snapshot, not an oracle)",
    (seed, u32, u, z) => {
      // Snapshot of this implementation (seedrandom ARC4 seeding + xoshiro128** + 256-layer ziggurat):
      // it changes only if the bit generator, the seeding or the samplers change.
      const r = createRng(seed);
      expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual(u32);
      expect([r.uniform(), r.uniform(), r.uniform()]).toEqual(u);
      expect([r.normal(), r.normal(), r.normal()]).toEqual(z);
    },
  );

  test("uniform() redraws instead of returning 0 when the next two words are 0", () => {
    // output = rotl(5 s1, 7) * 9 is 0 iff s1 = 0, and the next s1 is s0 ^ s1 ^ s2: so [1, 0, 1, 1] gives 0, 0
    const words = rngFromState([1, 0, 1, 1]);
    expect([words.nextUint32(), words.nextUint32()]).toEqual([0, 0]);
    const r = rngFromState([1, 0, 1, 1]);
    const u = r.uniform();
    expect(u).toBeGreaterThan(0);
    expect(u).toBe(words.uniform()); // the draw that follows the two zero words
    expect(rngFromState([1, 0, 1, 1]).normal()).toBe(0); // magnitude 0, layer 0: no log(0) anywhere
  });

  test("uniform() stays below 1 when the next two words are 0xffffffff", () => {
    const words = rngFromState(allOnesState());
    expect([words.nextUint32(), words.nextUint32()]).toEqual([0xffffffff, 0xffffffff]);
    expect(rngFromState(allOnesState()).uniform()).toBe(1 - 2 ** -53);
  });

  test("uniform() is U(0, 1): open interval, mean, and KS (statistical, seed 11)", () => {
    const r = createRng(11);
    const n = 200_000;
    const u = new Float64Array(n);
    let min = 1;
    let max = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      u[i] = r.uniform();
      if (u[i] < min) min = u[i]; // comparisons, not Math.min: globals are slow in jest's vm context
      if (u[i] > max) max = u[i];
      sum += u[i];
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    // SE of the mean = sqrt(1/12 / n) = 6.5e-4; 4 SE
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    // p > 0.001: a correct generator fails with probability 1e-3 for an arbitrary seed; seeds 1-5 also pass
    expect(ksOneSample(u, (x) => Math.min(1, Math.max(0, x))).pValue).toBeGreaterThan(0.001);
  });

  test("nextUint32() covers [0, 2^32) evenly: each of 16 top-nibble bins within 4 SE (statistical, seed 12)", () => {
    const r = createRng(12);
    const n = 160_000;
    const counts = new Array(16).fill(0);
    for (let i = 0; i < n; i++) counts[r.nextUint32() >>> 28]++;
    // binomial SE = sqrt(n p (1 - p)) with p = 1/16: 96.8; 4 SE
    const se = Math.sqrt(n * (1 / 16) * (15 / 16));
    for (const c of counts) expect(Math.abs(c - n / 16)).toBeLessThan(4 * se);
  });

  test("clone() continues the same stream independently", () => {
    const r = createRng(3);
    r.nextUint32();
    const c = r.clone();
    const fromClone = Array.from({ length: 5 }, () => c.normal());
    const fromRoot = Array.from({ length: 5 }, () => r.normal());
    expect(fromClone).toEqual(fromRoot);
    c.nextUint32(); // advancing the clone does not move the original
    expect(c.state).not.toEqual(r.state);
  });

  test("state is a snapshot: rngFromState(r.state) continues identically, and editing it changes nothing", () => {
    const r = createRng("round trip");
    for (let i = 0; i < 17; i++) r.normal();
    const snap = r.state;
    const resumed = rngFromState(snap);
    snap[0] ^= 1;
    const a = Array.from({ length: 1000 }, () => r.uniform());
    const b = Array.from({ length: 1000 }, () => resumed.uniform());
    expect(b).toEqual(a);
  });
});
