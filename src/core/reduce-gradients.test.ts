import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { keptShape, meanGradient, sumGradient } from './reduce-gradients';
import './tf-ops';

/** tfjs' own definition: dy, reshaped with the reduced axes kept, times ones(x.shape) (÷ n) */
function reference(x: tf.Tensor, dy: tf.Tensor, axis: number | number[] | null, mean: boolean) {
  return tf.tidy(() => {
    const kept = keptShape(x.shape, axis);
    const product = tf.mul(tf.reshape(dy, kept), tf.ones(x.shape));
    return mean ? tf.div(product, x.size / dy.size) : product;
  });
}

const cases: (number | number[] | null)[] = [[1, 2], [0], -1, 2, null, [0, 1, 2, 3]];

describe('Sum and Mean gradients (dy times ones the backend fills)', () => {
  it('keptShape sets the reduced axes to 1, negative axes from the end, null all', () => {
    expect(keptShape([2, 3, 4], [1])).toEqual([2, 1, 4]);
    expect(keptShape([2, 3, 4], -1)).toEqual([2, 3, 1]);
    expect(keptShape([2, 3, 4], null)).toEqual([1, 1, 1]);
    expect(keptShape([2, 3, 4], [0, 2])).toEqual([1, 3, 1]);
  });

  it('give tfjs’ values to the bit for every axis', () => {
    const x = tf.randomNormal([2, 3, 4, 5], 0, 1, 'float32', 3);
    for (const axis of cases) {
      for (const [config, mean] of [
        [sumGradient, false],
        [meanGradient, true],
      ] as const) {
        const reduced = mean ? x.mean(axis ?? undefined) : x.sum(axis ?? undefined);
        const dy = tf.randomNormal(reduced.shape, 0, 1, 'float32', 5);
        const ours = (
          config.gradFunc(dy, [x], { axis: axis as number[] }) as { x: () => tf.Tensor }
        ).x();
        const theirs = reference(x, dy, axis, mean);
        expect(ours.shape, `${config.kernelName} ${String(axis)}`).toEqual(x.shape);
        expect(Array.from(ours.dataSync()), `${config.kernelName} ${String(axis)}`).toEqual(
          Array.from(theirs.dataSync()),
        );
        tf.dispose([reduced, dy, ours, theirs]);
      }
    }
    x.dispose();
  });

  it('are the ones tf.grad uses once tf-ops is imported (a global average pool, keepDims)', () => {
    expect(tf.getGradient('Sum')).toBe(sumGradient);
    expect(tf.getGradient('Mean')).toBe(meanGradient);
    const x = tf.randomNormal([2, 4, 4, 3], 0, 1, 'float32', 7);
    const dy = tf.randomNormal([2, 3], 0, 1, 'float32', 9);
    const pooled = tf.grad((input: tf.Tensor) => input.mean([1, 2]))(x, dy);
    expect(Array.from(pooled.dataSync())).toEqual(
      Array.from(reference(x, dy, [1, 2], true).dataSync()),
    );
    const kept = tf.randomNormal([2, 4, 1, 3], 0, 1, 'float32', 11);
    const summed = tf.grad((input: tf.Tensor) => input.sum(2, true))(x, kept);
    expect(Array.from(summed.dataSync())).toEqual(
      Array.from(reference(x, kept, 2, false).dataSync()),
    );
    // a direction check that would fail with tfjs' gradient replaced by zeros or by dy untiled
    expect(pooled.dataSync()[0]).toBeCloseTo(dy.dataSync()[0] / 16, 6);
    tf.dispose([x, dy, pooled, kept, summed]);
  });
});
