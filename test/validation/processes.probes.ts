/** Probes of src/processes (see harness.ts): every factory, and every method of what it returns. */
import fc from "fast-check";
import {
  brownianMotion,
  criticallyDampedLangevin,
  geometricBrownianMotion,
  ornsteinUhlenbeck,
  ouEulerStationaryVariance,
  subVpSde,
  veSde,
  vpSde,
  type Process,
} from "../../src/processes";
import type { BadKind, Probe } from "./harness";

const positive: BadKind[] = ["nan", "infinite", "negative", "zero", "wrong-type"];
const count: BadKind[] = ["zero", "negative", "non-integer", "nan", "infinite", "wrong-type"];
const time: BadKind[] = ["nan", "infinite", "negative", "wrong-type", "missing"];
const point: BadKind[] = ["empty", "short", "non-finite-entry", "wrong-type", "missing"];
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const array = (n: number, min: number, max: number) =>
  fc.array(finite(min, max), { minLength: n, maxLength: n }).map((a) => Float64Array.from(a));

/** The options shared by every factory: T > 0 and dim ≥ 1. */
const common = { T: finite(0.5, 3), dim: fc.integer({ min: 1, max: 3 }) };
const commonParams = [
  { arg: 0, path: ["T"], name: "T", bad: positive },
  { arg: 0, path: ["dim"], name: "dim", bad: count },
] satisfies Probe["params"];

/** A factory probe: options drawn from `fields`, each named field probed with `bad`. */
function factory(
  name: string,
  make: (o: never) => Process,
  fields: Record<string, fc.Arbitrary<unknown>>,
  bad: Record<string, BadKind[]>,
): Probe {
  return {
    name,
    valid: fc.record({ ...common, ...fields }).map((o) => [o]),
    call: (o) => make(o as never),
    params: [
      ...commonParams,
      ...Object.entries(bad).map(([k, kinds]) => ({ arg: 0, path: [k], name: k, bad: kinds })),
    ],
  };
}

/** The methods every process has (on a process of default options and state dimension D). */
function methods(name: string, make: () => Process, positiveStates = false): Probe[] {
  const p = make();
  const D = p.dim;
  const [lo, hi] = positiveStates ? [0.2, 3] : [-3, 3];
  return [
    {
      name: `${name}.marginal`,
      valid: fc.tuple(finite(0, p.T), array(D, lo, hi)),
      call: (t, x0) => make().marginal(t as number, x0 as Float64Array),
      params: [
        { arg: 0, name: "t", bad: time },
        { arg: 1, name: "x0", bad: point },
      ],
    },
    ...(["transitionDensity", "logTransitionDensity"] as const).map(
      (m) =>
        ({
          name: `${name}.${m}`,
          valid: fc
            .tuple(
              finite(0, 0.45 * p.T),
              array(D, lo, hi),
              finite(0.5 * p.T, p.T),
              fc.integer({ min: 1, max: 3 }),
            )
            .chain(([s, x, t, n]) => array(n * D, lo, hi).map((y) => [s, x, t, y])),
          call: (s: unknown, x: unknown, t: unknown, y: unknown) =>
            make()[m](s as number, x as Float64Array, t as number, y as Float64Array),
          params: [
            { arg: 0, name: "s", bad: time },
            { arg: 1, name: "x", bad: point },
            { arg: 2, name: "t", bad: [...time, "zero"] },
            { arg: 3, name: "y", bad: ["empty", "non-finite-entry", "wrong-type", "missing"] },
          ],
        }) satisfies Probe,
    ),
  ];
}

/** A method of one time argument in [0, T]: scale, std, beta, alphaBar, sigma. */
function ofTime(name: string, T: number, call: (t: number) => unknown): Probe {
  return {
    name,
    valid: fc.tuple(finite(0, T)),
    call: (t) => call(t as number),
    params: [{ arg: 0, name: "t", bad: time }],
  };
}

/** exact(t, x0 (n, D), w (n, D), out (n, D), n), returning out. */
function exact(name: string, make: () => Process, lo: number): Probe {
  const D = make().dim;
  return {
    name: `${name}.exact`,
    valid: fc
      .tuple(finite(0, make().T), fc.integer({ min: 2, max: 4 }))
      .chain(([t, n]) =>
        fc
          .tuple(array(n * D, lo, 3), array(n * D, -3, 3))
          .map(([x0, w]) => [t, x0, w, new Float64Array(n * D), n]),
      ),
    call: (t, x0, w, out, n) => {
      make().exact?.(
        t as number,
        x0 as Float64Array,
        w as Float64Array,
        out as Float64Array,
        n as number,
      );
      return out;
    },
    params: [
      { arg: 0, name: "t", bad: time },
      { arg: 1, name: "x0", bad: point },
      { arg: 2, name: "w", bad: point },
      { arg: 3, name: "out", bad: ["empty", "short", "wrong-type", "missing"] },
      { arg: 4, name: "n", bad: count },
    ],
  };
}

