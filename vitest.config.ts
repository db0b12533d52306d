import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/**
 * Three projects: `unit` runs on tfjs' cpu backend with tfjs aliased to its es2017 bundle
 * (~3× faster to load than the node entry); `wasm` runs the longer learning checks on the
 * wasm backend, which must share one tfjs-core instance with @tensorflow/tfjs, so no alias;
 * `lint` proves the layer rule and the cycle check bite, on lint-fixtures/.
 */
export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 60_000,
    projects: [
      {
        resolve: {
          alias: {
            '@tensorflow/tfjs': fileURLToPath(
              new URL('./node_modules/@tensorflow/tfjs/dist/tf.es2017.js', import.meta.url),
            ),
          },
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
        test: {
          name: 'wasm',
          testTimeout: 600_000,
          include: ['src/**/*.wasm.test.ts'],
          environment: 'node',
          setupFiles: ['src/test-setup-wasm.ts'],
        },
      },
      {
        // the layer rule and the cycle check against lint-fixtures/ (no tfjs)
        test: {
          name: 'lint',
          include: ['eslint-rules/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
