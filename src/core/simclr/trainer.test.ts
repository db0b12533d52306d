import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeShapesDataset } from '../../data/shapes';
import { startSimclr } from './start';
import { SimclrTrainer } from './trainer';
import { tinySimclrConfig as tiny } from '../test-configs';

describe('SimclrTrainer', () => {
  for (const method of ['simclr', 'moco'] as const)
    it(`warmUp (${method}) prepares step 1: the same steps after it, nothing left`, async () => {
      const start = tf.memory().numTensors;
      const data = makeShapesDataset(3, 20, 8, 2);
      const config = { ...tiny, method, queueSize: 16 };
      const plain = new SimclrTrainer(config, data);
      const warmed = new SimclrTrainer(config, data);
      await plain.preview();
      await warmed.preview();
      const before = tf.memory().numTensors;
      warmed.warmUp();
      // its gradients wait for Play
      expect(tf.memory().numTensors).toBeGreaterThan(before);
      for (let i = 0; i < 3; i++)
        expect((await warmed.trainStep()).loss).toBe((await plain.trainStep()).loss);
      const weights = (t: SimclrTrainer) => t.variables().map((v) => Array.from(v.dataSync()));
      expect(weights(warmed)).toEqual(weights(plain));
      plain.dispose();
      warmed.dispose();
      expect(tf.memory().numTensors).toBe(start);
    });

  it('drops the prepared step 1 when a setting changes first, or when it is disposed', async () => {
    const start = tf.memory().numTensors;
    const data = makeShapesDataset(4, 20, 8, 2);
    const plain = new SimclrTrainer(tiny, data);
    const warmed = new SimclrTrainer(tiny, data);
    await plain.preview();
    await warmed.preview();
    const before = tf.memory().numTensors;
    warmed.warmUp();
    warmed.update({ temperature: 0.9 });
    expect(tf.memory().numTensors).toBe(before);
    plain.update({ temperature: 0.9 });
    // step 1 at the new τ, as if the warm-up had never run
    expect((await warmed.trainStep()).loss).toBe((await plain.trainStep()).loss);
    warmed.warmUp(); // nothing pending any more: nothing prepared
    plain.dispose();
    warmed.dispose();
    expect(tf.memory().numTensors).toBe(start);
    const third = new SimclrTrainer(tiny, data);
    await third.preview();
    third.warmUp();
    third.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('keeps the tensor count flat: the same after step 5 and step 50', async () => {
    const data = makeShapesDataset(3, 20, 8, 2);
    const trainer = new SimclrTrainer(tiny, data);
    let atFive = -1;
    for (let i = 1; i <= 50; i++) {
      await trainer.trainStep();
      if (i === 5) atFive = tf.memory().numTensors;
      if (i % 10 === 0) await trainer.snapshot();
    }
    expect(tf.memory().numTensors).toBe(atFive);
    const before = tf.memory().numTensors;
    await trainer.evaluate();
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
  });

  it('lowers the loss on a tiny problem and snapshots plain data', async () => {
    const data = makeShapesDataset(4, 20, 4, 2);
    const trainer = new SimclrTrainer(
      { ...tiny, learningRate: 0.01, augment: { ...tiny.augment, colorJitter: false } },
      data,
    );
    const losses: number[] = [];
    for (let i = 0; i < 40; i++) losses.push((await trainer.trainStep()).loss);
    const first = losses.slice(0, 5).reduce((a, b) => a + b) / 5;
    const last = losses.slice(-5).reduce((a, b) => a + b) / 5;
    expect(last).toBeLessThan(first - 0.2);
    const snapshot = await trainer.snapshot();
    expect(snapshot).not.toBeNull();
    expect(snapshot!.similarity.length).toBe(16 * 16);
    expect(snapshot!.views.length).toBe(16 * 16 * 16 * 3);
    expect(snapshot!.viewParams.length).toBe(16);
    // cosine of a view with itself is 1
    expect(snapshot!.similarity[0]).toBeCloseTo(1, 4);
    trainer.dispose();
  });

  it('is deterministic for one seed', async () => {
    const data = makeShapesDataset(5, 20, 4, 2);
    const run = async () => {
      const trainer = new SimclrTrainer(tiny, data);
      const out = [];
      for (let i = 0; i < 3; i++) out.push((await trainer.trainStep()).loss);
      trainer.dispose();
      return out;
    };
    const first = await run();
    const second = await run();
    // toEqual counts NaN as equal to NaN: a diverged run must not pass as reproducible
    expect(first.length).toBe(3);
    for (const loss of first) expect(Number.isFinite(loss), `loss ${loss}`).toBe(true);
    expect(second).toEqual(first);
  });

  for (const method of ['simclr', 'moco'] as const)
    it(`built on a start whose first batch was drawn ahead (${method}), trains the same steps`, async () => {
      const data = makeShapesDataset(4, 20, 8, 2);
      const config = { ...tiny, method, queueSize: 16 };
      const plain = new SimclrTrainer(config, data);
      const ahead = new SimclrTrainer(
        config,
        data,
        startSimclr(config, data, { drawFirstBatch: true }),
      );
      await plain.preview();
      await ahead.preview();
      expect(ahead.stageView.pending?.views).toEqual(plain.stageView.pending?.views);
      for (let i = 0; i < 3; i++)
        expect((await ahead.trainStep()).loss).toBe((await plain.trainStep()).loss);
      plain.dispose();
      ahead.dispose();
    });

  it('asked for other augmentations than the batch drawn ahead, draws the batch it would have', async () => {
    const data = makeShapesDataset(6, 20, 8, 2);
    const plain = new SimclrTrainer(tiny, data);
    const ahead = new SimclrTrainer(tiny, data, startSimclr(tiny, data, { drawFirstBatch: true }));
    const change = { augment: { ...tiny.augment, flip: !tiny.augment.flip, cropMinArea: 0.5 } };
    plain.update(change);
    ahead.update(change);
    for (let i = 0; i < 2; i++)
      expect((await ahead.trainStep()).loss).toBe((await plain.trainStep()).loss);
    plain.dispose();
    ahead.dispose();
  });

  it('draws the images an evaluation reads a slice at a time, then says they are all drawn', () => {
    // 6 classes × (8 + 2): 48 training and 12 held-out images
    const data = makeShapesDataset(7, 20, 8, 2);
    const trainer = new SimclrTrainer(tiny, data);
    expect([25, 25, 25].map((slice) => trainer.drawEvaluationImages(slice))).toEqual([
      false,
      false,
      true,
    ]);
    expect(trainer.drawEvaluationImages()).toBe(true);
    trainer.dispose();
  });
});
