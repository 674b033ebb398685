// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { floor, max, min, pow } = Math;

/** $C = A B$ for (m, m) row-major matrices. */
function multiply(a: Float64Array, b: Float64Array, c: Float64Array, m: number): void {
  c.fill(0);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) c[i * m + j] += aik * b[k * m + j];
    }
  }
}

/**
 * $P(D_n < d) = \frac{n!}{n^n}(H^n)_{kk}$ with Durbin's $(2k-1)\times(2k-1)$ matrix $H$,
 * $k = \lfloor nd \rfloor + 1$, using powers of 10 carried apart to avoid overflow: exact up to
 * rounding. Cost $O(k^3 \log n + n)$, so the caller bounds n and nd (kolmogorovCdf uses it for
 * n ≤ 1000 only, where $nd \le 62$ in the body of the law). Unchecked: $1/(2n) < d < 1$.
 * @internal
 * @see G. Marsaglia, W. W. Tsang & J. Wang (2003), "Evaluating Kolmogorov's Distribution",
 *   J. Stat. Softw. 8(18), section 3 and the C listing `K(n, d)`; J. Durbin (1973).
 */
export function durbinCdf(n: number, d: number): number {
  const k = floor(n * d) + 1;
  const m = 2 * k - 1;
  const h = k - n * d;
  const H = new Float64Array(m * m); // (m, m) row-major
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) H[i * m + j] = i - j + 1 < 0 ? 0 : 1;
  for (let i = 0; i < m; i++) {
    H[i * m] -= pow(h, i + 1);
    H[(m - 1) * m + i] -= pow(h, m - i);
  }
  H[(m - 1) * m] += 2 * h - 1 > 0 ? pow(2 * h - 1, m) : 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      for (let g = 1; g <= i - j + 1; g++) H[i * m + j] /= g;
    }
  }
  // V = H^n by binary powering, with V = mantissa * 10^e
  let V = Float64Array.from(H);
  let eV = 0;
  let T = new Float64Array(m * m);
  const bits = n.toString(2);
  for (let b = 1; b < bits.length; b++) {
    multiply(V, V, T, m);
    [V, T] = [T, V];
    eV *= 2;
    if (bits[b] === "1") {
      multiply(H, V, T, m);
      [V, T] = [T, V];
    }
    if (V[(m >> 1) * m + (m >> 1)] > 1e140) {
      for (let i = 0; i < m * m; i++) V[i] *= 1e-140;
      eV += 140;
    }
  }
  let p = V[(k - 1) * m + k - 1];
  for (let i = 1; i <= n; i++) {
    p = (p * i) / n;
    if (p < 1e-140) {
      p *= 1e140;
      eV -= 140;
    }
  }
  return min(1, max(0, p * pow(10, eV)));
}
