import { describe, expect, it } from 'vitest';
import {
  applyView,
  applyViewInto,
  colorJitter,
  flipHorizontal,
  gaussianBlur,
  gaussianKernel1d,
  mod,
  sampleViewParams,
  toGrayscale,
} from './augment';
import { defaultSimclrConfig } from './config';
import { Random } from '../random';
import { cropResize, type RgbImage } from '../image';

function randomImage(size: number, seed: number): RgbImage {
  const random = new Random(seed);
  return { size, pixels: Float32Array.from({ length: size * size * 3 }, () => random.next()) };
}

describe('augmentations', () => {
  it('flip twice is the identity, flip once mirrors', () => {
    const image = randomImage(6, 1);
    expect(Array.from(flipHorizontal(flipHorizontal(image)).pixels)).toEqual(
      Array.from(image.pixels),
    );
    const once = flipHorizontal(image);
    expect(once.pixels[0]).toBe(image.pixels[5 * 3]);
  });

  it('crops stay inside the image with area ≥ the minimum and aspect in [3/4, 4/3]', () => {
    const random = new Random(2);
    for (let i = 0; i < 500; i++) {
      const { crop } = sampleViewParams(defaultSimclrConfig.augment, random);
      expect(crop.x).toBeGreaterThanOrEqual(0);
      expect(crop.y).toBeGreaterThanOrEqual(0);
      expect(crop.x + crop.width).toBeLessThanOrEqual(1 + 1e-9);
      expect(crop.y + crop.height).toBeLessThanOrEqual(1 + 1e-9);
      expect(crop.width * crop.height).toBeGreaterThanOrEqual(
        defaultSimclrConfig.augment.cropMinArea - 1e-9,
      );
      const aspect = crop.width / crop.height;
      expect(aspect).toBeGreaterThanOrEqual(0.75 - 1e-9);
      expect(aspect).toBeLessThanOrEqual(4 / 3 + 1e-9);
    }
  });

  it('colour jitter at strength 0 is drawn and applied, and is the identity', () => {
    const image = randomImage(5, 3);
    // only colour jitter on, so a view differs from the image by the jitter alone
    const jitterOnly = {
      ...defaultSimclrConfig.augment,
      crop: false,
      flip: false,
      colorJitter: true,
      grayscale: false,
      blur: false,
    };
    // seed 4's first draw passes the p = 0.8 gate; the same seed at strength 0.5 draws a
    // real jitter, so the path through applyView is known to change pixels
    const atZero = sampleViewParams({ ...jitterOnly, colorStrength: 0 }, new Random(4));
    const atHalf = sampleViewParams({ ...jitterOnly, colorStrength: 0.5 }, new Random(4));
    expect(atZero.jitter).not.toBeNull();
    expect(atHalf.jitter).not.toBeNull();
    const { brightness, contrast, saturation, hue, order } = atZero.jitter!;
    expect([brightness, contrast, saturation, hue]).toEqual([1, 1, 1, 0]);
    expect([...order].sort()).toEqual(['brightness', 'contrast', 'hue', 'saturation']);
    expect(atHalf.jitter!.brightness).not.toBe(1);

    const maxChange = (params: typeof atZero) => {
      const view = applyView(image, params, image.size);
      return Math.max(...view.pixels.map((v, i) => Math.abs(v - image.pixels[i])));
    };
    expect(maxChange(atHalf)).toBeGreaterThan(0.02);
    expect(maxChange(atZero)).toBeLessThan(1e-5);
  });

  it('hue shift by a whole turn is the identity, by a third maps red to green', () => {
    const red: RgbImage = { size: 1, pixels: Float32Array.from([1, 0, 0]) };
    const order = ['hue'] as 'hue'[];
    const third = colorJitter(red, {
      brightness: 1,
      contrast: 1,
      saturation: 1,
      hue: 1 / 3,
      order,
    });
    expect(Array.from(third.pixels).map((v) => Number(v.toFixed(5)))).toEqual([0, 1, 0]);
    const image = randomImage(4, 5);
    const whole = colorJitter(image, { brightness: 1, contrast: 1, saturation: 1, hue: 1, order });
    whole.pixels.forEach((v, i) => expect(v).toBeCloseTo(image.pixels[i], 5));
  });

  it('grayscale gives equal channels with ITU-R 601 weights', () => {
    const image: RgbImage = { size: 1, pixels: Float32Array.from([1, 0, 0]) };
    expect(Array.from(toGrayscale(image).pixels).map((v) => Number(v.toFixed(4)))).toEqual([
      0.2989, 0.2989, 0.2989,
    ]);
  });

  it('the blur kernel sums to 1 and a tiny σ barely blurs', () => {
    for (const sigma of [0.1, 0.5, 1, 2]) {
      const taps = gaussianKernel1d(sigma, 3);
      expect(taps.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    }
    const image = randomImage(20, 6);
    const blurred = gaussianBlur(image, 0.1);
    blurred.pixels.forEach((v, i) => expect(v).toBeCloseTo(image.pixels[i], 4));
  });

  it('a view with every augmentation off is the (resized) image', () => {
    const image = randomImage(8, 7);
    const random = new Random(8);
    const off = {
      crop: false,
      cropMinArea: 1,
      flip: false,
      colorJitter: false,
      colorStrength: 0.5,
      grayscale: false,
      blur: false,
    };
    const params = sampleViewParams(off, random);
    expect(params).toEqual({
      crop: { x: 0, y: 0, width: 1, height: 1 },
      flip: false,
      jitter: null,
      grayscale: false,
      blurSigma: null,
    });
    const view = applyView(image, params, 8);
    view.pixels.forEach((v, i) => expect(v).toBeCloseTo(image.pixels[i], 5));
  });

  it('mod is JavaScript’s % to the bit (the hue rotation’s fast path)', () => {
    const random = new Random(9);
    const values = [0, -0, 1, 2, 3, 5.999999999999999, 6, 6.000000000000001, 12, 17.5, 18, -0.5];
    values.push(-1, -6, -7.25, 1e-300, 1 - 2 ** -53, 2 - 2 ** -52, 1e20, Infinity, -Infinity, NaN);
    for (let i = 0; i < 2000; i++) values.push(random.uniform(-2, 20));
    for (const m of [1, 2, 6])
      for (const a of values) expect(Object.is(mod(a, m), a % m), `${a} mod ${m}`).toBe(true);
  });

  it('a view written into a batch is crop → flip → jitter → grey → blur, the rest untouched', () => {
    const image = randomImage(12, 7);
    const random = new Random(4);
    const augment = { ...defaultSimclrConfig.augment, blur: true, colorStrength: 1 };
    for (let trial = 0; trial < 20; trial++) {
      const params = sampleViewParams(augment, random);
      const target = new Float32Array(3 * 8 * 8 * 3).fill(-1);
      applyViewInto(image, params, 8, target, 8 * 8 * 3);
      let view = cropResize(image, params.crop, 8);
      if (params.flip) view = flipHorizontal(view);
      if (params.jitter) view = colorJitter(view, params.jitter);
      if (params.grayscale) view = toGrayscale(view);
      if (params.blurSigma !== null) view = gaussianBlur(view, params.blurSigma);
      expect(Array.from(target.subarray(8 * 8 * 3, 2 * 8 * 8 * 3))).toEqual(
        Array.from(view.pixels),
      );
      expect(target.subarray(0, 8 * 8 * 3).every((v) => v === -1)).toBe(true);
      expect(target.subarray(2 * 8 * 8 * 3).every((v) => v === -1)).toBe(true);
    }
  });
});
