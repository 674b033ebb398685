/** The constants and virtual module kernel/notes/live/labs/bundle.ts gives esbuild for the labs. */
/** The lab worker's asset file name (`lab-worker-<hash>.js`), beside the runtime in assets/. */
declare const __LAB_WORKER_ASSET__: string;

declare module "itolab-lab-modules" {
  /** itolab (src/index.ts) and each subpath of package.json's exports, by specifier. */
  export const modules: Readonly<Record<string, unknown>>;
}
