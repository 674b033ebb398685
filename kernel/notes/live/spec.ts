/**
 * What a live figure is (issue 24): a figure of an executed notebook that the reader can re-run in
 * the page. Its spec names the notebook's figure (`<cell id>-<n>`, as in figure-spec.ts) and the
 * notebook's check lines that belong to it (shown first, as the notebook printed them), lists the
 * labelled controls, and gives `compute`, which runs in the page's Web Worker with the browser
 * build of itolab: the figure's plotly JSON for the chosen settings, with the section's checks
 * re-evaluated by the library's own check functions (in "record" mode, so a failing check is a ✗
 * line, not an exception).
 */

/** A `<select>`: one option per value, the first view's value marked. */
export interface LiveSelect {
  readonly kind: "select";
  readonly name: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  /** The value of the notebook's own run (the first view). */
  readonly value: string;
}

/** An `<input type="number">`. */
export interface LiveNumber {
  readonly kind: "number";
  readonly name: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly value: string;
}

export type LiveControl = LiveSelect | LiveNumber;

/** The settings a computation receives: control name → the control's value. */
export type LiveParams = Readonly<Record<string, string>>;

/** A plotly figure as the page draws it. */
export interface LivePlot {
  data: unknown[];
  layout: Record<string, unknown>;
  config: Record<string, unknown>;
  /** plotly animation frames (played by buttons in layout.updatemenus), if any */
  frames?: unknown[];
}

/**
 * Progress of a long computation: `fraction` ∈ [0, 1] of the work done and a line saying what is
 * being done; with `plot`, the page redraws the figure with it at once (a loss curve while a
 * network trains). Calls closer than 50 ms apart without a plot are dropped by the worker.
 */
export type LiveProgress = (fraction: number, text: string, plot?: LivePlot) => void;

export interface LiveFigureSpec {
  /** `data-live` of the element, e.g. "02-strong-order". */
  readonly id: string;
  /** The notebook's stem, e.g. "02-simulating-sdes". */
  readonly stem: string;
  /** The notebook's figure this replaces: `<cell id>-<n>`. */
  readonly figure: string;
  /** The notebook's check lines shown under the figure in the first view (matched on their text). */
  readonly checks: RegExp;
  /** One line under the controls: what to try, and the setting that makes the method fail. */
  readonly note: string;
  readonly controls: readonly LiveControl[];
  /**
   * The settings documented to make the method fail (its check shows ✗, with why); the test
   * selects them and expects ✗.
   */
  readonly failing: LiveParams;
  /**
   * The figure for these settings; checks run inside report through the check recorder. Work
   * longer than a few hundred milliseconds reports `progress` (the page shows a progress bar;
   * the reader's next change cancels it).
   */
  compute(params: LiveParams, progress: LiveProgress): LivePlot;
}

/** The config every figure gets (as src/plot/figure-bundle.ts gives it) under the fig's own. */
export function livePlot(fig: {
  data: unknown[];
  layout: object;
  config?: object;
  frames?: unknown[];
}): LivePlot {
  return {
    data: fig.data,
    layout: fig.layout as Record<string, unknown>,
    config: { responsive: true, displaylogo: false, ...(fig.config ?? {}) },
    ...(fig.frames ? { frames: fig.frames } : {}),
  };
}

/** A control's value as a number, refused when out of [min, max]. */
export function numberParam(params: LiveParams, name: string, min: number, max: number): number {
  const v = Number(params[name]);
  if (!Number.isFinite(v) || v < min || v > max) {
    throw new RangeError(`${name} must be a number in [${min}, ${max}], got ${params[name]}`);
  }
  return v;
}

/** A control's value, refused unless it is one of `values`. */
export function oneOf<T extends string>(params: LiveParams, name: string, values: readonly T[]): T {
  const v = params[name] as T;
  if (!values.includes(v)) {
    throw new RangeError(`${name} must be one of ${values.join(", ")}, got ${params[name]}`);
  }
  return v;
}
