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
