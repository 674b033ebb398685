import type { Data, Layout } from "plotly.js";
import { Figure, figure } from "./figure";
import { toJsonValue } from "./to-plot-array";
import { describeValue } from "../base";

/** One frame of an animation: its slider label and the traces it shows. */
export interface AnimationFrame {
  /** slider label, e.g. "t = 0.50" (unique within the animation) */
  name: string;
  /** the traces of this frame, in the same order and of the same types as every other frame */
  traces: readonly Data[];
}

/**
 * An animated figure: frame 0 drawn, every frame a plotly frame, a time slider (one step per
 * frame) and play/pause buttons. Frames redraw their traces in place (`redraw: false`), so keep
 * trace counts and types equal across frames.
 * @param frames - shape (F,), F ≥ 1, each with a unique name and the traces to show.
 * @param layout - layout overrides as for `figure` (fix axis ranges so frames are comparable).
 * @param options - frameMs: milliseconds per frame when playing (default 100).
 * @returns a Figure with `frames` set; `show` renders it with the slider.
 * @see plotly.js, "Animations" and "Sliders" (https://plotly.com/javascript/animations/).
 */
export function animatedFigure(
  frames: readonly AnimationFrame[],
  layout: Partial<Layout> = {},
  options: { frameMs?: number } = {},
): Figure {
  const fn = "animatedFigure";
  if (!Array.isArray(frames) || frames.length === 0) {
    throw new RangeError(`${fn}: frames must be a non-empty array, got ${describeValue(frames)}`);
  }
  const names = new Set<string>();
  frames.forEach((f, k) => {
    if (typeof f?.name !== "string" || !Array.isArray(f.traces) || f.traces.length === 0) {
      throw new TypeError(`${fn}: frames[${k}] must be { name: string, traces: non-empty array }`);
    }
    if (names.has(f.name))
      throw new RangeError(`${fn}: frame names must be unique, got "${f.name}" twice`);
    names.add(f.name);
    if (f.traces.length !== frames[0].traces.length) {
      throw new RangeError(
        `${fn}: frames[${k}] has ${f.traces.length} traces, frames[0] has ${frames[0].traces.length}`,
      );
    }
  });
  const ms = options.frameMs ?? 100;
  if (!(typeof ms === "number" && ms > 0 && ms < Infinity)) {
    throw new RangeError(`${fn}: frameMs must be a finite number > 0, got ${describeValue(ms)}`);
  }
  const step = (duration: number) => ({
    mode: "immediate",
    frame: { duration, redraw: false },
    transition: { duration: 0 },
  });
  const animated: Partial<Layout> = {
    sliders: [
      {
        active: 0,
        pad: { t: 50 },
        currentvalue: { prefix: "" },
        steps: frames.map((f) => ({
          label: f.name,
          method: "animate",
          args: [[f.name], step(0)],
        })),
      },
    ] as unknown as Layout["sliders"],
    updatemenus: [
      {
        type: "buttons",
        showactive: false,
        x: 0,
        y: 0,
        xanchor: "right",
        yanchor: "top",
        pad: { t: 60, r: 10 },
        buttons: [
          { label: "▶", method: "animate", args: [null, { ...step(ms), fromcurrent: true }] },
          { label: "❚❚", method: "animate", args: [[null], step(0)] },
        ],
      },
    ] as unknown as Layout["updatemenus"],
  };
  const fig = figure(frames[0].traces, { ...animated, ...layout });
  fig.frames = frames.map((f) => ({ name: f.name, data: toJsonValue(f.traces) as Data[] }));
  return fig;
}
