/**
 * Lecture 07's samplers for its live figures (07-sampler.ts, 07-train.ts), as section 5 of the
 * notebook runs them (cells sm-55 to sm-58): from $x_T \sim \mathcal N(0, I)$ at $T = 1$ down to
 * $t_{\min} = 10^{-3}$ in $K$ steps, the reverse SDE $dx = [f - g^2 s]\,dt + g\,d\bar W$ by
 * Euler–Maruyama, the probability-flow ODE $dx = [f - \tfrac12 g^2 s]\,dt$ by Heun, annealed
 * Langevin ($K/2$ levels of 4 steps), predictor–corrector ($K/2$ steps) and DDPM's ancestral
 * sampler ($K$ steps), each on its own stream of `spawn(r, 4)` after the prior, so the notebook's
 * exact-score twins are reproduced draw for draw. One wrong sampler beside them: the reverse
 * SDE's drift $f - g^2 s$ integrated without its noise (Heun), an ODE whose flow does not carry
 * $p_T$ to $p_0$ (the probability flow halves the score term: Song et al. 2021, eq. (13)); it
 * concentrates the particles on the modes.
 * Each run records the states the sampler hands to the score (a time and a copy of the
 * particles, at most about 30 of them), the frames of the animation from noise to data.
 * @see Song et al. (2021), ICLR, eqs. (6) and (13), Algorithms 1 and 5; Song & Ermon (2019),
 *   NeurIPS, Algorithm 1; Ho et al. (2020), NeurIPS, Algorithm 2;
 *   notebooks/07-score-matching.ipynb, section 5 (cells sm-55 to sm-58)
 */
import { fillNormal, spawn, type Rng } from "../../../../src/rng";
import { brownianStream, normalStream, uniformGrid } from "../../../../src/brownian";
import { eulerMaruyama, integrate, stochasticHeun } from "../../../../src/sde";
import { probabilityFlow, reverseSde, zeroNoise } from "../../../../src/reverse";
import type { ScoreFunction } from "../../../../src/score";
import type { VpProcess } from "../../../../src/processes";
import { annealedLangevin, ddpmAncestral, predictorCorrector } from "../../../../src/samplers";
import type { LiveSelect } from "../spec";

export const SAMPLERS = ["reverseSde", "ddpm", "pc", "annealed", "flow", "sdeDriftNoNoise"] as const;
export type SamplerName = (typeof SAMPLERS)[number];

export const samplerNames: Record<SamplerName, string> = {
  reverseSde: "reverse SDE (EM)",
  flow: "probability flow (Heun)",
  annealed: "annealed Langevin",
  pc: "predictor–corrector",
  ddpm: "DDPM ancestral",
  sdeDriftNoNoise: "reverse-SDE drift f − g²s without noise (Heun)",
};

/** The sampler `<select>`, with `value` first-viewed. */
export function samplerControl(value: SamplerName, names: readonly SamplerName[]): LiveSelect {
  return {
    kind: "select",
    name: "sampler",
    label: "Sampler",
    value,
    options: names.map((v) => ({ value: v, label: samplerNames[v] })),
  };
}

/** A state the sampler handed to the score: the time and a copy of the (n, 2) particles. */
export interface Snapshot {
  t: number;
  x: Float64Array;
}

export interface SamplerRun {
  /** (n, d) row-major output, ≈ p_tMin */
  x: Float64Array;
  /** x_T, then the recorded states, then the output */
  snapshots: Snapshot[];
}

const FRAMES = 30; // about this many recorded states per run

/**
 * Runs sampler `name` with `score` from the prior drawn from `r` (then `spawn(r, 4)` for the
 * noise, as the notebook's `runSamplers`), K steps from T = 1 to tMin, n particles.
 */
