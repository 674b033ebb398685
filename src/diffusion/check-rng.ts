import { requireInterface } from "../base";
import type { Rng } from "../rng";

/** Throws a TypeError unless rng is an Rng (uniform and normal methods). @internal */
export function checkRng(fn: string, rng: Rng): void {
  requireInterface(fn, "rng", rng, "an Rng", ["uniform", "normal"]);
}
