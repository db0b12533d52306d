import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeShapesDataset } from '../../data/shapes';
import { cropResize, stackImages } from '../image';
import { knnAccuracy } from '../metrics';
import {
  encode,
  encoderVariables,
  headVariables,
  makeConvEncoder,
  makeProjectionHead,
  project,
} from '../nn/models';
import { Random } from '../random';
import { evaluateEmbedding, pixelKnnAccuracy, representations } from './eval';

describe('evaluateEmbedding: kNN of h and of z', () => {
  it('reads kNN of the projection z = g(h) from the same images as kNN of h', async () => {
    const data = makeShapesDataset(7, 20, 8, 5);
    const random = new Random(11);
    const encoder = makeConvEncoder(
      { inputChannels: 3, channels: [8, 16], strides: [2, 2], activation: 'relu' },
      random,
    );
    const head = makeProjectionHead(encoder.outDim, 16, 4, random);
    const size = 16;
    const { embedding } = await evaluateEmbedding(encoder, head, data, size, 3, undefined);

    // the same readout by hand: images resized to the view size, networks in inference mode
    const held = data.heldOut!;
    const all = [...data.images, ...held.images].map((image) =>
      cropResize(image, { x: 0, y: 0, width: 1, height: 1 }, size),
    );
    const [h, z] = tf.tidy(() => {
      const features = encode(
        encoder,
        tf.tensor4d(stackImages(all), [all.length, size, size, 3]),
        false,
      );
      return [features, project(head, features, 'relu', false)];
    });
    const hValues = (await h.data()) as Float32Array;
    const zValues = (await z.data()) as Float32Array;
    tf.dispose([h, z]);
    const train = data.images.length;
    const byHand = (values: Float32Array, dim: number) =>
      knnAccuracy(
        values.subarray(0, train * dim),
        data.labels!,
        values.subarray(train * dim),
        held.labels,
        dim,
        5,
      );
    expect(embedding.knnAccuracy).toBe(byHand(hValues, encoder.outDim));
    expect(embedding.projectionKnnAccuracy).toBe(byHand(zValues, 4));
    // no network at all: the resized pixels themselves
    const pixels = byHand(stackImages(all), size * size * 3);
    expect(embedding.pixelKnnAccuracy).toBe(pixels);
    expect(pixelKnnAccuracy(data, size)).toBe(pixels);
    // the seeds are chosen so that the two readouts differ: one cannot pass for the other
    expect(embedding.projectionKnnAccuracy).not.toBe(embedding.knnAccuracy);
    tf.dispose([...encoderVariables(encoder), ...headVariables(head)]);
  });

  it('resizes the data set once per view size, chunks of 128 in order, a new size anew', async () => {
    const data = makeShapesDataset(5, 20, 30, 4); // more than one chunk of 128
    const random = new Random(2);
    const encoder = makeConvEncoder(
      { inputChannels: 3, channels: [4], strides: [2], activation: 'relu' },
      random,
    );
    const head = makeProjectionHead(encoder.outDim, 8, 4, random);
    const at = async (size: number) =>
      (await evaluateEmbedding(encoder, head, data, size, 0, undefined)).embedding;
    const first = await at(12);
    const other = await at(16);
    const again = await at(12);
    expect(data.images.length + data.heldOut!.images.length).toBeGreaterThan(128);
    expect(Array.from(again.points)).toEqual(Array.from(first.points));
    expect(again.knnAccuracy).toBe(first.knnAccuracy);
    expect(Array.from(other.points)).not.toEqual(Array.from(first.points));
    // h of the last image (held-out, second chunk) at 16 as the network gives it alone
    const last = data.heldOut!.images[data.heldOut!.images.length - 1];
    const alone = tf.tidy(() =>
      encode(
        encoder,
        tf.tensor4d(
          cropResize(last, { x: 0, y: 0, width: 1, height: 1 }, 16).pixels,
          [1, 16, 16, 3],
        ),
        false,
      ),
    );
    const { h } = await representations(encoder, head, data, 16);
    const dim = encoder.outDim;
    const mine = Array.from(h.subarray(h.length - dim));
    const theirs = Array.from(await alone.data());
    mine.forEach((v, i) => expect(v).toBeCloseTo(theirs[i], 5));
    tf.dispose([alone, ...encoderVariables(encoder), ...headVariables(head)]);
  });

  it('has no kNN of either without labels', async () => {
    const data = { ...makeShapesDataset(7, 20, 2, 1), labels: null, heldOut: null };
    const random = new Random(3);
    const encoder = makeConvEncoder(
      { inputChannels: 3, channels: [4], strides: [2], activation: 'relu' },
      random,
    );
    const head = makeProjectionHead(encoder.outDim, 8, 4, random);
    const { embedding } = await evaluateEmbedding(encoder, head, data, 16, 0, undefined);
    expect(embedding.knnAccuracy).toBeNull();
    expect(embedding.projectionKnnAccuracy).toBeNull();
    expect(embedding.pixelKnnAccuracy).toBeNull();
    tf.dispose([...encoderVariables(encoder), ...headVariables(head)]);
  });
});