export function runSampler(
  name: SamplerName,
  r: Rng,
  vp: VpProcess,
  score: ScoreFunction,
  n: number,
  K: number,
  tMin: number,
): SamplerRun {
  const d = score.dim;
  const prior = fillNormal(r, new Float64Array(d * n)); // x_T ~ N(0, I)
  const [rEm, rAl, rPc, rDd] = spawn(r, 4);
  const levels = Math.max(1, Math.round(K / 2)); // annealed levels, PC steps: the notebook's K/2
  const calls = { reverseSde: K, flow: 2 * K, sdeDriftNoNoise: 2 * K, annealed: 4 * levels, pc: 2 * levels, ddpm: K }[name];
  const every = Math.max(1, Math.round(calls / FRAMES));
  const snapshots: Snapshot[] = [{ t: vp.T, x: prior.slice() }];
  let call = 0;
  const recording: ScoreFunction = {
    dim: d,
    score(t, x, out, rows) {
      if (call > 0 && call % every === 0) snapshots.push({ t, x: x.slice(0, rows * d) });
      call += 1;
      score.score(t, x, out, rows);
    },
  };
  const grid = uniformGrid(vp.T, tMin, K);
  let x: Float64Array;
  if (name === "reverseSde") {
    const brownian = brownianStream(rEm, grid, n, d);
    x = integrate(reverseSde(vp.sde, recording), eulerMaruyama, prior, brownian).x;
  } else if (name === "flow") {
    x = integrate(probabilityFlow(vp.sde, recording), stochasticHeun, prior, zeroNoise(grid, n, d)).x;
  } else if (name === "sdeDriftNoNoise") {
    // the wrong one: the reverse SDE's drift f − g²s with the noise left out
    x = integrate(reverseSde(vp.sde, recording), stochasticHeun, prior, zeroNoise(grid, n, d)).x;
  } else if (name === "annealed") {
    const options = { levels, stepsPerLevel: 4, tMin };
    x = annealedLangevin(normalStream(rAl), vp, recording, prior, n, options);
  } else if (name === "pc") {
    x = predictorCorrector(normalStream(rPc), vp, recording, prior, n, { steps: levels, tMin });
  } else {
    x = ddpmAncestral(normalStream(rDd), vp, recording, prior, n, { steps: K, tMin });
  }
  snapshots.push({ t: tMin, x });
  return { x, snapshots };
}

/** Column j of (n, 2) row-major points. */
export const coordinate = (x: Float64Array, j: number): Float64Array =>
  Float64Array.from({ length: x.length / 2 }, (_, r) => x[2 * r + j]);

/**
 * Plotly frames moving trace `trace` through the snapshots, a slider labelled by t and a play
 * button (layout.sliders, layout.updatemenus); the figure itself shows the last snapshot.
 */
export function particleFrames(
  snapshots: readonly Snapshot[],
  trace: number,
): { frames: unknown[]; sliders: unknown[]; updatemenus: unknown[] } {
  const names = snapshots.map((s, k) => `${k}`);
  const frames = snapshots.map((s, k) => ({
    name: names[k],
    data: [{ x: Array.from(coordinate(s.x, 0)), y: Array.from(coordinate(s.x, 1)) }],
    traces: [trace],
  }));
  const step = (duration: number) => ({
    mode: "immediate",
    frame: { duration, redraw: false },
    transition: { duration: 0 },
  });
  const sliders = [
    {
      active: snapshots.length - 1,
      pad: { t: 40 },
      currentvalue: { prefix: "t = " },
      steps: snapshots.map((s, k) => ({
        label: s.t.toFixed(3),
        method: "animate",
        args: [[names[k]], step(0)],
      })),
    },
  ];
  const updatemenus = [
    {
      type: "buttons",
      showactive: false,
      x: 0,
      y: 0,
      xanchor: "right",
      yanchor: "top",
      pad: { t: 50, r: 10 },
      buttons: [
        { label: "▶ noise → data", method: "animate", args: [names, step(120)] },
        { label: "❚❚", method: "animate", args: [[null], step(0)] },
      ],
    },
  ];
  return { frames, sliders, updatemenus };
}
