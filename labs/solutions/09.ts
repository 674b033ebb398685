/**
 * Reference solutions of lecture 09's labs (not in the notebook: the student's copy stays
 * unsolved). `npx itolab-run --solutions` puts each function in place of its stub, by name.
 * Each function is self-contained: it uses only what the notebook imports.
 */

/** Lab 09-bridge-marginal: N((1 − t/T) a + (t/T) b, σ² t(T − t)/T). */
export function bridgeMarginal(
  a: number,
  b: number,
  T: number,
  t: number,
  sigma: number,
): { mean: number; variance: number } {
  const s = t / T;
  return { mean: (1 - s) * a + s * b, variance: sigma * sigma * t * (1 - s) };
}

/** Lab 09-bridge-step: x + (b − x)/(T − t) h + σ √h ξ, the drift at the start of the step. */
export function bridgeStep(
  x: Float64Array,
  b: Float64Array,
  T: number,
  t: number,
  h: number,
  sigma: number,
  xi: Float64Array,
): Float64Array {
  return x.map((v, i) => v + ((b[i] - v) / (T - t)) * h + sigma * Math.sqrt(h) * xi[i]);
}

/** Lab 09-cld-mean: e^{βtA}(x_0, v_0), e^{τA} = e^{λτ}(I + τ(A − λI)), λ = −1/√M (Γ = 2√M). */
export function cldMean(
  x0: number,
  v0: number,
  t: number,
  beta: number,
  mass: number,
): { x: number; v: number } {
  const tau = beta * t;
  const lambda = -1 / Math.sqrt(mass); // the double eigenvalue −Γ/(2M)
  const gamma = 2 * Math.sqrt(mass); // critical damping
  const e = Math.exp(lambda * tau);
  // A − λI = [[−λ, 1/M], [−1, −Γ/M − λ]]
  const E = [1 - tau * lambda, tau / mass, -tau, 1 + tau * (-gamma / mass - lambda)];
  return { x: e * (E[0] * x0 + E[1] * v0), v: e * (E[2] * x0 + E[3] * v0) };
}
