/**
 * Progress of a live figure's simulation (issue 24): a Brownian source that reports, as the
 * solver reads its increments, how far the integration has come. The increments are the source's
 * own, untouched, so the figure's numbers do not change.
 */
import type { BrownianSource } from "../../../src/brownian";
import type { LiveProgress } from "./spec";

/**
 * `source`, reporting progress from `from` to `to` (fractions of the figure's work) every eighth
 * of its steps, with `text`.
 */
export function reportingSource(
  source: BrownianSource,
  progress: LiveProgress,
  from: number,
  to: number,
  text: string,
): BrownianSource {
  const K = source.grid.steps;
  const every = Math.max(1, Math.round(K / 8));
  return {
    grid: source.grid,
    paths: source.paths,
    dim: source.dim,
    levyArea: source.levyArea,
    increments(k, dW, dZ) {
      if (k % every === 0) progress(from + ((to - from) * k) / K, text);
      source.increments(k, dW, dZ);
    },
  };
}
