/**
 * Labs of lecture 03 (the Fokker–Planck equation): the Chang–Cooper (Scharfetter–Gummel) flux,
 * one explicit step of the conservative scheme, and its exact discrete equilibrium.
 */
import { bernoulli, cellGrid, fokkerPlanckOperator } from "../fokker-planck";
import { applyTridiagonal, tridiagonal } from "../linalg";
import { formatAnswer } from "./compare";
import { Lab, LabCase } from "./lab";

type FluxFn = (
  z: number,
  h: number,
  dLeft: number,
  pLeft: number,
  dRight: number,
  pRight: number,
) => number;
type StepFn = (
  p: Float64Array,
  z: Float64Array,
  d: Float64Array,
  h: number,
  dt: number,
) => Float64Array;
type EquilibriumFn = (z: Float64Array, d: Float64Array, h: number) => Float64Array;

/**
 * Lab: the Scharfetter–Gummel (Chang–Cooper) flux through the face between two cells,
 * $J_{i+1/2} = \big(B(-z)\,D_i p_i - B(z)\,D_{i+1}p_{i+1}\big)/h$, $B(z) = z/(e^z - 1)$,
 * $B(0) = 1$ (lecture 03, section 3).
 * @see D. L. Scharfetter & H. K. Gummel (1969), IEEE Trans. Electron Devices 16(1), 64–77;
 * J. S. Chang & G. Cooper (1970), J. Comput. Phys. 6, 1–16
 */
export const changCooperFluxLab: Lab<FluxFn> = {
  id: "03-chang-cooper-flux",
  title: "the Chang–Cooper (Scharfetter–Gummel) flux through one face",
  fn: "changCooperFlux",
  signature:
    "changCooperFlux(z: number, h: number, dLeft: number, pLeft: number, dRight: number, pRight: number): number",
  source:
    "lecture 03, section 3: J = (B(−z) D_i p_i − B(z) D_{i+1} p_{i+1})/h, B(z) = z/(e^z − 1); Scharfetter & Gummel (1969)",
  cases(rng) {
    const cases: LabCase<FluxFn>[] = [];
    const add = (
      z: number,
      h: number,
      dl: number,
      pl: number,
      dr: number,
      pr: number,
      note: string,
    ) =>
      cases.push({
        label: `${note}: z = ${formatAnswer(z)}, h = ${formatAnswer(h)}, D_i = ${formatAnswer(dl)}, p_i = ${formatAnswer(pl)}, D_{i+1} = ${formatAnswer(dr)}, p_{i+1} = ${formatAnswer(pr)}`,
        size: cases.length,
        args: [z, h, dl, pl, dr, pr],
        expected: (bernoulli(-z) * dl * pl - bernoulli(z) * dr * pr) / h,
      });
    add(0, 0.5, 0.5, 2, 0.5, 1, "z = 0 (no drift): Fick's law −(D p)'");
    add(1, 0.1, 0.5, 1, 0.5, 1, "a uniform density pushed right (z > 0)");
    add(-2, 0.25, 1, 0, 1, 3, "an empty left cell, drift to the left");
    add(1e-9, 0.2, 0.7, 1.5, 0.9, 0.4, "a tiny z (B(z) = z/(e^z − 1) needs expm1)");
    add(-3e-7, 0.2, 0.7, 1.5, 0.9, 0.4, "a tiny negative z");
    // zero flux: D_{i+1} p_{i+1} = e^z D_i p_i (the discrete equilibrium, exactly J = 0 up to rounding)
    add(
      0.8,
      0.1,
      0.5,
      1.2,
      0.8,
      (Math.exp(0.8) * 0.5 * 1.2) / 0.8,
      "zero flux: D_{i+1}p_{i+1} = e^z D_i p_i",
    );
    add(40, 0.05, 0.5, 1, 0.5, 2, "strong drift to the right (upwinding)");
    add(-40, 0.05, 0.5, 1, 0.5, 2, "strong drift to the left");
    add(800, 0.05, 0.5, 1, 0.5, 2, "e^z overflows: B(z) = 0, B(−z) = z");
    for (let j = 0; j < 5; j++) {
      add(
        4 * rng.normal(),
        0.01 + 0.5 * rng.uniform(),
        0.1 + 2 * rng.uniform(),
        3 * rng.uniform(),
        0.1 + 2 * rng.uniform(),
        3 * rng.uniform(),
        "random",
      );
    }
    return cases;
  },
  tolerance: {
    abs: 1e-10,
    rel: 1e-12,
    reason:
      "B to a few ulps (the library's bernoulli: series for |z| < 1e-5, expm1 elsewhere); the two terms are ≤ 10⁴ in every case, so their difference rounds within 10⁴·4ε ≈ 1e-11 absolute (a tenth of abs)",
  },
  mistakes: [
    {
      name: "naive-bernoulli",
      hint: "B(z) = z/(e^z − 1) is 0/0 at z = 0 (its limit is B(0) = 1) and e^z − 1 loses digits for small |z|: use Math.expm1(z), and 1 at z = 0",
      answer: (z, h, dl, pl, dr, pr) =>
        ((-z / (Math.exp(-z) - 1)) * dl * pl - (z / (Math.exp(z) - 1)) * dr * pr) / h,
    },
    {
      name: "swapped-weights",
      hint: "the upwind weight: the left cell's D_i p_i is weighted by B(−z) (large when the drift z > 0 pushes it right), the right cell's by B(z)",
      answer: (z, h, dl, pl, dr, pr) => (bernoulli(z) * dl * pl - bernoulli(-z) * dr * pr) / h,
    },
    {
      name: "central-difference",
      hint: "B(±z) ≈ 1 ∓ z/2 is the central-difference flux, which loses positivity for |z| > 2 (exercise 1): use B(z) = z/(e^z − 1) exactly",
      answer: (z, h, dl, pl, dr, pr) => ((1 + z / 2) * dl * pl - (1 - z / 2) * dr * pr) / h,
    },
    {
      name: "missing-diffusion",
      hint: "the flux acts on q = D p: weight D_i p_i and D_{i+1} p_{i+1}, not p_i and p_{i+1}",
      answer: (z, h, _dl, pl, _dr, pr) => (bernoulli(-z) * pl - bernoulli(z) * pr) / h,
    },
  ],
  verified:
    "J = (B(−z)D_i p_i − B(z)D_{i+1}p_{i+1})/h against the library's bernoulli: z = 0, tiny |z|, zero flux at D_{i+1}p_{i+1} = e^z D_i p_i, |z| = 40 and 800, random faces",
};

