/**
 * Reference solutions of lecture 03's labs (not in the notebook: the student's copy stays
 * unsolved). `npx itolab-run --solutions` puts each function in place of its stub, by name.
 * Each function is self-contained: it uses only what the notebook imports.
 */

/** Lab 03-chang-cooper-flux: J = (B(−z) D_i p_i − B(z) D_{i+1} p_{i+1})/h, B(z) = z/(e^z − 1). */
export function changCooperFlux(
  z: number,
  h: number,
  dLeft: number,
  pLeft: number,
  dRight: number,
  pRight: number,
): number {
  const B = (s: number) => (s === 0 ? 1 : s / Math.expm1(s)); // B(0) = 1; expm1 keeps small s exact
  return (B(-z) * dLeft * pLeft - B(z) * dRight * pRight) / h;
}

/** Lab 03-explicit-step: p_i − (Δt/h)(J_{i+1/2} − J_{i−1/2}), J_{−1/2} = J_{n−1/2} = 0. */
export function explicitStep(
  p: Float64Array,
  z: Float64Array,
  d: Float64Array,
  h: number,
  dt: number,
): Float64Array {
  const B = (s: number) => (s === 0 ? 1 : s / Math.expm1(s));
  const n = p.length;
  const flux = new Float64Array(n + 1); // flux[i] = J_{i−1/2}; flux[0] = flux[n] = 0 (walls)
  for (let i = 0; i + 1 < n; i++) {
    flux[i + 1] = (B(-z[i]) * d[i] * p[i] - B(z[i]) * d[i + 1] * p[i + 1]) / h;
  }
  return p.map((q, i) => q - (dt / h) * (flux[i + 1] - flux[i]));
}

/** Lab 03-discrete-equilibrium: D_{i+1}p_{i+1} = e^{z_{i+1/2}} D_i p_i, h Σ p = 1. */
export function discreteEquilibrium(z: Float64Array, d: Float64Array, h: number): Float64Array {
  const n = d.length;
  const logP = new Float64Array(n); // log p_i up to a constant: Σ_{j<i} z_j − log D_i
  let logQ = 0; // log(D_i p_i)
  for (let i = 0; i < n; i++) {
    if (i > 0) logQ += z[i - 1];
    logP[i] = logQ - Math.log(d[i]);
  }
  const top = Math.max(...logP); // subtract the largest before exponentiating
  const p = logP.map((v) => Math.exp(v - top));
  const mass = h * p.reduce((a, b) => a + b, 0);
  return p.map((v) => v / mass);
}
