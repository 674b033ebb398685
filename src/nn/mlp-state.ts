import type { GemmKernel } from "../linalg";
import type { ActivationName } from "./activation";

/** Per-layer tangent buffers, sized like the Mlp's. @internal */
export interface TangentCache {
  th: Float64Array[];
  tz: Float64Array[];
  zAdj: Float64Array[];
  tAdj: Float64Array[];
  second: Float64Array;
}

/**
 * What the tangent passes read of an MLP: its widths, parameters and the buffers of the last
 * forward pass. {@link Mlp} implements it; the interface keeps mlp-tangent.ts free of a cycle. @internal
 */
export interface MlpState {
  readonly sizes: readonly number[];
  readonly activation: ActivationName;
  readonly grad: Float64Array;
  readonly wOffset: number[];
  readonly bOffset: number[];
  readonly kernel: GemmKernel | undefined;
  readonly layers: number;
  h: Float64Array[];
  z: Float64Array[];
  dz: Float64Array[];
  tangent: TangentCache | null;
  capacity: number;
  /** rows of the last forwardTangent */
  tangentRows: number;
  weight(l: number): Float64Array;
  forward(x: Float64Array, n: number): Float64Array;
}