/** The library's operator A for face Péclet numbers z and cell diffusions D (a potential). */
function libraryOperator(z: Float64Array, d: Float64Array, h: number) {
  const n = d.length;
  const grid = cellGrid(0, n * h, n);
  const phi = new Float64Array(n); // Φ_{i+1} = Φ_i − z_{i+1/2}
  for (let i = 0; i + 1 < n; i++) phi[i + 1] = phi[i] - z[i];
  const cell = (x: number) => Math.min(n - 1, Math.max(0, Math.floor(x / h)));
  const a = tridiagonal(n);
  fokkerPlanckOperator(grid, {
    drift: () => 0, // not read: the potential gives z
    diffusion: (_t, x) => Math.sqrt(2 * d[cell(x)]), // D = g²/2
    potential: (_t, x) => phi[cell(x)],
    timeDependent: false,
  }).assemble(0, a);
  return a;
}

/** p + Δt A p with the library's A: the oracle of the explicit step. */
function libraryStep(p: Float64Array, z: Float64Array, d: Float64Array, h: number, dt: number) {
  const ap = applyTridiagonal(libraryOperator(z, d, h), p, new Float64Array(p.length));
  return Float64Array.from(p, (q, i) => q + dt * ap[i]);
}

/** The step with face fluxes from `flux` and end fluxes `ends`: the mistakes' models. */
function stepModel(
  p: Float64Array,
  z: Float64Array,
  d: Float64Array,
  h: number,
  dt: number,
  options: { sign?: number; hPower?: number; leaky?: boolean } = {},
) {
  const { sign = 1, hPower = 2, leaky = false } = options;
  const n = p.length;
  const faces = new Float64Array(n + 1); // J_{i−1/2}·h, i = 0..n
  for (let i = 0; i + 1 < n; i++)
    faces[i + 1] = bernoulli(-z[i]) * d[i] * p[i] - bernoulli(z[i]) * d[i + 1] * p[i + 1];
  if (leaky) {
    faces[0] = -d[0] * p[0]; // an empty ghost cell on each side, z = 0
    faces[n] = d[n - 1] * p[n - 1];
  }
  return Float64Array.from(p, (q, i) => q - (sign * dt * (faces[i + 1] - faces[i])) / h ** hPower);
}

