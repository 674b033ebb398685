export { rationalNormalForm } from "./rational-normal-form";
export type { RationalForm, SymbolicNode } from "./rational-normal-form";
