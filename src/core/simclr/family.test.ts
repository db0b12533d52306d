import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeShapesDataset } from '../../data/shapes';
import {
  byolLoss,
  infoNceLoss,
  mocoLoss,
  negativeCosine,
  simsiamLoss,
  stopGradient,
} from '../nn/losses';
import { SimclrTrainer } from './trainer';
import { defaultSimclrConfig } from './config';
import { methodDefaults, recommendedSettings } from './method-defaults';
import { tinySimclrConfig as tiny } from '../test-configs';

const scalar = (t: tf.Scalar) => {
  const v = t.arraySync() as number;
  t.dispose();
  return v;
};

describe('SimSiam D(p, stopgrad(z)) (Chen & He 2021, eq. 1–2)', () => {
  it('is −cos on a hand-computed case', () => {
    // p0 = (3, 0) vs z0 = (1, 1): cos = 1/√2; p1 = (0, 2) vs z1 = (0, −5): cos = −1
    const p = tf.tensor2d([
      [3, 0],
      [0, 2],
    ]);
    const z = tf.tensor2d([
      [1, 1],
      [0, -5],
    ]);
    expect(scalar(negativeCosine(p, z))).toBeCloseTo(-(Math.SQRT1_2 + -1) / 2, 6);
    tf.dispose([p, z]);
  });

  it('the symmetric loss is ½ D(p1, z2) + ½ D(p2, z1)', () => {
    // one image: p1 = (1, 0), p2 = (0, 1), z1 = (1, 1), z2 = (1, 0)
    // D(p1, z2) = −1; D(p2, z1) = −1/√2 → L = −(1 + 1/√2)/2
    const p1 = tf.tensor2d([[1, 0]]);
    const p2 = tf.tensor2d([[0, 1]]);
    const z1 = tf.tensor2d([[1, 1]]);
    const z2 = tf.tensor2d([[1, 0]]);
    const expected = -(1 + Math.SQRT1_2) / 2;
    expect(scalar(simsiamLoss(p1, p2, z1, z2, true))).toBeCloseTo(expected, 6);
    // stop-gradient changes gradients, never the value
    expect(scalar(simsiamLoss(p1, p2, z1, z2, false))).toBeCloseTo(expected, 6);
    tf.dispose([p1, p2, z1, z2]);
  });

  it('BYOL: 2 − 2 cos, symmetric, 0 when the prediction points at the target', () => {
    const p1 = tf.tensor2d([[2, 0]]);
    const p2 = tf.tensor2d([[0, 1]]);
    const t1 = tf.tensor2d([[1, 1]]);
    const t2 = tf.tensor2d([[5, 0]]);
    // ½[(2 − 2·1) + (2 − 2/√2)]
    expect(scalar(byolLoss(p1, p2, t1, t2))).toBeCloseTo((0 + 2 - 2 * Math.SQRT1_2) / 2, 6);
    tf.dispose([p1, p2, t1, t2]);
  });
});

describe('stop-gradient', () => {
  it('passes the value and no gradient reaches the target branch', () => {
    const target = tf.variable(tf.tensor2d([[1, 2]]), true, 'sg_target');
    const online = tf.variable(tf.tensor2d([[2, -1]]), true, 'sg_online');
    const { value, grads } = tf.variableGrads(
      () => negativeCosine(online as tf.Tensor2D, stopGradient(target as tf.Tensor2D)),
      [target, online],
    );
    // cos((2, −1), (1, 2)) = 0
    expect(scalar(value)).toBeCloseTo(0, 6);
    expect(Array.from(grads[target.name].dataSync())).toEqual([0, 0]);
    // the online branch still learns: ∂(−cos)/∂p at p ⟂ z is −z/(‖p‖‖z‖)
    const online1 = Array.from(grads[online.name].dataSync());
    expect(online1[0]).toBeCloseTo(-1 / (Math.sqrt(5) * Math.sqrt(5)), 5);
    expect(online1[1]).toBeCloseTo(-2 / 5, 5);
    tf.dispose([...Object.values(grads), target, online]);
  });

  it('SimSiam without stop-gradient sends a gradient into the target branch', () => {
    const z = tf.variable(tf.tensor2d([[1, 2]]), true, 'sg_z');
    const p = tf.tensor2d([[2, -1]]);
    const grad = (use: boolean) =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(
          () =>
            simsiamLoss(
              p as tf.Tensor2D,
              p as tf.Tensor2D,
              z as tf.Tensor2D,
              z as tf.Tensor2D,
              use,
            ),
          [z],
        );
        value.dispose();
        return Array.from(grads[z.name].dataSync())
          .map(Math.abs)
          .reduce((a, b) => a + b);
      });
    expect(grad(true)).toBe(0);
    expect(grad(false)).toBeGreaterThan(0.1);
    tf.dispose([z, p]);
  });
});

