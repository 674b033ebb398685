import { requireNotNaN } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { abs, log, sqrt } = Math;

// M. J. Wichura's AS 241 (PPND16) coefficients, each rounded to the nearest double: |p - 1/2| <= 0.425 ...
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
// ... r = sqrt(-log(min(p, 1-p))) <= 5 ...
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
];
// ... and r > 5.
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  1.8463183175100548e-5, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/** $\sum_k c_k r^k / \sum_k d_k r^k$ by Horner's rule (degree 7). */
function ratio(c: number[], d: number[], r: number): number {
  let num = c[7];
  let den = d[7];
  for (let k = 6; k >= 0; k--) {
    num = num * r + c[k];
    den = den * r + d[k];
  }
  return num / den;
}

/**
 * $\Phi^{-1}(p)$, relative error about 1e-16 (Wichura's rational approximations in
 * $q = p - \tfrac12$ near the centre and in $r = \sqrt{-\ln \min(p, 1-p)}$ in the tails).
 * @param p probability in the closed interval [0, 1]; 0 and 1 give $-\infty$ and $\infty$
 * @see M. J. Wichura (1988), "Algorithm AS 241: The Percentage Points of the Normal
 *   Distribution", Applied Statistics 37(3), 477-484 (PPND16).
 */
export function normalQuantile(p: number): number {
  requireNotNaN("normalQuantile", "p", p, "a probability in [0, 1]", (v) => v >= 0 && v <= 1);
  const q = p - 0.5;
  if (abs(q) <= 0.425) return q * ratio(A, B, 0.180625 - q * q);
  const tail = q < 0 ? p : 1 - p;
  if (tail === 0) return q < 0 ? -Infinity : Infinity;
  let r = sqrt(-log(tail));
  r = r <= 5 ? ratio(C, D, r - 1.6) : ratio(E, F, r - 5);
  return q < 0 ? -r : r;
}
