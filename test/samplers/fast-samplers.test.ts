/**
 * The few-step samplers of lecture 11 (DDIM, DPM-Solver-2, EDM's Heun and stochastic samplers)
 * and EDM's variables, against closed forms. The data law is Gaussian, N(m0, s0²) in 1-D under
 * the VP SDE, so p_t = N(α_t m0, V_t) with V_t = α_t² s0² + σ_t², the score is affine and the
 * probability-flow ODE has the exact solution x_t = α_t m0 + √(V_t/V_T) (x_T − α_T m0).
 */
import { gridFromTimes, normalStream, type NormalStream } from "../../src/brownian";
import { ddpmSchedule, type EpsPredictor } from "../../src/diffusion";
import { vpSde } from "../../src/processes";
import { probabilityFlow, zeroNoise } from "../../src/reverse";
import { createRng, fillNormal, spawn } from "../../src/rng";
import {
  ddimSample,
  ddpmAncestral,
  ddpmSample,
  denoiserFromScore,
  dpmSolver2Sample,
  edmHeunSample,
  edmPreconditioning,
  edmStochasticSample,
  karrasSigmas,
  noiseLevel,
  timeAtNoiseLevel,
} from "../../src/samplers";
import type { ScoreFunction } from "../../src/score";
import { eulerMaruyama, integrate } from "../../src/sde";
import { moments } from "../../src/stats";

const vp = vpSde({ dim: 1 });
const m0 = 1;
const s0Squared = 0.1;
const tMin = 1e-3;
const V = (t: number): number => vp.scale(t) ** 2 * s0Squared + vp.std(t) ** 2;
const score: ScoreFunction = {
  dim: 1,
  score(t, x, out, n) {
    const [a, v] = [vp.scale(t), V(t)];
    for (let i = 0; i < n; i++) out[i] = -(x[i] - a * m0) / v;
  },
};
/** The exact probability-flow ODE solution from T = 1 to t. */
const flow = (xT: Float64Array, t: number): Float64Array =>
  xT.map((x) => vp.scale(t) * m0 + Math.sqrt(V(t) / V(1)) * (x - vp.scale(1) * m0));
const starts = Float64Array.from([-2.5, -1, 0, 0.7, 2.1]);
const exact = flow(starts, tMin);
const maxError = (x: Float64Array): number => Math.max(...x.map((v, i) => Math.abs(v - exact[i])));
/** A noise stream that must not be read. */
const noNoise: NormalStream = {
  normals() {
    throw new Error("read a noise stream that a deterministic sampler must not read");
  },
};
const uniformTimes = (K: number): Float64Array =>
  Float64Array.from({ length: K + 1 }, (_, k) => (k === K ? tMin : 1 - (k * (1 - tMin)) / K));
/** The least-squares slope of log y against log x. */
function logSlope(x: number[], y: number[]): number {
  const u = x.map(Math.log);
  const w = y.map(Math.log);
  const [mu, mw] = [u.reduce((a, b) => a + b) / u.length, w.reduce((a, b) => a + b) / w.length];
  const sxy = u.reduce((acc, ui, i) => acc + (ui - mu) * (w[i] - mw), 0);
  const sxx = u.reduce((acc, ui) => acc + (ui - mu) ** 2, 0);
  return sxy / sxx;
}

