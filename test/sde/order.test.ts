/**
 * Convergence orders on nested grids sharing one Brownian path per problem (coarsenPath of one
 * fine path). The expected slope is read from each solver's declared order for the problem's
 * noise class. Adding a solver = one row in `strongRows` and `weakRows`.
 * ORDER_SEED=<n> reruns the sampled tests with another seed; ORDER_PRINT=1 prints the slopes.
 */
import {
  coarsenPath,
  sampleBrownianPath,
  uniformGrid,
  gridTimes,
  type BrownianPath,
} from "../../src/brownian";
import { createRng } from "../../src/rng";
import {
  eulerMaruyama,
  integrate,
  milstein,
  noiseClass,
  sra1,
  stochasticHeun,
  type Solver,
} from "../../src/sde";
import { fitSlope } from "../../src/stats";
import { additive, higham, highamStratonovich, ou, type Problem } from "./problems";

const SEED = Number(process.env.ORDER_SEED ?? 2001); // seeds 1, 2, 3, 42 and 7777 also pass (tried)

interface StrongRow {
  solver: Solver;
  problem: Problem;
  backward?: boolean;
}

// one row per (solver, problem); the expected slope comes from solver.strongOrder
const strongRows: StrongRow[] = [
  { solver: eulerMaruyama, problem: higham },
  { solver: milstein, problem: higham },
  { solver: stochasticHeun, problem: highamStratonovich },
  { solver: eulerMaruyama, problem: additive },
  { solver: stochasticHeun, problem: additive },
  { solver: sra1, problem: additive },
  { solver: sra1, problem: additive, backward: true },
];

// Sizes: M paths give E|error| to a relative SE of about 1/sqrt(M) per level; with 5 levels a
// factor 2 apart the slope SE is then ~0.02–0.03, well inside the ±0.1 band.
const M = Number(process.env.ORDER_M ?? 1000);
const LEVELS = [4, 5, 6, 7, 8]; // h = 2^-4 … 2^-8 (T = 1)
// fine grid: the finest level when X_T is known pathwise, else 2^-11 for an SRA1 reference whose
// error (8^-1.5 ≈ 4 % of SRA1's finest-level error) barely moves the fitted slope
const fineLevel = (problem: Problem): number => (problem.exact !== undefined ? 8 : 11);

const paths = new Map<string, BrownianPath>();
const refs = new Map<string, Float64Array>();
function finePath(problem: Problem, backward: boolean): BrownianPath {
  const FINE = fineLevel(problem);
  const key = `${problem.T}/${FINE}/${backward}`;
  let p = paths.get(key);
  if (p === undefined) {
    const grid = backward
      ? uniformGrid(problem.T, 0, 2 ** FINE)
      : uniformGrid(0, problem.T, 2 ** FINE);
    p = sampleBrownianPath(createRng(SEED), gridTimes(grid), M, 1, { levyArea: true });
    paths.set(key, p);
  }
  return p;
}

function strongErrors(row: StrongRow): { h: number[]; err: number[] } {
  const { solver, problem } = row;
  const fine = finePath(problem, row.backward ?? false);
  const x0 = new Float64Array(M).fill(problem.x0);
  const key = `${problem.name}/${row.backward ?? false}`;
  let ref = refs.get(key); // X_T on the fine path, shared by every row of this problem
  if (ref === undefined) {
    if (problem.exact !== undefined) {
      const w = fine.values().subarray(fine.steps * M);
      ref = w.map((wT) => (problem.exact as (w: number) => number)(wT));
    } else {
      ref = integrate(problem.sde, sra1, x0, fine).x;
    }
    refs.set(key, ref);
  }
  const FINE = fineLevel(problem);
  const h: number[] = [];
  const err: number[] = [];
  for (const level of LEVELS) {
    const coarse = coarsenPath(fine, 2 ** (FINE - level));
    const x = integrate(problem.sde, solver, x0, coarse).x;
    let e = 0;
    for (let i = 0; i < M; i++) e += Math.abs(x[i] - ref[i]);
    h.push(2 ** -level);
    err.push(e / M);
  }
  return { h, err };
}

