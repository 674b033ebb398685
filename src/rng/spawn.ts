import { describeValue, requireInteger } from "../base";
import type { Rng } from "./rng";
import { Xoshiro128 } from "./xoshiro128";

/**
 * $\text{child}_k = J^{k+1} s$ for $k = 0, \dots, n-1$, then $s \leftarrow J^{n+1} s$, where $J$ is
 * the xoshiro128** jump by $2^{64}$ draws and $s$ is the root's state.
 * Children are deterministic functions of the root's state, pairwise distinct and distinct from
 * the root; each owns a block of $2^{64}$ draws that no other child, and not the root, reaches.
 * The root is advanced past all its children, so a later `spawn(root, m)` yields fresh streams.
 * @param root generator made by `createRng` or `rngFromState`; its state is advanced
 * @param n number of children, a non-negative integer
 * @returns `n` independent generators, shape (n,)
 * @see D. Blackman & S. Vigna (2021), ACM TOMS 47(4), section 4.2 (jump functions).
 */
export function spawn(root: Rng, n: number): Rng[] {
  if (!(root instanceof Xoshiro128)) {
    throw new TypeError(
      `spawn: root must be an Rng from createRng or rngFromState, got ${describeValue(root)}`,
    );
  }
  requireInteger("spawn", "n", n, 0);
  const children: Rng[] = [];
  for (let k = 0; k < n; k++) {
    root.jump();
    children.push(root.clone());
  }
  root.jump();
  return children;
}
