import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeTextures } from '../../data/textures';
import { defaultBlindSrConfig } from './config';
import { BlindSrTrainer } from './trainer';

describe('rebuilding the Blind-SR trainer', () => {
  it('frees everything, in both stages', async () => {
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
  }, 300_000);
});
