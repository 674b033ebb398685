/// <reference lib="dom" />
/**
 * The JupyterLab plugin that registers the kernel with JupyterLite under the name the course's
 * notebooks ask for (`metadata.kernelspec.name` "itolab", display name "TypeScript (itolab)"),
 * so a lecture opens with it and no kernel picker.
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from "@jupyterlab/application";
import { PageConfig, URLExt } from "@jupyterlab/coreutils";
import { IKernelSpecs, type IKernel } from "@jupyterlite/services";
import { TsKernel } from "./kernel";

const LOGO =
  "data:image/svg+xml;base64," +
  btoa(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="6" fill="#3178c6"/>' +
      '<text x="32" y="44" text-anchor="middle" font-family="Arial,sans-serif" font-weight="bold" font-size="28" fill="#fff">TS</text></svg>',
  );

/** The absolute URL of a file in the site's build/ folder. */
export function staticUrl(file: string): string {
  const base = PageConfig.getOption("fullStaticUrl") || "../build";
  return new URL(URLExt.join(base, file), window.location.href).href;
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: "itolab-lite:kernel",
  description:
    "The in-browser TypeScript kernel with itolab (TypeScript's compiler in a Web Worker).",
  autoStart: true,
  requires: [IKernelSpecs],
  activate: (_app: JupyterFrontEnd, kernelspecs: IKernelSpecs) => {
    kernelspecs.register({
      spec: {
        name: __KERNEL_NAME__,
        display_name: "TypeScript (itolab)",
        language: "typescript",
        argv: [],
        resources: { "logo-32x32": LOGO, "logo-64x64": LOGO },
      },
      create: async (options: IKernel.IOptions): Promise<IKernel> =>
        new TsKernel({
          ...options,
          workerUrl: staticUrl(__KERNEL_WORKER__),
          modulesUrl: staticUrl(__KERNEL_MODULES__),
          plotlyUrl: staticUrl(__PLOTLY_FILE__),
        }),
    });
  },
};

export default plugin;
