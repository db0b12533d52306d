import type { Plugin } from 'vite';

/** The two builds of assembly/kernels.ts (plain and shared memory), cached. */
export function buildKernels(): Promise<{ plain: Uint8Array; shared: Uint8Array }>;
/** Vite plugin serving `virtual:simd-kernels`. */
export function simdKernels(): Plugin;