const bm = () => brownianMotion({ dim: 2 });
const ou = () => ornsteinUhlenbeck({ dim: 2 });
const gbm = () => geometricBrownianMotion({ dim: 2 });
const vp = () => vpSde({ dim: 2 });
const subVp = () => subVpSde({ dim: 2 });
const ve = () => veSde({ dim: 2 });
const cld = () => criticallyDampedLangevin();

export const probes: Probe[] = [
  factory("brownianMotion", brownianMotion, { sigma: finite(0.1, 3) }, { sigma: positive }),
  factory(
    "ornsteinUhlenbeck",
    ornsteinUhlenbeck,
    { theta: finite(0.1, 5), sigma: finite(0.1, 3) },
    { theta: positive, sigma: positive },
  ),
  factory(
    "geometricBrownianMotion",
    geometricBrownianMotion,
    { mu: finite(-2, 2), sigma: finite(0.1, 2) },
    { mu: ["nan", "infinite", "wrong-type"], sigma: positive },
  ),
  factory(
    "vpSde",
    vpSde,
    { betaMin: finite(0.01, 1), betaMax: finite(1, 30) },
    { betaMin: positive, betaMax: positive },
  ),
  factory(
    "subVpSde",
    subVpSde,
    { betaMin: finite(0.01, 1), betaMax: finite(1, 30) },
    { betaMin: positive, betaMax: positive },
  ),
  factory(
    "veSde",
    veSde,
    { sigmaMin: finite(0.001, 0.5), sigmaMax: finite(1, 100) },
    { sigmaMin: positive, sigmaMax: positive },
  ),
  factory(
    "criticallyDampedLangevin",
    criticallyDampedLangevin,
    {
      mass: finite(0.1, 2),
      gamma: finite(0.2, 3),
      beta: finite(0.5, 8),
      initVelocityVariance: finite(0.001, 1),
    },
    { mass: positive, gamma: positive, beta: positive, initVelocityVariance: positive },
  ),
  ...methods("brownianMotion", bm),
  ...methods("ornsteinUhlenbeck", ou),
  ...methods("geometricBrownianMotion", gbm, true),
  ...methods("vpSde", vp),
  ...methods("subVpSde", subVp),
  ...methods("veSde", ve),
  ...methods("criticallyDampedLangevin", cld),
  ...(["brownianMotion", "ornsteinUhlenbeck", "vpSde", "subVpSde", "veSde"] as const).flatMap(
    (name) => {
      const make = {
        brownianMotion: bm,
        ornsteinUhlenbeck: ou,
        vpSde: vp,
        subVpSde: subVp,
        veSde: ve,
      }[name];
      return [
        ofTime(`${name}.scale`, 1, (t) => make().scale(t)),
        ofTime(`${name}.std`, 1, (t) => make().std(t)),
      ];
    },
  ),
  ofTime("vpSde.beta", 1, (t) => vp().beta(t)),
  ofTime("vpSde.alphaBar", 1, (t) => vp().alphaBar(t)),
  ofTime("subVpSde.beta", 1, (t) => subVp().beta(t)),
  ofTime("subVpSde.alphaBar", 1, (t) => subVp().alphaBar(t)),
  ofTime("veSde.sigma", 1, (t) => ve().sigma(t)),
  exact("brownianMotion", bm, -3),
  exact("geometricBrownianMotion", gbm, 0.2),
  {
    name: "criticallyDampedLangevin.marginalFromData",
    valid: fc.tuple(finite(0, 1), array(2, -3, 3)),
    call: (t, x0) =>
      criticallyDampedLangevin({ dim: 2 }).marginalFromData(t as number, x0 as Float64Array),
    params: [
      { arg: 0, name: "t", bad: time },
      { arg: 1, name: "x0", bad: point },
    ],
  },
  {
    name: "ouEulerStationaryVariance",
    valid: fc
      .tuple(finite(0.1, 5), finite(0.1, 3))
      .chain(([theta, sigma]) => finite(1e-4, 1.9 / theta).map((h) => [theta, sigma, h])),
    call: (theta, sigma, h) =>
      ouEulerStationaryVariance(theta as number, sigma as number, h as number),
    params: [
      { arg: 0, name: "theta", bad: [...positive, "missing"] },
      { arg: 1, name: "sigma", bad: [...positive, "missing"] },
      { arg: 2, name: "h", bad: [...positive, "missing"] },
    ],
  },
];

const hot =
  "the SDE's coefficients, called by solvers once per step on the whole batch (a hot loop): " +
  "their parameters are validated once by the factory, the solver validates the state";

/** Methods that take no user data of their own, with the reason. */
export const exempt: Record<string, string> = Object.fromEntries(
  [
    "brownianMotion",
    "ornsteinUhlenbeck",
    "geometricBrownianMotion",
    "vpSde",
    "subVpSde",
    "veSde",
    "criticallyDampedLangevin",
  ].flatMap((name) => [
    [`${name}.sde.drift`, hot],
    [`${name}.sde.diffusion`, hot],
    ...(name === "geometricBrownianMotion" ? [[`${name}.sde.diffusionDerivative`, hot]] : []),
  ]),
);
