/**
 * Labs of lecture 09 (bridges and critically-damped Langevin): the Brownian bridge's marginal,
 * one Euler step of the bridge SDE up to the end of the horizon, and CLD's forward mean.
 */
import { brownianBridgeSde } from "../bridges";
import { criticallyDampedLangevin } from "../processes";
import { formatAnswer } from "./compare";
import { Lab, LabCase } from "./lab";
import { normals } from "./random-cases";

type Moments = { mean: number; variance: number };
type MarginalFn = (a: number, b: number, T: number, t: number, sigma: number) => Moments;
type StepFn = (
  x: Float64Array,
  b: Float64Array,
  T: number,
  t: number,
  h: number,
  sigma: number,
  xi: Float64Array,
) => Float64Array;
type CldMean = { x: number; v: number };
type CldFn = (x0: number, v0: number, t: number, beta: number, mass: number) => CldMean;

/**
 * Lab: the Brownian bridge's marginal,
 * $X_t \mid (X_0 = a, X_T = b) \sim \mathcal N\big((1 - \tfrac tT)a + \tfrac tT b,\ \sigma^2\tfrac{t(T - t)}{T}\big)$
 * (lecture 09, section 3).
 * @see Karatzas & Shreve (1991), Brownian Motion and Stochastic Calculus, §5.6.B, eq. (6.29)–(6.30)
 */
export const bridgeMarginalLab: Lab<MarginalFn> = {
  id: "09-bridge-marginal",
  title: "the Brownian bridge's mean and variance at time t",
  fn: "bridgeMarginal",
  signature:
    "bridgeMarginal(a: number, b: number, T: number, t: number, sigma: number): " +
    "{ mean: number; variance: number }",
  source:
    "lecture 09, section 3: X_t ~ N((1 − t/T) a + (t/T) b, σ² t(T − t)/T) (Karatzas & Shreve 1991, §5.6.B)",
  cases(rng) {
    const cases: LabCase<MarginalFn>[] = [];
    const add = (a: number, b: number, T: number, t: number, sigma: number, note: string) => {
      // the oracle: Gaussian conditioning of (X_t, X_T) for X = a + σW, Cov(X_t, X_T) = σ²t
      const [cov, varT] = [sigma * sigma * t, sigma * sigma * T];
      cases.push({
        label: `${note}: a = ${a}, b = ${b}, T = ${T}, t = ${t}, sigma = ${sigma}`,
        size: 1,
        args: [a, b, T, t, sigma],
        expected: {
          mean: a + (cov / varT) * (b - a),
          variance: sigma * sigma * t - (cov * cov) / varT,
        },
      });
    };
    add(-1, 2, 1, 0.5, 0.5, "the notebook's bridge at T/2");
    add(-1, 2, 1, 0, 0.5, "t = 0 (the start)");
    add(-1, 2, 1, 1, 0.5, "t = T (the pinned end)");
    add(0, 0, 2, 0.5, 1, "from 0 back to 0, T = 2");
    add(1.5, -0.5, 3, 2.4, 2, "T = 3, σ = 2, late");
    for (let k = 0; k < 4; k++) {
      const T = 0.5 + 3 * rng.uniform();
      add(
        2 * rng.normal(),
        2 * rng.normal(),
        T,
        T * rng.uniform(),
        0.2 + 2 * rng.uniform(),
        "random",
      );
    }
    return cases;
  },
  tolerance: {
    abs: 1e-14,
    rel: 1e-12,
    reason:
      "a handful of flops on values ≤ 10; the variance vanishes at t = 0 and T (absolute part)",
  },
  mistakes: [
    {
      name: "unpinned-variance",
      hint:
        "that is Brownian motion's variance σ²t: pinning X_T = b removes σ²t²/T, so the " +
        "variance is σ² t(T − t)/T, zero at both ends",
      answer: (a, b, T, t, sigma) => ({ mean: a + (t / T) * (b - a), variance: sigma * sigma * t }),
    },
    {
      name: "weights-swapped",
      hint: "at t = 0 the bridge is at a, at t = T at b: the weight of a is 1 − t/T",
      answer: (a, b, T, t, sigma) => ({
        mean: (t / T) * a + (1 - t / T) * b,
        variance: (sigma * sigma * t * (T - t)) / T,
      }),
    },
    {
      name: "sd-for-variance",
      hint: "return the variance σ² t(T − t)/T, not its square root",
      answer: (a, b, T, t, sigma) => ({
        mean: a + (t / T) * (b - a),
        variance: sigma * Math.sqrt((t * (T - t)) / T),
      }),
    },
    {
      name: "missing-sigma",
      hint: "the bridge of σW has variance σ² t(T − t)/T: the factor σ² is missing",
      answer: (a, b, T, t) => ({ mean: a + (t / T) * (b - a), variance: (t * (T - t)) / T }),
    },
  ],
  verified:
    "mean and variance against Gaussian conditioning of (X_t, X_T), at t = 0, T/2 and T, " +
    "T from 0.5 to 3.5, σ from 0.2 to 2",
};

