/** Shared fixtures for the score tests. */
import { gaussianMixture, type GaussianMixture } from "../../src/mixture";

/** A 2-D, 3-component mixture with full, unequal covariances (correlations ±0.6, 0.3). */
export function mixture2d(): GaussianMixture {
  return gaussianMixture({
    weights: [0.5, 0.3, 0.2],
    means: [-2, 0, 2, 1, 0.5, -2],
    covs: [1, 0.6, 0.6, 1, 0.5, -0.3, -0.3, 0.4, 0.3, 0.1, 0.1, 2],
  });
}

/** A bimodal 1-D mixture: 0.3 N(−2, 0.25) + 0.7 N(1.5, 0.5). */
export function mixture1d(): GaussianMixture {
  return gaussianMixture({ weights: [0.3, 0.7], means: [-2, 1.5], covs: [0.25, 0.5] });
}
