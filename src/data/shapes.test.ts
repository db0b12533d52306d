import { describe, expect, it } from 'vitest';
import { makeShapesDataset, shapeClasses } from './shapes';

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
});
