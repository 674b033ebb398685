export type { ScoreFunction } from "./score-function";
export { exactMixtureScore } from "./exact-score";
export type { MixtureScore } from "./exact-score";
