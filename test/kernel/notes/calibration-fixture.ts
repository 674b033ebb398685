/**
 * A calibration report (the format of figures/calibration.json) with every case the page shows:
 * a calibrated withinSE check with its statistics, a pValue check without, a check in a hidden
 * cell (no anchor to link), a check failing far more often than it declares (statistics beyond
 * ±4), undeclared randomness, a check not reached under every seed with a rule that changes and a
 * label holding `/`, a crashed run, and a notebook missing from the report's list. Not a test file.
 */
import type { CalibrationReport } from "../../../kernel/notes/calibration-report";
import { HOSTILE } from "./fixture";

/** `n` draws of N(0, 1) by Box–Muller from a fixed linear congruential stream (deterministic). */
export function normalDraws(n: number, seed = 1): number[] {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  return Array.from({ length: n }, () => {
    const u = uniform();
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  });
}

const entry = (
  id: string,
  fields: Partial<CalibrationReport["checks"][number]>,
): CalibrationReport["checks"][number] => ({
  id,
  kind: "withinSE",
  spec: "z = 4",
  declared: 6.3e-5,
  failures: 0,
  seeds: 100,
  statistic: [],
  tail: 1,
  verdict: "ok",
  ...fields,
});

/** Verdicts of the failing entries, as aggregate.ts writes them. */
export const OVERCLAIMS = "fails 9 of 100 times: P(Bin(100, 6.3e-5) ≥ 9) = 1.00e-30 < 0.001";
export const UNDECLARED = "undeclared randomness: declares 0 but its value changes with the seed";
export const UNREACHED = "reached under 99 of 100 seeds";

/**
 * The report for lectures `00-first` (cells c-1 hidden, c-2 shown) and `01-second` (cell c-1).
 * 7 checks, 4 stochastic; 10 failures observed; expected Σ declared·N = 2·0.0063 + 0.1 + 0.99 =
 * 1.1026; 3 fail calibration; 1 crashed run.
 * @param first the first lecture's stem, its shown and its hidden cell (default 00-first, c-2, c-1)
 */
export function fixtureReport(
  first = { stem: "00-first", shown: "c-2", hidden: "c-1" },
): CalibrationReport {
  const report: CalibrationReport = {
    seeds: 100,
    level: 1e-3,
    notebooks: [
      { stem: "00-first", seed: 1, seeds: 100, seconds: 12.5, crashes: [] },
      {
        stem: "01-second",
        seed: 2,
        seeds: 100,
        seconds: 3,
        crashes: [{ seed: 7921, cell: "c-1", message: `RangeError: boom ${HOSTILE}` }],
      },
    ],
    checks: [
      entry("00-first/c-2/Var(W_1)", { statistic: normalDraws(100) }),
      entry("00-first/c-2/W_1 ~ N(0, 1) (KS)", {
        kind: "pValue",
        spec: "α = 0.001",
        declared: 1e-3,
      }),
      entry("00-first/c-1/hidden check", { kind: "true", spec: "true", declared: 0 }),
      entry("00-first/c-2/overclaims", {
        failures: 9,
        statistic: [...normalDraws(91, 2), 4.5, -5, 6, 4.2, -4.1, 7, 5.5, -6.5, 4.8],
        tail: 1e-30,
        verdict: OVERCLAIMS,
      }),
      entry(`00-first/c-2/1 + 1 = 2 ${HOSTILE}`, {
        kind: "close",
        spec: "abs = 0, rel = 0",
        declared: 0,
        verdict: UNDECLARED,
      }),
      entry("01-second/c-1/slope of E|X_h − X|/h", {
        kind: "slope",
        spec: null,
        declared: 0.01,
        failures: 1,
        seeds: 99,
        tail: 0.63,
        verdict: UNREACHED,
      }),
      entry("07-gone/c-9/x", { kind: "true", spec: "true", declared: 0 }),
    ],
  };
  const rename = (id: string) =>
    id
      .replace(/^00-first\/c-2\//, `${first.stem}/${first.shown}/`)
      .replace(/^00-first\/c-1\//, `${first.stem}/${first.hidden}/`);
  report.notebooks[0].stem = first.stem;
  report.checks.forEach((c) => (c.id = rename(c.id)));
  return report;
}

/** A notation table in the form of notebooks/NOTATION.md: headings, tables with math. */
export const NOTATION = `# Notation

One table for the notebooks, the library and the notes ($\\alpha_t$ is the marginal scale).

## Processes

| idea | maths | code |
| --- | --- | --- |
| forward SDE | $dX_t = f(t, X_t)\\,dt + g(t, X_t)\\,dW_t$ | \`sde.drift\` |
| marginal | $X_t = \\alpha_t X_0 + \\sigma_t\\,\\varepsilon$ | \`scale(t)\`, \`std(t)\` |

## DDPM (steps $t = 1, \\dots, N$)

| idea | maths | code |
| --- | --- | --- |
| posterior | $q(x_{t-1} \\mid x_t, x_0)$, $\\tilde\\beta_t = \\frac{1 - \\bar\\alpha_{t-1}}{1 - \\bar\\alpha_t}\\beta_t$ | \`ddpmPosterior\` |
`;
