import type { NormalStream } from "../brownian";
import { checkFiniteState } from "./validate";

/** The coefficients of DDPM's reverse chain, indexed by the step i = 1..N (index 0 unused). @internal */
export interface AncestralCoefficients {
  /** N, the number of steps */
  steps: number;
  /** (N + 1) $1/\sqrt{\alpha_i}$ */
  invSqrtAlpha: Float64Array;
  /** (N + 1) $b_i$, the weight of the model's output: $-\beta_i/\sqrt{1-\bar\alpha_i}$ for ε̂, $\beta_i$ for a score */
  modelWeight: Float64Array;
  /** (N + 1) $\sigma_i$, the standard deviation of the noise added at step i (unused at i = 1) */
  sigma: Float64Array;
}

/**
 * Lines 2–5 of Algorithm 2 of Ho et al. (2020), the one implementation behind `ddpmSample`
 * (ε̂, Ho's form) and `ddpmAncestral` (score, Song et al.'s form); x (n, d) is updated in place:
 *
 *     for i = N, …, 1                                          line 2
 *       z ~ N(0, I) if i > 1, else z = 0                       line 3 (n·d normals from noise)
 *       x ← (x + b_i m(i, x)) / √α_i + σ_i z                  line 4, m = ε̂ or s
 *     return x                                                 line 6
 *
 * Throws, naming `fn` and the step, as soon as the state stops being finite. @internal
 * @see Ho, Jain & Abbeel (2020), NeurIPS, Algorithm 2
 */
export function ancestralChain(
  fn: string,
  noise: NormalStream,
  c: AncestralCoefficients,
  model: (i: number, x: Float64Array, out: Float64Array) => void,
  x: Float64Array,
  d: number,
): Float64Array {
  const m = new Float64Array(x.length); // (n, d) model output
  const z = new Float64Array(x.length); // (n, d)
  // line 2: for i = N, …, 1
  for (let i = c.steps; i >= 1; i--) {
    model(i, x, m); // m(i, x_i): ε̂ or s
    const inv = c.invSqrtAlpha[i];
    const b = c.modelWeight[i];
    if (i > 1) {
      noise.normals(z); // line 3: z ~ N(0, I)
      const sigma = c.sigma[i];
      // line 4: x_{i−1} = (x_i + b_i m) / √α_i + σ_i z
      for (let k = 0; k < x.length; k++) x[k] = inv * (x[k] + b * m[k]) + sigma * z[k];
    } else {
      // lines 3–4 at i = 1: z = 0
      for (let k = 0; k < x.length; k++) x[k] = inv * (x[k] + b * m[k]);
    }
    checkFiniteState(fn, x, d, `after step i = ${i}`);
  }
  return x; // line 6
}
