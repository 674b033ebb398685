export { gaussianMixture, requireMixture } from "./gaussian-mixture";
export type { GaussianMixture, GaussianMixtureSpec } from "./gaussian-mixture";
export {
  mixtureLogDensity,
  mixtureScore,
  mixtureHessianDiagonal,
  requireMixturePoints,
} from "./mixture-density";
export { MixtureKernels } from "./mixture-kernels";
export { sampleMixture } from "./sample-mixture";
export { pushForward, mixtureAtTime, requireLinearProcess } from "./push-forward";
export { mixtureCdf, mixtureQuantile } from "./mixture-cdf";
export { pointSetScore } from "./point-set-score";
export type { PointSetScore } from "./point-set-score";
export { circleScore, circleNodes } from "./circle-score";
export type { CircleScore, CircleScoreOptions } from "./circle-score";
