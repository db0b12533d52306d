import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeFloats } from '../core/weights';
import type { LabRunner } from './lab-runner';
import { exportWeights, importWeights } from './tools';

let variables: tf.Variable[] = [];

/** Two seeded variables of a model, in a fixed order. */
function model(seed: number): tf.Variable[] {
  variables = [
    tf.variable(tf.randomNormal([3, 3, 3, 4], 0, 1, 'float32', seed)),
    tf.variable(tf.randomNormal([4], 0, 1, 'float32', seed + 1)),
  ];
  return variables;
}

/** The weight tools only ask a runner for its variables. */
const runnerOf = (weights: tf.Variable[]) =>
  ({ variables: () => weights }) as Pick<LabRunner, 'variables'> as LabRunner;

const values = (weights: tf.Variable[]) => weights.map((v) => Array.from(v.dataSync()));

afterEach(() => tf.dispose(variables));

describe('weights export and import (the worker side)', () => {
  it('round-trips a model through the JSON file: shapes kept, values bit for bit', async () => {
    const trained = model(1);
    const saved = values(trained);
    const reply = await exportWeights(runnerOf(trained), 'simclr');
    if (reply.type !== 'weights') throw new Error(`expected weights, got ${reply.type}`);
    const text = JSON.stringify(reply.file);
    expect(reply.file.tensors.map((t) => t.shape)).toEqual([[3, 3, 3, 4], [4]]);

    // a fresh model of the same shapes takes the saved weights
    tf.dispose(trained);
    const fresh = model(2);
    expect(values(fresh)).not.toEqual(saved);
    expect(importWeights(runnerOf(fresh), 'simclr', text)).toEqual({ type: 'weightsLoaded' });
    expect(values(fresh)).toEqual(saved);
  });

  it('rejects a file that does not fit, and leaves the model as it was', async () => {
    const source = model(3);
    const reply = await exportWeights(runnerOf(source), 'blindsr');
    if (reply.type !== 'weights') throw new Error(`expected weights, got ${reply.type}`);
    const good = reply.file;
    tf.dispose(source);
    const target = model(4);
    const before = values(target);
    const rejected = (text: string) => {
      const answer = importWeights(runnerOf(target), 'blindsr', text);
      expect(values(target)).toEqual(before);
      return answer;
    };
    expect(rejected('{ not json')).toEqual({ type: 'weightsRejected', message: 'not JSON' });
    expect(rejected(JSON.stringify({ ...good, lab: 'simclr' }))).toEqual({
      type: 'weightsRejected',
      message: 'weights of the simclr lab, not blindsr',
    });
    expect(rejected(JSON.stringify({ ...good, tensors: good.tensors.slice(0, 1) }))).toEqual({
      type: 'weightsRejected',
      message: 'expected 2 tensors, found 1',
    });
    expect(
      rejected(JSON.stringify({ ...good, tensors: [...good.tensors].reverse() })),
    ).toMatchObject({ type: 'weightsRejected', message: expect.stringContaining('shape') });
  });

  it('rejects, not throws, on right shapes with data of the wrong length or not base64', async () => {
    const source = model(5);
    const reply = await exportWeights(runnerOf(source), 'simclr');
    if (reply.type !== 'weights') throw new Error(`expected weights, got ${reply.type}`);
    const good = reply.file;
    tf.dispose(source);
    const target = model(6);
    const before = values(target);
    const withBias = (data: string) =>
      JSON.stringify({ ...good, tensors: [good.tensors[0], { shape: [4], data }] });
    for (const [data, message] of [
      [encodeFloats(new Float32Array(3)), 'tensor 1 holds 3 values, its shape [4] needs 4'],
      [encodeFloats(new Float32Array(5)), 'tensor 1 holds 5 values, its shape [4] needs 4'],
      ['%%% not base64 %%%', 'tensor 1 data is not base64'],
    ]) {
      expect(importWeights(runnerOf(target), 'simclr', withBias(data))).toEqual({
        type: 'weightsRejected',
        message,
      });
      expect(values(target)).toEqual(before);
    }
  });
});
