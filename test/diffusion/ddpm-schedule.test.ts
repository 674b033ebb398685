import { ddpmPosterior, ddpmSchedule, scheduleFromBetas } from "../../src/diffusion";

describe("ddpmSchedule and ddpmPosterior", () => {
  it("accumulates ᾱ_t = Π(1 − β_s) and β̃_t (known answer, T = 3)", () => {
    const s = scheduleFromBetas([0.1, 0.2, 0.3]);
    const ab = [1, 0.9, 0.72, 0.504];
    // products of three decimals: exact up to a few ulps
    ab.forEach((v, t) => expect(s.alphaBar[t]).toBeCloseTo(v, 14));
    ab.forEach((v, t) => expect(s.oneMinusAlphaBar[t]).toBeCloseTo(1 - v, 14));
    expect(s.betaTilde[1]).toBe(0);
    expect(s.betaTilde[3]).toBeCloseTo((0.3 * 0.28) / 0.496, 14);
  });
  it("is DDPM's linear schedule by default: β_1 = 1e-4, β_1000 = 0.02", () => {
    const s = ddpmSchedule();
    expect(s.steps).toBe(1000);
    expect(s.beta[1]).toBeCloseTo(1e-4, 16);
    expect(s.beta[1000]).toBeCloseTo(0.02, 16);
    // ᾱ_T = exp(Σ log(1 − β)) ≈ 4.0e-5 (Ho et al. 2020 report L_T ≈ 1e-5 bits/dim)
    expect(s.alphaBar[1000]).toBeGreaterThan(3e-5);
    expect(s.alphaBar[1000]).toBeLessThan(5e-5);
  });
  it("posterior q(x_{t−1}|x_t, x0) is Bayes' rule: q(x_t|x_{t−1}) q(x_{t−1}|x0) / q(x_t|x0) (log densities)", () => {
    const s = ddpmSchedule({ steps: 50, betaStart: 1e-3, betaEnd: 0.2 });
    const logN = (x: number, m: number, v: number) =>
      -0.5 * Math.log(2 * Math.PI * v) - (x - m) ** 2 / (2 * v);
    for (const t of [2, 10, 50]) {
      const q = ddpmPosterior(s, t);
      for (const [x0, xt, xp] of [
        [0.3, -1, 0.5],
        [2, 1.5, -0.7],
      ]) {
        const bayes =
          logN(xt, Math.sqrt(s.alpha[t]) * xp, s.beta[t]) +
          logN(xp, Math.sqrt(s.alphaBar[t - 1]) * x0, s.oneMinusAlphaBar[t - 1]) -
          logN(xt, Math.sqrt(s.alphaBar[t]) * x0, s.oneMinusAlphaBar[t]);
        const closed = logN(xp, q.x0Coef * x0 + q.xtCoef * xt, q.variance);
        expect(closed).toBeCloseTo(bayes, 10); // O(1) log densities, sums of a few terms
      }
    }
  });
  it("rejects bad input naming function, parameter and value", () => {
    const s = ddpmSchedule({ steps: 5 });
    const table: [() => unknown, ErrorConstructor, RegExp][] = [
      [() => scheduleFromBetas([]), RangeError, /scheduleFromBetas: betas must be non-empty/],
      [
        () => scheduleFromBetas([0.1, 1]),
        RangeError,
        /scheduleFromBetas: betas\[1\] must be in \(0, 1\), got 1/,
      ],
      [() => scheduleFromBetas(null as never), TypeError, /scheduleFromBetas: betas must be/],
      [
        () => ddpmSchedule({ steps: 0 }),
        RangeError,
        /ddpmSchedule: steps must be a positive integer, got 0/,
      ],
      [
        () => ddpmSchedule({ betaEnd: NaN }),
        RangeError,
        /ddpmSchedule: betaEnd must be in \(0, 1\), got NaN/,
      ],
      [
        () => ddpmPosterior(s, 0),
        RangeError,
        /ddpmPosterior: t must be an integer step in \[1, 5\], got 0/,
      ],
      [() => ddpmPosterior(s, 1.5), RangeError, /got 1.5/],
      [
        () => ddpmPosterior({} as never, 1),
        TypeError,
        /ddpmPosterior: schedule must be a DdpmSchedule/,
      ],
    ];
    for (const [f, type, msg] of table) {
      expect(f).toThrow(type);
      expect(f).toThrow(msg);
    }
  });
});