describe("orders on a Gaussian, where the probability-flow ODE is solved exactly", () => {
  const Ks = [64, 128, 256, 512, 1024];
  const sigmaMin = noiseLevel(vp, tMin);
  const sigmaMax = noiseLevel(vp, 1);
  const heun = (K: number): Float64Array => {
    const levels = karrasSigmas(K + 1, sigmaMin, sigmaMax, 7);
    const tilde = starts.map((v) => v / vp.scale(1)); // x̃ = x/α_T
    const out = edmHeunSample(denoiserFromScore(vp, score), levels, tilde, starts.length);
    return out.map((v) => v * vp.scale(tMin));
  };
  const samplers: [string, number, (K: number) => Float64Array][] = [
    [
      "Euler (probabilityFlow + eulerMaruyama)",
      1,
      (K) => {
        const grid = zeroNoise(gridFromTimes(uniformTimes(K)), starts.length, 1);
        return integrate(probabilityFlow(vp.sde, score), eulerMaruyama, starts, grid).x;
      },
    ],
    [
      "ddimSample, η = 0",
      1,
      (K) => ddimSample(noNoise, vp, score, starts, starts.length, { times: uniformTimes(K) }),
    ],
    ["edmHeunSample (Algorithm 1)", 2, heun],
    [
      "dpmSolver2Sample (Algorithm 1 of Lu et al.)",
      2,
      (K) => dpmSolver2Sample(vp, score, starts, starts.length, { times: uniformTimes(K) }),
    ],
  ];
  // measured local slopes from K = 64: Euler 0.97 → 1.00, DDIM 0.98 → 1.00, Heun 2.03 → 2.00,
  // DPM-Solver-2 1.91 → 1.98 (it reaches 2.00 at K = 4096: the first uniform-t steps are long in
  // λ); a band of 0.1 holds them all and rejects a method of the other order
  it.each(samplers)("%s has order %d", (_name, order, run) => {
    const errors = Ks.map((K) => maxError(run(K)));
    const slope = logSlope(Ks, errors);
    if (!(Math.abs(slope + order) < 0.1)) {
      throw new Error(`slope ${slope} of errors ${errors.join(", ")}, expected −${order} ± 0.1`);
    }
  });

  it("one DDIM step is exact for data at a point (straight ODE solutions in x/α_t, σ)", () => {
    // s0 = 0: p_t = N(α_t m0, σ_t²), x_t = α_t m0 + (σ_t/σ_T)(x_T − α_T m0)
    const pointScore: ScoreFunction = {
      dim: 1,
      score(t, x, out, n) {
        for (let i = 0; i < n; i++) out[i] = -(x[i] - vp.scale(t) * m0) / vp.std(t) ** 2;
      },
    };
    const times = Float64Array.from([1, tMin]);
    const out = ddimSample(noNoise, vp, pointScore, starts, starts.length, { times });
    const want = starts.map(
      (x) => vp.scale(tMin) * m0 + (vp.std(tMin) / vp.std(1)) * (x - vp.scale(1) * m0),
    );
    out.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-12)); // rounding
  });
});

