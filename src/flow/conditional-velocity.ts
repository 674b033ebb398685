import { requireFloat64Array, requireInteger, requireRows, requireTime } from "../base";
import { rowWidth } from "./validate";
import { requirePath, type ProbabilityPath } from "./probability-path";

/** A batch on the conditional path: its points and the velocities it moves with. */
export interface ConditionalSample {
  /** (n, d) row-major $x_t = \alpha_t x_0 + \sigma_t\varepsilon$ */
  xt: Float64Array;
  /** (n, d) row-major $\dot\alpha_t x_0 + \dot\sigma_t\varepsilon$ */
  velocity: Float64Array;
}

/**
 * $x_t = \alpha_t x_0 + \sigma_t\varepsilon$ and its conditional velocity
 * $u_t(x_t\mid x_0) = \dot\alpha_t x_0 + \dot\sigma_t\varepsilon = \tfrac{\dot\sigma_t}{\sigma_t}(x_t - \alpha_t x_0) + \dot\alpha_t x_0$,
 * row by row with per-row times: the regression target of conditional flow matching.
 * @param path the conditional path
 * @param t (n) times in [0, T] where $\dot\sigma_t$ is finite
 * @param x0 (n, d) row-major data, finite, exactly n rows
 * @param eps (n, d) row-major noise, finite, exactly n rows
 * @param n rows, a positive integer
 * @returns new arrays xt and velocity, (n, d) row-major
 * @see Lipman et al. (2023), ICLR, Theorem 3, eq. (15) (the conditional vector field)
 */
export function conditionalVelocity(
  path: ProbabilityPath,
  t: Float64Array,
  x0: Float64Array,
  eps: Float64Array,
  n: number,
): ConditionalSample {
  const fn = "conditionalVelocity";
  requirePath(fn, path);
  const rows = requireInteger(fn, "n", n, 1);
  requireRows(fn, "t", t, rows, 1);
  const d = rowWidth(fn, "x0", x0, rows);
  requireRows(fn, "x0", x0, rows, d);
  const e = requireFloat64Array(fn, "eps", eps);
  if (e.length !== x0.length) {
    throw new RangeError(
      `${fn}: x0 and eps must hold the same (n, d) values, got lengths ${x0.length} and ${e.length}`,
    );
  }
  requireRows(fn, "eps", eps, rows, d);
  const xt = new Float64Array(rows * d);
  const velocity = new Float64Array(rows * d);
  for (let r = 0; r < rows; r++) {
    const tr = requireTime(fn, `t[${r}]`, t[r], path.T);
    const [a, s, aDot, sDot] = [path.scale(tr), path.std(tr), path.scaleRate(tr), path.stdRate(tr)];
    if (!Number.isFinite(sDot)) {
      throw new RangeError(
        `${fn}: t[${r}] = ${tr} gives an infinite σ̇_t (the conditional velocity is infinite there): take t > 0`,
      );
    }
    for (let i = r * d; i < (r + 1) * d; i++) {
      xt[i] = a * x0[i] + s * eps[i];
      velocity[i] = aDot * x0[i] + sDot * eps[i];
    }
  }
  return { xt, velocity };
}
