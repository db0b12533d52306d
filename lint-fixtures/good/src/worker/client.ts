// A worker started by URL: an arrow inside its own layer.
export const workerUrl = new URL('./train.worker.ts', import.meta.url);
