import { momentsFromCentralSums, type Moments } from "./moments";
import { requireFinite, requireSample, describeValue } from "../base";

/**
 * Streaming central moments: on each $x$, with $\delta = x - \bar x$ and $n \leftarrow n + 1$,
 * $\bar x \mathrel{+}= \delta / n$ and $M_2, M_3, M_4$ updated by Pébay's one-pass formulas;
 * `merge` combines two accumulators exactly (Chan, Golub & LeVeque's pairwise update).
 * @see B. P. Welford (1962), Technometrics 4(3), 419-420; P. Pébay (2008), "Formulas for robust,
 *   one-pass parallel computation of covariances and arbitrary-order statistical moments",
 *   Sandia report SAND2008-6212 (update and pairwise merge for $M_2$ to $M_4$).
 */
export class Welford {
  private n = 0;
  private mean = 0;
  private m2 = 0;
  private m3 = 0;
  private m4 = 0;

  /** Number of values pushed so far. */
  get count(): number {
    return this.n;
  }

  /** Adds one value; `x` must be finite. */
  push(x: number): this {
    requireFinite("Welford.push", "x", x);
    const n1 = this.n;
    const n = n1 + 1;
    const delta = x - this.mean;
    const dn = delta / n;
    const dn2 = dn * dn;
    const term1 = delta * dn * n1;
    this.mean += dn;
    this.m4 += term1 * dn2 * (n * n - 3 * n + 3) + 6 * dn2 * this.m2 - 4 * dn * this.m3;
    this.m3 += term1 * dn * (n - 2) - 3 * dn * this.m2;
    this.m2 += term1;
    this.n = n;
    return this;
  }

  /** Adds every value of `xs`, shape (n,). */
  pushAll(xs: ArrayLike<number>): this {
    requireSample("Welford.pushAll", "xs", xs, 0); // empty: nothing to add
    for (let i = 0; i < xs.length; i++) this.push(xs[i]);
    return this;
  }

  /** A new accumulator holding the union of both samples; neither input changes. */
  merge(other: Welford): Welford {
    if (!(other instanceof Welford)) {
      throw new TypeError(`Welford.merge: other must be a Welford, got ${describeValue(other)}`);
    }
    const out = new Welford();
    const na = this.n;
    const nb = other.n;
    const n = na + nb;
    if (n === 0) return out;
    const d = other.mean - this.mean;
    const d2 = d * d;
    out.n = n;
    out.mean = this.mean + (d * nb) / n;
    out.m2 = this.m2 + other.m2 + (d2 * na * nb) / n;
    out.m3 =
      this.m3 +
      other.m3 +
      (d2 * d * na * nb * (na - nb)) / (n * n) +
      (3 * d * (na * other.m2 - nb * this.m2)) / n;
    out.m4 =
      this.m4 +
      other.m4 +
      (d2 * d2 * na * nb * (na * na - na * nb + nb * nb)) / (n * n * n) +
      (6 * d2 * (na * na * other.m2 + nb * nb * this.m2)) / (n * n) +
      (4 * d * (na * other.m3 - nb * this.m3)) / n;
    return out;
  }

  /** The moments so far, as `moments(xs)` would give (up to rounding); needs at least 2 values. */
  moments(): Moments {
    if (this.n < 2) {
      throw new RangeError(`Welford.moments: needs at least 2 values, got ${this.n}`);
    }
    return momentsFromCentralSums(this.n, this.mean, this.m2, this.m3, this.m4);
  }
}