/**
 * Lab: one explicit step of the conservative scheme,
 * $p_i \leftarrow p_i - \tfrac{\Delta t}{h}\big(J_{i+1/2} - J_{i-1/2}\big)$ with the Chang–Cooper
 * flux and zero flux through both ends, $J_{-1/2} = J_{n-1/2} = 0$ (lecture 03, section 3).
 * @see Chang & Cooper (1970), J. Comput. Phys. 6, 1–16; L. Pareschi & M. Zanella (2018),
 * J. Sci. Comput. 74 (structure-preserving schemes)
 */
export const explicitStepLab: Lab<StepFn> = {
  id: "03-explicit-step",
  title: "one explicit step of the conservative Fokker–Planck scheme (mass conserved)",
  fn: "explicitStep",
  signature:
    "explicitStep(p: Float64Array, z: Float64Array, d: Float64Array, h: number, dt: number): Float64Array",
  source:
    "lecture 03, section 3: ṗ_i = −(J_{i+1/2} − J_{i−1/2})/h, zero flux at both ends; Chang & Cooper (1970)",
  cases(rng) {
    const cases: LabCase<StepFn>[] = [];
    const add = (
      p: Float64Array,
      z: Float64Array,
      d: Float64Array,
      h: number,
      dt: number,
      note: string,
    ) =>
      cases.push({
        label: `${note}, n = ${p.length} cells: p = ${formatAnswer(p)}, z = ${formatAnswer(z)}, d = ${formatAnswer(d)}, h = ${formatAnswer(h)}, dt = ${formatAnswer(dt)}`,
        size: p.length,
        args: [p, z, d, h, dt],
        expected: libraryStep(p, z, d, h, dt),
      });
    const filled = (n: number, v: number) => new Float64Array(n).fill(v);
    add(
      Float64Array.of(0, 10, 0),
      filled(2, 0),
      filled(3, 0.5),
      0.1,
      0.002,
      "a point mass, no drift",
    );
    add(Float64Array.of(1, 2, 3), Float64Array.of(0.5, -0.5), filled(3, 0.5), 0.1, 0, "Δt = 0");
    add(
      filled(4, 0.25),
      filled(3, 0),
      filled(4, 1),
      1,
      0.1,
      "a constant density, no drift (stays)",
    );
    add(
      Float64Array.of(4, 1, 0, 0, 0),
      filled(4, 1.5),
      filled(5, 0.5),
      0.2,
      0.01,
      "mass in the end cell, drift to the right",
    );
    add(
      Float64Array.of(0, 0, 0, 2, 5),
      filled(4, 0.5),
      filled(5, 0.5),
      0.2,
      0.01,
      "mass against the right end, pushed into it",
    );
    // OU on a cell grid: z = h f/D at the faces (section 3's midpoint rule), a Gaussian bump
    const n = 60;
    const h = 0.15;
    const centres = Float64Array.from({ length: n }, (_, i) => -4.5 + (i + 0.5) * h);
    const zOu = Float64Array.from({ length: n - 1 }, (_, i) => (h * -(-4.5 + (i + 1) * h)) / 0.5);
    const bump = centres.map((x) => Math.exp(-2 * (x - 1.5) ** 2));
    add(bump, zOu, filled(n, 0.5), h, 0.02, "OU (θ = σ = 1), a bump at 1.5");
    for (const m of [7, 40]) {
      const p = Float64Array.from({ length: m }, () => 2 * rng.uniform());
      const z = Float64Array.from({ length: m - 1 }, () => 3 * rng.normal());
      const d = Float64Array.from({ length: m }, () => 0.2 + rng.uniform());
      add(p, z, d, 0.1 + 0.2 * rng.uniform(), 0.002, "random p, z and D");
    }
    return cases;
  },
  tolerance: {
    abs: 1e-12,
    rel: 1e-12,
    reason:
      "against p + ΔtAp with the library's assembled A: three products per cell of size Δt·B·D·p/h² ≤ 30, rounding ≤ 30·8ε ≈ 5e-14",
  },
  mistakes: [
    {
      name: "divergence-sign",
      hint: "the density changes by MINUS the divergence of the flux: p_i − (Δt/h)(J_{i+1/2} − J_{i−1/2}); what flows out through the right face leaves cell i",
      answer: (p, z, d, h, dt) => stepModel(p, z, d, h, dt, { sign: -1 }),
    },
    {
      name: "leaky-ends",
      hint: "the two ends are walls: J_{−1/2} = J_{n−1/2} = 0, so that the mass h Σ p_i is conserved; do not let mass flow out of the end cells",
      answer: (p, z, d, h, dt) => stepModel(p, z, d, h, dt, { leaky: true }),
    },
    {
      name: "single-h",
      hint: "J = (B(−z)D_i p_i − B(z)D_{i+1}p_{i+1})/h is already divided by h once, and its divergence (J_{i+1/2} − J_{i−1/2})/h once more: Δt/h² in all",
      answer: (p, z, d, h, dt) => stepModel(p, z, d, h, dt, { hPower: 1 }),
    },
  ],
  verified:
    "p + ΔtAp against the library's assembled Chang–Cooper operator A (zero flux at both ends, so h Σ p is conserved): a point mass, mass in the end cells, a constant density, OU, random p, z and D, Δt = 0",
};

