import { describeValue, requireFinite, requireInteger, requireOptions } from "../base";

/**
 * A discrete DDPM noise schedule on steps $t = 1, \dots, T$. Every array has length T + 1 and is
 * indexed by the step itself; index 0 holds the noise-free values $\beta_0 = 0$, $\bar\alpha_0 = 1$.
 * Final: build with {@link ddpmSchedule} or {@link scheduleFromBetas}.
 */
export interface DdpmSchedule {
  /** T, number of noising steps */
  readonly steps: number;
  /** (T + 1) $\beta_t$, each in (0, 1); beta[0] = 0 */
  readonly beta: Float64Array;
  /** (T + 1) $\alpha_t = 1 - \beta_t$ */
  readonly alpha: Float64Array;
  /** (T + 1) $\bar\alpha_t = \prod_{s \le t}\alpha_s$; alphaBar[0] = 1 */
  readonly alphaBar: Float64Array;
  /** (T + 1) $1 - \bar\alpha_t$, to full relative precision (by `expm1`) */
  readonly oneMinusAlphaBar: Float64Array;
  /** (T + 1) $\tilde\beta_t = \beta_t(1 - \bar\alpha_{t-1})/(1 - \bar\alpha_t)$; betaTilde[0] = betaTilde[1] = 0 */
  readonly betaTilde: Float64Array;
}

/**
 * $\bar\alpha_t = \prod_{s=1}^t (1 - \beta_s)$ and $\tilde\beta_t = \tfrac{1 - \bar\alpha_{t-1}}{1 - \bar\alpha_t}\beta_t$
 * from a given sequence $\beta_1, \dots, \beta_T$ ($1 - \bar\alpha_t$ is accumulated as a sum of
 * logs with `expm1`, so it keeps full relative precision when $\beta$ is tiny).
 * @param betas (T) $\beta_1..\beta_T$, each in (0, 1)
 * @see Ho, Jain & Abbeel (2020), NeurIPS, eq. (4) and (7)
 */
export function scheduleFromBetas(betas: ArrayLike<number>): DdpmSchedule {
  const fn = "scheduleFromBetas";
  if (betas === null || typeof betas !== "object" || typeof betas.length !== "number") {
    throw new TypeError(`${fn}: betas must be an array of numbers, got ${describeValue(betas)}`);
  }
  const T = betas.length;
  if (T < 1) throw new RangeError(`${fn}: betas must be non-empty, got length 0`);
  const beta = new Float64Array(T + 1); // (T + 1)
  const alpha = new Float64Array(T + 1).fill(1); // (T + 1)
  const alphaBar = new Float64Array(T + 1); // (T + 1)
  const oneMinus = new Float64Array(T + 1); // (T + 1) 1 − ᾱ_t, accurate for small β
  const betaTilde = new Float64Array(T + 1); // (T + 1)
  alphaBar[0] = 1;
  let logAlphaBar = 0;
  for (let t = 1; t <= T; t++) {
    beta[t] = requireFinite(
      fn,
      `betas[${t - 1}]`,
      betas[t - 1],
      "in (0, 1)",
      (v) => v > 0 && v < 1,
    );
    alpha[t] = 1 - beta[t];
    logAlphaBar += Math.log1p(-beta[t]);
    alphaBar[t] = Math.exp(logAlphaBar);
    oneMinus[t] = -Math.expm1(logAlphaBar);
    betaTilde[t] = (beta[t] * oneMinus[t - 1]) / oneMinus[t];
  }
  return Object.freeze({ steps: T, beta, alpha, alphaBar, oneMinusAlphaBar: oneMinus, betaTilde });
}

/**
 * Linear schedule $\beta_t = \beta_1 + \tfrac{t - 1}{T - 1}(\beta_T - \beta_1)$, DDPM's default
 * $\beta_1 = 10^{-4}$, $\beta_T = 0.02$, $T = 1000$.
 * @param options steps T ≥ 1 (default 1000), betaStart (default 1e-4), betaEnd (default 0.02), in (0, 1)
 * @see Ho, Jain & Abbeel (2020), NeurIPS, §4 (experimental setup)
 */
export function ddpmSchedule(
  options: { steps?: number; betaStart?: number; betaEnd?: number } = {},
): DdpmSchedule {
  const fn = "ddpmSchedule";
  const { steps = 1000, betaStart = 1e-4, betaEnd = 0.02 } = requireOptions(fn, options);
  requireInteger(fn, "steps", steps, 1);
  requireFinite(fn, "betaStart", betaStart, "in (0, 1)", (v) => v > 0 && v < 1);
  requireFinite(fn, "betaEnd", betaEnd, "in (0, 1)", (v) => v > 0 && v < 1);
  const betas = Float64Array.from({ length: steps }, (_, i) =>
    steps === 1 ? betaStart : betaStart + (i / (steps - 1)) * (betaEnd - betaStart),
  );
  return scheduleFromBetas(betas);
}

/** Throws unless t is an integer step in [lo, T]; returns t. @internal */
export function checkStep(fn: string, schedule: DdpmSchedule, t: unknown, lo = 1): number {
  checkSchedule(fn, schedule);
  const what = `an integer step in [${lo}, ${schedule.steps}]`;
  return requireFinite(
    fn,
    "t",
    t,
    what,
    (v) => Number.isInteger(v) && v >= lo && v <= schedule.steps,
  );
}

/** Throws unless schedule looks like a DdpmSchedule. @internal */
export function checkSchedule(fn: string, schedule: DdpmSchedule): void {
  if (
    schedule === null ||
    typeof schedule !== "object" ||
    !Number.isInteger(schedule.steps) ||
    !(schedule.alphaBar instanceof Float64Array || ArrayBuffer.isView(schedule.alphaBar))
  ) {
    throw new TypeError(
      `${fn}: schedule must be a DdpmSchedule from ddpmSchedule, got ${describeValue(schedule)}`,
    );
  }
}
