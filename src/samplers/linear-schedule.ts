import type { LinearProcess } from "../processes";

/**
 * $\alpha_t$ and $\sigma_t$ on $[0, T]$: what a sampler of $x_t = \alpha_t x_0 + \sigma_t\varepsilon$
 * needs from its forward process. Every {@link LinearProcess} (vpSde, veSde, subVpSde, OU) is
 * one; so is a DDPM schedule read at integer steps, `{ T: schedule.steps, scale: (t) =>
 * Math.sqrt(schedule.alphaBar[t]), std: (t) => Math.sqrt(schedule.oneMinusAlphaBar[t]) }`.
 */
export type LinearSchedule = Pick<LinearProcess, "T" | "scale" | "std">;
