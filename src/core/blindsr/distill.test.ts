import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { distillationTerms } from './distill';

describe('LightBSR distillation terms', () => {
  it('match PyTorch: KLDivLoss(log_softmax(h_s/0.15), softmax(h_t/0.15), batchmean), L1, MSE', () => {
    // values from torch 1.13 (F.kl_div, reduction='batchmean'), same inputs
    const studentH = tf.tensor2d([
      [0.1, -0.2, 0.3],
      [0.5, 0, -0.4],
    ]);
    const teacherH = tf.tensor2d([
      [0.2, 0.1, -0.1],
      [0.3, -0.3, 0.2],
    ]);
    // torch's [2, 2, 2, 2] arange / 10 read in NHWC is a different layout, but MSE is a mean
    // over every element, so only the multiset of values matters
    const studentMaps = tf.tensor4d(
      Array.from({ length: 16 }, (_, i) => i / 10),
      [2, 2, 2, 2],
    );
    const teacherMaps = tf.fill([2, 2, 2, 2], 0.5) as tf.Tensor4D;
    const terms = distillationTerms(studentH, teacherH, studentMaps, teacherMaps);
    expect(terms.kl.arraySync()).toBeCloseTo(1.3137194, 5);
    expect(terms.l1.arraySync()).toBeCloseTo(0.3166666, 6);
    expect(terms.mse.arraySync()).toBeCloseTo(0.275, 6);
    expect(terms.total.arraySync()).toBeCloseTo(1.620386, 5);
  });

  it('is zero when the student equals the teacher, and KL ≥ 0', () => {
    const h = tf.randomNormal([4, 8], 0, 1, 'float32', 3) as tf.Tensor2D;
    const maps = tf.randomNormal([4, 3, 3, 8], 0, 1, 'float32', 4) as tf.Tensor4D;
    const same = distillationTerms(h, h, maps, maps);
    expect(same.total.arraySync()).toBeCloseTo(0, 6);
    const other = tf.randomNormal([4, 8], 0, 1, 'float32', 5) as tf.Tensor2D;
    expect(distillationTerms(other, h, maps, maps).kl.arraySync()).toBeGreaterThan(0);
  });

  it('sends gradient to the student only through what it computes', () => {
    const teacherH = tf.tensor2d([[1, 0.5, -1]]);
    const maps = tf.zeros([1, 1, 1, 3]) as tf.Tensor4D;
    const grad = tf.grad(
      (s: tf.Tensor) => distillationTerms(s as tf.Tensor2D, teacherH, maps, maps).total,
    )(tf.tensor2d([[0, 0, 0]]));
    // at s = 0 the KL gradient is (softmax(0) − softmax(t/τ)) / τ; L1 adds 0.1·sign(s − t)/3
    const pt = (tf.softmax(teacherH.div(0.15)).arraySync() as number[][])[0];
    const expected = [0, 1, 2].map(
      (i) => (1 / 3 - pt[i]) / 0.15 + (0.1 / 3) * Math.sign(0 - [1, 0.5, -1][i]),
    );
    const got = (grad.arraySync() as number[][])[0];
    got.forEach((g, i) => expect(g).toBeCloseTo(expected[i], 4));
  });
});