describe("DDIM with η = 1 is DDPM's ancestral sampler", () => {
  // a DDPM chain read at integer times: α_t = √ᾱ_t, σ_t = √(1 − ᾱ_t)
  const schedule = ddpmSchedule({ steps: 60, betaStart: 1e-3, betaEnd: 0.25 });
  const chain = {
    T: schedule.steps,
    scale: (t: number) => Math.sqrt(schedule.alphaBar[t]),
    std: (t: number) => Math.sqrt(schedule.oneMinusAlphaBar[t]),
  };
  const chainV = (t: number) => chain.scale(t) ** 2 * s0Squared + chain.std(t) ** 2;
  // the exact ε̂ of the Gaussian: E[ε | x_t] = σ_t (x_t − α_t m0)/V_t
  const epsHat: EpsPredictor = (t, x, out, n) => {
    for (let i = 0; i < n; i++) out[i] = (chain.std(t) * (x[i] - chain.scale(t) * m0)) / chainV(t);
  };
  const chainScore: ScoreFunction = {
    dim: 1,
    score(t, x, out, n) {
      for (let i = 0; i < n; i++) out[i] = -(x[i] - chain.scale(t) * m0) / chainV(t);
    },
  };

  it("returns Algorithm 2's samples with v_t = β̃_t on the same noise (to rounding)", () => {
    // the same posterior step written two ways: rounding of O(1) values, ≤ 1e-16 per operation,
    // amplified by ∏(1 − β_t)^{-1/2} = ᾱ_60^{-1/2} < 1e3 over the chain: 1e-11 allows it
    const n = 200;
    const rng = createRng(11);
    const ddpm = ddpmSample(normalStream(rng.clone()), schedule, epsHat, n, 1, {
      reverseVariance: "betaTilde",
    });
    const noise = normalStream(rng.clone());
    const xT = noise.normals(new Float64Array(n));
    const times = Float64Array.from({ length: 61 }, (_, k) => 60 - k);
    const ddim = ddimSample(noise, chain, chainScore, xT, n, { eta: 1, times });
    expect(Math.max(...ddim.map((v, i) => Math.abs(v - ddpm[i])))).toBeLessThan(1e-11);
  });

  it("matches ddpmAncestral's distribution on the VP SDE (the exact laws of both, and samples)", () => {
    // each step of either sampler is affine in x with Gaussian noise: the output law is
    // N(mean, variance) by recursion. DDIM(η = 1): x_s = g x_t − c κ α_t m0 + √v z; DDPM:
    // x_{i−1} = ((1 − β/V) x + β α m0/V)/√a + √β z (z = 0 on the last step).
    const K = 200;
    const times = uniformTimes(K);
    const ddimLaw = (K: number) => {
      const times = uniformTimes(K);
      let [mean, variance] = [vp.scale(1) * m0, V(1)];
      for (let k = 0; k < K; k++) {
        const [t, s] = [times[k], times[k + 1]];
        const [aT, sT, aS, sS] = [vp.scale(t), vp.std(t), vp.scale(s), vp.std(s)];
        const v = sS ** 2 * (1 - ((sS * aT) / (aS * sT)) ** 2);
        const c = Math.sqrt(sS ** 2 - v) - (aS * sT) / aT;
        const kappa = sT / V(t);
        const g = aS / aT + c * kappa;
        [mean, variance] = [g * mean - c * kappa * aT * m0, g * g * variance + v];
      }
      return { mean, variance };
    };
    const ddpmLaw = (K: number) => {
      let [mean, variance] = [vp.scale(1) * m0, V(1)];
      const time = (i: number) => Math.min(1, tMin + ((1 - tMin) * i) / K);
      for (let i = K; i >= 1; i--) {
        const a = vp.alphaBar(time(i)) / vp.alphaBar(time(i - 1));
        const beta = 1 - a;
        const [alpha, v] = [vp.scale(time(i)), V(time(i))];
        const g = (1 - beta / v) / Math.sqrt(a);
        const shift = (beta * alpha * m0) / v / Math.sqrt(a);
        [mean, variance] = [g * mean + shift, g * g * variance + (i > 1 ? beta : 0)];
      }
      return { mean, variance };
    };
    const [lawDdim, lawDdpm] = [ddimLaw(K), ddpmLaw(K)];
    // not the same law at finite K (η = 1 leaves out Var(x0 | x_t), DDPM uses β for β̃), but the
    // same limit at first order: the gap between the two variances halves when K doubles
    const gap = (k: number) => Math.abs(ddimLaw(k).variance - ddpmLaw(k).variance);
    // (the ratios from K = 200, 1.85, 1.91, 1.95, …, approach 2 monotonically: first order)
    const distances = [K, 2 * K, 4 * K, 8 * K].map((k) => Math.abs(gap(k) / gap(2 * k) - 2));
    distances.slice(1).forEach((e, j) => expect(e).toBeLessThan(distances[j]));
    expect(distances[3]).toBeLessThan(0.05);
    expect(Math.abs(lawDdim.mean - lawDdpm.mean)).toBeLessThan(1e-3); // both exact as K → ∞
    // samples of each against its own exact law, 4.5 SE (pinned seed: no false fail possible)
    const N = 20000;
    const [r0, r1, r2] = spawn(createRng(12), 3);
    const xT = fillNormal(r0, new Float64Array(N), vp.scale(1) * m0, Math.sqrt(V(1)));
    const runs = [
      [ddimSample(normalStream(r1), vp, score, xT, N, { eta: 1, times }), lawDdim],
      [ddpmAncestral(normalStream(r2), vp, score, xT, N, { steps: K, tMin }), lawDdpm],
    ] as const;
    for (const [x, law] of runs) {
      const m = moments(x);
      expect(Math.abs(m.mean - law.mean)).toBeLessThan(4.5 * Math.sqrt(law.variance / N));
      expect(Math.abs(m.variance - law.variance)).toBeLessThan(
        4.5 * law.variance * Math.sqrt(2 / N),
      );
    }
  });

  it("reads no noise at η = 0 and n·d normals per step otherwise", () => {
    let read = 0;
    const counting: NormalStream = {
      normals(out) {
        read += out.length;
        return out.fill(0);
      },
    };
    const times = uniformTimes(7);
    ddimSample(counting, vp, score, starts, starts.length, { eta: 0.5, times });
    expect(read).toBe(7 * starts.length);
    expect(() => ddimSample(noNoise, vp, score, starts, starts.length, { times })).not.toThrow();
  });
});

