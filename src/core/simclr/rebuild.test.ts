import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeShapesDataset } from '../../data/shapes';
import { tinySimclrConfig as tiny } from '../test-configs';
import { SimclrTrainer } from './trainer';

describe('rebuilding a trainer', () => {
  it('frees everything: the tensor count is back where it started', async () => {
    const data = makeShapesDataset(3, 20, 8, 2);
    const base = tf.memory().numTensors;
    const run = async (batchSize: number) => {
      const trainer = new SimclrTrainer({ ...tiny, batchSize }, data);
      await trainer.preview();
      await trainer.snapshot();
      await trainer.evaluate();
      for (let i = 0; i < 3; i++) await trainer.trainStep();
      const during = tf.memory().numTensors;
      trainer.dispose();
      return during;
    };
    const first = await run(8);
    expect(tf.memory().numTensors).toBe(base);
    await run(4);
    expect(tf.memory().numTensors).toBe(base);
    expect(await run(8)).toBe(first);
  });
});
