import { describeValue, isFloat64Array, requireFinite, requireInteger } from "../base";

/**
 * A uniform cell-centred grid on $[a, b]$: $n$ cells of width $h = (b - a)/n$, centres
 * $x_i = a + (i + \tfrac12) h$, faces $x_{i+1/2} = a + (i + 1) h$. A density on the grid is a
 * Float64Array of shape (n,) holding cell values $p_i \approx p(x_i)$, with mass $h \sum_i p_i$.
 */
export interface CellGrid {
  /** left end a */
  readonly lo: number;
  /** right end b */
  readonly hi: number;
  /** number of cells n */
  readonly n: number;
  /** cell width h */
  readonly h: number;
  /** cell centres $x_i$, shape (n,) */
  readonly x: Float64Array;
  /** cell faces $x_{i-1/2}$, shape (n + 1,): edges[0] = a, edges[n] = b */
  readonly edges: Float64Array;
}

/**
 * $x_i = a + (i + \tfrac12)(b - a)/n$: the uniform cell-centred grid of a finite-volume scheme.
 * @param lo - left end a (finite).
 * @param hi - right end b (finite, > a, with b − a finite).
 * @param n - number of cells, an integer ≥ 3 (the scheme needs interior cells).
 * @returns a frozen grid with centres (n,) and edges (n + 1,).
 * @see R. J. LeVeque (2002), Finite Volume Methods for Hyperbolic Problems, §4.1 (cell averages).
 */
export function cellGrid(lo: number, hi: number, n: number): CellGrid {
  const fn = "cellGrid";
  requireFinite(fn, "lo", lo);
  requireFinite(fn, "hi", hi, `a finite number > lo = ${lo}`, (v) => v > lo);
  requireInteger(fn, "n", n, 3);
  if (!Number.isFinite(hi - lo)) {
    throw new RangeError(`${fn}: hi − lo must be finite, got ${hi} − ${lo} = ${hi - lo}`);
  }
  const h = (hi - lo) / n;
  if (!(h > 0) || lo + h === lo) {
    throw new RangeError(
      `${fn}: cell width (hi − lo)/n = ${h} is below the resolution of lo = ${lo}`,
    );
  }
  const x = new Float64Array(n);
  const edges = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    x[i] = lo + (i + 0.5) * h;
    edges[i] = lo + i * h;
  }
  edges[n] = hi;
  return Object.freeze({ lo, hi, n, h, x, edges });
}

/** Throws unless `grid` looks like a CellGrid (for the other functions' boundary checks). */
export function requireGrid(fn: string, name: string, grid: unknown): CellGrid {
  const g = grid as CellGrid;
  if (
    typeof g !== "object" ||
    g === null ||
    !Number.isInteger(g.n) ||
    g.n < 3 ||
    !(g.h > 0 && g.h < Infinity) ||
    !Number.isFinite(g.lo) ||
    !Number.isFinite(g.hi) ||
    !isFloat64Array(g.x) ||
    g.x.length !== g.n ||
    !isFloat64Array(g.edges) ||
    g.edges.length !== g.n + 1
  ) {
    throw new TypeError(
      `${fn}: ${name} must be a CellGrid from cellGrid(), got ${describeValue(grid)}`,
    );
  }
  return g;
}
