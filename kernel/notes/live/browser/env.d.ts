/** The constant kernel/notes/live/bundle.ts gives esbuild for the live runtime. */
/** The worker's whole code (an IIFE of ./worker.ts with the library inside), started from a Blob URL. */
declare const __LIVE_WORKER_SOURCE__: string;
