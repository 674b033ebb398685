/**
 * $e^x = 2^n e^r$, $n = \mathrm{round}(x/\ln 2)$, $|r| \le \ln 2/2$, with $e^r$ its Taylor polynomial
 * of degree 12 (truncation $r^{13}/13! < 1.8\cdot10^{-16}$ relative) evaluated by Estrin's scheme,
 * and $2^n$ read from a table. Measured against `Math.exp` within 4 ulp on $[-708, 709]$
 * (test/fast/exp.test.ts); several times faster in a hot loop, because `Math.exp` is a call into C.
 * The argument is clamped to $[-708, 709]$ (so $e^x$ stays a normal double): below, the result is
 * $e^{-708} \approx 3\cdot10^{-308}$ instead of smaller. NaN propagates.
 * @internal
 * @see J.-M. Muller (2016), Elementary Functions, 3rd ed., §11.2 (additive range reduction);
 *   Cody & Waite (1980), Software Manual for the Elementary Functions (split ln 2)
 */
import { describeValue } from "../base";

export const LOG2E = 1.4426950408889634;
/** 1.5·2⁵²: adding it rounds a double of magnitude < 2⁵¹ to the nearest integer */
export const SHIFT = 6755399441055744;
/** ln 2 = LN2_HI + LN2_LO, LN2_HI with 32 trailing zero bits, so n·LN2_HI is exact (fdlibm) */
export const LN2_HI = 6.9314718036912381649e-1;
export const LN2_LO = 1.90821492927058770002e-10;
/** 2^(i − 1022), i = 0..2045 */
export const POW2: Float64Array = new Float64Array(2046);
for (let i = 0; i < POW2.length; i++) POW2[i] = 2 ** (i - 1022);
// Taylor coefficients 1/k!, written out so the compiler sees constants
const C0 = 1.0; // 1/0!
const C1 = 1.0; // 1/1!
const C2 = 0.5; // 1/2!
const C3 = 0.16666666666666666; // 1/3!
const C4 = 0.041666666666666664; // 1/4!
const C5 = 0.008333333333333333; // 1/5!
const C6 = 0.001388888888888889; // 1/6!
const C7 = 0.0001984126984126984; // 1/7!
const C8 = 2.48015873015873e-5; // 1/8!
const C9 = 2.7557319223985893e-6; // 1/9!
const C10 = 2.755731922398589e-7; // 1/10!
const C11 = 2.505210838544172e-8; // 1/11!
const C12 = 2.08767569878681e-9; // 1/12!

/** $e^r$ for $|r| \le \ln 2/2$: the degree-12 Taylor polynomial by Estrin's scheme. */
export function expReduced(r: number): number {
  const r2 = r * r;
  const r4 = r2 * r2;
  const p03 = C0 + C1 * r + (C2 + C3 * r) * r2;
  const p47 = C4 + C5 * r + (C6 + C7 * r) * r2;
  const p8b = C8 + C9 * r + (C10 + C11 * r) * r2;
  return p03 + p47 * r4 + (p8b + C12 * r4) * (r4 * r4);
}

/**
 * $e^x$ to within 4 ulp for $x \in [-708, 709]$ (clamped outside), unchecked: the loops of
 * src/fast (silu.ts) call it per entry. @internal
 */
export function expKernel(x: number): number {
  const y = x < -708 ? -708 : x > 709 ? 709 : x;
  const n = y * LOG2E + SHIFT - SHIFT;
  const r = y - n * LN2_HI - n * LN2_LO;
  const p = expReduced(r);
  return x !== x ? x : p * POW2[(n | 0) + 1022];
}

/**
 * $e^x$ to within 4 ulp of `Math.exp` for $x \in [-708, 709]$ (clamped outside: $e^{-708}$
 * below, $e^{709}$ above), NaN for NaN, as described above.
 * @param x a number
 */
export function fastExp(x: number): number {
  if (typeof x !== "number") {
    throw new TypeError(`fastExp: x must be a number, got ${describeValue(x)}`);
  }
  return expKernel(x);
}
