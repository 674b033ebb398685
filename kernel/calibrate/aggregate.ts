/**
 * From the runs of a notebook under N seeds to its calibration entries: per check (id
 * `notebook/cell/label`), the declared false-fail rate, the failures out of N, the normalised
 * statistics, and a verdict. A check fails calibration when
 * - it fails more often than its declared rate allows: P(Bin(N, declared) ≥ failures) < 1e-3;
 * - it declares 0 (deterministic) but its value changes with the seed (undeclared randomness);
 * - its declared rate or its rule changes with the seed, or it is not reached under every seed.
 */
import type { SeedRun } from "./worker";

/** One check of the report (`build/calibration/report.json`, `figures/calibration.json`). */
export interface CalibrationEntry {
  id: string;
  kind: string;
  /** the check's rule ("z = 4", "α = 0.01", "≤ 0.05"); null when it changes with the seed */
  spec: string | null;
  declared: number;
  failures: number;
  /** seeds under which the check ran */
  seeds: number;
  /** (estimate − expected)/SE per seed, for checks that claim a CLT; else empty */
  statistic: number[];
  /** P(Bin(seeds, declared) ≥ failures) */
  tail: number;
  /** "ok", or why the check fails calibration */
  verdict: string;
}

/** The level at which a check fails more often than it declares. */
export const LEVEL = 1e-3;

/**
 * $P(X \ge k)$ for $X \sim \mathrm{Bin}(n, p)$, summed from the pmf by the recursion
 * $f(j + 1) = f(j)\,\frac{(n - j)p}{(j + 1)(1 - p)}$ in logs (exact to rounding for n ≤ 10⁴).
 * @param k failures observed, integer in [0, n]
 * @param n trials
 * @param p probability of a failure per trial, in [0, 1)
 */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (p === 0) return 0;
  let logF = n * Math.log1p(-p); // log f(0)
  const logRatio = Math.log(p) - Math.log1p(-p);
  let below = 0; // P(X < k)
  for (let j = 0; j < k; j++) {
    below += Math.exp(logF);
    logF += Math.log(n - j) - Math.log(j + 1) + logRatio;
  }
  if (below < 0.5) return 1 - below;
  let tail = 0; // sum from k for accuracy when the tail is small
  for (let j = k; j <= n; j++) {
    tail += Math.exp(logF);
    logF += Math.log(n - j) - Math.log(j + 1) + logRatio;
  }
  return tail;
}

/**
 * The ids `notebook/cell/label` of one run's checks, in order; a label repeated in one cell (a
 * loop with a fixed label) is told apart by its rank: `label #2`, `label #3`, …
 * @param stem the notebook's file name without .ipynb
 * @param checks the run's checks in the order they ran
 */
export function checkIds(stem: string, checks: { cell: string; label: string }[]): string[] {
  const seen = new Set<string>();
  return checks.map((c) => {
    let id = `${stem}/${c.cell}/${c.label}`;
    for (let k = 2; seen.has(id); k++) id = `${stem}/${c.cell}/${c.label} #${k}`;
    seen.add(id);
    return id;
  });
}

/**
 * Aggregates a notebook's runs.
 * @param stem the notebook's file name without .ipynb
 * @param runs one per seed
 */
export function aggregate(stem: string, runs: SeedRun[]): CalibrationEntry[] {
  const byId = new Map<string, SeedRun["checks"]>();
  for (const run of runs) {
    checkIds(stem, run.checks).forEach((id, i) => {
      if (!byId.has(id)) byId.set(id, []);
      byId.get(id)!.push(run.checks[i]);
    });
  }
  const n = runs.length;
  const entries: CalibrationEntry[] = [];
  for (const [id, checks] of byId) {
    const declared = checks[0].falseFail;
    const specs = new Set(checks.map((c) => c.spec));
    const failures = checks.filter((c) => !c.passed).length;
    const statistic = checks
      .map((c) => c.statistic)
      .filter((s): s is number => typeof s === "number" && Number.isFinite(s));
    const tail = binomialTail(failures, checks.length, declared);
    const values = new Set(checks.map((c) => JSON.stringify(c.actual)));
    let verdict = "ok";
    if (checks.length < n) verdict = `reached under ${checks.length} of ${n} seeds`;
    else if (checks.some((c) => c.falseFail !== declared))
      verdict = "declared rate changes with the seed";
    else if (declared === 0 && values.size > 1) {
      verdict = "undeclared randomness: declares 0 but its value changes with the seed";
    } else if (tail < LEVEL) {
      verdict = `fails ${failures} of ${checks.length} times: P(Bin(${checks.length}, ${declared}) ≥ ${failures}) = ${tail.toExponential(2)} < ${LEVEL}`;
    }
    entries.push({
      id,
      kind: checks[0].kind,
      spec: specs.size === 1 ? checks[0].spec : null,
      declared,
      failures,
      seeds: checks.length,
      statistic,
      tail,
      verdict,
    });
  }
  return entries;
}
