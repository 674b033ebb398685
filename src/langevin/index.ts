export { energyTarget, mixtureTarget } from "./target";
export type { LangevinTarget, EnergySpec } from "./target";
export type { LangevinOptions, LangevinResult } from "./options";
export { unadjustedLangevin, ulaStationaryVariance } from "./unadjusted-langevin";
export { metropolisAdjustedLangevin } from "./metropolis-adjusted-langevin";
