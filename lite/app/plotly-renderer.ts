/// <reference lib="dom" />
/**
 * The mime renderer for `application/vnd.plotly.v1+json` (rank 0, above text/html): draws the
 * figure's JSON with plotly.js, the site's copy (build/plotly-<version>.min.js, the version
 * figureBundle inlines under tslab), loaded by a `<script>` on the first figure. The same
 * renderer that `pip install plotly` adds to JupyterLab, in a few lines.
 */
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { Widget } from "@lumino/widgets";
import type { Message } from "@lumino/messaging";
import { staticUrl } from "../kernel/plugin";

export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** What the renderer uses of plotly.js. */
interface Plotly {
  react(el: HTMLElement, figure: Record<string, unknown>): Promise<unknown>;
  purge(el: HTMLElement): void;
  Plots: { resize(el: HTMLElement): void };
}

let plotly: Promise<Plotly> | null = null;

function loadPlotly(): Promise<Plotly> {
  plotly ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = staticUrl(__PLOTLY_FILE__);
    script.onload = () => resolve((window as unknown as { Plotly: Plotly }).Plotly);
    script.onerror = () => reject(new Error(`plotly.js did not load from ${script.src}`));
    document.head.appendChild(script);
  });
  return plotly;
}

class PlotlyRenderer extends Widget implements IRenderMime.IRenderer {
  constructor(private readonly mimeType: string) {
    super();
    this.addClass("itolab-plotly");
  }

  async renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    const fig = (model.data[this.mimeType] ?? {}) as Record<string, unknown>;
    const Plotly = await loadPlotly();
    await Plotly.react(this.node, {
      data: fig.data ?? [],
      layout: fig.layout ?? {},
      config: { responsive: true, ...((fig.config as object) ?? {}) },
      ...(fig.frames !== undefined ? { frames: fig.frames } : {}),
    });
  }

  protected override onResize(_msg: Message): void {
    if (this.isVisible && plotly && "_fullLayout" in this.node) {
      void plotly.then((P) => P.Plots.resize(this.node));
    }
  }

  override dispose(): void {
    if (plotly && "_fullLayout" in this.node) void plotly.then((P) => P.purge(this.node));
    super.dispose();
  }
}

const extension: IRenderMime.IExtension = {
  id: "itolab-lite:plotly-renderer",
  description: "Draws plotly figures",
  rendererFactory: {
    safe: true,
    mimeTypes: [PLOTLY_MIME],
    createRenderer: (options) => new PlotlyRenderer(options.mimeType),
  },
  rank: 0,
  dataType: "json",
};

export default extension;
