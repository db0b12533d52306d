import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { simdKernels } from './scripts/kernels.mjs';

/**
 * Three projects: `unit` runs on tfjs' cpu backend, tfjs-core aliased to the union
 * package's es2017 bundle (~3× faster to load than the node entry); `wasm` runs the longer learning checks on the
 * wasm backend, which must share one tfjs-core instance with tfjs-backend-wasm, so no alias;
 * `lint` proves the layer rule and the cycle check bite, on lint-fixtures/.
 */
const tfjsBundle = fileURLToPath(
  new URL('./node_modules/@tensorflow/tfjs/dist/tf.es2017.js', import.meta.url),
);
const emptyModule = fileURLToPath(new URL('./src/core/empty-module.ts', import.meta.url));

export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 60_000,
    // vitest's default on a 2-core machine is one worker; our tests are single-threaded
    // (tfjs cpu and wasm without threads), so two halve the suite's wall time
    maxWorkers: 2,
    projects: [
      {
        // our wasm SIMD kernels (virtual:simd-kernels), built from assembly/ when imported
        plugins: [simdKernels()],
        resolve: {
          alias: [
            // tfjs-core (exactly) → the union bundle: core with its gradients, chained ops
            // and cpu backend registered; src/core/tf-ops.ts is then a no-op
            { find: /^@tensorflow\/tfjs-(core|backend-cpu)$/, replacement: tfjsBundle },
            { find: /^@tensorflow\/tfjs-core\/dist\/.*$/, replacement: emptyModule },
          ],
        },
        test: {
          name: 'unit',
          testTimeout: 120_000,
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.wasm.test.ts'],
          environment: 'node',
          setupFiles: ['src/test-setup.ts'],
        },
      },
      {
        plugins: [simdKernels()],
        test: {
          name: 'wasm',
          testTimeout: 600_000,
          include: ['src/**/*.wasm.test.ts'],
          environment: 'node',
          setupFiles: ['src/test-setup-wasm.ts'],
          // relaxed SIMD (our kernels' fused multiply-add), as Chrome runs them; node 20
          // needs the flag (its plain build is tested too: simd-kernels.wasm.test.ts)
          execArgv: ['--experimental-wasm-relaxed-simd'],
        },
      },
      {
        // the layer rule and the cycle check against lint-fixtures/ (no tfjs)
        test: {
          name: 'lint',
          // spawns node and eslint: seconds on a quiet machine, more on a busy one
          testTimeout: 120_000,
          include: ['eslint-rules/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
