import { requireFinite, requireInterface, requireTime } from "../base";

/**
 * A conditional Gaussian probability path $x_t = \alpha_t x_0 + \sigma_t\varepsilon$,
 * $\varepsilon \sim \mathcal N(0, I)$, on $[0, T]$ with data at $t = 0$ and noise at $t = T$ (the
 * course's direction; Lipman et al. 2023 and Liu et al. 2023 run time the other way). Its
 * conditional velocity is $\dot\alpha_t x_0 + \dot\sigma_t\varepsilon$. Every method validates
 * t ∈ [0, T] (up to a solver's rounding of $10^{-12}T$, clamped in) and names itself in errors.
 * @see Lipman et al. (2023), ICLR, eq. (10)–(11) (Gaussian conditional paths)
 */
export interface ProbabilityPath {
  /** e.g. "linearPath" */
  readonly name: string;
  /** the horizon T */
  readonly T: number;
  /** $\alpha_t$ @param t time in [0, T] */
  scale(t: number): number;
  /** $\sigma_t \ge 0$ @param t time in [0, T] */
  std(t: number): number;
  /** $\dot\alpha_t = d\alpha_t/dt$ @param t time in [0, T] */
  scaleRate(t: number): number;
  /** $\dot\sigma_t$; may be $+\infty$ where $\sigma_t = 0$ (VP at t = 0) @param t time in [0, T] */
  stdRate(t: number): number;
  /** $d\sigma_t^2/dt = 2\sigma_t\dot\sigma_t$, finite even where $\dot\sigma_t$ is not @param t time in [0, T] */
  varianceRate(t: number): number;
}

const METHODS = ["scale", "std", "scaleRate", "stdRate", "varianceRate"] as const;

/**
 * Throws a TypeError unless `path` has the five methods of a {@link ProbabilityPath}, and a
 * RangeError unless its horizon T is finite and > 0; returns it. @internal
 */
export function requirePath(fn: string, path: unknown, name = "path"): ProbabilityPath {
  requireInterface(fn, name, path, "a ProbabilityPath (linearPath, vpPath, …)", METHODS);
  const p = path as ProbabilityPath;
  requireFinite(fn, `${name}.T`, p.T, "a finite number > 0", (v) => v > 0);
  return p;
}

/** The five formulas of a path, for times already checked. @internal */
export interface PathFormulas {
  scale(t: number): number;
  std(t: number): number;
  scaleRate(t: number): number;
  stdRate(t: number): number;
  varianceRate(t: number): number;
}

/**
 * A frozen {@link ProbabilityPath} from its formulas: each method checks t ∈ [0, T] (a solver's
 * rounding of $10^{-12}T$ accepted and clamped in) and names itself (`linearPath.std`). @internal
 */
export function definePath(name: string, T: number, f: PathFormulas): ProbabilityPath {
  const at = (method: string, t: number): number =>
    requireTime(`${name}.${method}`, "t", t, T, { slack: true });
  return Object.freeze({
    name,
    T,
    scale: (t: number) => f.scale(at("scale", t)),
    std: (t: number) => f.std(at("std", t)),
    scaleRate: (t: number) => f.scaleRate(at("scaleRate", t)),
    stdRate: (t: number) => f.stdRate(at("stdRate", t)),
    varianceRate: (t: number) => f.varianceRate(at("varianceRate", t)),
  });
}
