import { describeValue, requireInteger, requireOneOf } from "../base";
import { requireGemmKernel, type GemmKernel } from "../linalg";
import type { ActivationName } from "./activation";

/** What {@link mlp} builds. */
export interface MlpOptions {
  /** layer widths $(n_0, n_1, \dots, n_L)$: input, hidden…, output; at least two */
  sizes: number[];
  /** hidden activation (default "silu"); the output layer is linear */
  activation?: ActivationName;
  /** GEMM kernel (default: the shared "auto" one) */
  kernel?: GemmKernel;
}

/** Throws unless options are MlpOptions; `fn` names the caller. Returns them with defaults. @internal */
export function checkMlpOptions(
  fn: string,
  options: MlpOptions,
): { sizes: number[]; activation: ActivationName; kernel: GemmKernel | undefined } {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object, got ${describeValue(options)}`);
  }
  const { sizes, activation, kernel } = options;
  if (!Array.isArray(sizes)) {
    throw new TypeError(
      `${fn}: options.sizes must be an array of widths, got ${describeValue(sizes)}`,
    );
  }
  if (sizes.length < 2) {
    throw new RangeError(`${fn}: options.sizes must list at least 2 widths, got ${sizes.length}`);
  }
  sizes.forEach((w, i) => requireInteger(fn, `options.sizes[${i}]`, w, 1));
  const act =
    activation === undefined
      ? "silu"
      : requireOneOf(fn, "options.activation", activation, ["silu", "relu", "tanh"] as const);
  requireGemmKernel(fn, "options.kernel", kernel);
  return { sizes, activation: act, kernel };
}
