export { reverseSde } from "./reverse-sde";
export { probabilityFlow } from "./probability-flow";
export { likelihoodFlow } from "./likelihood-flow";
export type { DriftDivergence } from "./likelihood-flow";
export { logDensityByFlow } from "./log-density-by-flow";
export type { LogDensityByFlowOptions } from "./log-density-by-flow";
export { zeroNoise } from "./zero-noise";
export { hutchinsonFlow } from "./hutchinson-flow";
