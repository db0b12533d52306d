import { describe, expect, it } from 'vitest';
import type { Dataset } from './dataset';
import { packDataset, payloadTransferables, unpackDataset } from './payload';
import { makeShapesDataset } from './shapes';

const pixels = (dataset: Dataset) => dataset.images.map((image) => Array.from(image.pixels));

describe('data set payload (page → worker)', () => {
  it('round-trips a labelled set with a held-out split', () => {
    const dataset = makeShapesDataset(4, 8, 2, 1);
    const payload = packDataset(dataset);
    expect(payload.size).toBe(8);
    expect(payload.count).toBe(dataset.images.length);
    expect(payload.images.length).toBe(dataset.images.length * 8 * 8 * 3);
    const back = unpackDataset(payload);
    expect(back.id).toBe('shapes');
    expect(back.classNames).toEqual(dataset.classNames);
    expect(back.images.map((image) => image.size)).toEqual(dataset.images.map(() => 8));
    expect(pixels(back)).toEqual(pixels(dataset));
    expect(Array.from(back.labels!)).toEqual(Array.from(dataset.labels!));
    expect(back.heldOut!.images.map((image) => Array.from(image.pixels))).toEqual(
      dataset.heldOut!.images.map((image) => Array.from(image.pixels)),
    );
    expect(Array.from(back.heldOut!.labels)).toEqual(Array.from(dataset.heldOut!.labels));
  });

  it('round-trips an unlabelled set without a held-out split', () => {
    const images = [0.1, 0.5, 0.9].map((v) => ({ size: 2, pixels: new Float32Array(12).fill(v) }));
    const dataset: Dataset = {
      id: 'uploads',
      images,
      labels: null,
      classNames: ['a.png'],
      heldOut: null,
    };
    const payload = packDataset(dataset);
    expect(payload.labels).toBeNull();
    expect(payload.heldOut).toBeNull();
    expect(payloadTransferables(payload)).toEqual([payload.images.buffer]);
    const back = unpackDataset(payload);
    expect(back.labels).toBeNull();
    expect(back.heldOut).toBeNull();
    expect(pixels(back)).toEqual(pixels(dataset));
  });

  it('copies what it transfers: the page keeps its own arrays intact', () => {
    const dataset = makeShapesDataset(5, 8, 1, 1);
    const payload = packDataset(dataset);
    const transfers = payloadTransferables(payload);
    expect(transfers).toEqual([payload.images.buffer, payload.heldOut!.images.buffer]);
    // transferring detaches these buffers: none may be an array the page still reads
    for (const buffer of transfers) {
      expect(dataset.images.some((image) => image.pixels.buffer === buffer)).toBe(false);
      expect(dataset.heldOut!.images.some((image) => image.pixels.buffer === buffer)).toBe(false);
    }
    expect(payload.labels).not.toBe(dataset.labels);
    const first = dataset.images[0].pixels[0];
    payload.images[0] = first + 1;
    payload.labels![0] += 1;
    expect(dataset.images[0].pixels[0]).toBe(first);
    expect(payload.labels![0]).not.toBe(dataset.labels![0]);
  });

  it('packs an empty set into an empty payload', () => {
    const empty: Dataset = {
      id: 'uploads',
      images: [],
      labels: null,
      classNames: [],
      heldOut: null,
    };
    const payload = packDataset(empty);
    expect([payload.size, payload.count, payload.images.length]).toEqual([0, 0, 0]);
    expect(unpackDataset(payload).images).toEqual([]);
  });

  it('refuses a payload whose arrays do not hold count × size × size × 3 values', () => {
    const good = () => packDataset(makeShapesDataset(4, 8, 2, 1));
    const count = good().count;
    const heldOutCount = good().heldOut!.count;
    // one pixel short: the last image would come out truncated
    const short = good();
    short.images = short.images.subarray(0, short.images.length - 3);
    expect(() => unpackDataset(short)).toThrow(
      `data set payload: images hold ${count * 192 - 3} values, ${count} images of 8×8×3 need ${count * 192}`,
    );
    const long = good();
    long.images = new Float32Array(long.images.length + 192);
    expect(() => unpackDataset(long)).toThrow(/images hold \d+ values/);
    const labels = good();
    labels.labels = labels.labels!.subarray(1);
    expect(() => unpackDataset(labels)).toThrow(
      `data set payload: ${count - 1} labels for ${count} images`,
    );
    const heldOut = good();
    heldOut.heldOut!.images = heldOut.heldOut!.images.subarray(0, 192);
    expect(() => unpackDataset(heldOut)).toThrow(
      `data set payload: held-out images hold 192 values, ${heldOutCount} images of 8×8×3 need ${heldOutCount * 192}`,
    );
    const heldOutLabels = good();
    heldOutLabels.heldOut!.labels = new Int32Array(heldOutCount + 1);
    expect(() => unpackDataset(heldOutLabels)).toThrow(
      `data set payload: ${heldOutCount + 1} held-out labels for ${heldOutCount} images`,
    );
    const size = good();
    size.size = 7.5;
    expect(() => unpackDataset(size)).toThrow(
      'data set payload: image size 7.5 is not a whole number',
    );
  });
});
