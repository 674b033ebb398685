import type { Sde } from "./sde";

/**
 * $x \mathrel{+}= c\,g\,\xi$ for n states: diagonal $g$ (rows, d) times $\xi$ (n, d), or general
 * $g$ (rows, d, m) times $\xi$ (n, m), where rows = 1 when g is shared by every state (additive
 * noise: $g = g(t)$) and rows = n otherwise. Shared by the solvers. @internal
 * @param x (n, d) row-major, updated in place
 * @param g (1 or n, d) diagonal or (1 or n, d, m) general
 * @param shared whether g holds one row for all states
 * @param xi (n, m) row-major
 */
export function addNoise(
  x: Float64Array,
  g: Float64Array,
  shared: boolean,
  xi: Float64Array,
  c: number,
  n: number,
  d: number,
  m: number,
  diagonal: boolean,
): void {
  if (diagonal) {
    if (!shared) {
      const nd = n * d;
      for (let i = 0; i < nd; i++) x[i] += c * g[i] * xi[i];
      return;
    }
    for (let r = 0; r < n; r++) {
      const o = r * d;
      for (let i = 0; i < d; i++) x[o + i] += c * g[i] * xi[o + i];
    }
    return;
  }
  const stride = shared ? 0 : d * m;
  for (let r = 0; r < n; r++) {
    const go = r * stride;
    for (let i = 0; i < d; i++) {
      const row = go + i * m;
      let acc = 0;
      for (let k = 0; k < m; k++) acc += g[row + k] * xi[r * m + k];
      x[r * d + i] += c * acc;
    }
  }
}

/**
 * The scratch a stepper allocates for n states of an Sde: nd = n·d entries per state array, and
 * the diffusion's rows (1 for additive noise, else n), layout and buffer length. @internal
 */
export interface StepShape {
  /** n·d */
  readonly nd: number;
  /** rows of g evaluated: 1 when shared by every state (additive noise), else n */
  readonly rows: number;
  /** diagonal noise: g is (rows, d); general: (rows, d, m) */
  readonly diagonal: boolean;
  /** length of a g buffer: rows·d or rows·d·m */
  readonly gSize: number;
}

/** The {@link StepShape} of n states of `sde`. @internal */
export function stepShape(sde: Sde, n: number): StepShape {
  const diagonal = sde.noise === "diagonal";
  const rows = diffusionRows(n, sde.additive);
  const gSize = diffusionSize(rows, sde.dim, sde.noiseDim, diagonal);
  return { nd: n * sde.dim, rows, diagonal, gSize };
}

/**
 * Rows of g a solver evaluates: 1 for additive noise (g depends on t only, so one row serves
 * every state), else n. @internal
 */
export function diffusionRows(n: number, additive: boolean): number {
  return additive ? 1 : n;
}

/** Diffusion buffer length: rows·d (diagonal) or rows·d·m (general). @internal */
export function diffusionSize(rows: number, d: number, m: number, diagonal: boolean): number {
  return diagonal ? rows * d : rows * d * m;
}

/** Whether every entry of x[0..len) is finite: $\sum_i 0\cdot x_i = 0$ exactly then, else NaN. @internal */
export function allFinite(x: Float64Array, len: number): boolean {
  let s = 0;
  for (let i = 0; i < len; i++) s += x[i] * 0;
  return s === 0;
}
