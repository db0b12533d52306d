import { describe, expect, it } from 'vitest';
import { planBackend, parseBackendName, wasmThreadsFor, type Capabilities } from './backend-choice';

const none: Capabilities = { webgpuAdapter: null, webglRenderer: null, wasm: true };

describe('planBackend', () => {
  it('keeps webgpu when a real GPU adapter exists', () => {
    const plan = planBackend(
      {
        ...none,
        webgpuAdapter: { isFallbackAdapter: false, description: 'nvidia hopper' },
        webglRenderer: 'ANGLE (NVIDIA H200)',
      },
      null,
    );
    expect(plan.order.slice(0, 2)).toEqual(['webgpu', 'webgl']);
    expect(plan.reason).toBe('gpuAdapter');
  });

  it('treats a fallback adapter as no GPU and picks wasm', () => {
    const plan = planBackend(
      {
        ...none,
        webgpuAdapter: { isFallbackAdapter: true, description: 'google swiftshader' },
        webglRenderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))',
      },
      null,
    );
    expect(plan.order[0]).toBe('wasm');
    expect(plan.reason).toBe('softwareAdapter');
  });

  it('treats an adapter described as SwiftShader as software even without the flag', () => {
    const plan = planBackend(
      { ...none, webgpuAdapter: { isFallbackAdapter: false, description: 'SwiftShader' } },
      null,
    );
    expect(plan.order[0]).toBe('wasm');
  });

  it('prefers hardware WebGL over wasm when WebGPU is missing', () => {
    const plan = planBackend(
      { ...none, webglRenderer: 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620)' },
      null,
    );
    expect(plan.order[0]).toBe('webgl');
    expect(plan.reason).toBe('noWebgpuHardwareWebgl');
  });

  it('picks wasm with llvmpipe WebGL and no WebGPU', () => {
    const plan = planBackend({ ...none, webglRenderer: 'llvmpipe (LLVM 15.0.6, 256 bits)' }, null);
    expect(plan).toEqual({ order: ['wasm', 'webgpu', 'webgl', 'cpu'], reason: 'noGpu' });
  });

  it('honours a forced backend first and keeps the others as fallbacks', () => {
    const plan = planBackend(none, 'cpu');
    expect(plan.order).toEqual(['cpu', 'webgpu', 'webgl', 'wasm']);
    expect(plan.reason).toBe('forced');
  });

  it('parses only known names', () => {
    expect(parseBackendName('wasm')).toBe('wasm');
    expect(parseBackendName('tpu')).toBeNull();
    expect(parseBackendName(null)).toBeNull();
  });
});

describe('wasmThreadsFor', () => {
  it('every core but the page’s, at least 1, at most 4', () => {
    expect([1, 2, 4, 16, 0].map((cores) => wasmThreadsFor(cores))).toEqual([1, 1, 3, 4, 1]);
  });
});