/** x + drift·h + σ·noise(h)·ξ with the bridge drift (b − x)/(T − when) (the mistake models). */
function stepModel(
  args: Parameters<StepFn>,
  when: (T: number, t: number, h: number) => number,
  noise: (h: number) => number = Math.sqrt,
): Float64Array {
  const [x, b, T, t, h, sigma, xi] = args;
  const left = when(T, t, h);
  return x.map((v, i) => v + ((b[i] - v) / left) * h + sigma * noise(h) * xi[i]);
}

/**
 * Lab: one Euler–Maruyama step of the Brownian bridge SDE $dX = \frac{b - X}{T - t}\,dt + \sigma\,dW$,
 * $x + \frac{b - x}{T - t}\,h + \sigma\sqrt h\,\xi$; the last step ($t + h = T$) lands at $b + \sigma\sqrt h\,\xi$
 * (lecture 09, section 3).
 * @see Karatzas & Shreve (1991), §5.6.B, eq. (6.28) (the bridge SDE); Kloeden & Platen (1992), §9.1 (Euler–Maruyama)
 */
export const bridgeStepLab: Lab<StepFn> = {
  id: "09-bridge-step",
  title: "one Euler step of the Brownian bridge SDE",
  fn: "bridgeStep",
  signature:
    "bridgeStep(x: Float64Array, b: Float64Array, T: number, t: number, h: number, " +
    "sigma: number, xi: Float64Array): Float64Array",
  source:
    "lecture 09, section 3: dX = (b − X)/(T − t) dt + σ dW, Euler: x + (b − x)/(T − t) h + σ√h ξ",
  cases(rng) {
    const cases: LabCase<StepFn>[] = [];
    const add = (
      x: Float64Array,
      b: Float64Array,
      T: number,
      t: number,
      h: number,
      sigma: number,
      xi: Float64Array,
      note: string,
    ) => {
      // the oracle: the library's bridge SDE, its drift and diffusion at (t, x)
      const n = x.length;
      const sde = brownianBridgeSde(b, T, sigma);
      const [drift, g] = [new Float64Array(n), new Float64Array(n)];
      sde.drift(t, x, drift, n);
      sde.diffusion(t, x, g, n);
      cases.push({
        label:
          `${note}: x = ${formatAnswer(x)}, b = ${formatAnswer(b)}, T = ${T}, t = ${formatAnswer(t)}, ` +
          `h = ${formatAnswer(h)}, sigma = ${sigma}, xi = ${formatAnswer(xi)}`,
        size: n,
        args: [x, b, T, t, h, sigma, xi],
        expected: x.map((v, i) => v + drift[i] * h + g[i] * Math.sqrt(h) * xi[i]),
      });
    };
    add(
      Float64Array.of(-1),
      Float64Array.of(2),
      1,
      0,
      0.25,
      0.5,
      Float64Array.of(0.4),
      "the first step",
    );
    add(
      Float64Array.of(0.3),
      Float64Array.of(2),
      1,
      0.75,
      0.25,
      0.5,
      Float64Array.of(-0.8),
      "the last step (t + h = T)",
    );
    add(
      Float64Array.of(1.7),
      Float64Array.of(-1),
      2,
      1.5,
      0.5,
      1,
      Float64Array.of(0),
      "the last step, zero noise (lands on b)",
    );
    add(
      Float64Array.of(0.5),
      Float64Array.of(1),
      1,
      0,
      1,
      0.5,
      Float64Array.of(1.1),
      "one step over the whole horizon",
    );
    add(
      Float64Array.of(0, 1, -1),
      Float64Array.of(2, 2, 2),
      1,
      0.4,
      0.01,
      0.5,
      Float64Array.of(0.3, -1, 2),
      "a middle step",
    );
    for (const n of [4, 16]) {
      const T = 1 + rng.uniform();
      const K = 20;
      const k = Math.floor(rng.uniform() * (K - 1));
      add(
        normals(rng, n),
        normals(rng, n),
        T,
        (k * T) / K,
        T / K,
        0.3 + rng.uniform(),
        normals(rng, n),
        `step ${k} of ${K}`,
      );
    }
    return cases;
  },
  tolerance: {
    abs: 1e-13,
    rel: 1e-13,
    reason: "a division and two multiply-adds per path on values ≤ 10: a few ulps",
  },
  mistakes: [
    {
      name: "next-time",
      hint:
        "Euler evaluates the drift at the start of the step, t, not at t + h: at the last step " +
        "T − (t + h) = 0 and the drift would be infinite",
      answer: (...args) => stepModel(args, (T, t, h) => T - t - h),
    },
    {
      name: "variance-for-sd",
      hint: "the Brownian increment over h has standard deviation √h: multiply σ ξ by Math.sqrt(h)",
      answer: (...args) =>
        stepModel(
          args,
          (T, t) => T - t,
          (h) => h,
        ),
    },
    {
      name: "total-horizon",
      hint:
        "the drift divides by the time to go, T − t, not by the horizon T: that is what pins the " +
        "path to b at T",
      answer: (...args) => stepModel(args, (T) => T),
    },
  ],
  verified:
    "x + (b − x)/(T − t) h + σ√h ξ against the library's brownianBridgeSde, at the first step, " +
    "the last one (t + h = T, landing at b + σ√h ξ), with zero noise and one step over [0, T]",
};