describe('MoCo reuses infoNceLoss', () => {
  it('the symmetrised loss is the mean of two infoNceLoss calls', () => {
    const q1 = tf.tensor2d([[3, 0]]);
    const q2 = tf.tensor2d([[0, 1]]);
    const k1 = tf.tensor2d([[1, 1]]);
    const k2 = tf.tensor2d([[1, -1]]);
    const queue = tf.tensor2d([
      [0, 2],
      [-1, 0],
    ]);
    const t = 0.5;
    // hand: q1·k2 = 1/√2, q1·queue = (0, −1); q2·k1 = 1/√2, q2·queue = (1, 0)
    const pos = Math.SQRT1_2 / t;
    const first = -pos + Math.log(Math.exp(pos) + Math.exp(0) + Math.exp(-1 / t));
    const second = -pos + Math.log(Math.exp(pos) + Math.exp(1 / t) + Math.exp(0));
    expect(scalar(mocoLoss(q1, q2, k1, k2, queue, t))).toBeCloseTo((first + second) / 2, 5);
    expect(scalar(infoNceLoss(q1, k2, queue, t))).toBeCloseTo(first, 5);
    tf.dispose([q1, q2, k1, k2, queue]);
  });
});

describe('the family in the trainer', () => {
  const data = makeShapesDataset(3, 20, 8, 2);

  it.each(['simclr', 'moco', 'simsiam', 'byol'] as const)(
    '%s: finite loss, the similarity matrix of all 2N views, no leaked tensors',
    async (method) => {
      const base = tf.memory().numTensors;
      const trainer = new SimclrTrainer({ ...tiny, method, queueSize: 32 }, data);
      await trainer.preview();
      for (let i = 0; i < 3; i++) {
        const { loss } = await trainer.trainStep();
        expect(Number.isFinite(loss)).toBe(true);
      }
      const snapshot = (await trainer.snapshot())!;
      expect(snapshot.method).toBe(method);
      expect(snapshot.similarity.length).toBe((2 * tiny.batchSize) ** 2);
      if (method === 'moco') {
        expect(snapshot.queue?.capacity).toBe(32);
        // 3 steps of N = 8 keys
        expect(snapshot.queue?.pointer).toBe(24);
        expect(snapshot.queue?.enteredAt[0]).toBe(1);
        expect(snapshot.queue?.enteredAt[30]).toBe(-1);
      } else expect(snapshot.queue).toBeNull();
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(base);
    },
  );

  it('the momentum update: θ_k ← m θ_k + (1 − m) θ_q, m = 0 copies', async () => {
    const trainer = new SimclrTrainer({ ...tiny, method: 'byol' }, data);
    await trainer.trainStep();
    const { target, online } = trainer.momentumStepForTest(0.9);
    const before = target[0].dataSync().slice();
    const q = online[0].dataSync().slice();
    const after = trainer.momentumStepForTest(0.5).target[0].dataSync();
    for (let i = 0; i < 5; i++) expect(after[i]).toBeCloseTo(0.5 * before[i] + 0.5 * q[i], 5);
    const copied = trainer.momentumStepForTest(0).target[0].dataSync();
    expect(Array.from(copied.slice(0, 5))).toEqual(Array.from(q.slice(0, 5)));
    trainer.dispose();
  });
});

describe('each method’s recommended settings', () => {
  it('switching applies them, and restores the lab’s on the way back, unless the user changed them', () => {
    const simclr = defaultSimclrConfig;
    const recommended = methodDefaults.simsiam.batchSize;
    expect(recommended).not.toBe(simclr.batchSize);
    const toSimsiam = recommendedSettings(simclr, 'simsiam');
    expect(toSimsiam.batchSize).toBe(recommended);
    const simsiam = { ...simclr, ...toSimsiam, method: 'simsiam' as const };
    expect(recommendedSettings(simsiam, 'simclr').batchSize).toBe(simclr.batchSize);
    // a batch size the user chose stays
    expect(recommendedSettings({ ...simclr, batchSize: 8 }, 'simsiam').batchSize).toBeUndefined();
  });
});
