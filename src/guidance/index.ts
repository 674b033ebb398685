export { classConditional, classifierLogProbability, classifierGradient } from "./classifier";
export { classifierGuidedScore } from "./classifier-guidance";
export { classifierFreeScore } from "./classifier-free";
export { tiltedLogDensity } from "./tilted";
