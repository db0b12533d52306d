/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs-core';
import * as wasm from '@tensorflow/tfjs-backend-wasm';
import plainBinary from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdBinary from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdBinary from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { errorMessage, WasmFileError } from './failures';

/**
 * tfjs-wasm, always with the build's own binaries. Importing tfjs-backend-wasm registers
 * the backend at once, and from then on anything that asks the engine for a backend before
 * one is set (tf.memory(), tf.ready()) starts it — with tfjs' default file names
 * (tfjs-backend-wasm-threaded-simd.wasm) unless the paths are already set. The build has
 * only hashed names, and a server whose fallback is the app's page answers the default
 * name with HTML, and the worker fails to start. So the paths are set here, in the same module evaluation
 * that registers the backend: no code path can see one without the other.
 */
const binaries = {
  'tfjs-backend-wasm.wasm': plainBinary,
  'tfjs-backend-wasm-simd.wasm': simdBinary,
  'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdBinary,
};
wasm.setWasmPaths(binaries);

export { wasm };

/** The binary tfjs loads with the current flags (its getPathToWasmBinary). */
export async function chosenBinary(): Promise<string> {
  const [simd, threads] = await Promise.all([
    tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  ]);
  if (simd && threads) return binaries['tfjs-backend-wasm-threaded-simd.wasm'];
  return simd ? binaries['tfjs-backend-wasm-simd.wasm'] : binaries['tfjs-backend-wasm.wasm'];
}

const wasmMagic = [0x00, 0x61, 0x73, 0x6d];

/** The first bytes as text a person can read ("<!do"), for the message. */
function opening(bytes: Uint8Array): string {
  return Array.from(bytes.slice(0, 4), (byte) =>
    byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16)}`,
  ).join('');
}

/**
 * After a start that failed: the binary once more from the network, past the HTTP cache and
 * the service worker's copy (`cache: 'reload'`, which both refresh from what arrives).
 * Resolves when it is WebAssembly, so a second start compiles the fresh copy; otherwise
 * throws a WasmFileError saying what came instead.
 */
export async function refetchBinary(url: string): Promise<void> {
  const file = new URL(url, self.location.href).pathname.split('/').pop() ?? url;
  let response: Response;
  let binary: ArrayBuffer;
  try {
    response = await fetch(url, { cache: 'reload', credentials: 'same-origin' });
    binary = await response.arrayBuffer();
  } catch (error) {
    throw new WasmFileError(`${file} (${errorMessage(error)})`);
  }
  const bytes = new Uint8Array(binary);
  const type = response.headers.get('content-type') || '—';
  if (!response.ok) throw new WasmFileError(`${file} (HTTP ${response.status}, ${type})`);
  if (!wasmMagic.every((byte, i) => bytes[i] === byte))
    throw new WasmFileError(`${file} (HTTP ${response.status}, ${type}, “${opening(bytes)}…”)`);
  if (!WebAssembly.validate(binary))
    throw new WasmFileError(`${file} (${bytes.length} bytes, WebAssembly.validate: false)`);
}
