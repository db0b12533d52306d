import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeShapesDataset } from '../data/shapes';
import { tinySimclrConfig as tiny } from '../core/test-configs';
import type { LabRunner } from './lab-runner';
import { createRunner, prepareRunner } from './labs';
import type { LabConfig } from './protocol';

/** The first snapshot's loss and views, then three steps' losses. */
async function firstSteps(runner: LabRunner) {
  const outgoing = await runner.snapshot();
  const message = outgoing?.message;
  if (message?.type !== 'snapshot' || !message.snapshot) throw new Error('no SimCLR snapshot');
  const losses = [];
  for (let i = 0; i < 3; i++) losses.push((await runner.trainStep()).loss);
  runner.dispose();
  return { loss: message.snapshot.loss, views: Array.from(message.snapshot.views), losses };
}

describe('prepareRunner', () => {
  it('draws SimCLR’s first batch ahead, and the runner built on it trains the same steps', async () => {
    const start = tf.memory().numTensors;
    const dataset = makeShapesDataset(2, 20, 8, 2);
    const labConfig: LabConfig = { lab: 'simclr', config: tiny };
    const prepared = prepareRunner(labConfig, dataset);
    expect(prepared.simclr).not.toBeNull();
    const plain = await firstSteps(await createRunner(labConfig, dataset));
    const ahead = await firstSteps(await createRunner(labConfig, dataset, prepared));
    expect(ahead).toEqual(plain);
    expect(plain.losses.every(Number.isFinite)).toBe(true);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('is not used for other inputs: a start from another seed leaves the run unchanged', async () => {
    const dataset = makeShapesDataset(2, 20, 8, 2);
    const labConfig: LabConfig = { lab: 'simclr', config: tiny };
    const stale = prepareRunner(
      { lab: 'simclr', config: { ...tiny, seed: tiny.seed + 1 } },
      dataset,
    );
    const plain = await firstSteps(await createRunner(labConfig, dataset));
    const withStale = await firstSteps(await createRunner(labConfig, dataset, stale));
    expect(withStale).toEqual(plain);
  });
});
