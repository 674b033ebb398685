/// <reference lib="dom" />
/**
 * The plotly mime renderer of `jupyterlab-plotly` (what plotly's Python package installs into
 * JupyterLab), bundled on its own (see build-page.ts; not a test file) and handed to the test
 * page (main.ts) as `window.itolabPlotlyExtensions`, with its stylesheet.
 */
import plotlyExtensions from "jupyterlab-plotly/lib/plotly-renderer";
import type { PageWindow } from "./main";
import "jupyterlab-plotly/style/index.css";

(window as unknown as PageWindow).itolabPlotlyExtensions = Array.isArray(plotlyExtensions)
  ? plotlyExtensions
  : [plotlyExtensions];