describe("EDM's variables", () => {
  it("karrasSigmas: exact endpoints, eq. (5), decreasing, uniform at ρ = 1", () => {
    const [lo, hi] = [0.002, 80];
    for (const rho of [1, 3, 7]) {
      const s = karrasSigmas(12, lo, hi, rho);
      expect(s.length).toBe(12);
      expect(s[0]).toBe(hi);
      expect(s[11]).toBe(lo);
      for (let i = 0; i < 12; i++) {
        const want = (hi ** (1 / rho) + (i / 11) * (lo ** (1 / rho) - hi ** (1 / rho))) ** rho;
        // rounding: the cancellation σ_max^{1/ρ} − σ_max^{1/ρ} at i = 11 costs ε σ_max absolute
        expect(Math.abs(s[i] - want)).toBeLessThan(1e-14 * hi);
        if (i > 0) expect(s[i]).toBeLessThan(s[i - 1]);
      }
    }
    const uniform = karrasSigmas(5, 1, 9, 1);
    expect(Array.from(uniform)).toEqual([9, 7, 5, 3, 1]);
    expect(karrasSigmas(6, lo, hi)).toEqual(karrasSigmas(6, lo, hi, 7)); // ρ = 7 by default
  });

  it("edmPreconditioning: Table 1 and the unit-variance identities of Appendix B.6", () => {
    for (const [sigma, sd] of [
      [0.3, 0.5],
      [0.002, 0.5],
      [80, 1.2],
    ]) {
      const p = edmPreconditioning(sigma, sd);
      const total = sigma ** 2 + sd ** 2;
      expect(p.cSkip).toBeCloseTo(sd ** 2 / total, 14);
      expect(p.cOut).toBeCloseTo((sigma * sd) / Math.sqrt(total), 14);
      expect(p.cIn).toBeCloseTo(1 / Math.sqrt(total), 14);
      expect(p.cNoise).toBeCloseTo(Math.log(sigma) / 4, 14);
      // input c_in (y + n) and target (y − c_skip (y + n))/c_out of unit variance
      expect(p.cIn ** 2 * total).toBeCloseTo(1, 14);
      const target = ((1 - p.cSkip) ** 2 * sd ** 2 + p.cSkip ** 2 * sigma ** 2) / p.cOut ** 2;
      expect(target).toBeCloseTo(1, 12);
      expect(p.weight * p.cOut ** 2).toBeCloseTo(1, 12);
    }
    expect(edmPreconditioning(1).cSkip).toBeCloseTo(0.25 / 1.25, 15); // σ_data = 0.5 by default
  });

  it("noiseLevel is σ_t/α_t and timeAtNoiseLevel inverts it", () => {
    for (const t of [0, 1e-3, 0.1, 0.5, 1]) {
      const sigma = noiseLevel(vp, t);
      expect(sigma).toBeCloseTo(Math.sqrt(1 / vp.alphaBar(t) - 1), 12);
      expect(timeAtNoiseLevel(vp, sigma)).toBeCloseTo(t, 12);
    }
    expect(() => timeAtNoiseLevel(vp, noiseLevel(vp, 1) * 1.01)).toThrow(
      /timeAtNoiseLevel: sigma must be a noise level in/,
    );
  });

  it("denoiserFromScore is the posterior mean E[x0 | x0 + σ n = x]", () => {
    // Gaussian data: E[x0 | x] = m0 + s0²/(s0² + σ²) (x − m0)
    const D = denoiserFromScore(vp, score);
    const out = new Float64Array(starts.length);
    for (const sigma of [0.02, 0.5, 3, 100]) {
      D.denoise(sigma, starts, out, starts.length);
      starts.forEach((x, i) => {
        expect(out[i]).toBeCloseTo(m0 + (s0Squared / (s0Squared + sigma ** 2)) * (x - m0), 9);
      });
    }
  });
});

