// Not a test: the 1-thread half of `npm run bench` (bench/run.mjs runs it through
// bench/vitest.config.ts). Times the default step of each lab on tfjs-wasm in node, where
// the backend runs one thread, as wall and CPU time (CPU time: the fair figure while other
// processes share the machine), with and without the data preparation, and prints one
// `BENCH {json}` line.
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { makeShapesDataset } from '../src/data/shapes';
import { makeTextures } from '../src/data/textures';
import { defaultBlindSrConfig } from '../src/core/blindsr/config';
import { BlindSrTrainer } from '../src/core/blindsr/trainer';
import { defaultSimclrConfig, SimclrTrainer } from '../src/core/simclr/trainer';
import { setSimdKernelsEnabled } from '../src/core/nn/simd-kernels';

const steps = Number(process.env.BENCH_STEPS ?? 20);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function time(step: () => Promise<{ augmentMilliseconds: number }>) {
  for (let i = 0; i < 4; i++) await step();
  const wall: number[] = [];
  const cpu: number[] = [];
  const data: number[] = [];
  const train: number[] = [];
  const trainCpu: number[] = [];
  for (let i = 0; i < steps; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    const dataMs = (await step()).augmentMilliseconds;
    const { user, system } = process.cpuUsage(used);
    const cpuMs = (user + system) / 1000;
    const wallMs = performance.now() - start;
    data.push(dataMs);
    cpu.push(cpuMs);
    wall.push(wallMs);
    // without the data preparation (the PyTorch references train on random inputs); the
    // data part is plain single-threaded JS, so its CPU share is its share of the wall time
    train.push(wallMs - dataMs);
    trainCpu.push(cpuMs * (1 - dataMs / wallMs));
  }
  return {
    msPerStep: median(wall),
    cpuMsPerStep: median(cpu),
    dataMsPerStep: median(data),
    trainMsPerStep: median(train),
    trainCpuMsPerStep: median(trainCpu),
  };
}

async function labs() {
  const simclr = new SimclrTrainer(defaultSimclrConfig, makeShapesDataset(1, 40));
  const results: Record<string, unknown> = { simclr: await time(() => simclr.trainStep()) };
  simclr.dispose();
  const blindsr = new BlindSrTrainer(defaultBlindSrConfig, makeTextures(2, 128, 12));
  results.blindsr1 = await time(() => blindsr.trainStep());
  blindsr.update({ stage: 2 });
  results.blindsr2 = await time(() => blindsr.trainStep());
  blindsr.dispose();
  return results;
}

it('default step of each lab, wasm in node (1 thread)', async () => {
  expect(tf.getBackend()).toBe('wasm');
  const results = await labs();
  // before/after in one run: the same steps with tfjs ops instead of our SIMD kernels
  setSimdKernelsEnabled(false);
  const withoutKernels = await labs();
  setSimdKernelsEnabled(true);
  console.log(`BENCH ${JSON.stringify({ threads: 1, ...results, withoutKernels })}`);
});
