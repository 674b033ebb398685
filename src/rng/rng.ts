/**
 * A seeded pseudo-random generator with explicit state: every draw is a method call on a value
 * that the caller owns, so there is no hidden global stream (STYLE.md, src/ rule 2).
 */
export interface Rng {
  /** The generator's state words (a copy); read it to snapshot, pass to `rngFromState` to resume. */
  readonly state: Uint32Array;
  /** Uniform integer in $[0, 2^{32})$. */
  nextUint32(): number;
  /** Uniform double in the open interval $(0, 1)$ with 53-bit resolution; never 0 or 1. */
  uniform(): number;
  /** Standard normal $Z \sim \mathcal N(0, 1)$. */
  normal(): number;
  /** An independent copy that continues the same stream from the current state. */
  clone(): Rng;
}
