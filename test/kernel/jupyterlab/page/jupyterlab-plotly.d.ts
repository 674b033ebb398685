/** The mime extension module of jupyterlab-plotly (the package ships JavaScript only). */
declare module "jupyterlab-plotly/lib/plotly-renderer" {
  import type { IRenderMime } from "@jupyterlab/rendermime-interfaces";
  const extensions: IRenderMime.IExtension | IRenderMime.IExtension[];
  export default extensions;
}
