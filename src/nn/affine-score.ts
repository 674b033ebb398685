import { requireBatchAt, requireInteger, requireRowsAtLeast } from "../base";
import { checkSameRows, checkTimesAndPoints } from "./checks";
import type { ScoreModel } from "./score-model";

/**
 * $s_\theta(t, x) = Ax + b$, θ = (A (d, d) row-major, b (d)), independent of t: the model class
 * that holds the score $-\Sigma^{-1}(x - \mu)$ of any Gaussian, so every score-matching
 * objective has the same closed-form minimiser on Gaussian data. Parameters start at zero.
 * @param dim d
 * @see Hyvärinen (2005), JMLR 6, Example 1 (multivariate Gaussian)
 */
export function affineScore(dim: number): ScoreModel {
  requireInteger("affineScore", "dim", dim, 1);
  const d = dim;
  let rows = 0; // rows of the last evaluate, for backward
  let tangentRows = 0; // rows of the last evaluateTangent, for backwardTangent
  const params = new Float64Array(d * d + d);
  const grad = new Float64Array(d * d + d);
  let out = new Float64Array(0);
  let tan = new Float64Array(0);
  let xs = new Float64Array(0);
  let vs = new Float64Array(0);
  const apply = (x: Float64Array, o: Float64Array, n: number, bias: boolean): void => {
    for (let r = 0; r < n; r++) {
      for (let i = 0; i < d; i++) {
        let acc = bias ? params[d * d + i] : 0;
        for (let j = 0; j < d; j++) acc += params[i * d + j] * x[r * d + j];
        o[r * d + i] = acc;
      }
    }
  };
  const grow = (n: number): void => {
    if (out.length < n * d) {
      out = new Float64Array(n * d);
      tan = new Float64Array(n * d);
      xs = new Float64Array(n * d);
      vs = new Float64Array(n * d);
    }
  };
  const accumulate = (g: Float64Array, x: Float64Array, n: number, bias: boolean): void => {
    for (let r = 0; r < n; r++) {
      for (let i = 0; i < d; i++) {
        const gi = g[r * d + i];
        for (let j = 0; j < d; j++) grad[i * d + j] += gi * x[r * d + j];
        if (bias) grad[d * d + i] += gi;
      }
    }
  };
  return Object.freeze({
    dim: d,
    params,
    grad,
    zeroGrad: () => grad.fill(0),
    score(t: number, x: Float64Array, o: Float64Array, n: number): void {
      const fn = "affineScore.score";
      requireBatchAt(fn, t, x, o, n, d);
      apply(x, o, n, true);
    },
    evaluate(t: Float64Array, x: Float64Array, n: number): Float64Array {
      checkTimesAndPoints("affineScore.evaluate", t, x, n, d);
      grow(n);
      xs.set(x.subarray(0, n * d));
      apply(x, out, n, true);
      rows = n;
      tangentRows = 0; // xs now holds this batch: a backwardTangent needs its own evaluateTangent
      return out.subarray(0, n * d);
    },
    backward(g: Float64Array, n: number): void {
      checkSameRows("affineScore.backward", n, rows, "evaluate");
      requireRowsAtLeast("affineScore.backward", "gScore", g, n, d, { widthName: "d" });
      accumulate(g, xs, n, true);
    },
    evaluateTangent(t: Float64Array, x: Float64Array, v: Float64Array, n: number) {
      checkTimesAndPoints("affineScore.evaluateTangent", t, x, n, d);
      requireRowsAtLeast("affineScore.evaluateTangent", "v", v, n, d, { widthName: "d" });
      grow(n);
      xs.set(x.subarray(0, n * d));
      vs.set(v.subarray(0, n * d));
      apply(x, out, n, true);
      apply(v, tan, n, false);
      rows = n; // backward reads only xs, which holds this batch
      tangentRows = n;
      return { score: out.subarray(0, n * d), tangent: tan.subarray(0, n * d) };
    },
    backwardTangent(g: Float64Array, gT: Float64Array, n: number): void {
      const fn = "affineScore.backwardTangent";
      checkSameRows(fn, n, tangentRows, "evaluateTangent");
      requireRowsAtLeast(fn, "gScore", g, n, d, { widthName: "d" });
      requireRowsAtLeast(fn, "gTangent", gT, n, d, { widthName: "d" });
      accumulate(g, xs, n, true);
      accumulate(gT, vs, n, false);
    },
  });
}
