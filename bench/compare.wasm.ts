// Not a test: our SIMD kernels on and off, interleaved in one process (CPU time, 1 thread),
// so a loaded machine distorts both sides alike. Also lists the kernels with their shapes.
// Usage: npx vitest run --config bench/vitest.config.ts bench/compare.wasm.ts
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { makeShapesDataset } from '../src/data/shapes';
import { makeTextures } from '../src/data/textures';
import { defaultBlindSrConfig } from '../src/core/blindsr/config';
import { BlindSrTrainer } from '../src/core/blindsr/trainer';
import { defaultSimclrConfig, SimclrTrainer } from '../src/core/simclr/trainer';
import { setSimdKernelsEnabled } from '../src/core/nn/simd-kernels';

const rounds = Number(process.env.COMPARE_ROUNDS ?? 8);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function cpuMs(step: () => Promise<unknown>, n: number) {
  const used = process.cpuUsage();
  for (let i = 0; i < n; i++) await step();
  const { user, system } = process.cpuUsage(used);
  return (user + system) / 1000 / n;
}

async function compare(lab: string, step: () => Promise<unknown>) {
  const on: number[] = [];
  const off: number[] = [];
  for (let r = 0; r < rounds; r++) {
    setSimdKernelsEnabled(false);
    await step();
    off.push(await cpuMs(step, 3));
    setSimdKernelsEnabled(true);
    await step();
    on.push(await cpuMs(step, 3));
  }
  console.log(
    `COMPARE ${lab}: kernels off ${median(off).toFixed(1)} ms CPU/step, on ${median(on).toFixed(1)} ms (${(median(off) / median(on)).toFixed(2)}×)`,
  );
  if (process.env.COMPARE_SHAPES) {
    const info = await tf.profile(async () => {
      await step();
    });
    for (const k of info.kernels)
      console.log(
        `  ${k.name} ${JSON.stringify(k.inputShapes)} ${Number(k.kernelTimeMs).toFixed(2)}`,
      );
  }
}

it('SIMD kernels on vs off (wasm, 1 thread)', async () => {
  expect(tf.getBackend()).toBe('wasm');
  const simclr = new SimclrTrainer(defaultSimclrConfig, makeShapesDataset(1, 40));
  await compare('simclr', () => simclr.trainStep());
  simclr.dispose();
  const blindsr = new BlindSrTrainer(defaultBlindSrConfig, makeTextures(2, 128, 12));
  await compare('blindsr1', () => blindsr.trainStep());
  blindsr.update({ stage: 2 });
  await compare('blindsr2', () => blindsr.trainStep());
  blindsr.dispose();
});
