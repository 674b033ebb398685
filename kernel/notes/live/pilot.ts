/**
 * `node kernel/bin/live-pilot.js <figure id> [runs] [--set name=value …]`: a live figure's checks
 * under `runs` seeds (its default seed + 0 … runs − 1) at its default settings (or those set),
 * in Node: per check, how often it failed and the one-sided 95% Clopper–Pearson upper bound on
 * its failure rate, the rate a figure may declare from such a pilot (0 failures in n runs:
 * 1 − 0.05^{1/n}). The figure's computation is the page's, with the checks in "record" mode.
 * @see Clopper & Pearson (1934), Biometrika 26(4)
 */
import { CheckRecord, setCheckMode, setCheckRecorder } from "../../../src/check";
import { liveFigures } from "./figures";

/** One-sided 95% upper bound on p from k failures in n runs (bisection on the binomial tail). */
export function clopperPearsonUpper(k: number, n: number, level = 0.95): number {
  if (k >= n) return 1;
  // P(X ≤ k | p) = 1 − level at the bound; the tail decreases in p
  const tail = (p: number) => {
    let term = (1 - p) ** n; // P(X = 0)
    let sum = term;
    for (let j = 1; j <= k; j++) {
      term *= ((n - j + 1) / j) * (p / (1 - p));
      sum += term;
    }
    return sum;
  };
  let [lo, hi] = [0, 1];
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (tail(mid) > 1 - level) lo = mid;
    else hi = mid;
  }
  return hi;
}

export async function main(argv: string[]): Promise<number> {
  const [id, runsText] = argv.filter((a, i) => !a.startsWith("--") && argv[i - 1] !== "--set");
  const spec = liveFigures.find((s) => s.id === id);
  if (!spec) {
    process.stderr.write(
      `live-pilot: no live figure ${id}; known: ${liveFigures.map((s) => s.id).join(", ")}\n`,
    );
    return 2;
  }
  const runs = runsText === undefined ? 100 : Number(runsText);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`live-pilot: runs must be a positive integer, got ${runsText}\n`);
    return 2;
  }
  const params: Record<string, string> = Object.fromEntries(
    spec.controls.map((c) => [c.name, c.value]),
  );
  argv.forEach((a, i) => {
    if (a === "--set") {
      const [name, value] = (argv[i + 1] ?? "").split("=");
      params[name] = value;
    }
  });
  const seed0 = Number(params.seed);
  const log = console.log;
  console.log = () => undefined; // the checks' own lines
  setCheckMode("record");
  const failures = new Map<string, { failed: number; seen: number }>();
  for (let i = 0; i < runs; i++) {
    const records: CheckRecord[] = [];
    setCheckRecorder((r) => records.push(r));
    spec.compute({ ...params, seed: String(seed0 + i) }, () => undefined);
    setCheckRecorder(null);
    for (const r of records) {
      const claim = r.message.slice(2).split(": ")[0];
      const f = failures.get(claim) ?? { failed: 0, seen: 0 };
      f.seen += 1;
      if (!r.passed) f.failed += 1;
      failures.set(claim, f);
    }
  }
  console.log = log;
  log(`${spec.id}: ${runs} runs, seeds ${seed0} + 0…${runs - 1}, ${JSON.stringify(params)}`);
  for (const [claim, f] of failures) {
    log(
      `  ${f.failed}/${f.seen} failed, 95% Clopper–Pearson upper bound ${clopperPearsonUpper(f.failed, f.seen).toFixed(4)}: ${claim}`,
    );
  }
  return 0;
}
