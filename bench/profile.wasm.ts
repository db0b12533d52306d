// Not a test: the per-kernel profile behind docs/PERFORMANCE.md. Runs the
// default step of each lab on tfjs-wasm in node (1 thread) under tf.profile and prints,
// per lab, where the milliseconds go: kernel name, calls per step, ms per step.
// Usage: npx vitest run --config bench/vitest.config.ts bench/profile.wasm.ts
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { makeShapesDataset } from '../src/data/shapes';
import { makeTextures } from '../src/data/textures';
import { defaultBlindSrConfig } from '../src/core/blindsr/config';
import { BlindSrTrainer } from '../src/core/blindsr/trainer';
import { defaultSimclrConfig, SimclrTrainer } from '../src/core/simclr/trainer';

const steps = Number(process.env.PROFILE_STEPS ?? 5);

async function profile(lab: string, step: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await step();
  const totals = new Map<string, { calls: number; ms: number }>();
  let wall = 0;
  for (let i = 0; i < steps; i++) {
    const start = performance.now();
    const info = await tf.profile(async () => {
      await step();
    });
    wall += performance.now() - start;
    // customGrad's scopes ('forward', 'unnamed scope') and op scopes ('fusedConv2d__op')
    // wrap kernels already listed
    for (const k of info.kernels.filter(
      (k) => k.name !== 'forward' && k.name !== 'unnamed scope' && !k.name.endsWith('__op'),
    )) {
      const entry = totals.get(k.name) ?? { calls: 0, ms: 0 };
      entry.calls += 1;
      entry.ms += Number(k.kernelTimeMs) || 0;
      totals.set(k.name, entry);
    }
  }
  const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms);
  const kernelMs = rows.reduce((s, [, v]) => s + v.ms, 0) / steps;
  const calls = rows.reduce((s, [, v]) => s + v.calls, 0) / steps;
  console.log(
    `PROFILE ${lab}: ${(wall / steps).toFixed(1)} ms/step under profile, kernels ${kernelMs.toFixed(1)} ms in ${calls} calls`,
  );
  for (const [name, v] of rows.slice(0, Number(process.env.PROFILE_ROWS ?? 18)))
    console.log(
      `  ${name.padEnd(28)} ${(v.calls / steps).toFixed(0).padStart(4)} calls ${(v.ms / steps).toFixed(2).padStart(7)} ms`,
    );
}

it('per-kernel profile of each lab (wasm, 1 thread)', async () => {
  expect(tf.getBackend()).toBe('wasm');
  const simclr = new SimclrTrainer(defaultSimclrConfig, makeShapesDataset(1, 40));
  await profile('simclr', () => simclr.trainStep());
  simclr.dispose();
  const blindsr = new BlindSrTrainer(defaultBlindSrConfig, makeTextures(2, 128, 12));
  await profile('blindsr1', () => blindsr.trainStep());
  blindsr.update({ stage: 2 });
  await profile('blindsr2', () => blindsr.trainStep());
  blindsr.dispose();
});
