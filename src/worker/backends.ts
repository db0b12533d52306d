import * as tf from '@tensorflow/tfjs-core';
import { planBackend, wasmThreadsFor, type BackendName, type Capabilities } from './backend-choice';
import type { BackendInfo } from './protocol';
import { simdKernelBuild } from '../core/nn/simd-kernels';
import { errorMessage, WasmFileError } from './failures';
import { markStartup } from './startup-marks';

/** What this browser offers, asked directly (tfjs would hide a software adapter). */
export async function probeCapabilities(): Promise<Capabilities> {
  let webgpuAdapter: Capabilities['webgpuAdapter'] = null;
  try {
    const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
    const adapter = gpu ? await gpu.requestAdapter() : null;
    if (adapter) {
      const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
      webgpuAdapter = {
        isFallbackAdapter: Boolean(
          info?.isFallbackAdapter ?? (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter,
        ),
        description: [info?.vendor, info?.architecture, info?.device, info?.description]
          .filter(Boolean)
          .join(' '),
      };
    }
  } catch {
    webgpuAdapter = null;
  }
  let webglRenderer: string | null = null;
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (gl) {
      const debug = gl.getExtension('WEBGL_debug_renderer_info');
      webglRenderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    webglRenderer = null;
  }
  return { webgpuAdapter, webglRenderer, wasm: typeof WebAssembly === 'object' };
}

async function startBackend(
  name: BackendName,
): Promise<Pick<BackendInfo, 'threads' | 'simd' | 'kernels'>> {
  // each backend is loaded only when tried: the worker starts with tfjs-core alone
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  if (name === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
  if (name !== 'wasm') return activate(name, null);
  const { wasm, chosenBinary, refetchBinary } = await import('./wasm-backend');
  markStartup('worker:wasm-code-loaded');
  const threads = wasmThreadsFor(navigator.hardwareConcurrency || 1);
  // one thread: the plain SIMD build (no pool of eight idle pthread workers to start)
  if (threads === 1) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  wasm.setThreadsCount(threads);
  // tfjs-wasm 4.22 caps its XNNPACK pool at hardwareConcurrency / 2 (backend.cc assumes
  // two hyper-threads per core) whatever setThreadsCount asks. The cap is read once, while
  // the module starts, so report twice the threads for that moment only.
  const start = async () => {
    const restore = reportDoubledConcurrency(threads);
    try {
      return await activate(name, wasm.getThreadsCount);
    } finally {
      restore();
    }
  };
  try {
    return await start();
  } catch {
    // a binary that did not compile (a proxy's or a stale cache's page in its place): once
    // more from the network; what came instead is reported if that is not WebAssembly either
    await refetchBinary(await chosenBinary());
    return start();
  }
}

function reportDoubledConcurrency(cores: number): () => void {
  try {
    Object.defineProperty(navigator, 'hardwareConcurrency', {
      value: cores * 2,
      configurable: true,
    });
    return () => {
      delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency;
    };
  } catch {
    return () => undefined;
  }
}

async function activate(
  name: BackendName,
  threadsOf: (() => number) | null,
): Promise<Pick<BackendInfo, 'threads' | 'simd' | 'kernels'>> {
  const ok = await tf.setBackend(name);
  await tf.ready();
  // a failed setBackend can silently leave another backend active
  if (!ok || tf.getBackend() !== name)
    throw new Error(`tf.setBackend('${name}') left '${tf.getBackend()}' active`);
  if (!threadsOf) return { threads: null, simd: null, kernels: null };
  return {
    threads: threadsOf(),
    simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
    kernels: simdKernelBuild(),
  };
}

const noCapabilities: Capabilities = { webgpuAdapter: null, webglRenderer: null, wasm: true };

/** Tries the plan's backends in order; reports which one runs, why, and what failed. */
export async function chooseAndStartBackend(forced: BackendName | null): Promise<BackendInfo> {
  // forced wasm asks no GPU (the adapter line is about GPUs); another forced backend starts
  // without waiting for the probe, which only names its adapter on the badge
  const probing = forced === 'wasm' ? Promise.resolve(noCapabilities) : probeCapabilities();
  const plan = forced ? planBackend(noCapabilities, forced) : planBackend(await probing, null);
  const failures: BackendInfo['failures'] = [];
  for (const name of plan.order) {
    try {
      const extra = await startBackend(name);
      const capabilities = await probing;
      return {
        name,
        reason: failures.length > 0 ? 'fellBack' : plan.reason,
        requested: failures.length > 0 ? plan.order[0] : null,
        adapter: capabilities.webgpuAdapter?.description || capabilities.webglRenderer,
        failures,
        ...extra,
      };
    } catch (error) {
      failures.push({
        name,
        message: errorMessage(error),
        ...(error instanceof WasmFileError ? { wasmFile: error.detail } : {}),
      });
    }
  }
  throw new Error(
    `No tfjs backend started: ${failures.map((f) => `${f.name}: ${f.message}`).join('; ')}`,
  );
}
