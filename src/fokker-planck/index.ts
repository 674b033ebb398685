export { cellGrid } from "./cell-grid";
export type { CellGrid } from "./cell-grid";
export {
  pointMass,
  densityOnGrid,
  gridMass,
  l1Distance,
  gridMoments,
  interpolateGrid,
} from "./grid-density";
export { bernoulli } from "./bernoulli";
export type { Coefficients1d } from "./coefficients";
export { fokkerPlanckOperator } from "./fokker-planck-operator";
export type { OperatorSource } from "./operator-source";
export { kolmogorovOperator } from "./kolmogorov-operator";
export { implicitStepper } from "./implicit-stepper";
export type { ImplicitScheme, ImplicitStepper } from "./implicit-stepper";
export type { MarchOptions, MarchResult } from "./march";
export { solveFokkerPlanck, kolmogorovBackward } from "./solve-fokker-planck";
export type { Solve1dOptions } from "./solve-fokker-planck";
export { solveFokkerPlanck2d } from "./fokker-planck-2d";
export type { Problem2d } from "./fokker-planck-2d";
export { gridMoments2d } from "./moments-2d";
