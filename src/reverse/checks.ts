import { describeValue, requireInteger, requireInterface } from "../base";
import type { ScoreFunction } from "../score";
import type { Sde } from "../sde";

/** Throws unless sde and score are well formed and of equal dimension. @internal */
export function checkSdeAndScore(fn: string, sde: Sde, score: ScoreFunction): void {
  requireInterface(fn, "sde", sde, "an Sde with drift and diffusion", ["drift", "diffusion"]);
  requireInteger(fn, "sde.dim", sde.dim, 1);
  requireInteger(fn, "sde.noiseDim", sde.noiseDim, 1);
  if (sde.noise !== "diagonal" && sde.noise !== "general") {
    throw new TypeError(
      `${fn}: sde.noise must be "diagonal" or "general", got ${describeValue(sde.noise)}`,
    );
  }
  requireInterface(fn, "score", score, "a ScoreFunction with a score method", ["score"]);
  if (score.dim !== sde.dim) {
    throw new RangeError(
      `${fn}: score.dim must equal sde.dim = ${sde.dim}, got ${describeValue(score.dim)}`,
    );
  }
  if (!sde.additive && (sde.calculus ?? "ito") !== "ito") {
    throw new TypeError(
      `${fn}: multiplicative noise must be read in Itô form, got calculus ${sde.calculus}`,
    );
  }
  if (!sde.additive && sde.noise !== "diagonal") {
    throw new TypeError(
      `${fn}: general multiplicative noise is not supported (∇·(ggᵀ) needs every ∂_j g_ik); use diagonal or additive noise`,
    );
  }
}

/** Scratch buffers that grow to the largest batch seen, so drift calls allocate nothing after the first. @internal */
export class Scratch {
  private bufs: Float64Array[] = [];
  constructor(private readonly count: number) {}
  get(size: number): Float64Array[] {
    if (this.bufs.length === 0 || this.bufs[0].length < size) {
      this.bufs = Array.from({ length: this.count }, () => new Float64Array(size));
    }
    return this.bufs;
  }
}
