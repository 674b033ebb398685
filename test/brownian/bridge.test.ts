import fc from "fast-check";
import { BrownianPath, coarsenPath, refinePath, sampleBrownianPath } from "../../src/brownian";
import { createRng } from "../../src/rng";
import { moments } from "../../src/stats";
import { sampleCov, scriptedRng, stepSlice, steps } from "./support";

const FC = { seed: 4321, numRuns: 60 }; // fast-check seed pinned; seeds 1..5 also pass (tried)
const SEED = 31337; // seeds 1, 2, 3, 42 and 7 also pass (tried)

const arbSmallPath = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    K: fc.integer({ min: 1, max: 5 }),
    n: fc.integer({ min: 1, max: 3 }),
    m: fc.integer({ min: 1, max: 2 }),
    backward: fc.boolean(),
    levyArea: fc.boolean(),
  })
  .map((r) => {
    const rng = createRng(r.seed);
    const times = [1];
    for (let i = 0; i < r.K; i++)
      times.push(times[i] + (r.backward ? -1 : 1) * (0.01 + rng.uniform()));
    return { rng, path: sampleBrownianPath(rng, times, r.n, r.m, { levyArea: r.levyArea }) };
  });

describe("refinePath (Lévy construction)", () => {
  it("leaves existing points untouched and only adds midpoints (property)", () => {
    fc.assert(
      fc.property(arbSmallPath, ({ rng, path }) => {
        const fine = refinePath(rng, path);
        const nm = path.paths * path.dim;
        const wc = path.values();
        const wf = fine.values();
        for (let k = 0; k <= path.steps; k++) {
          expect(fine.times[2 * k]).toBe(path.times[k]);
          for (let q = 0; q < nm; q++) {
            // W at old points is a sum of halves: equal up to rounding of O(1) numbers
            expect(Math.abs(wf[2 * k * nm + q] - wc[k * nm + q])).toBeLessThan(1e-12);
          }
        }
      }),
      FC,
    );
  });

  it("is undone by coarsenPath(·, 2), ΔZ included (property)", () => {
    fc.assert(
      fc.property(arbSmallPath, ({ rng, path }) => {
        const back = coarsenPath(refinePath(rng, path), 2);
        for (let i = 0; i < path.dW.length; i++) {
          expect(Math.abs(back.dW[i] - path.dW[i])).toBeLessThan(1e-12); // rounding only
          if (path.dZ && back.dZ) expect(Math.abs(back.dZ[i] - path.dZ[i])).toBeLessThan(1e-12);
        }
      }),
      FC,
    );
  });

  it("gives the refined increments exactly the law of Brownian motion on the fine grid (property)", () => {
    // Refinement is linear in u = (coarse ΔW, coarse ΔZ, the normals it draws), so the refined
    // increments are y = L u with Cov y = L Σ_u Lᵀ. L is probed column by column (u = e_p via a
    // scripted rng); Σ_u is the exact law of the coarse path (per step Var ΔW = |h|,
    // Var ΔZ = |h|³/3, Cov = h|h|/2) with identity for the normals. The refined law must be the
    // same block structure on the fine grid, zero across steps: variance equal to step length,
    // no defect at any level, on uneven grids in either direction.
    fc.assert(
      fc.property(
        fc.record({
          h: fc.array(fc.double({ min: 0.01, max: 1.5, noNaN: true }), {
            minLength: 1,
            maxLength: 4,
          }),
          backward: fc.boolean(),
          levyArea: fc.boolean(),
          times: fc.integer({ min: 1, max: 2 }),
        }),
        ({ h, backward, levyArea, times: levels }) => {
          const K = h.length;
          const t = [0.5];
          for (const step of h) t.push(t[t.length - 1] + (backward ? -step : step));
          const perStep = levyArea ? 2 : 1; // normals drawn per coarse step and coordinate
          const J = perStep * K * (2 ** levels - 1); // over all refinement levels
          const Kf = K * 2 ** levels;
          const P = (levyArea ? 2 : 1) * K + J; // length of u
          const cols: Float64Array[] = [];
          let fineTimes = new Float64Array(0);
          for (let p = 0; p < P; p++) {
            const u = new Float64Array(P);
            u[p] = 1;
            const rng = scriptedRng(u.subarray(P - J));
            let path = new BrownianPath(
              Float64Array.from(t),
              1,
              1,
              u.slice(0, K),
              levyArea ? u.slice(K, 2 * K) : null,
            );
            for (let l = 0; l < levels; l++) path = refinePath(rng, path);
            expect(rng.used()).toBe(J);
            cols.push(
              levyArea ? Float64Array.from([...path.dW, ...(path.dZ as Float64Array)]) : path.dW,
            );
            fineTimes = path.times;
          }
          // Σ_u: block-diagonal law of the inputs
          const lawOf = (tt: ArrayLike<number>, q: number): number[][] => {
            const n = q * (tt.length - 1);
            const S = Array.from({ length: n }, () => new Array<number>(n).fill(0));
            for (let k = 0; k < tt.length - 1; k++) {
              const hk = tt[k + 1] - tt[k];
              const a = Math.abs(hk);
              S[k][k] = a;
              if (q === 2) {
                const z = k + tt.length - 1;
                S[z][z] = a ** 3 / 3;
                S[k][z] = S[z][k] = (hk * a) / 2;
              }
            }
            return S;
          };
          const q = levyArea ? 2 : 1;
          const Su = lawOf(t, q);
          const Sf = lawOf(fineTimes, q);
          const rows = q * Kf;
          const sigma = (a: number, b: number): number =>
            a < q * K && b < q * K ? Su[a][b] : a === b ? 1 : 0;
          // (Σ_u Lᵀ)[a][j] = Σ_b Σ_u[a][b] L[j][b]
          const SLt = Array.from({ length: P }, (_, a) =>
            Array.from({ length: rows }, (_, j) => {
              let v = 0;
              for (let b = 0; b < P; b++) v += sigma(a, b) * cols[b][j];
              return v;
            }),
          );
          let worst = { i: -1, j: -1, got: 0, want: 0, err: 0 };
          for (let i = 0; i < rows; i++) {
            for (let j = 0; j < rows; j++) {
              let c = 0;
              for (let a = 0; a < P; a++) c += cols[a][i] * SLt[a][j];
              const err = Math.abs(c - Sf[i][j]) / Math.sqrt(Sf[i][i] * Sf[j][j]); // on the correlation scale
              if (err > worst.err) worst = { i, j, got: c, want: Sf[i][j], err };
            }
          }
          // exact identity; each entry is a sum of at most P² = 1024 products: rounding only (~1e-15)
          if (worst.err > 1e-12)
            throw new Error(`refined covariance off: ${JSON.stringify(worst)}, tolerance 1e-12`);
        },
      ),
      { seed: 2718, numRuns: 40 }, // fast-check seed pinned; seeds 1..5 also pass (tried)
    );
  });

  it.each([false, true])(
    "gives every refined increment variance equal to its step length (levyArea %s)",
    (levyArea) => {
      // uneven backward grid, refined twice: 4 coarse steps become 16 of four different lengths
      const n = 4000; // per step SE(var ratio) = sqrt(2/n) = 0.022; pooled over 16 steps 0.0056
      const rng = createRng(SEED);
      const coarse = sampleBrownianPath(rng, [2, 1.9, 1.2, 1.15, 0], n, 1, { levyArea });
      const fine = refinePath(rng, refinePath(rng, coarse));
      let pooled = 0;
      steps(fine).forEach((h, k) => {
        const ratio = moments(stepSlice(fine.dW, k, n)).variance / Math.abs(h);
        expect(Math.abs(ratio - 1)).toBeLessThan(0.11); // 5 SE per step
        pooled += ratio / fine.steps;
      });
      expect(Math.abs(pooled - 1)).toBeLessThan(0.028); // 5 SE pooled
    },
  );

  it("draws halves with the joint law of (ΔW, ΔZ) on each half, independent of each other", () => {
    const n = 20000; // SE(var ratio) = sqrt(2/n) = 0.010
    const rng = createRng(SEED);
    const fine = refinePath(rng, sampleBrownianPath(rng, [0, -0.8], n, 1, { levyArea: true }));
    const s = -0.4;
    const dZ = fine.dZ as Float64Array;
    const [w1, w2] = [stepSlice(fine.dW, 0, n), stepSlice(fine.dW, 1, n)];
    const [z1, z2] = [stepSlice(dZ, 0, n), stepSlice(dZ, 1, n)];
    for (const [w, z] of [
      [w1, z1],
      [w2, z2],
    ]) {
      // 5 SE, SE = sqrt(2/n) = 0.010
      expect(Math.abs(moments(w).variance / 0.4 - 1)).toBeLessThan(0.05);
      expect(Math.abs(moments(z).variance / (0.4 ** 3 / 3) - 1)).toBeLessThan(0.05);
      // Cov(ΔW, ΔZ) = s·|s|/2 = −0.08 (ΔZ carries the sign of s, ΔW does not)
      // SE ≈ sqrt((0.4·0.0213 + 0.0064)/n) = 0.00087; 5 SE
      expect(Math.abs(sampleCov(w, z) - (s * Math.abs(s)) / 2)).toBeLessThan(0.0044);
    }
    // independent halves: SE(cov) = sqrt(Var·Var/n): ΔW 0.4/141 = 0.0028, ΔZ 0.0213/141 = 0.00015
    expect(Math.abs(sampleCov(w1, w2))).toBeLessThan(0.014);
    expect(Math.abs(sampleCov(z1, z2))).toBeLessThan(0.00075);
    expect(Math.abs(sampleCov(w1, z2))).toBeLessThan(5 * Math.sqrt((0.4 * 0.0213) / n));
  });
});

describe("bridge bad input", () => {
  const p = new BrownianPath(new Float64Array([0, 1]), 1, 1, new Float64Array(1), null);
  it.each([
    [
      "rng",
      () => refinePath(null as never, p),
      TypeError,
      "refinePath: rng must be an Rng, got null",
    ],
    [
      "path",
      () => refinePath(createRng(0), 3 as never),
      TypeError,
      "refinePath: path must be a BrownianPath, got 3",
    ],
  ])("%s", (_name, call, type, message) => {
    expect(call).toThrow(type);
    expect(call).toThrow(message);
  });
});
