import { finiteOr } from "./svg-markup";
import { niceStep } from "./svg-ticks";

/** The bars of a binned histogram: edges (length n + 1) and heights (length n). @internal */
export interface HistogramBins {
  edges: number[];
  heights: number[];
}

/**
 * Bins a plotly histogram trace as plotly.js does: bins [a, b) from `xbins.start` by `xbins.size`
 * up to `xbins.end`, or, without `xbins`, plotly's automatic size max(2 sd / N^0.4, data spacing)
 * rounded up to 1–2–5 × 10^k with edges at its multiples. Heights follow `histnorm`: counts
 * (""), "probability" (count/N), "percent", "density" (count/width) or "probability density"
 * (count/(N width)), N counting only the samples that fall in a bin. Non-numbers are left out.
 * @internal
 * @see plotly.js, `src/traces/histogram/calc.js` and `src/plots/cartesian/axes.js` (autoBin).
 */
export function histogramBins(
  samples: readonly unknown[],
  xbins: { start?: number; end?: number; size?: number } | undefined,
  histnorm: string | undefined,
): HistogramBins {
  const x = samples.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (x.length === 0) return { edges: [], heights: [] };
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const given = xbins?.size;
  const span = Math.max(hi, finiteOr(xbins?.end, hi)) - Math.min(lo, finiteOr(xbins?.start, lo));
  // more than 10⁴ bins would draw nothing a reader can see: automatic bins instead
  const usable = typeof given === "number" && given > 0 && span / given <= 1e4;
  const size = usable ? given : autoBinSize(x, lo, hi);
  const start = typeof xbins?.start === "number" ? xbins.start : Math.floor(lo / size) * size;
  const end =
    typeof xbins?.end === "number" && xbins.end > start
      ? xbins.end
      : Math.max(hi, start) + size * 1e-9;
  const n = Math.max(1, Math.ceil((end - start) / size - 1e-9));
  if (!(n <= 1e4)) return { edges: [], heights: [] }; // a span beyond double range: nothing to draw
  const counts = new Array<number>(n).fill(0);
  let inside = 0;
  for (const v of x) {
    const k = Math.floor((v - start) / size);
    if (k >= 0 && k < n && v < end) {
      counts[k] += 1;
      inside += 1;
    }
  }
  const edges = Array.from({ length: n + 1 }, (_, k) => start + k * size);
  const width = (k: number): number => edges[k + 1] - edges[k];
  const total = Math.max(1, inside);
  const heights = counts.map((c, k) => {
    switch (histnorm) {
      case "probability":
        return c / total;
      case "percent":
        return (100 * c) / total;
      case "density":
        return c / width(k);
      case "probability density":
        return c / (total * width(k));
      default:
        return c;
    }
  });
  return { edges, heights };
}

/** plotly's automatic bin size: max(2 sd / N^0.4, a spacing the data resolve), nicely rounded. */
function autoBinSize(x: readonly number[], lo: number, hi: number): number {
  if (hi === lo) return lo === 0 ? 1 : Math.abs(lo) / 10;
  const scale = Math.max(Math.abs(lo), Math.abs(hi)); // in units of the largest |x|: no overflow
  let mean = 0;
  for (const v of x) mean += v / scale;
  mean /= x.length;
  let ss = 0;
  for (const v of x) ss += (v / scale - mean) * (v / scale - mean);
  const sd = Math.sqrt(ss / Math.max(1, x.length - 1)) * scale;
  const sorted = [...x].sort((a, b) => a - b);
  let minDiff = Infinity;
  for (let i = 1; i < sorted.length; i++) {
    const d = sorted[i] - sorted[i - 1];
    if (d > 0 && d < minDiff) minDiff = d;
  }
  const rough = Math.max(
    (2 * sd) / Math.pow(x.length, 0.4),
    Number.isFinite(minDiff) ? minDiff : 0,
  );
  return niceStep(rough > 0 ? rough : (hi - lo) / 10);
}
