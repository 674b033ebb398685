export { schrodingerFollmer } from "./schrodinger-follmer";
export type { SchrodingerFollmer } from "./schrodinger-follmer";
export { brownianBridgeSde, brownianBridgeMarginal } from "./brownian-bridge";
export { cldMarginal, cldVelocityScore } from "./cld-score";
