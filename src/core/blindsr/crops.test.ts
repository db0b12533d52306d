import { describe, expect, it } from 'vitest';
import { makeTextures } from '../../data/textures';
import { cropResize, cropResizeInto, sampleBilinear, makeImage } from '../image';
import { Random } from '../random';
import { cropDraws, cropHr } from './crops';
import { wasmDegradation, wasmDegradationReady } from './degrade-wasm';
import { cropHrWasm } from './pool-wasm';

const pool = makeTextures(4, 128, 5);

describe('cropResize', () => {
  it('is sampleBilinear at every output pixel, to the last bit (crops, upsampling, clamped borders)', () => {
    const random = new Random(3);
    const image = pool[0];
    const boxes = [
      { x: 0.25, y: 0.1, width: 0.75, height: 0.75 },
      { x: random.next() * 0.5, y: random.next() * 0.5, width: 0.5, height: 0.5 },
      { x: 0.9, y: 0.95, width: 0.3, height: 0.2 },
    ];
    for (const [box, outSize] of [
      [boxes[0], 96],
      [boxes[1], 96],
      [boxes[2], 40],
    ] as const) {
      const fast = cropResize(image, box, outSize);
      const slow = makeImage(outSize);
      const scaleX = (box.width * image.size) / outSize;
      const scaleY = (box.height * image.size) / outSize;
      for (let oy = 0; oy < outSize; oy++)
        for (let ox = 0; ox < outSize; ox++)
          sampleBilinear(
            image,
            box.x * image.size + (ox + 0.5) * scaleX - 0.5,
            box.y * image.size + (oy + 0.5) * scaleY - 0.5,
            slow.pixels,
            (oy * outSize + ox) * 3,
          );
      expect(fast.pixels).toEqual(slow.pixels);
    }
  });
});

describe('cropHr', () => {
  it('the wasm crops are the JS crops to the last bit, and cropHr draws the same either way', () => {
    expect(wasmDegradationReady()).toBe(true);
    const random = new Random(8);
    const boxes = [
      // the batch's: one source pixel per output pixel at a sub-pixel offset
      ...Array.from({ length: 6 }, () => {
        const side = 48 / 128;
        return { x: random.uniform(0, 1 - side), y: random.uniform(0, 1 - side), side, out: 48 };
      }),
      // shrinking, enlarging, and a box at the border (clamped samples)
      { x: 0.1, y: 0.2, side: 0.7, out: 33 },
      { x: 0.3, y: 0.05, side: 0.2, out: 50 },
      { x: 0.9, y: 0.9, side: 0.1, out: 7 },
    ];
    boxes.forEach(({ x, y, side, out }, i) => {
      const source = i % pool.length;
      const box = { x, y, width: side, height: side };
      const js = new Float32Array(out * out * 3);
      cropResizeInto(pool[source], box, out, js, 0);
      const wasm = cropHrWasm(pool, [{ source, box }], out, [
        { top: 0, left: 0, height: out, width: out },
      ]);
      expect(wasm && Array.from(wasm)).toEqual(Array.from(js));
    });
    const withWasm = cropHr(pool, 5, 48, new Random(3));
    wasmDegradation.enabled = false;
    try {
      const withJs = cropHr(pool, 5, 48, new Random(3));
      expect(withWasm.sources).toEqual(withJs.sources);
      expect(Array.from(withWasm.pixels)).toEqual(Array.from(withJs.pixels));
    } finally {
      wasmDegradation.enabled = true;
    }
  });
});

describe('cropDraws with regions', () => {
  it("a region of a crop is the whole crop's region to the last bit, on wasm and in JS", () => {
    const random = new Random(12);
    const size = 96;
    const side = size / 128;
    const draws = Array.from({ length: 4 }, (_, i) => ({
      source: i % pool.length,
      box: {
        x: random.uniform(0, 1 - side),
        y: random.uniform(0, 1 - side),
        width: side,
        height: side,
      },
    }));
    // a corner, the middle, a strip at the far edge, one pixel
    const regions = [
      { top: 0, left: 0, height: 48, width: 48 },
      { top: 30, left: 17, height: 48, width: 48 },
      { top: 90, left: 0, height: 6, width: 96 },
      { top: 95, left: 95, height: 1, width: 1 },
    ];
    const expected = draws.flatMap((draw, i) => {
      const whole = cropDraws(pool, [draw], size);
      const { top, left, height, width } = regions[i];
      return Array.from({ length: height }, (_, y) =>
        Array.from(
          whole.subarray(((top + y) * size + left) * 3, ((top + y) * size + left + width) * 3),
        ),
      ).flat();
    });
    for (const wasm of [true, false]) {
      wasmDegradation.enabled = wasm;
      try {
        expect(Array.from(cropDraws(pool, draws, size, regions))).toEqual(expected);
      } finally {
        wasmDegradation.enabled = true;
      }
    }
  });
});