/**
 * Lab: the exact discrete equilibrium of the Chang–Cooper scheme: zero flux through every face,
 * $D_{i+1}p_{i+1} = e^{z_{i+1/2}}D_i p_i$, normalised to $h\sum_i p_i = 1$; for a gradient drift
 * with $z_{i+1/2} = \Phi_i - \Phi_{i+1}$ it is $p_i \propto e^{-\Phi_i}/D_i$ (lecture 03, sections 3 and 5).
 * @see Chang & Cooper (1970), J. Comput. Phys. 6, 1–16 (the equilibrium-preserving weight);
 * Pareschi & Zanella (2018), J. Sci. Comput. 74
 */
export const discreteEquilibriumLab: Lab<EquilibriumFn> = {
  id: "03-discrete-equilibrium",
  title: "the stationary density of the scheme: zero flux through every face",
  fn: "discreteEquilibrium",
  signature: "discreteEquilibrium(z: Float64Array, d: Float64Array, h: number): Float64Array",
  source:
    "lecture 03, section 3: J_{i+1/2} = 0 ⟺ D_{i+1}p_{i+1} = e^{z_{i+1/2}} D_i p_i; p ∝ e^{−Φ}/D; h Σ p = 1",
  cases(rng) {
    const cases: LabCase<EquilibriumFn>[] = [];
    /** p_i = e^{−Φ_i}/D_i / (h Σ_j e^{−Φ_j}/D_j), from the potential itself (not from z). */
    const gibbs = (phi: Float64Array, d: Float64Array, h: number) => {
      const top = Math.max(...phi.map((v, i) => -v - Math.log(d[i])));
      const q = phi.map((v, i) => Math.exp(-v - Math.log(d[i]) - top));
      const mass = h * q.reduce((a, b) => a + b, 0);
      return q.map((v) => v / mass);
    };
    const add = (phi: Float64Array, d: Float64Array, h: number, note: string) => {
      const z = Float64Array.from({ length: phi.length - 1 }, (_, i) => phi[i] - phi[i + 1]);
      cases.push({
        label: `${note}, n = ${d.length} cells: z = ${formatAnswer(z)}, d = ${formatAnswer(d)}, h = ${formatAnswer(h)}`,
        size: d.length,
        args: [z, d, h],
        expected: gibbs(phi, d, h),
      });
    };
    const filled = (n: number, v: number) => new Float64Array(n).fill(v);
    add(filled(3, 0), filled(3, 0.5), 1, "no drift, constant D: uniform");
    add(
      Float64Array.of(0, 0, 0, 0),
      Float64Array.of(0.5, 1, 2, 4),
      0.5,
      "no drift, D doubling: p ∝ 1/D",
    );
    add(Float64Array.of(0, -1, -2), filled(3, 1), 0.25, "z = 1 on each face: p grows like e^i");
    // OU, f = −θx, D = σ²/2: Φ = θx²/σ² at the centres (the midpoint rule is exact)
    const ou = (n: number, lo: number, hi: number, theta: number, sigma: number, note: string) => {
      const h = (hi - lo) / n;
      const phi = Float64Array.from({ length: n }, (_, i) => {
        const x = lo + (i + 0.5) * h;
        return (theta * x * x) / sigma ** 2;
      });
      add(phi, filled(n, sigma ** 2 / 2), h, note);
    };
    ou(90, -4, 5, 1, 1, "OU θ = σ = 1 on [−4, 5]: e^{−x²}");
    ou(200, -3, 3, 1, 0.1, "OU θ = 1, σ = 0.1 on [−3, 3]: weights spanning e^{−900}");
    // a strong constant drift: z = 20 on every face, weights e^{20i} beyond the largest double
    add(
      Float64Array.from({ length: 40 }, (_, i) => -20 * i),
      filled(40, 0.5),
      0.1,
      "a strong drift to the right, z = 20 on every face: weights spanning e^{780}",
    );
    // the double well of section 5: Φ = 2U/σ², U = (x² − 1)², σ = 1
    const nw = 100;
    const hw = 5 / nw;
    const phiWell = Float64Array.from({ length: nw }, (_, i) => {
      const x = -2.5 + (i + 0.5) * hw;
      return 2 * (x * x - 1) ** 2;
    });
    add(phiWell, filled(nw, 0.5), hw, "the double well U = (x² − 1)², σ = 1");
    // multiplicative noise: a random potential and random D
    for (const n of [5, 30]) {
      const phi = Float64Array.from({ length: n }, () => 2 * rng.normal());
      const d = Float64Array.from({ length: n }, () => 0.1 + 2 * rng.uniform());
      add(phi, d, 0.05 + 0.3 * rng.uniform(), "random Φ and D");
    }
    return cases;
  },
  tolerance: {
    abs: 1e-12,
    rel: 1e-10,
    reason:
      "your running sum of ≤ 199 face numbers z vs the oracle's Φ_i: |ΔΦ| ≤ 199·ε·900 ≈ 4e-11 at worst, hence ≤ 4e-11 relative in e^{−Φ} (and its normalisation)",
  },
  mistakes: [
    {
      name: "sign-of-z",
      hint: "zero flux means B(−z)D_i p_i = B(z)D_{i+1}p_{i+1}, i.e. D_{i+1}p_{i+1} = e^{+z} D_i p_i (B(−z) = e^z B(z)): a drift to the right (z > 0) piles mass on the right",
      answer: (z, d, h) => equilibriumModel(z, d, h, { sign: -1 }),
    },
    {
      name: "missing-diffusion",
      hint: "the ratio e^z holds for q = D p, not for p: divide by D_i (p ∝ e^{−Φ}/D)",
      answer: (z, d, h) => equilibriumModel(z, d, h, { useD: false }),
    },
    {
      name: "sum-not-mass",
      hint: "a density on the grid has mass h Σ p_i: normalise so that h Σ p_i = 1, not Σ p_i = 1",
      answer: (z, d, h) => equilibriumModel(z, d, h, { cellMass: false }),
    },
    {
      name: "overflow",
      hint: "e^{Σz} overflows (or underflows to 0/0) when the weights span more than e^{±709}: subtract the largest log-weight before exponentiating",
      answer: (z, d, h) => equilibriumModel(z, d, h, { shift: false }),
    },
  ],
  verified:
    "D_{i+1}p_{i+1} = e^{z}D_i p_i and h Σ p = 1 against e^{−Φ}/D normalised: no drift, varying D, OU (e^{−θx²/σ²}, also with weights spanning e^{−900}), the double well, random Φ and D",
};