describe("edmStochasticSample (Algorithm 2)", () => {
  const sigmaMin = noiseLevel(vp, tMin);
  const sigmaMax = noiseLevel(vp, 1);
  const levels = karrasSigmas(257, sigmaMin, sigmaMax, 7);
  const D = denoiserFromScore(vp, score);

  it("without churn is Algorithm 1, bit for bit, and reads no noise", () => {
    const tilde = starts.map((v) => v / vp.scale(1));
    const heun = edmHeunSample(D, levels, tilde, starts.length);
    expect(edmStochasticSample(noNoise, D, levels, tilde, starts.length)).toEqual(heun);
  });

  it("with churn keeps the marginal: samples of p(·; σ_min) within 4.5 SE + Heun's bias", () => {
    // p(x̃; σ) = N(m0, s0² + σ²); Heun's deterministic error at 256 steps, measured below against
    // the exact flow, is < 3e-4 on starts of O(1): allowance 0.002 on the mean and the variance
    const N = 20000;
    const [r0, r1] = spawn(createRng(13), 2);
    const x = fillNormal(r0, new Float64Array(N), m0, Math.sqrt(s0Squared + sigmaMax ** 2));
    const churned = edmStochasticSample(normalStream(r1), D, levels, x, N, {
      sChurn: 30,
      sTmin: 0.05,
      sTmax: 50,
    });
    const m = moments(churned);
    const variance = s0Squared + sigmaMin ** 2;
    expect(Math.abs(m.mean - m0)).toBeLessThan(4.5 * Math.sqrt(variance / N) + 0.002);
    expect(Math.abs(m.variance - variance)).toBeLessThan(4.5 * variance * Math.sqrt(2 / N) + 0.002);
    const heun = edmHeunSample(
      D,
      levels,
      starts.map((v) => v / vp.scale(1)),
      starts.length,
    );
    const heunError = Math.max(...heun.map((v, i) => Math.abs(v * vp.scale(tMin) - exact[i])));
    expect(heunError).toBeLessThan(3e-4);
  });

  it("reads n·d normals per churned step only", () => {
    let read = 0;
    const counting: NormalStream = {
      normals(out) {
        read += out.length;
        return out.fill(0);
      },
    };
    // churn on σ ∈ [1, 10] only
    edmStochasticSample(counting, D, levels, starts, starts.length, {
      sChurn: 5,
      sTmin: 1,
      sTmax: 10,
    });
    const churned = Array.from(levels.slice(0, -1)).filter((s) => s >= 1 && s <= 10).length;
    expect(churned).toBeGreaterThan(0);
    expect(read).toBe(churned * starts.length);
  });
});
