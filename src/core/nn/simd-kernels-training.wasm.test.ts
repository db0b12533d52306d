import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { filmLeakyRelu } from './film';
import { applyBatchNorm, applyConv, applyConvBatchNorm, makeBatchNorm, makeConv } from './layers';
import { Random } from '../random';
import { FlatAdam } from './optimizer';
import { momentumUpdate } from './train-step';
import { updateRunningStats, type BatchStats } from './layers';
import { setSimdKernelsEnabled, simdKernelsActive } from './simd-kernels';

/**
 * The optimizer, FiLM and Identity kernels (assembly/optim.ts, assembly/film.ts,
 * simd-kernels-training.ts) on tfjs-wasm against the tfjs-op forms on the cpu backend.
 */
type Loss = (...inputs: tf.Tensor[]) => tf.Tensor;
const worst = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

function expectClose(ours: number[][], reference: number[][], tolerance = 1e-5) {
  expect(ours.length).toBe(reference.length);
  for (let i = 0; i < reference.length; i++) {
    expect(ours[i].length).toBe(reference[i].length);
    const scale = Math.max(1, ...reference[i].map(Math.abs));
    expect(worst(ours[i], reference[i]) / scale).toBeLessThan(tolerance);
  }
}

/** Four Adam steps on variables of awkward sizes (lanes of 4 and scalar tails). */
function adamRun(): number[][] {
  const shapes = [[3], [7, 2], [16], [3, 3, 5, 4], [33]];
  const variables = shapes.map((shape, i) =>
    tf.tidy(() => tf.variable(tf.randomNormal(shape, 0, 1, 'float32', 20 + i))),
  );
  const adam = new FlatAdam(variables, () => 0.01);
  for (let step = 0; step < 4; step++) {
    const gradients = shapes.map((shape, i) =>
      tf.randomNormal(shape, 0, step + 1, 'float32', 40 + 7 * step + i),
    );
    adam.apply(gradients);
    tf.dispose(gradients);
  }
  const values = variables.map((v) => Array.from(v.dataSync()));
  adam.dispose();
  tf.dispose(variables);
  return values;
}

/** Three momentum updates of keys towards queries, and two of BN running statistics. */
function momentumRun(): number[][] {
  const shapes = [[3], [7, 2], [16], [33]];
  const keys = shapes.map((shape, i) =>
    tf.tidy(() => tf.variable(tf.randomNormal(shape, 0, 1, 'float32', 60 + i))),
  );
  const queries = shapes.map((shape, i) =>
    tf.tidy(() => tf.variable(tf.randomNormal(shape, 0, 1, 'float32', 70 + i))),
  );
  for (const m of [0.99, 0.9, 0.5]) momentumUpdate(keys, queries, m);
  const norms = [5, 8].map((c) => makeBatchNorm(c));
  for (let step = 0; step < 2; step++) {
    const stats: BatchStats = norms.map((params, i) => ({
      params,
      mean: tf.randomNormal([params.gamma.size], 0, 1, 'float32', 80 + 2 * i + step),
      variance: tf.randomUniform([params.gamma.size], 0.1, 2, 'float32', 90 + 2 * i + step),
    }));
    updateRunningStats(stats, 0.9);
  }
  const running = norms.flatMap((n) => [n.runningMean, n.runningVariance]);
  const values = [...keys, ...running].map((v) => Array.from(v.dataSync()));
  tf.dispose([...keys, ...queries, ...norms.flatMap((n) => [n.gamma, n.beta]), ...running]);
  return values;
}

function filmValues(shape: [number, number, number, number]): number[][] {
  return tf.tidy(() => {
    const [b, , , c] = shape;
    const x = tf.randomNormal(shape, 0, 1, 'float32', 31) as tf.Tensor4D;
    const film = tf.randomNormal([b, 2 * c], 0, 0.5, 'float32', 32) as tf.Tensor2D;
    const weights = tf.randomNormal(shape, 0, 1, 'float32', 33);
    const y = filmLeakyRelu(x, film, 0.1);
    const grads = tf.grads(((a: tf.Tensor4D, f: tf.Tensor2D) =>
      filmLeakyRelu(a, f, 0.1).mul(weights).sum()) as Loss)([x, film]);
    return [y, ...grads].map((t) => Array.from(t.dataSync()));
  });
}

