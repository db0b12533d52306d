/**
 * Which tfjs backend to train on, decided from what the browser reports. Pure, so that
 * the decision is unit-tested with fake adapters (no tfjs, no navigator here).
 */
export const backendNames = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof backendNames)[number];

export interface Capabilities {
  /** null: no navigator.gpu or requestAdapter() gave null */
  webgpuAdapter: { isFallbackAdapter: boolean; description: string } | null;
  /** null: no WebGL2 context; renderer from WEBGL_debug_renderer_info when exposed */
  webglRenderer: string | null;
  wasm: boolean;
}

/** Why a backend was chosen; the page words it (i18n keys `backendReason.*`). */
export type BackendReason =
  | 'forced'
  | 'gpuAdapter'
  | 'softwareAdapter'
  | 'noWebgpuHardwareWebgl'
  | 'noGpu'
  | 'noWasm'
  | 'fellBack';

export interface BackendPlan {
  /** tried in order until one starts */
  order: BackendName[];
  reason: BackendReason;
}

const softwareRenderer = /swiftshader|llvmpipe|softpipe|software|basic render|lavapipe/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return softwareRenderer.test(renderer);
}

/**
 * A real GPU adapter → webgpu (then webgl). A software adapter (SwiftShader, llvmpipe)
 * or none → wasm with our conv gradients, the fastest CPU path measured here; webgl on a
 * real GPU still beats it. `?backend=` forces one (then the rest as a fallback).
 */
export function planBackend(capabilities: Capabilities, forced: BackendName | null): BackendPlan {
  const fallbacks = (first: BackendName[]): BackendName[] => [
    ...first,
    ...backendNames.filter(
      (name) => !first.includes(name) && (name !== 'wasm' || capabilities.wasm),
    ),
  ];
  if (forced) return { order: fallbacks([forced]), reason: 'forced' };
  const adapter = capabilities.webgpuAdapter;
  const hardwareWebgl =
    capabilities.webglRenderer !== null && !isSoftwareRenderer(capabilities.webglRenderer);
  if (adapter && !adapter.isFallbackAdapter && !isSoftwareRenderer(adapter.description)) {
    return { order: fallbacks(['webgpu', 'webgl']), reason: 'gpuAdapter' };
  }
  if (hardwareWebgl) return { order: fallbacks(['webgl']), reason: 'noWebgpuHardwareWebgl' };
  if (!capabilities.wasm) return { order: fallbacks(['webgl', 'cpu']), reason: 'noWasm' };
  return { order: fallbacks(['wasm']), reason: adapter ? 'softwareAdapter' : 'noGpu' };
}

export function parseBackendName(value: string | null | undefined): BackendName | null {
  return (backendNames as readonly string[]).includes(value ?? '') ? (value as BackendName) : null;
}

/**
 * XNNPACK threads for every lab's training step: every core but one, which is the page's,
 * and at most 4 (these convolutions are too small to split further). Each lab's step is
 * many small convolutions and its page redraws at every step, so a pool's hand-offs would
 * wait for a core the page is using; on one thread our direct convolution takes over from
 * XNNPACK's (nn/conv.ts). On 2 cores, one thread trained SimCLR and both Blind-SR stages
 * faster than two (docs/PERFORMANCE.md, "Threads per lab" and round 11).
 */
export function wasmThreadsFor(cores: number): number {
  return Math.min(4, Math.max(1, Math.floor(cores) - 1));
}
