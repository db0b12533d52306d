import { defineConfig } from 'vitest/config';
import { simdKernels } from '../scripts/kernels.mjs';

/**
 * `npm run bench` runs bench/steps.wasm.ts through this config: the default step of each
 * lab on tfjs' wasm backend in node, which is single-threaded — the 1-thread figure.
 */
export default defineConfig({
  plugins: [simdKernels()],
  test: {
    include: ['bench/*.wasm.ts'],
    environment: 'node',
    testTimeout: 600_000,
    setupFiles: ['src/test-setup-wasm.ts'],
    // relaxed SIMD (our kernels' fused multiply-add), as Chrome runs them; node 20 needs the flag
    execArgv: ['--experimental-wasm-relaxed-simd'],
  },
});
