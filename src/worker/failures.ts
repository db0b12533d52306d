import type { WorkerErrorCode } from './protocol';

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a thrown error means for the page: out of memory gets its own advice. */
export function failureCode(message: string): WorkerErrorCode {
  return /out of memory|allocation failed|memory access out of bounds|OOM/i.test(message)
    ? 'outOfMemory'
    : 'crash';
}

/**
 * A wasm binary that came as something else (a page, an error, a truncated file). `detail`
 * is data — the file, the status, the type, its first bytes — which the page puts in a
 * sentence of its own language (`backendFailure.wasmFile`).
 */
export class WasmFileError extends Error {
  constructor(readonly detail: string) {
    super(`The WebAssembly file could not be loaded: ${detail}`);
  }
}
