import { requireSample } from "../base";

// Globals read once: inside a vm context (jest, notebook kernels) every global lookup is slow.
const { sqrt } = Math;

/** An ordinary least-squares line $y = a + b x$. */
export interface SlopeFit {
  /** $b = S_{xy} / S_{xx}$. */
  readonly slope: number;
  /** $a = \bar y - b \bar x$. */
  readonly intercept: number;
  /** $\operatorname{se}(b) = \sqrt{\mathrm{RSS} / ((n-2) S_{xx})}$. */
  readonly slopeStdErr: number;
  /** $R^2 = 1 - \mathrm{RSS} / S_{yy}$ (1 when $S_{yy} = 0$). */
  readonly r2: number;
}

/**
 * $\hat b = \sum (x_i - \bar x)(y_i - \bar y) / \sum (x_i - \bar x)^2$: the least-squares slope,
 * e.g. of $\log \text{error}$ against $\log h$ for a convergence order.
 * @param x abscissae, shape (n,), n >= 3, not all equal
 * @param y ordinates, shape (n,)
 * @see N. R. Draper & H. Smith (1998), Applied Regression Analysis, 3rd ed., Wiley, chapter 1.
 */
export function fitSlope(x: ArrayLike<number>, y: ArrayLike<number>): SlopeFit {
  requireSample("fitSlope", "x", x, 3);
  requireSample("fitSlope", "y", y, 3);
  const n = x.length;
  if (y.length !== n) {
    throw new RangeError(`fitSlope: y must have the length of x (${n}), got ${y.length}`);
  }
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (!(sxx > 0)) {
    throw new RangeError(`fitSlope: x must not be all equal, got ${x[0]} ${n} times`);
  }
  const slope = sxy / sxx;
  let rss = 0; // summed directly: Syy - b Sxy cancels badly when the fit is nearly exact
  for (let i = 0; i < n; i++) {
    const r = y[i] - my - slope * (x[i] - mx);
    rss += r * r;
  }
  return {
    slope,
    intercept: my - slope * mx,
    slopeStdErr: sqrt(rss / ((n - 2) * sxx)),
    r2: syy > 0 ? 1 - rss / syy : 1,
  };
}
