// Not a test: the 1-thread half of `npm run bench` (bench/run.mjs runs it through
// bench/vitest.config.ts). Times the default step of each lab on tfjs-wasm in node, where
// the backend runs one thread, as wall and CPU time (CPU time: the fair figure while other
// processes share the machine), and prints one `BENCH {json}` line.
import * as tf from '@tensorflow/tfjs';
import { expect, it } from 'vitest';
import { makeShapesDataset } from '../src/data/shapes';
import { makeTextures } from '../src/data/textures';
import { defaultBlindSrConfig } from '../src/core/blindsr/config';
import { BlindSrTrainer } from '../src/core/blindsr/trainer';
import { defaultSimclrConfig, SimclrTrainer } from '../src/core/simclr/trainer';

const steps = Number(process.env.BENCH_STEPS ?? 20);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function time(step: () => Promise<{ augmentMilliseconds: number }>) {
  for (let i = 0; i < 4; i++) await step();
  const wall: number[] = [];
  const cpu: number[] = [];
  const data: number[] = [];
  for (let i = 0; i < steps; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    data.push((await step()).augmentMilliseconds);
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
    wall.push(performance.now() - start);
  }
  return { msPerStep: median(wall), cpuMsPerStep: median(cpu), dataMsPerStep: median(data) };
}

it('default step of each lab, wasm in node (1 thread)', async () => {
  expect(tf.getBackend()).toBe('wasm');
  const simclr = new SimclrTrainer(defaultSimclrConfig, makeShapesDataset(1, 40));
  const results: Record<string, unknown> = { simclr: await time(() => simclr.trainStep()) };
  simclr.dispose();
  const blindsr = new BlindSrTrainer(defaultBlindSrConfig, makeTextures(2, 128, 12));
  results.blindsr1 = await time(() => blindsr.trainStep());
  blindsr.update({ stage: 2 });
  results.blindsr2 = await time(() => blindsr.trainStep());
  blindsr.dispose();
  console.log(`BENCH ${JSON.stringify({ threads: 1, ...results })}`);
});
