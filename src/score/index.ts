export { gaussianMixture } from "./gaussian-mixture";
export type { GaussianMixture, GaussianMixtureSpec } from "./gaussian-mixture";
export { mixtureLogDensity, mixtureScore, mixtureHessianDiagonal } from "./mixture-density";
export { sampleMixture } from "./sample-mixture";
export { pushForward, mixtureAtTime } from "./push-forward";
export { mixtureCdf, mixtureQuantile } from "./mixture-cdf";
export type { ScoreFunction } from "./score-function";
export { exactMixtureScore } from "./exact-score";
export type { MixtureScore } from "./exact-score";
