import { requireInteger, requireOptions, requirePositive } from "../base";
import type { NormalStream } from "../brownian";
import { unadjustedLangevin } from "../langevin";
import type { LinearProcess } from "../processes";
import type { ScoreFunction } from "../score";
import { checkNoise, checkProcess, checkStart, checkTMin } from "./validate";

/**
 * Annealed Langevin dynamics: Algorithm 1 of Song & Ermon (2019), with the noise levels
 * $\sigma_i = \sigma_{t_i}$ of a linear process at $t_1 > \dots > t_L$ (uniform from T to $t_{min}$):
 *
 *     for i = 1, …, L                                                line 2
 *       α_i = ε σ_i² / σ_L²                                          line 3
 *       K steps of z ~ N(0, I), x ← x + (α_i/2) s(t_i, x) + √α_i z   lines 4–7
 *
 * Lines 4–7 are `unadjustedLangevin` with step $h = \alpha_i/2$ on the target $p_{t_i}$, started
 * from the previous level. Biased for any finite step (no Metropolis correction). Returns samples
 * of ≈ $p_{t_{min}}$. Noise: n·d normals from `noise` per step, level after level. Throws naming
 * the level and step if the state stops being finite.
 * @param noise the z (e.g. `normalStream(rng)`, which reproduces `fillNormal(rng, z)` per step)
 * @param process linear process (std, T)
 * @param score $s(t, x)$, dimension d
 * @param x (n, d) row-major start (copied)
 * @param n rows, positive integer
 * @param options levels L (default 100), stepsPerLevel K (default 10), epsilon ε > 0 (default 2e-5, Song & Ermon's), tMin in (0, T) (default 1e-3)
 * @returns (n, d) row-major samples
 * @see Song & Ermon (2019), NeurIPS, Algorithm 1
 */
export function annealedLangevin(
  noise: NormalStream,
  process: LinearProcess,
  score: ScoreFunction,
  x: Float64Array,
  n: number,
  options: { levels?: number; stepsPerLevel?: number; epsilon?: number; tMin?: number } = {},
): Float64Array {
  const fn = "annealedLangevin";
  checkNoise(fn, noise);
  const T = checkProcess(fn, process, "a LinearProcess (vpSde, veSde, …)", ["std"]);
  let y = checkStart(fn, score, "x", x, n);
  const o = requireOptions(fn, options);
  const { levels: L = 100, stepsPerLevel: K = 10, epsilon: eps = 2e-5, tMin: t0 = 1e-3 } = o;
  const levels = requireInteger(fn, "options.levels", L, 1);
  const stepsPerLevel = requireInteger(fn, "options.stepsPerLevel", K, 1);
  const epsilon = requirePositive(fn, "options.epsilon", eps);
  const tMin = checkTMin(fn, t0, T);
  const sL = process.std(tMin) ** 2;
  // line 2: for i = 1, …, L (here i = 0, …, L − 1)
  for (let i = 0; i < levels; i++) {
    const t = levels === 1 ? tMin : T - ((T - tMin) * i) / (levels - 1);
    const alpha = (epsilon * process.std(t) ** 2) / sL; // line 3: α_i = ε σ_i²/σ_L²
    const h = 0.5 * alpha;
    if (!(h > 0 && Number.isFinite(alpha))) {
      throw new RangeError(
        `${fn}: the step α = ε σ_t²/σ_tMin² must be finite and > 0, got ${alpha} at level ${i + 1} (t = ${t}, options.epsilon = ${epsilon})`,
      );
    }
    const target = {
      dim: score.dim,
      score: (xs: Float64Array, out: Float64Array, m: number) => score.score(t, xs, out, m),
    };
    try {
      // lines 4–7: K Langevin steps on p_{t_i} from the previous level's end (line 8)
      y = unadjustedLangevin(noise, target, y, { step: h, steps: stepsPerLevel }).x;
    } catch (err) {
      if (
        err instanceof RangeError &&
        err.message.startsWith("unadjustedLangevin: state is not finite")
      ) {
        // ULA names its own step; say which level, under the name of the function called
        const detail = err.message.slice("unadjustedLangevin: ".length);
        throw new RangeError(`${fn}: at level ${i + 1} of ${levels} (t = ${t}), ${detail}`, {
          cause: err,
        });
      }
      throw err;
    }
  }
  return y;
}
