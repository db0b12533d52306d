import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeShapesDataset } from '../data/shapes';
import { SimclrTrainer } from '../core/simclr/trainer';
import { tinySimclrConfig as tiny } from '../core/test-configs';
import { lossOfLastBatch, probeGradients, probeStages } from './stage-probe';

describe('stage mode reads the SimCLR trainer through its stageView', () => {
  it('nothing before a batch; the previewed batch, then the trained one', async () => {
    const trainer = new SimclrTrainer(tiny, makeShapesDataset(2, 20, 4, 1));
    expect(trainer.stageView.pending).toBeNull();
    expect(trainer.stageView.last).toBeNull();
    expect(await probeStages(trainer)).toBeNull();
    expect(await lossOfLastBatch(trainer)).toBeNaN();

    await trainer.preview();
    const previewed = trainer.stageView.pending!;
    expect(previewed.n).toBe(tiny.batchSize);
    expect(previewed.views.length).toBe(2 * tiny.batchSize * 16 * 16 * 3);
    const probe = (await probeStages(trainer))!;
    expect([probe.viewCount, probe.hDim, probe.zDim]).toEqual([16, 16, 8]);
    expect(probe.h.length).toBe(16 * 16);
    // z is L2-normalised per view
    const firstNorm = Math.hypot(...probe.z.subarray(0, 8));
    expect(firstNorm).toBeCloseTo(1, 4);

    await trainer.trainStep();
    // the step trained the previewed batch: nothing pending, that batch is the last one
    expect(trainer.stageView.pending).toBeNull();
    expect(trainer.stageView.last!.views).toBe(previewed.views);
    const before = tf.memory().numTensors;
    const gradients = (await probeGradients(trainer))!;
    expect(gradients.layers.map((l) => l.name)).toEqual(['conv 1', 'conv 2', 'g · W1', 'g · W2']);
    for (const layer of gradients.layers) expect(layer.norm).toBeGreaterThan(0);
    expect(Number.isFinite(gradients.loss)).toBe(true);
    expect(Number.isFinite(await lossOfLastBatch(trainer))).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
  });
});
