export { ddpmSample } from "./ddpm-sample";
export { ddpmAncestral } from "./ddpm-ancestral";
export { predictorCorrector } from "./predictor-corrector";
export { annealedLangevin } from "./annealed-langevin";
