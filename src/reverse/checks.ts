import { describeValue } from "../base";
import type { ScoreFunction } from "../score";
import type { Sde } from "../sde";

/** Throws unless sde and score are well formed and of equal dimension. @internal */
export function checkSdeAndScore(fn: string, sde: Sde, score: ScoreFunction): void {
  if (
    sde === null ||
    typeof sde !== "object" ||
    typeof sde.drift !== "function" ||
    typeof sde.diffusion !== "function"
  ) {
    throw new TypeError(
      `${fn}: sde must be an Sde with drift and diffusion, got ${describeValue(sde)}`,
    );
  }
  if (score === null || typeof score !== "object" || typeof score.score !== "function") {
    throw new TypeError(
      `${fn}: score must be a ScoreFunction with a score method, got ${describeValue(score)}`,
    );
  }
  if (score.dim !== sde.dim) {
    throw new RangeError(`${fn}: score.dim must equal sde.dim = ${sde.dim}, got ${score.dim}`);
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
