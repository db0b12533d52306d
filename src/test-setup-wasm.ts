import * as tf from '@tensorflow/tfjs-core';
import './core/tf-ops';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

const warn = console.warn;
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('tfjs-node')) return;
  warn(...args);
};
await tf.setBackend('wasm');
if (tf.getBackend() !== 'wasm')
  throw new Error(`wasm backend did not start (got ${tf.getBackend()})`);
