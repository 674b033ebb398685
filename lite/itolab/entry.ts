/**
 * The browser build of itolab (lite/build.js bundles it with `platform: "browser"` into
 * build/modules-<hash>.js; the kernel worker imports it once): the table of what cells may import
 * ("itolab", every subpath of package.json's "exports", and "mathjs"), one module instance each,
 * so that "itolab" and "itolab/plot" share their state (the figure counter, the check recorder),
 * and `attach`, which connects the library's display to the kernel.
 */
import { modules } from "itolab-lite:modules";
import { setDisplayWriter, type DisplayWriter } from "../../src/plot";
import { setPlotlyUrl } from "./plotly-source";

export { modules };

/** What the kernel gives the library. */
export interface KernelIo {
  /** sends one display_data message (what tslab's `lastWriteDisplayData` does) */
  display: DisplayWriter;
  /** absolute URL of the site's plotly.js, inlined by the first figure's text/html */
  plotlyUrl: string;
}

/**
 * Makes `show(fig)` send its MIME bundle through the kernel, as under tslab. Check lines need
 * nothing: they go through `console.log`, which the worker sends as stdout.
 * @param io - the kernel's display writer and plotly.js's URL.
 */
export function attach(io: KernelIo): void {
  setDisplayWriter(io.display);
  setPlotlyUrl(io.plotlyUrl);
}
