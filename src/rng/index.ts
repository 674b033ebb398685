export type { Rng } from "./rng";
export { createRng, rngFromState } from "./create-rng";
export { spawn } from "./spawn";
export { fillUniform } from "./fill-uniform";
export { fillNormal } from "./fill-normal";
