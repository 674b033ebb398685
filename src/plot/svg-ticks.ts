/**
 * Tick positions and labels of the static SVG renderer: 1–2–5 steps on linear axes, decades (and
 * 1–2–5 within a decade when the range is short) on log axes, labels with the digits the step
 * needs and plotly's exponent formats. @internal
 */

/** The smallest of 1, 2, 5 × 10^k that is ≥ `rough` (> 0). */
export function niceStep(rough: number): number {
  const base = Math.pow(10, Math.floor(Math.log10(rough)));
  for (const m of [1, 2, 5, 10]) if (m * base >= rough * (1 - 1e-9)) return m * base;
  return 10 * base;
}

/** Multiples of a 1–2–5 step in [lo, hi] (lo < hi), about `target` of them. */
export function linearTicks(lo: number, hi: number, target: number): number[] {
  const step = niceStep((hi - lo) / Math.max(1, target));
  const first = Math.ceil(lo / step - 1e-9);
  const count = Math.floor(hi / step + 1e-9) - first + 1;
  // a span too small for its magnitude (1e6 to 1e6 + 1e-9) has no distinct multiples: no ticks
  if (!(count > 0 && count <= 1000)) return [];
  return Array.from({ length: count }, (_, k) => (first + k) * step + 0); // + 0: no -0
}

/**
 * Ticks of a log axis whose range is [lo, hi] in log10 units, as values: every d-th decade when
 * the range spans several; 1, 2, 5 × 10^k when it spans about one; linear ticks when less.
 */
export function logTicks(lo: number, hi: number, target: number): number[] {
  // values beyond double precision (10^±308) have no place on the axis
  return decadeTicks(lo, hi, target).filter((v) => v > 0 && Number.isFinite(v));
}

function decadeTicks(lo: number, hi: number, target: number): number[] {
  const span = hi - lo;
  if (span >= 2) {
    const d = Math.max(1, Math.ceil(span / Math.max(1, target)));
    const ticks: number[] = [];
    for (let k = Math.ceil(lo / d - 1e-9) * d; k <= hi + 1e-9; k += d) ticks.push(Math.pow(10, k));
    return ticks;
  }
  if (span >= 0.5) {
    const ticks: number[] = [];
    for (let k = Math.floor(lo); k <= Math.ceil(hi); k++) {
      for (const m of [1, 2, 5]) {
        const v = m * Math.pow(10, k);
        const l = Math.log10(v);
        if (l >= lo - 1e-9 && l <= hi + 1e-9) ticks.push(v);
      }
    }
    return ticks;
  }
  return linearTicks(Math.pow(10, lo), Math.pow(10, hi), Math.max(2, target / 2));
}

const superscripts: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/** An integer in superscript digits, e.g. −3 as "⁻³". */
function superscript(k: number): string {
  return String(k).replace(/[-0-9]/g, (c) => superscripts[c]);
}

/** v / 10^floor(log10 v): the leading digits of a positive value, in [1, 10). */
function mantissa(v: number): number {
  return v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
}

/** Decimals needed to write multiples of `step` exactly (at most 12). */
function decimalsOf(step: number): number {
  for (let d = 0; d <= 12; d++) {
    const scaled = step * Math.pow(10, d);
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d;
  }
  return 12;
}

/** A number with at most `d` decimals (trailing zeros dropped), minus as U+2212 (as plotly). */
function fixed(v: number, d: number): string {
  const s = v
    .toFixed(d)
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
  return /^-0$/.test(s) ? "0" : s.replace("-", "−");
}

const siPrefixes: Record<number, string> = {
  [-15]: "f",
  [-12]: "p",
  [-9]: "n",
  [-6]: "μ",
  [-3]: "m",
  3: "k",
  6: "M",
  9: "G",
  12: "T",
};

/**
 * Labels of ticks `values` spaced by about `step`. Values of magnitude below 10⁴ and above 10⁻⁴
 * are written plainly; others by the axis's `exponentformat` as plotly does: "B"/"SI" (the
 * default) with an SI prefix (k, M, G or B, μ, n…), "power" as m×10ⁿ, "e"/"E" as me+n, "none"
 * plainly. On a log axis (`log`) a power of ten in "power" format is just 10ⁿ.
 */
export function tickLabels(
  values: readonly number[],
  step: number,
  format = "B",
  log = false,
): string[] {
  const big = Math.max(...values.map(Math.abs));
  const exp = big > 0 ? Math.floor(Math.log10(big) + 1e-9) : 0;
  if (log) {
    // decades as 10ⁿ ("power") or plainly; 2 and 5 between decades as a bare digit (as plotly)
    const decades = values.some((v) => Math.abs(mantissa(v) - 1) < 1e-9);
    return values.map((v) => {
      const k = Math.floor(Math.log10(v) + 1e-9);
      const m = mantissa(v);
      if (Math.abs(m - 1) < 1e-9 && format === "power") {
        return k === 0 ? "1" : k === 1 ? "10" : `10${superscript(k)}`;
      }
      if (decades && (Math.abs(m - 2) < 1e-9 || Math.abs(m - 5) < 1e-9))
        return String(Math.round(m));
      return tickLabels([v], v, format)[0];
    });
  }
  if ((exp < 4 && exp > -4) || format === "none" || big === 0) {
    return values.map((v) => fixed(v, decimalsOf(step)));
  }
  // SI prefixes run from f (10⁻¹⁵) to T (10¹²); beyond them plotly writes e-notation
  const si = (format === "B" || format === "SI") && exp >= -15 && exp < 15;
  const e = si ? Math.max(-15, Math.min(12, 3 * Math.floor(exp / 3))) : exp;
  const scale = Math.pow(10, e);
  if (!(scale > 0 && Number.isFinite(scale))) {
    return values.map((v) => v.toExponential(2).replace(/-/g, "−")); // near the ends of double range
  }
  const d = decimalsOf(step / scale);
  return values.map((v) => {
    const m = fixed(v / scale, d);
    if (v === 0) return "0";
    if (si) return `${m}${e === 9 && format === "B" ? "B" : (siPrefixes[e] ?? "")}`;
    if (format === "power") return `${m}×10${superscript(e)}`;
    return `${m}${format === "E" ? "E" : "e"}${e < 0 ? "−" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  });
}
