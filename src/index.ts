/**
 * itolab: the numerical library behind the notebooks. `import { … } from "itolab"` gives what
 * the lectures use most; everything else has one home, a subpath named after its folder
 * (`itolab/sde`, `itolab/mixture`, `itolab/nn`, …), listed in ARCHITECTURE.md and in the API
 * reference of the lecture notes. Layers, each importing only from those before it:
 * base → fast → linalg → rng → stats → brownian → sde → processes →
 * fokker-planck | mixture | symbolic → score → reverse | diffusion | denoise | langevin |
 * guidance | bridges | nn → objectives | samplers; plot and check beside, on base only.
 */
export { linspace, row, column } from "./base";
export { createRng, spawn, fillNormal, fillUniform } from "./rng";
export type { Rng } from "./rng";
export {
  moments,
  normalPdf,
  normalCdf,
  normalQuantile,
  ksOneSample,
  ksTwoSample,
  histogram,
  fitSlope,
  sampleQuantile,
  mmdPermutationTest,
} from "./stats";
export { uniformGrid, sampleBrownianPath, brownianStream, coarsenPath } from "./brownian";
export type { BrownianSource, TimeGrid } from "./brownian";
export { integrate, eulerMaruyama, milstein, stochasticHeun, sra1, sdeFromScalar } from "./sde";
export type { Sde, Solver } from "./sde";
export {
  brownianMotion,
  ornsteinUhlenbeck,
  geometricBrownianMotion,
  vpSde,
  veSde,
  subVpSde,
} from "./processes";
export type { Process, LinearProcess } from "./processes";
export { solveFokkerPlanck, cellGrid } from "./fokker-planck";
export {
  gaussianMixture,
  sampleMixture,
  mixtureLogDensity,
  mixtureScore,
  mixtureCdf,
  mixtureQuantile,
  pushForward,
} from "./mixture";
export type { GaussianMixture } from "./mixture";
export { exactMixtureScore } from "./score";
export type { ScoreFunction } from "./score";
export { reverseSde, probabilityFlow, zeroNoise } from "./reverse";
export {
  figure,
  lineTrace,
  markerTrace,
  histogramTrace,
  bandTrace,
  heatmapTrace,
  convergenceFigure,
  show,
} from "./plot";
export {
  checkClose,
  checkWithinSE,
  checkAbove,
  checkBelow,
  checkSlope,
  checkPValue,
  checkAllClose,
  checkTrue,
  checkThrows,
} from "./check";
