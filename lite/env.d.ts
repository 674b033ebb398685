/**
 * Declarations for lite/ (typechecked with the project's tsconfig): the virtual modules and the
 * constants that lite/build.js gives esbuild.
 */
declare module "itolab-lite:extensions" {
  /** [package name, its module] for every bundled JupyterLab/JupyterLite extension */
  export const extensionModules: [string, unknown][];
  /** plugin ids (or package names) left out, as in JupyterLite's app/lab */
  export const disabledPlugins: string[];
}

declare module "itolab-lite:modules" {
  /** what cells may import, by specifier: "itolab", "itolab/sde", …, "mathjs" */
  export const modules: Record<string, Record<string, unknown>>;
}

/** The kernelspec name, the notebooks' metadata.kernelspec.name ("itolab"). */
declare const __KERNEL_NAME__: string;
/** The kernel worker's file in the site's build/ folder. */
declare const __KERNEL_WORKER__: string;
/** The module bundle's file (lite/itolab/entry.ts) in build/. */
declare const __KERNEL_MODULES__: string;
/** plotly.js's file in build/. */
declare const __PLOTLY_FILE__: string;
/** plotly.js's version (package plotly.js-dist-min). */
declare const __PLOTLY_VERSION__: string;
