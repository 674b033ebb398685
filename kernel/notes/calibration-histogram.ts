/**
 * A sparkline of a check's normalised statistic z = (estimate − expected)/SE over the calibration
 * seeds: its histogram as a density on [−4, 4] (bins of width 0.5; a value beyond ±4 is counted
 * in the end bin on its side, and said so) under the standard normal density φ, which it follows
 * when the check's SE is right. Inline SVG styled by the notes' stylesheet (light, dark, print),
 * with a `<title>` and an aria-label stating the count, mean and standard deviation.
 */
import { escapeHtml } from "./html";

/** The histogram covers [−RANGE, RANGE] in bins of BIN. */
export const RANGE = 4;
export const BIN = 0.5;
const BINS = (2 * RANGE) / BIN;
const WIDTH = 120;
const HEIGHT = 30;
const TOP = 2; // px above the tallest bar or curve

/** The statistic's count, mean, sample standard deviation (NaN below 2 values), and tail. */
export interface StatisticSummary {
  n: number;
  mean: number;
  sd: number;
  /** values beyond ±RANGE */
  beyond: number;
}

export function summarise(values: number[]): StatisticSummary {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  return {
    n,
    mean,
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN,
    beyond: values.filter((v) => Math.abs(v) > RANGE).length,
  };
}

/** Counts per bin, values beyond the range in the end bins. */
export function binCounts(values: number[]): number[] {
  const counts = new Array<number>(BINS).fill(0);
  for (const v of values) {
    const k = Math.floor((v + RANGE) / BIN);
    counts[Math.min(BINS - 1, Math.max(0, k))] += 1;
  }
  return counts;
}

/** A number with a true minus sign, to `digits` decimals. */
export const signed = (v: number, digits = 2) =>
  Number.isFinite(v) ? v.toFixed(digits).replace(/^-/, "−") : "—";

const phi = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
const px = (v: number) => Number(v.toFixed(2));

/**
 * The sparkline's HTML: the SVG and, beside it, "mean … · sd …".
 * @param values the statistic under each seed (finite numbers, at least one)
 */
export function histogramHtml(values: number[]): string {
  const s = summarise(values);
  const counts = binCounts(values);
  const densities = counts.map((c) => c / (s.n * BIN));
  const top = Math.max(phi(0), ...densities);
  const base = HEIGHT - 1;
  const x = (z: number) => ((z + RANGE) / (2 * RANGE)) * WIDTH;
  const y = (d: number) => base - (d / top) * (base - TOP);
  const bars = densities
    .map((d, k) =>
      d > 0
        ? `<rect class="cal-bar" x="${px(x(-RANGE + k * BIN) + 0.5)}" y="${px(y(d))}" width="${px(x(BIN - RANGE) - 1)}" height="${px(base - y(d))}"/>`
        : "",
    )
    .join("");
  const curve = Array.from({ length: 81 }, (_, i) => {
    const z = -RANGE + (i * 2 * RANGE) / 80;
    return `${px(x(z))},${px(y(phi(z)))}`;
  }).join(" ");
  const label =
    `Histogram of (estimate − expected)/SE over ${s.n} seed${s.n === 1 ? "" : "s"} on [−${RANGE}, ${RANGE}], ` +
    `under the standard normal density: mean ${signed(s.mean)}, sd ${signed(s.sd)}` +
    (s.beyond ? `; ${s.beyond} beyond ±${RANGE}, counted in the end bins` : "");
  return (
    `<span class="cal-hist"><svg class="cal-spark" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(label)}">` +
    `<title>${escapeHtml(label)}</title>${bars}` +
    `<line class="cal-axis" x1="0" y1="${base}" x2="${WIDTH}" y2="${base}"/>` +
    `<line class="cal-axis" x1="${WIDTH / 2}" y1="${base}" x2="${WIDTH / 2}" y2="${base - 3}"/>` +
    `<polyline class="cal-normal" points="${curve}"/></svg>` +
    `<span class="cal-moments">mean ${signed(s.mean)} · sd ${signed(s.sd)}${s.beyond ? ` · ${s.beyond} beyond ±${RANGE}` : ""}</span></span>`
  );
}
