import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { FlatAdam } from './optimizer';

describe('FlatAdam', () => {
  it('follows tf.train.adam step for step', () => {
    const make = () => [
      tf.variable(
        tf.tensor2d([
          [1, -2],
          [3, 0.5],
        ]),
      ),
      tf.variable(tf.tensor1d([0.1, -0.3, 2])),
    ];
    const ours = make();
    const theirs = make();
    const flat = new FlatAdam(ours, () => 0.01, 0.9, 0.999, 1e-7);
    const adam = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
    for (let step = 0; step < 5; step++) {
      const grads = [
        tf.tensor2d([
          [0.5, -1],
          [step, 2],
        ]),
        tf.tensor1d([1, 0, -3 + step]),
      ];
      flat.apply(grads);
      adam.applyGradients({
        [theirs[0].name]: grads[0],
        [theirs[1].name]: grads[1],
      } as unknown as Record<string, tf.Variable>);
      tf.dispose(grads);
    }
    for (let i = 0; i < 2; i++) {
      const diff = tf.max(tf.abs(ours[i].sub(theirs[i]))).arraySync() as number;
      expect(diff).toBeLessThan(1e-5);
    }
    expect(ours[0].arraySync()).not.toEqual([
      [1, -2],
      [3, 0.5],
    ]);
  });

  it('reads its learning rate at every step: a config change is the whole update', () => {
    const settings = { learningRate: 0.1 };
    const weight = tf.variable(tf.tensor1d([1]));
    const adam = new FlatAdam([weight], () => settings.learningRate);
    const stepOnce = () => {
      const grad = tf.tensor1d([1]);
      adam.apply([grad]);
      grad.dispose();
      return weight.arraySync()[0];
    };
    // Adam's first step moves by the learning rate (m̂ / √v̂ = 1 for a constant gradient)
    expect(stepOnce()).toBeCloseTo(0.9, 5);
    settings.learningRate = 0;
    expect(stepOnce()).toBeCloseTo(0.9, 5);
    settings.learningRate = 0.05;
    expect(stepOnce()).toBeCloseTo(0.85, 5);
    tf.dispose([weight]);
    adam.dispose();
  });
});
