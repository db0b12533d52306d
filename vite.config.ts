import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { deployPlugin } from './scripts/vite-plugin-deploy.ts';
import { simdKernels } from './scripts/kernels.mjs';
import { earlyWorkerPlugin, earlyWorkerScriptSource } from './scripts/vite-plugin-early-worker.ts';

// Cross-origin isolation lets the wasm backend use SharedArrayBuffer threads.
// The CSP allows only our own origin; 'wasm-unsafe-eval' is what WebAssembly
// compilation needs, blob: is where tfjs-wasm starts its pthread workers; the one inline
// script (it starts the training worker as the HTML is parsed) is allowed by its hash.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' blob: ${earlyWorkerScriptSource}`,
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "connect-src 'self' blob: data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export default defineConfig({
  // relative URLs: the build works from any folder of any static host (/course/playground/)
  base: './',
  plugins: [react(), deployPlugin({ contentSecurityPolicy }), earlyWorkerPlugin(), simdKernels()],
  worker: {
    format: 'es',
    plugins: () => [simdKernels()],
    // tfjs-wasm starts its pthreads from the *source text* of its factory function
    // (factory.toString()). The compressor folds that function's
    // `typeof _scriptDir !== "undefined"` guard away, and every pthread then dies with
    // "e is not defined" (only one thread survives). Mangle, but do not compress.
    rolldownOptions: {
      output: {
        minify: { compress: false, mangle: true },
        // the body (worker-main.ts), the wasm backend and the tfjs code they share in one
        // chunk beside the tiny entry: split, each chunk's imports were found only once it
        // had arrived (entry → body → tfjs-core → runtime, a fetch and a parse each). The
        // other backends stay apart, loaded only when tried.
        codeSplitting: {
          groups: [
            {
              name: 'worker-body',
              test: (id: string) =>
                !id.includes('train.worker') &&
                /[\\/]src[\\/]|tfjs-core|tfjs-backend-wasm|tfjs-backend-cpu.*(_impl|shared)|simd-kernels|rolldown\/runtime/.test(
                  id,
                ),
            },
          ],
        },
      },
    },
  },
  server: { headers: isolationHeaders },
  preview: {
    headers: { ...isolationHeaders, 'Content-Security-Policy': contentSecurityPolicy },
  },
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgpu',
      'react',
      'react-dom',
      'zustand',
      'd3',
    ],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 3000 },
});
