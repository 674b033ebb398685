import type { PlotData } from "plotly.js";
import { plotColorway } from "./theme";
import { plotArray } from "./to-plot-array";
import { describeValue, requireOptions } from "../base";
import { optionalInRange, optionalString, requireSameLength, requireSeries } from "./validate";

/** Style of a filled band. */
export interface BandTraceOptions {
  /** Legend entry, e.g. "mean ± 2 SE"; omitted bands are left out of the legend. */
  name?: string;
  /** Fill colour as #rrggbb (default: the first colour of the palette). */
  color?: string;
  /** Fill opacity in [0, 1] (default 0.2). */
  opacity?: number;
}

/**
 * A filled band between `lower` and `upper` over `x` (e.g. mean ± 2 SE), drawn as one closed
 * polygon: $(x, \text{upper})$ forwards then $(x, \text{lower})$ backwards. Add the centre line
 * with `lineTrace`. Non-finite values become gaps (accepted, as in every trace), which break the
 * polygon: pass finite bands.
 * @param x - abscissae, shape (n,), n ≥ 1.
 * @param lower - lower edge, shape (n,).
 * @param upper - upper edge, shape (n,).
 * @param options - name, color, opacity.
 * @returns a plotly scatter trace with `fill: "toself"` and no line.
 */
export function bandTrace(
  x: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
  options?: BandTraceOptions,
): Partial<PlotData> {
  const fn = "bandTrace";
  requireSeries(fn, "x", x);
  requireSeries(fn, "lower", lower);
  requireSeries(fn, "upper", upper);
  requireSameLength(fn, ["x", "lower"], x, lower);
  requireSameLength(fn, ["x", "upper"], x, upper);
  const o = requireOptions(fn, options);
  const name = optionalString(fn, "options.name", o.name);
  const color = optionalString(fn, "options.color", o.color) ?? plotColorway[0];
  const opacity = optionalInRange(fn, "options.opacity", o.opacity, 0, 1) ?? 0.2;
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) {
    throw new RangeError(`${fn}: options.color must be #rrggbb, got ${describeValue(color)}`);
  }
  const xs = plotArray(x);
  const trace: Partial<PlotData> = {
    type: "scatter",
    mode: "lines",
    x: [...xs, ...xs.slice().reverse()],
    y: [...plotArray(upper), ...plotArray(lower).reverse()],
    fill: "toself",
    fillcolor: rgba(color, opacity),
    line: { width: 0 },
    hoverinfo: "skip",
  };
  if (name !== undefined) trace.name = name;
  else trace.showlegend = false;
  return trace;
}

/** "#rrggbb" and an opacity → "rgba(r,g,b,a)". */
function rgba(hex: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},${alpha})`;
}
