import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { Activation } from './batchnorm';
import { applyBatchNorm, applyConv, applyConvBatchNorm, makeBatchNorm, makeConv } from './layers';
import { Random } from '../random';

/** Inference conv → BN → activation, folded into one fused conv, against the three layers. */
function foldedAgainstLayers(activation: Activation, withBias: boolean): number[][] {
  return tf.tidy(() => {
    const conv = makeConv(5, 6, 3, 2, new Random(3), 'same', withBias);
    const norm = makeBatchNorm(6);
    norm.gamma.assign(tf.randomNormal([6], 1, 0.3, 'float32', 1));
    norm.beta.assign(tf.randomNormal([6], 0, 0.3, 'float32', 2));
    norm.runningMean.assign(tf.randomNormal([6], 0, 0.5, 'float32', 3));
    norm.runningVariance.assign(tf.randomUniform([6], 0.2, 2, 'float32', 4));
    if (conv.bias) conv.bias.assign(tf.randomNormal([6], 0, 0.3, 'float32', 5));
    const x = tf.randomNormal([2, 9, 9, 5], 0, 1, 'float32', 6) as tf.Tensor4D;
    const folded = applyConvBatchNorm(conv, norm, x, false, activation);
    const layers = applyBatchNorm(norm, applyConv(conv, x), false, activation);
    const values = [folded, layers].map((t) => Array.from(t.dataSync()));
    tf.dispose([conv.filter, conv.bias ?? [], norm.gamma, norm.beta]);
    tf.dispose([norm.runningMean, norm.runningVariance]);
    return values;
  });
}

describe('applyConvBatchNorm', () => {
  for (const activation of ['leakyRelu', 'relu', 'none'] as const)
    for (const withBias of [false, true])
      it(`inference, off the tape: one folded conv = conv → BN → ${activation} (bias ${withBias})`, () => {
        const [folded, layers] = foldedAgainstLayers(activation, withBias);
        expect(folded.length).toBe(2 * 5 * 5 * 6);
        for (let i = 0; i < folded.length; i++) expect(folded[i]).toBeCloseTo(layers[i], 5);
      });

  it('inside a gradient tape, the layers (their gradient reaches the filter)', () => {
    const conv = makeConv(5, 6, 3, 1, new Random(3), 'same', false);
    const norm = makeBatchNorm(6);
    const x = tf.randomNormal([2, 6, 6, 5], 0, 1, 'float32', 6) as tf.Tensor4D;
    const { grads } = tf.variableGrads(
      () => applyConvBatchNorm(conv, norm, x, false, 'leakyRelu').sum() as tf.Scalar,
      [conv.filter],
    );
    expect(Object.keys(grads)).toEqual([conv.filter.name]);
    expect(tf.abs(grads[conv.filter.name]).sum().dataSync()[0]).toBeGreaterThan(0);
    tf.dispose([x, conv.filter, norm.gamma, norm.beta, norm.runningMean, norm.runningVariance]);
    tf.dispose(Object.values(grads));
  });
});