/** The equilibrium by a running sum of z, with the usual mistakes switchable. */
function equilibriumModel(
  z: Float64Array,
  d: Float64Array,
  h: number,
  options: { sign?: number; useD?: boolean; cellMass?: boolean; shift?: boolean },
): Float64Array {
  const { sign = 1, useD = true, cellMass = true, shift = true } = options;
  const n = d.length;
  const q = new Float64Array(n); // D_i p_i up to a constant
  if (shift) {
    // log-weights, the largest subtracted before exponentiating
    for (let i = 0; i + 1 < n; i++) q[i + 1] = q[i] + sign * z[i];
    const logp = q.map((v, i) => (useD ? v - Math.log(d[i]) : v));
    const top = Math.max(...logp);
    q.set(logp.map((v) => Math.exp(v - top)));
  } else {
    // the naive running product D_{i+1}p_{i+1} = e^{z} D_i p_i, which overflows
    q[0] = 1;
    for (let i = 0; i + 1 < n; i++) q[i + 1] = q[i] * Math.exp(sign * z[i]);
    if (useD) for (let i = 0; i < n; i++) q[i] /= d[i];
  }
  const p = q;
  const total = p.reduce((a, b) => a + b, 0) * (cellMass ? h : 1);
  return p.map((v) => v / total);
}

/** The labs of lecture 03, in the notebook's order. */
export const labs03 = [changCooperFluxLab, explicitStepLab, discreteEquilibriumLab] as const;
