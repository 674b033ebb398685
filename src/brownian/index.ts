export { uniformGrid, gridFromTimes, gridTimes } from "./time-grid";
export type { TimeGrid } from "./time-grid";
export type { BrownianSource } from "./brownian-source";
export { BrownianPath, sampleBrownianPath } from "./brownian-path";
export { brownianStream } from "./brownian-stream";
export { coarsenPath } from "./coarsen";
export { refinePath } from "./bridge";
export { normalStream } from "./normal-stream";
export type { NormalStream } from "./normal-stream";
