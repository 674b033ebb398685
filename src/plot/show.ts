import { Figure } from "./figure";
import { buildBundle, requireFigure, type FigureBundle } from "./figure-bundle";
import { describeValue } from "../base";

/** The content of a Jupyter display_data message. */
export interface DisplayContent {
  data: FigureBundle;
  metadata: Record<string, never>;
  transient: Record<string, never>;
}

/** tslab's per-cell hook: sends one display_data (update = false) message. */
export type DisplayWriter = (content: DisplayContent, update: boolean) => void;

let injectedWriter: DisplayWriter | null = null;

/**
 * Replaces the tslab hook used by `show` (for tests, which run without a kernel); `null`
 * restores the lookup of the running kernel.
 * @param writer - receives exactly what the kernel would, or null.
 */
export function setDisplayWriter(writer: DisplayWriter | null): void {
  if (writer !== null && typeof writer !== "function") {
    throw new TypeError(
      `setDisplayWriter: writer must be a function or null, got ${describeValue(writer)}`,
    );
  }
  injectedWriter = writer;
}

/**
 * Displays a figure in the running tslab kernel as ONE display_data message carrying
 * `figureBundle(fig)`. Uses tslab's `lastWriteDisplayData` hook directly, because
 * `tslab.display.raw` would store the plotly JSON as a string.
 * @param fig - the figure, e.g. from `figure(...)` or `convergenceFigure(...)`.
 */
export function show(fig: Figure): void {
  const includePlotlyJs = requireFigure("show", fig);
  const writer = injectedWriter ?? kernelWriter();
  writer({ data: buildBundle(fig, includePlotlyJs), metadata: {}, transient: {} }, false);
}

/** tslab's live `lastWriteDisplayData`: from the loaded `tslab/dist/jupyter.js`, else required. */
function kernelWriter(): DisplayWriter {
  for (const mod of Object.values(require.cache ?? {})) {
    if (mod && /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(mod.filename)) {
      const hook = (mod.exports as { lastWriteDisplayData?: unknown }).lastWriteDisplayData;
      if (typeof hook === "function") return hook as DisplayWriter;
    }
  }
  let hook: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- tslab is optional at run time
    hook = (require("tslab/dist/jupyter") as { lastWriteDisplayData?: unknown })
      .lastWriteDisplayData;
  } catch {
    hook = null;
  }
  if (typeof hook !== "function") {
    throw new Error(
      "show: no running tslab kernel; use figureBundle(fig) to get the MIME bundle outside Jupyter",
    );
  }
  return hook as DisplayWriter;
}
