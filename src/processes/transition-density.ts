import { requireFiniteArray, requirePoints, requireTime } from "../base";

// hoisted: a global `Math` lookup per element is slow inside vm contexts (jest, tslab)
const { exp, log, PI } = Math;

/** The Gaussian transition of a linear process: $X_t \mid X_s = x \sim N(a\,x,\ v\,I)$. */
export interface LinearTransition {
  /** $a = \mathrm{scale}(t)/\mathrm{scale}(s)$ */
  scale: number;
  /** $v = \mathrm{std}(t)^2 - a^2\,\mathrm{std}(s)^2 > 0$ for s < t, computed without cancellation */
  variance: number;
}

/** The two density methods every process carries (see {@link Process}). */
export interface TransitionDensityMethods {
  transitionDensity(s: number, x: Float64Array, t: number, y: Float64Array): Float64Array;
  logTransitionDensity(s: number, x: Float64Array, t: number, y: Float64Array): Float64Array;
}

/**
 * Validates the arguments of `transitionDensity(s, x, t, y)`: $0 \le s < t \le T$ (at t = s the
 * transition is a point mass, with no density), x a finite (d) start, y finite (n, d) row-major
 * end points. Returns n. @internal
 */
export function checkTransitionArgs(
  fn: string,
  s: unknown,
  x: unknown,
  t: unknown,
  y: unknown,
  d: number,
  T: number,
): number {
  requireTime(fn, "s", s, T);
  requireTime(fn, "t", t, T);
  if ((t as number) <= (s as number)) {
    throw new RangeError(
      `${fn}: t must be > s = ${s as number} (from s to s the transition is a point mass, with no density), got ${t as number}`,
    );
  }
  requireFiniteArray(fn, "x", x, d);
  return requirePoints(fn, "y", y, d);
}

/**
 * $\log p(s, x; t, y) = -\tfrac d2\log(2\pi v) - \|y - a x\|^2/(2v)$, the density of $X_t = y$ given
 * $X_s = x$ for a linear process $dX = f(t)X\,dt + g(t)\,dW$, whose transition is Gaussian with
 * $a = \alpha_t/\alpha_s$ and $v = \sigma_t^2 - a^2\sigma_s^2$ (from s = 0: the marginal). @internal
 * @param name the process's name (errors read `vpSde.transitionDensity: …`)
 * @param dim d
 * @param T horizon
 * @param law (s, t) ↦ {scale a, variance v}, for valid 0 ≤ s < t ≤ T
 * @see Särkkä & Solin (2019), Applied Stochastic Differential Equations, §6.1 (means, covariances
 *   and transition densities of linear SDEs)
 */
export function linearTransitionDensity(
  name: string,
  dim: number,
  T: number,
  law: (s: number, t: number) => LinearTransition,
): TransitionDensityMethods {
  const logDensity = (
    fn: string,
    s: number,
    x: Float64Array,
    t: number,
    y: Float64Array,
  ): Float64Array => {
    const n = checkTransitionArgs(fn, s, x, t, y, dim, T);
    const { scale: a, variance: v } = law(s, t);
    const c = -0.5 * dim * log(2 * PI * v);
    const out = new Float64Array(n); // (n)
    for (let r = 0; r < n; r++) {
      let q = 0;
      for (let i = 0; i < dim; i++) q += (y[r * dim + i] - a * x[i]) ** 2;
      out[r] = c - q / (2 * v);
    }
    return out;
  };
  return {
    logTransitionDensity: (s, x, t, y) => logDensity(`${name}.logTransitionDensity`, s, x, t, y),
    transitionDensity: (s, x, t, y) => logDensity(`${name}.transitionDensity`, s, x, t, y).map(exp),
  };
}