/** Inference conv → BN → LeakyReLU: folded into one FusedConv2D, or the three layers. */
function convBatchNorm(folded: boolean): number[] {
  return tf.tidy(() => {
    const conv = makeConv(8, 16, 3, 2, new Random(3), 'same', false);
    const norm = makeBatchNorm(16);
    norm.runningMean.assign(tf.randomNormal([16], 0, 0.5, 'float32', 3));
    norm.runningVariance.assign(tf.randomUniform([16], 0.2, 2, 'float32', 4));
    const x = tf.randomNormal([3, 12, 12, 8], 0, 1, 'float32', 6) as tf.Tensor4D;
    const y = folded
      ? applyConvBatchNorm(conv, norm, x, false, 'leakyRelu')
      : applyBatchNorm(norm, applyConv(conv, x), false, 'leakyRelu');
    const values = Array.from(y.dataSync());
    tf.dispose([conv.filter, norm.gamma, norm.beta, norm.runningMean, norm.runningVariance]);
    return values;
  });
}

describe('training kernels on tfjs-wasm', () => {
  afterAll(async () => {
    setSimdKernelsEnabled(true);
    await tf.setBackend('wasm');
  });

  it('Adam in one kernel: the same weights as the tfjs-op FlatAdam on cpu after 4 steps', async () => {
    await tf.setBackend('cpu');
    const reference = adamRun();
    await tf.setBackend('wasm');
    expect(simdKernelsActive()).toBe(true);
    const before = tf.memory().numTensors;
    const ours = adamRun();
    expect(tf.memory().numTensors).toBe(before);
    expectClose(ours, reference);
  });

  it('momentum in one kernel (keys and BN running statistics) = the tfjs ops on cpu', async () => {
    await tf.setBackend('cpu');
    const reference = momentumRun();
    await tf.setBackend('wasm');
    const before = tf.memory().numTensors;
    const ours = momentumRun();
    expect(tf.memory().numTensors).toBe(before);
    expectClose(ours, reference);
  });

  for (const shape of [
    [4, 6, 6, 24],
    [3, 5, 4, 6],
  ] as [number, number, number, number][])
    it(`FiLM + LeakyReLU: output and gradients match the tfjs ops on cpu (${shape})`, async () => {
      await tf.setBackend('cpu');
      const reference = filmValues(shape);
      await tf.setBackend('wasm');
      expectClose(filmValues(shape), reference);
    });

  it('inference conv → BN → LeakyReLU as one fused conv on wasm = the layers on cpu', async () => {
    await tf.setBackend('cpu');
    const reference = convBatchNorm(false);
    await tf.setBackend('wasm');
    expectClose([convBatchNorm(true)], [reference]);
  });

  it('Identity shares the buffer: a clone outlives its source and frees it last', async () => {
    await tf.setBackend('wasm');
    const backend = tf.backend();
    const buffers = backend.numDataIds();
    const x = tf.tensor1d([1, 2, 3]);
    const y = x.clone();
    expect(y.dataId).toBe(x.dataId);
    expect(backend.numDataIds()).toBe(buffers + 1);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3]);
    y.dispose();
    expect(backend.numDataIds()).toBe(buffers);
    // switched off, the clone is a copy again (tfjs-wasm's own kernel)
    setSimdKernelsEnabled(false);
    const a = tf.tensor1d([4, 5]);
    const copy = a.clone();
    expect(copy.dataId).not.toBe(a.dataId);
    tf.dispose([a, copy]);
    setSimdKernelsEnabled(true);
  });
});
