import type { Plugin } from 'vite';

/** The builds of assembly/kernels.ts (plain and shared memory, each ± relaxed SIMD), cached. */
export function buildKernels(): Promise<{
  plain: Uint8Array;
  shared: Uint8Array;
  plainFma: Uint8Array;
  sharedFma: Uint8Array;
}>;
/** Vite plugin serving `virtual:simd-kernels`. */
export function simdKernels(): Plugin;
