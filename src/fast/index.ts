export { addRun } from "./add-run";
export { fastExp, expReduced, LOG2E, SHIFT, LN2_HI, LN2_LO, POW2 } from "./exp";
export { createWasmGemm } from "./gemm-wasm";
export type { WasmGemm } from "./gemm-wasm";
export { createWasmSilu } from "./silu-wasm";
export type { SiluFn } from "./silu-wasm";
export * as wasm from "./wasm-emit";
