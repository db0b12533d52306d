import * as tf from '@tensorflow/tfjs';
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

describe('rebuilding the Blind-SR trainer', () => {
  it('frees everything, in both stages', async () => {
    const { BlindSrTrainer } = await import('../blindsr/trainer');
    const { defaultBlindSrConfig } = await import('../blindsr/config');
    const { makeTextures } = await import('../../data/textures');
    const pool = makeTextures(1, 96, 3);
    const base = tf.memory().numTensors;
    const trainer = new BlindSrTrainer(
      { ...defaultBlindSrConfig, batchSize: 2, queueSize: 128 },
      pool,
    );
    await trainer.trainStep();
    trainer.snapshot();
    await trainer.evaluate(false);
    const afterOne = tf.memory().numTensors;
    await trainer.trainStep();
    expect(tf.memory().numTensors).toBe(afterOne);
    trainer.update({ stage: 2 });
    await trainer.trainStep();
    await trainer.evaluate(true);
    const stageTwo = tf.memory().numTensors;
    await trainer.trainStep();
    expect(tf.memory().numTensors).toBe(stageTwo);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(base);
  });
});