/** e^{τA} at critical damping, A = [[0, 1/M], [−1, −Γ/M]], Γ = 2√M: e^{λτ}(I + τ(A − λI)), λ = −1/√M. */
function criticalExp(tau: number, mass: number): number[] {
  const lambda = -1 / Math.sqrt(mass);
  const e = Math.exp(lambda * tau);
  return [
    e * (1 - tau * lambda),
    (e * tau) / mass,
    -e * tau,
    e * (1 + tau * (-2 / Math.sqrt(mass) - lambda)),
  ];
}

/**
 * Lab: critically-damped Langevin's forward mean $\mathbb E[u_t \mid u_0] = e^{\beta tA}u_0$,
 * $A = \begin{pmatrix}0 & 1/M\\ -1 & -\Gamma/M\end{pmatrix}$, $\Gamma = 2\sqrt M$, where
 * $e^{\tau A} = e^{\lambda\tau}(I + \tau(A - \lambda I))$, $\lambda = -1/\sqrt M$ (lecture 09, section 4).
 * @see Dockhorn, Vahdat & Kreis (2022), ICLR, eq. (5) and Appendix B.1
 */
export const cldMeanLab: Lab<CldFn> = {
  id: "09-cld-mean",
  title: "critically-damped Langevin's forward mean",
  fn: "cldMean",
  signature:
    "cldMean(x0: number, v0: number, t: number, beta: number, mass: number): { x: number; v: number }",
  source:
    "lecture 09, section 4: E[(x_t, v_t)] = e^{βtA}(x_0, v_0), A = [[0, 1/M], [−1, −Γ/M]], Γ = 2√M " +
    "(Dockhorn et al. 2022, eq. (5), Appendix B.1)",
  cases(rng) {
    const cases: LabCase<CldFn>[] = [];
    const add = (x0: number, v0: number, t: number, beta: number, mass: number, note: string) => {
      // the oracle: the library's CLD process (e^{βtA} by Cayley–Hamilton), T large enough
      const cld = criticallyDampedLangevin({ mass, beta, T: Math.max(1, t) });
      const mean = cld.marginal(t, Float64Array.of(x0, v0)).mean;
      cases.push({
        label: `${note}: x0 = ${formatAnswer(x0)}, v0 = ${formatAnswer(v0)}, t = ${formatAnswer(t)}, beta = ${beta}, M = ${mass}`,
        size: 1,
        args: [x0, v0, t, beta, mass],
        expected: { x: mean[0], v: mean[1] },
      });
    };
    add(1.5, 0, 0.1, 4, 0.25, "the notebook's x_0 = 1.5 at rest, t = 0.1");
    add(1.5, 0, 0, 4, 0.25, "t = 0 (the start)");
    add(0, 1, 0.3, 4, 0.25, "x_0 = 0, a pure velocity");
    add(1.5, -0.2, 1, 4, 0.25, "t = T = 1 (nearly forgotten)");
    add(-0.8, 0.5, 0.5, 2, 1, "M = 1, β = 2");
    for (let k = 0; k < 4; k++) {
      const mass = 0.1 + rng.uniform();
      add(2 * rng.normal(), rng.normal(), rng.uniform(), 1 + 4 * rng.uniform(), mass, "random");
    }
    return cases;
  },
  tolerance: {
    abs: 1e-12,
    rel: 1e-12,
    reason:
      "e^{λτ} times entries ≤ τ/M ≤ 50 on |u_0| ≤ 5: ≤ 10 ulps of 250 ≈ 5e-13, the oracle's " +
      "Cayley–Hamilton branch at q² ≈ 0 as accurate",
  },
  mistakes: [
    {
      name: "missing-beta",
      hint: "the drift is βA u: the matrix exponential is taken at βt, not t",
      answer: (x0, v0, t, beta, mass) => {
        const E = criticalExp(t, mass);
        return { x: E[0] * x0 + E[1] * v0, v: E[2] * x0 + E[3] * v0 };
      },
    },
    {
      name: "euler-step",
      hint:
        "(I + βtA)u_0 is one Euler step, not the exact mean: at critical damping " +
        "e^{τA} = e^{λτ}(I + τ(A − λI)) with the double eigenvalue λ = −Γ/(2M) = −1/√M",
      answer: (x0, v0, t, beta, mass) => {
        const tau = beta * t;
        const g = 2 * Math.sqrt(mass);
        return { x: x0 + (tau / mass) * v0, v: -tau * x0 + (1 - (tau * g) / mass) * v0 };
      },
    },
    {
      name: "transposed",
      hint:
        "A = [[0, 1/M], [−1, −Γ/M]] acts on the column (x, v): dx = β v/M dt, dv = −β(x + Γv/M) dt; " +
        "did you use Aᵀ?",
      answer: (x0, v0, t, beta, mass) => {
        const E = criticalExp(beta * t, mass);
        return { x: E[0] * x0 + E[2] * v0, v: E[1] * x0 + E[3] * v0 };
      },
    },
  ],
  verified:
    "e^{βtA}(x_0, v_0) at critical damping against the library's criticallyDampedLangevin " +
    "(Cayley–Hamilton), t from 0 to 1, M from 0.1 to 1.1, β from 1 to 5",
};

/** The labs of lecture 09, in the notebook's order. */
export const labs09 = [bridgeMarginalLab, bridgeStepLab, cldMeanLab] as const;
