export { cholesky, logDetFromCholesky, inverseFromCholesky } from "./cholesky";
export {
  tridiagonal,
  applyTridiagonal,
  transposeTridiagonal,
  shiftedFactors,
  factorShifted,
  solveShifted,
} from "./tridiagonal";
export type { Tridiagonal, ShiftedFactors } from "./tridiagonal";
export { lyapunov2 } from "./lyapunov";
export { principalAxes } from "./principal-axes";
export type { PrincipalAxes } from "./principal-axes";
export { gemmKernel, requireGemmKernel } from "./gemm-kernel";
export type { GemmKernel } from "./gemm-kernel";
export { gemmNT, gemmNN, gemmTN } from "./gemm";
export type { GemmProduct } from "./gemm";
