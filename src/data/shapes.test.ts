import { describe, expect, it } from 'vitest';
import { Random } from '../core/random';
import { makeShapesDataset, renderShape, sampleShapeSpec, shapeClasses } from './shapes';

describe('shapes data set', () => {
  it('is deterministic per seed and different across seeds', () => {
    const a = makeShapesDataset(9, 16, 4, 2);
    const b = makeShapesDataset(9, 16, 4, 2);
    const c = makeShapesDataset(10, 16, 4, 2);
    // toEqual counts NaN as equal to NaN: every pixel must also be a number in [0, 1]
    for (const v of a.images[3].pixels) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(Array.from(a.images[3].pixels)).toEqual(Array.from(b.images[3].pixels));
    expect(Array.from(a.labels!)).toEqual(Array.from(b.labels!));
    expect(Array.from(a.images[3].pixels)).not.toEqual(Array.from(c.images[3].pixels));
  });

  it('is balanced over classes, with a labelled held-out split', () => {
    const data = makeShapesDataset(1, 16, 5, 3);
    const counts = new Array(shapeClasses.length).fill(0);
    for (const label of data.labels!) counts[label]++;
    expect(counts).toEqual(new Array(shapeClasses.length).fill(5));
    expect(data.heldOut!.labels.length).toBe(3 * shapeClasses.length);
    for (const image of data.images) {
      for (const v of image.pixels) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });

  it('draws an image when its pixels are first read, as drawing them all at once did', () => {
    const data = makeShapesDataset(5, 12, 3, 2);
    const image = data.images[4];
    expect(typeof Object.getOwnPropertyDescriptor(image, 'pixels')?.get).toBe('function');
    expect(image.pixels).toBe(image.pixels);
    // the eager order: every spec of the training split, its shuffle, then the held-out split
    const random = new Random(5);
    const eager = (count: number) => {
      const items = shapeClasses.flatMap((shape, label) =>
        Array.from({ length: count }, () => ({
          pixels: renderShape(sampleShapeSpec(shape, random), 12).pixels,
          label,
        })),
      );
      return random.shuffle(items);
    };
    const train = eager(3);
    const heldOut = eager(2);
    expect(data.images.map((im) => Array.from(im.pixels))).toEqual(
      train.map((it) => Array.from(it.pixels)),
    );
    expect(data.heldOut!.images.map((im) => Array.from(im.pixels))).toEqual(
      heldOut.map((it) => Array.from(it.pixels)),
    );
    // and a copy by spread or structured clone reads them
    expect(Array.from({ ...data.images[0] }.pixels)).toEqual(Array.from(train[0].pixels));
    expect(Array.from(structuredClone(data.images[1]).pixels)).toEqual(Array.from(train[1].pixels));
  });
});
