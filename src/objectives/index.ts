export { explicitScoreMatching } from "./explicit";
export { implicitScoreMatching } from "./implicit";
export { slicedScoreMatching } from "./sliced";
export { denoisingScoreMatching, dsmBatch } from "./denoising";
export type { DsmBatch, DsmOptions } from "./denoising";
export type { Weighting } from "./validate";
export { flowMatchingLoss, flowMatchingBatch } from "./flow-matching";
export type { FlowMatchingOptions, FlowModel } from "./flow-matching";
