/// <reference lib="dom" />
/**
 * The application (lite/build.js bundles it): JupyterLab assembled from the statically bundled
 * extensions of build.js's list (no module federation: `federated_extensions` stays empty),
 * JupyterLite's in-browser services, the kernel plugin and the plotly renderer. With
 * `exposeAppInBrowser` in the page config the app is `window.jupyterapp` (the tests drive it).
 */
import { JupyterLab } from "@jupyterlab/application";
import { PageConfig } from "@jupyterlab/coreutils";
import { IServiceManager } from "@jupyterlab/services";
import { PluginRegistry } from "@lumino/coreutils";
import { disabledPlugins, extensionModules } from "itolab-lite:extensions";
import kernelPlugin from "../kernel/plugin";
import plotlyExtension from "./plotly-renderer";

type Plugin = { id: string };

function pluginsOf(mod: unknown): Plugin[] {
  const m = mod as { default?: unknown };
  const exported = m && Object.prototype.hasOwnProperty.call(m, "default") ? m.default : m;
  return (Array.isArray(exported) ? exported : [exported]) as Plugin[];
}

function isDisabled(id: string): boolean {
  return (
    PageConfig.Extension.isDisabled(id) ||
    disabledPlugins.includes(id) ||
    disabledPlugins.includes(id.split(":")[0])
  );
}

async function main(): Promise<void> {
  const plugins: Plugin[] = [];
  const available: (Plugin & { extension: string })[] = [];
  for (const [name, mod] of extensionModules) {
    for (const p of pluginsOf(mod)) {
      if (isDisabled(p.id)) continue;
      plugins.push(p);
      available.push({ ...p, extension: name });
    }
  }
  plugins.push(kernelPlugin);
  available.push({ ...kernelPlugin, extension: "itolab-lite" });

  const pluginRegistry = new PluginRegistry();
  pluginRegistry.registerPlugins(plugins as never[]);
  // JupyterLite's in-browser services (contents, kernels, sessions, settings) come first
  const serviceManager = await pluginRegistry.resolveRequiredService(IServiceManager);
  const app = new JupyterLab({
    pluginRegistry,
    mimeExtensions: [plotlyExtension],
    serviceManager,
    availablePlugins: available,
  } as unknown as JupyterLab.IOptions);
  if (PageConfig.getOption("exposeAppInBrowser").toLowerCase() === "true") {
    (window as unknown as { jupyterapp: JupyterLab }).jupyterapp = app;
  }
  await app.start({ bubblingKeydown: true } as never);
  await app.restored;
}

main().catch((err) => {
  console.error("itolab lite: the application did not start", err);
  document.body.textContent = `The application did not start: ${err}`;
});
