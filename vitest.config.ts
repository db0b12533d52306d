import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    // tfjs' default node entry is slow under vitest; its es2017 bundle is ~3x faster
    alias: {
      '@tensorflow/tfjs': fileURLToPath(
        new URL('./node_modules/@tensorflow/tfjs/dist/tf.es2017.js', import.meta.url),
      ),
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
