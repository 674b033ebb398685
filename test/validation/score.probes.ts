/** Probes of src/score (see harness.ts). */
import fc from "fast-check";
import { exactMixtureScore, type MixtureScore } from "../../src/score";
import type { GaussianMixture } from "../../src/mixture";
import type { LinearProcess } from "../../src/processes";
import { BATCH, linearProcess, mixture, points } from "./mixture.probes";
import type { BadKind, Probe } from "./harness";

/** An exact score of a random mixture through a VP or OU process of its dimension. */
const exact = mixture().chain((mix) =>
  linearProcess(mix.dim).map((p) => exactMixtureScore(mix, p)),
);
const time = (s: MixtureScore) => fc.double({ min: 0, max: s.process.T, noNaN: true });
/** (score, t, x (n, d), out (n·width), n), n ≥ 2. */
const call = (width: "d" | "1") =>
  exact.chain((s) =>
    fc.tuple(fc.constant(s), time(s), points(s.data, 2)).map(([sc, t, x]) => {
      const n = x.length / sc.dim;
      return [sc, t, x, new Float64Array(width === "d" ? n * sc.dim : n), n];
    }),
  );
/** The batch parameters shifted by one for t. */
const AFTER_T: Probe["params"] = BATCH.map((p) => ({ ...p, arg: p.arg + 1 }));
const TIME: BadKind[] = ["negative", "nan", "infinite", "wrong-type", "missing"];
const OBJECT: BadKind[] = ["wrong-type", "missing"];

type Method = (t: number, x: Float64Array, out: Float64Array, n: number) => void;

export const probes: Probe[] = [
  {
    name: "exactMixtureScore",
    valid: mixture().chain((mix) => fc.tuple(fc.constant(mix), linearProcess(mix.dim))),
    call: (data, process) => exactMixtureScore(data as GaussianMixture, process as LinearProcess),
    params: [
      { arg: 0, name: "data", bad: OBJECT },
      { arg: 1, name: "process", bad: OBJECT },
    ],
  },
  ...(
    [
      ["score", "d"],
      ["hessianDiagonal", "d"],
      ["logDensity", "1"],
    ] as const
  ).map(([method, width]): Probe => ({
    name: `exactMixtureScore.${method}`,
    valid: call(width),
    call: (s, t, x, out, n) =>
      ((s as MixtureScore)[method] as Method)(
        t as number,
        x as Float64Array,
        out as Float64Array,
        n as number,
      ),
    params: [{ arg: 1, name: "t", bad: TIME }, ...AFTER_T],
  })),
  {
    name: "exactMixtureScore.marginal",
    valid: exact.chain((s) => fc.tuple(fc.constant(s), time(s))),
    call: (s, t) => (s as MixtureScore).marginal(t as number),
    params: [{ arg: 1, name: "t", bad: TIME }],
  },
];

/** Exports that take no user data, with the reason. */
export const exempt: Record<string, string> = {};
