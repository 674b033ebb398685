import type { Rng } from "./rng";
import { ZIG_K, ZIG_W, zigguratSlow } from "./ziggurat";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const imul = Math.imul;

/** $2^{-53}$. */
const TWO_M53 = 1.1102230246251565e-16;

/** xoshiro128** jump polynomial: advances the state by $2^{64}$ steps. */
const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b];

/**
 * xoshiro128**: state $s \in (\mathbb Z/2^{32})^4 \setminus \{0\}$, output
 * $\mathrm{rotl}(5 s_1, 7) \cdot 9$, period $2^{128} - 1$.
 * Construct through `createRng` or `rngFromState`, which validate; the constructor does not.
 * @see D. Blackman & S. Vigna (2018/2021), "Scrambled Linear Pseudorandom Number Generators",
 *   ACM TOMS 47(4); reference code xoshiro128starstar.c (`next`, `jump`).
 */
export class Xoshiro128 implements Rng {
  /** The four state words, stored as int32. Read by `fillNormal`/`fillUniform`'s inlined loops. */
  readonly s: Int32Array; // (4,)

  /** @param state four 32-bit words, not all zero (unchecked) */
  constructor(state: ArrayLike<number>) {
    this.s = Int32Array.from(state);
  }

  get state(): Uint32Array {
    return Uint32Array.from(this.s, (w) => w >>> 0);
  }

  nextUint32(): number {
    const s = this.s;
    const s0 = s[0];
    const s1 = s[1];
    const s2 = s[2] ^ s0;
    const s3 = s[3] ^ s1;
    const r = imul(s1, 5);
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
    return imul((r << 7) | (r >>> 25), 9) >>> 0;
  }

  /** $U = k\,2^{-53}$ with $k = (a \gg 5)\,2^{26} + (b \gg 6)$, redrawn when $k = 0$. */
  uniform(): number {
    for (;;) {
      const k = (this.nextUint32() >>> 5) * 67108864 + (this.nextUint32() >>> 6);
      if (k !== 0) return k * TWO_M53;
    }
  }

  /** Ziggurat draw (see `ziggurat.ts`); consumes the same words as one slot of `fillNormal`. */
  normal(): number {
    const a = this.nextUint32();
    const b = this.nextUint32();
    const i = a & 255;
    const m = (a >>> 12) * 4294967296 + b;
    const x = m * ZIG_W[i];
    if (m < ZIG_K[i]) return (a & 256) !== 0 ? -x : x;
    return zigguratSlow(this, i, x, (a & 256) !== 0);
  }

  clone(): Xoshiro128 {
    return new Xoshiro128(this.s);
  }

  /** Advances this generator by $2^{64}$ draws (the reference `jump()`). */
  jump(): void {
    let t0 = 0;
    let t1 = 0;
    let t2 = 0;
    let t3 = 0;
    for (let w = 0; w < 4; w++) {
      for (let b = 0; b < 32; b++) {
        if ((JUMP[w] >>> b) & 1) {
          t0 ^= this.s[0];
          t1 ^= this.s[1];
          t2 ^= this.s[2];
          t3 ^= this.s[3];
        }
        this.nextUint32();
      }
    }
    this.s[0] = t0;
    this.s[1] = t1;
    this.s[2] = t2;
    this.s[3] = t3;
  }
}
