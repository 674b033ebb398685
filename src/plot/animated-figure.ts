import type { Data, Layout } from "plotly.js";
import { Figure, requireTraces, themedFigure } from "./figure";
import { toJsonValue } from "./to-plot-array";
import { describeValue, requireOptions, requirePositive } from "../base";
import { requireObject } from "./validate";

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
 * @param options - frameMs: milliseconds per frame when playing, finite, > 0 (default 100).
 * @returns a Figure with `frames` set; `show` renders it with the slider.
 * @see plotly.js, "Animations" and "Sliders" (https://plotly.com/javascript/animations/).
 */
export function animatedFigure(
  frames: readonly AnimationFrame[],
  layout: Partial<Layout> = {},
  options: { frameMs?: number } = {},
): Figure {
  const fn = "animatedFigure";
  if (!Array.isArray(frames)) {
    throw new TypeError(`${fn}: frames must be an array of frames, got ${describeValue(frames)}`);
  }
  if (frames.length === 0) {
    throw new RangeError(`${fn}: frames must be non-empty, got ${describeValue(frames)}`);
  }
  const names = new Set<string>();
  frames.forEach((f: unknown, k) => {
    requireObject(fn, `frames[${k}]`, f, "a frame { name, traces }");
    const { name, traces } = f as AnimationFrame;
    if (typeof name !== "string") {
      throw new TypeError(`${fn}: frames[${k}].name must be a string, got ${describeValue(name)}`);
    }
    requireTraces(fn, `frames[${k}].traces`, traces);
    if (names.has(name)) {
      throw new RangeError(`${fn}: frames[${k}].name must be unique, got "${name}" twice`);
    }
    names.add(name);
    if (traces.length !== frames[0].traces.length) {
      throw new RangeError(
        `${fn}: frames[${k}].traces must have the length of frames[0].traces (${frames[0].traces.length}), got ${traces.length}`,
      );
    }
  });
  requireObject(fn, "layout", layout, "an object");
  const o = requireOptions(fn, options);
  const ms = o.frameMs === undefined ? 100 : requirePositive(fn, "options.frameMs", o.frameMs);
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
  const fig = themedFigure(frames[0].traces, { ...animated, ...layout });
  fig.frames = frames.map((f) => ({ name: f.name, data: toJsonValue(f.traces) as Data[] }));
  return fig;
}
