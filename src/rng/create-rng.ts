import seedrandom from "seedrandom";
import { describeValue } from "../base";
import type { Rng } from "./rng";
import { Xoshiro128 } from "./xoshiro128";

/** Used only if a seed hashes to the all-zero state (probability $2^{-128}$), a fixed point of xoshiro. */
const NONZERO_STATE = [0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x6a09e667];

/**
 * $s = \mathrm{ARC4}(\text{seed})$: a xoshiro128** generator whose four state words are the first
 * four `int32()` draws of seedrandom's ARC4 generator keyed by the seed.
 * A number seed is keyed by its decimal string, so `createRng(7)` and `createRng("7")` agree.
 * seedrandom is called in its local form only; the global random function is never replaced.
 * @param seed any integer (0 included; `Number.isInteger`) or any string
 * @see D. Blackman & S. Vigna (2021), ACM TOMS 47(4), section 10 (seeding through another generator).
 */
export function createRng(seed: number | string): Rng {
  let key: string;
  if (typeof seed === "number") {
    if (!Number.isInteger(seed)) {
      throw new RangeError(`createRng: seed must be an integer or a string, got ${seed}`);
    }
    key = String(seed);
  } else if (typeof seed === "string") {
    key = seed;
  } else {
    throw new TypeError(
      `createRng: seed must be an integer or a string, got ${describeValue(seed)}`,
    );
  }
  const arc4 = seedrandom(key); // local generator: no { global: true }
  const state = [arc4.int32(), arc4.int32(), arc4.int32(), arc4.int32()];
  return new Xoshiro128(state.every((w) => w === 0) ? NONZERO_STATE : state);
}

/**
 * Resumes a generator from a snapshot: `rngFromState(r.state)` continues exactly where `r` is.
 * The state is xoshiro128**'s $s = (s_0, s_1, s_2, s_3) \in [0, 2^{32})^4 \setminus \{0\}$.
 * @param state four integers in $[0, 2^{32})$, not all zero (the all-zero state is a fixed point)
 * @see D. Blackman & S. Vigna (2021), "Scrambled linear pseudorandom number generators",
 *   ACM Trans. Math. Softw. 47(4), section 4 (xoshiro128**).
 */
export function rngFromState(state: ArrayLike<number>): Rng {
  if (state === null || typeof state !== "object" || typeof state.length !== "number") {
    throw new TypeError(
      `rngFromState: state must be an array of 4 integers, got ${describeValue(state)}`,
    );
  }
  if (state.length !== 4) {
    throw new RangeError(`rngFromState: state must have length 4, got ${state.length}`);
  }
  for (let i = 0; i < 4; i++) {
    const w = state[i];
    if (typeof w !== "number") {
      throw new TypeError(
        `rngFromState: state[${i}] must be an integer in [0, 2^32), got ${describeValue(w)}`,
      );
    }
    if (!Number.isInteger(w) || w < 0 || w > 0xffffffff) {
      throw new RangeError(`rngFromState: state[${i}] must be an integer in [0, 2^32), got ${w}`);
    }
  }
  if (state[0] === 0 && state[1] === 0 && state[2] === 0 && state[3] === 0) {
    throw new RangeError("rngFromState: state must not be all zero, got [0, 0, 0, 0]");
  }
  return new Xoshiro128(Array.from(state, (w) => w | 0));
}
