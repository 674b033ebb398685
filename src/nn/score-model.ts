import type { ScoreFunction } from "../score";

/**
 * A trainable score $s_\theta(t, x) \approx \nabla_x\log p_t(x)$: a {@link ScoreFunction} with
 * parameters, per-row times, a backward pass, and the Jacobian-vector product $J_x s_\theta\,v$
 * with its own backward pass (for the implicit and sliced objectives). `evaluate` and
 * `evaluateTangent` keep what the matching backward needs; gradients accumulate into `grad`.
 */
export interface ScoreModel extends ScoreFunction {
  /** (P) θ */
  readonly params: Float64Array;
  /** (P) accumulated $\partial L/\partial\theta$ */
  readonly grad: Float64Array;
  zeroGrad(): void;
  /** $s_\theta(t_r, x_r)$. @param t (n) @param x (n, d) @returns (n, d), valid until the next call */
  evaluate(t: Float64Array, x: Float64Array, n: number): Float64Array;
  /** grad += $\partial(\sum_r G_r\cdot s_\theta(t_r, x_r))/\partial\theta$. @param gScore (n, d) */
  backward(gScore: Float64Array, n: number): void;
  /** $s_\theta$ and $J_x s_\theta\,v$ per row. @param t (n) @param x (n, d) @param v (n, d) */
  evaluateTangent(
    t: Float64Array,
    x: Float64Array,
    v: Float64Array,
    n: number,
  ): { score: Float64Array; tangent: Float64Array };
  /** grad += $\partial(\sum G\cdot s + \sum G_T\cdot Jv)/\partial\theta$. @param gScore (n, d) @param gTangent (n, d) */
  backwardTangent(gScore: Float64Array, gTangent: Float64Array, n: number): void;
}