describe("strong order (E|X_N − X_T| on nested grids of one path)", () => {
  it.each(
    strongRows.map(
      (r) =>
        [
          `${r.solver.name} on ${r.problem.name}${r.backward ? ", backward in time" : ""}`,
          r,
        ] as const,
    ),
  )("%s", (_name, row) => {
    const expected = row.solver.strongOrder[noiseClass(row.problem.sde)] as number;
    const { h, err } = strongErrors(row);
    const fit = fitSlope(h.map(Math.log), err.map(Math.log));
    if (process.env.ORDER_PRINT)
      console.log(`${row.solver.name} ${row.problem.name} ${fit.slope.toFixed(3)}`);
    // band ±0.1 around the declared order (issue spec), seed pinned
    if (Math.abs(fit.slope - expected) > 0.1) {
      throw new Error(
        `seed ${SEED}: slope ${fit.slope.toFixed(3)}, declared ${expected}, band ±0.1; errors ${err.map((e) => e.toExponential(2)).join(", ")}`,
      );
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Weak order from the exact discrete moments of the scheme (no Monte Carlo noise). On a linear
// scalar SDE with constant coefficients one step is X' = A(ξ)X + B(ξ), ξ = (ΔW, ΔU) independent
// per step, so E X' = E[A] E X + E[B] and E X'² = E[A²] E X² + 2 E[AB] E X + E[B²]. A and B come
// from the solver itself (one step from x = 0 and x = 1) at the nodes of a 5-point Gauss–Hermite
// rule in each of ΔW and ΔU, exact for polynomials of degree ≤ 9 (these schemes have degree ≤ 4).
// Nodes and weights: Abramowitz & Stegun (1964), Table 25.10, rescaled to N(0, 1).
const GH_X = [0, 1.3556261799742659, -1.3556261799742659, 2.8569700138728056, -2.8569700138728056];
const GH_W = [
  8 / 15,
  0.2220759220056126,
  0.2220759220056126,
  0.011257411327720691,
  0.011257411327720691,
];

function schemeMoments(solver: Solver, problem: Problem, N: number): [number, number] {
  const h = problem.T / N;
  const stepper = solver.stepper(problem.sde, 1);
  const x = new Float64Array(1);
  const dW = new Float64Array(1);
  const dZ = new Float64Array(1);
  let [EA, EB, EA2, EAB, EB2] = [0, 0, 0, 0, 0];
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 5; j++) {
      const w = GH_W[i] * GH_W[j];
      dW[0] = Math.sqrt(h) * GH_X[i];
      dZ[0] = 0.5 * h * (dW[0] + (Math.sqrt(h) * GH_X[j]) / Math.sqrt(3));
      x[0] = 0;
      stepper.step(0, h, x, dW, dZ);
      const B = x[0];
      x[0] = 1;
      stepper.step(0, h, x, dW, dZ);
      const A = x[0] - B;
      [EA, EB, EA2, EAB, EB2] = [
        EA + w * A,
        EB + w * B,
        EA2 + w * A * A,
        EAB + w * A * B,
        EB2 + w * B * B,
      ];
    }
  }
  let [m1, m2] = [problem.x0, problem.x0 * problem.x0];
  for (let k = 0; k < N; k++) [m1, m2] = [EA * m1 + EB, EA2 * m2 + 2 * EAB * m1 + EB2];
  return [m1, m2];
}

const weakRows: { solver: Solver; problem: Problem }[] = [
  { solver: eulerMaruyama, problem: higham },
  { solver: milstein, problem: higham },
  { solver: stochasticHeun, problem: highamStratonovich },
  { solver: eulerMaruyama, problem: ou },
  { solver: sra1, problem: ou },
];

describe("weak order from exact discrete moments (Gauss–Hermite over one step)", () => {
  it("quadrature reproduces E ξ² = 1 and E ξ⁴ = 3 (known answer)", () => {
    const m = (p: number): number => GH_X.reduce((s, x, i) => s + GH_W[i] * x ** p, 0);
    expect(m(0)).toBeCloseTo(1, 14);
    expect(m(2)).toBeCloseTo(1, 14);
    expect(m(4)).toBeCloseTo(3, 13);
  });

  it("Euler–Maruyama's mean is X0(1 + λh)^N on GBM (known answer, Higham 2001 §5)", () => {
    const N = 64;
    const [m1] = schemeMoments(eulerMaruyama, higham, N);
    expect(m1 / (1 + 2 / N) ** N - 1).toBeCloseTo(0, 13);
  });

  it.each(weakRows.map((r) => [`${r.solver.name} on ${r.problem.name}`, r] as const))(
    "%s",
    (_name, row) => {
      const expected = row.solver.weakOrder[noiseClass(row.problem.sde)] as number;
      const [e1, e2] = row.problem.moments as [number, number];
      const Ns = [32, 64, 128, 256, 512]; // h = 2^-5 … 2^-9: deterministic, so small h is free
      const err1: number[] = [];
      const err2: number[] = [];
      for (const N of Ns) {
        const [m1, m2] = schemeMoments(row.solver, row.problem, N);
        err1.push(Math.abs(m1 - e1));
        err2.push(Math.abs(m2 - e2));
      }
      const logH = Ns.map((N) => Math.log(row.problem.T / N));
      for (const err of [err1, err2]) {
        const slope = fitSlope(logH, err.map(Math.log)).slope;
        if (process.env.ORDER_PRINT)
          console.log(`weak ${row.solver.name} ${row.problem.name} ${slope.toFixed(3)}`);
        // no sampling error: ±0.1 covers only the pre-asymptotic O(h^{p+1}) terms
        if (Math.abs(slope - expected) > 0.1) {
          throw new Error(
            `weak slope ${slope.toFixed(3)}, declared ${expected}, band ±0.1; errors ${err.map((e) => e.toExponential(2)).join(", ")}`,
          );
        }
      }
    },
  );
});

describe("weak order by Monte Carlo (Euler–Maruyama on Higham's GBM)", () => {
  it("has slope 1 ± 0.18", () => {
    // Estimator of E X_N^h − E X_T: the mean of X_N^h − X_T over paths, with X_T the exact solution
    // on the same path (unbiased: its expectation is exactly the weak error, and the pathwise
    // difference has far smaller variance than X_T itself).
    const n = 20000; // SE at h = 2^-7 ≈ 0.003 against an error ≈ 0.11 (3 %)
    const seed = Number(process.env.ORDER_SEED ?? 1992); // seeds 1, 2, 3, 42 and 2001 also pass (tried)
    const fine = sampleBrownianPath(createRng(seed), gridTimes(uniformGrid(0, 1, 2 ** 7)), n, 1);
    const wT = fine.values().subarray(fine.steps * n);
    const x0 = new Float64Array(n).fill(higham.x0);
    const logH: number[] = [];
    const logE: number[] = [];
    for (const level of [3, 4, 5, 6, 7]) {
      const x = integrate(higham.sde, eulerMaruyama, x0, coarsenPath(fine, 2 ** (7 - level))).x;
      let e = 0;
      for (let i = 0; i < n; i++) e += x[i] - (higham.exact as (w: number) => number)(wT[i]);
      logH.push(-level * Math.log(2));
      logE.push(Math.log(Math.abs(e / n)));
    }
    const slope = fitSlope(logH, logE).slope;
    if (process.env.ORDER_PRINT) console.log(`MC weak ${slope.toFixed(3)}`);
    const expected = eulerMaruyama.weakOrder.diagonal as number;
    if (Math.abs(slope - expected) > 0.18) {
      throw new Error(
        `seed ${seed}: Monte Carlo weak slope ${slope.toFixed(3)}, declared ${expected}, band ±0.18`,
      );
    }
  });
});
