/// <reference lib="dom" />
/**
 * The JupyterLab test page (bundled by esbuild, see build-page.ts; not a test file): renders
 * notebook outputs with JupyterLab 4's own code, as a notebook cell does. One OutputArea per code
 * cell (at most 50 outputs shown, the notebook's default), on an OutputAreaModel marked trusted
 * or not, with a RenderMimeRegistry holding `standardRendererFactories` (ranks as in JupyterLab:
 * html 50 above images 90) and JupyterLab's default Sanitizer, plus, when asked, the plotly mime
 * renderer of `jupyterlab-plotly` at its extension's rank (what `pip install plotly` adds to
 * JupyterLab), loaded from its own script (plotly-renderer.ts) so that a bare page holds no
 * plotly.js. No typesetter: the executed notebooks carry no LaTeX in their outputs (the course
 * test asserts it). A page renders one notebook after another: each call disposes the previous
 * notebook's outputs and forgets `window.Plotly`, so every notebook must bring its own plotly.js
 * as when it is the only one open.
 */
import type * as nbformat from "@jupyterlab/nbformat";
import { OutputArea, OutputAreaModel } from "@jupyterlab/outputarea";
import { RenderMimeRegistry, standardRendererFactories } from "@jupyterlab/rendermime";
import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
import { Widget } from "@lumino/widgets";
import "@jupyterlab/outputarea/style/index.js";

const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** One code cell: its id and its outputs, mime bundles joined as Jupyter Server serves them. */
export interface PageCell {
  id: string;
  outputs: nbformat.IOutput[];
}

/** What one page renders: every cell of a notebook, trusted or not, with or without plotly. */
export interface PageRequest {
  cells: PageCell[];
  trusted: boolean;
  plotly: boolean;
}

/** What the page adds to `window` (and what the figures' scripts may add). */
export interface PageWindow {
  itolabRender: (request: PageRequest) => void;
  /** set by plotly-renderer.js: jupyterlab-plotly's mime extensions */
  itolabPlotlyExtensions?: IRenderMime.IExtension[];
  Plotly?: unknown;
}

const win = window as unknown as PageWindow;
let areas: OutputArea[] = [];

/**
 * Renders every cell into the page body, each in a `div.itolab-cell[data-cell]` holding its
 * OutputArea; the output child of every figure (an output carrying the plotly mime type) is
 * marked `data-itolab-figure="k"`, k counting the notebook's figures from 0.
 */
function render(request: PageRequest): void {
  for (const area of areas) area.dispose();
  areas = [];
  document.body.textContent = "";
  delete win.Plotly;
  const rendermime = new RenderMimeRegistry({ initialFactories: standardRendererFactories });
  if (request.plotly) {
    const extensions = win.itolabPlotlyExtensions;
    if (!extensions) throw new Error("itolabRender: plotly-renderer.js is not loaded");
    for (const ext of extensions) rendermime.addFactory(ext.rendererFactory, ext.rank);
  }
  let figure = 0;
  for (const cell of request.cells) {
    const host = document.createElement("div");
    host.className = "itolab-cell";
    host.dataset.cell = cell.id;
    document.body.appendChild(host);
    const model = new OutputAreaModel({ trusted: request.trusted });
    model.fromJSON(cell.outputs);
    const area = new OutputArea({ model, rendermime, maxNumberOutputs: 50 });
    area.widgets.forEach((child, i) => {
      if (i < model.length && PLOTLY_MIME in model.get(i).data) {
        child.node.dataset.itolabFigure = String(figure++);
      }
    });
    Widget.attach(area, host);
    areas.push(area);
  }
}

win.itolabRender = render;
