import { describe, expect, it } from 'vitest';
import { makeTextures } from '../../data/textures';
import { cropResizeInto } from '../image';
import { kernelSizeFor, lowSize } from './config';
import type { Degradation } from './degrade';
import {
  axisWeightsFor,
  blurResizeRegion,
  degradeFromPoolJs,
  separableFactorsFor,
} from './degrade-separable';
import { degradeFromPool } from './pool-wasm';
import { cropAxis, throughCrop } from './sparse-weights';

const pool = makeTextures(4, 128, 5);
const maxDifference = (a: Float32Array, b: Float32Array) =>
  Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));

describe('throughCrop', () => {
  it('the weights through a crop give its LR pixels from the pool image (1:1, shrinking, enlarging, clamped)', () => {
    const hrSize = 96;
    // axis-aligned anisotropic: separable, rows and columns differ
    const anisotropic: Degradation = {
      kind: 'anisotropic',
      sigma: Math.sqrt(2.5 * 1.2),
      lambda1: 2.5,
      lambda2: 1.2,
      theta: 0,
      noise: 0,
    };
    const [weights] = axisWeightsFor([anisotropic], hrSize, lowSize, kernelSizeFor(2));
    const [blur] = separableFactorsFor([anisotropic], hrSize, kernelSizeFor(2));
    const image = pool[1];
    const boxes = [
      { x: 0.213, y: 0.377, width: 0.75, height: 0.75 }, // one source pixel per HR pixel
      { x: 0.05, y: 0.1, width: 0.9, height: 0.9 }, // shrinking
      { x: 0.3, y: 0.2, width: 0.4, height: 0.4 }, // enlarging
      { x: 0.8, y: 0.85, width: 0.3, height: 0.3 }, // past the border: clamped samples
    ];
    const region = { top: 3, left: 20, height: 24, width: 24 };
    for (const box of boxes) {
      const crop = new Float32Array(hrSize * hrSize * 3);
      cropResizeInto(image, box, hrSize, crop, 0);
      const viaCrop = new Float32Array(24 * 24 * 3);
      blurResizeRegion(crop, 0, hrSize, weights!.rows, weights!.columns, region, viaCrop, 0);
      const rows = throughCrop(
        weights!.rows,
        cropAxis(box.y, box.height, image.size, hrSize),
        image.size,
        3,
        27,
      );
      const columns = throughCrop(
        weights!.columns,
        cropAxis(box.x, box.width, image.size, hrSize),
        image.size,
        20,
        44,
      );
      // LR rows outside [from, to) have no entries
      expect(rows.start[3]).toBe(0);
      expect(rows.start[48]).toBe(rows.start[27]);
      const direct = new Float32Array(24 * 24 * 3);
      blurResizeRegion(image.pixels, 0, image.size, rows, columns, region, direct, 0);
      expect(maxDifference(direct, viaCrop)).toBeLessThan(1e-6);
      // the same weights built in wasm (assembly/weights.ts), the f32 SIMD kernel on them
      const simd = new Float32Array(24 * 24 * 3);
      const job = {
        draw: { source: 1, box },
        blur: blur!,
        regions: [region],
        outs: [{ data: simd, offset: 0 }],
      };
      expect(degradeFromPool(pool, hrSize, lowSize, [job])).toBe(true);
      expect(maxDifference(simd, viaCrop)).toBeLessThan(1e-6);
      const js = new Float32Array(24 * 24 * 3);
      degradeFromPoolJs(pool, hrSize, lowSize, [{ ...job, outs: [{ data: js, offset: 0 }] }]);
      expect(js).toEqual(direct);
    }
  });
});
