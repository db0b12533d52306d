import { cropResizeInto, luma, makeImage, type RgbImage } from '../image';
import type { Random } from '../random';

/**
 * SimCLR's augmentations, after google-research/simclr data_util.py (s = colour strength).
 * Parameters are sampled first (they travel to the UI), then applied.
 */
export interface AugmentConfig {
  crop: boolean;
  /** smallest crop area, fraction of the image (paper: 0.08) */
  cropMinArea: number;
  flip: boolean;
  colorJitter: boolean;
  /** s in data_util.py */
  colorStrength: number;
  grayscale: boolean;
  blur: boolean;
}

export const defaultAugmentConfig: AugmentConfig = {
  crop: true,
  cropMinArea: 0.08,
  flip: true,
  colorJitter: true,
  colorStrength: 0.5,
  grayscale: true,
  blur: false,
};

export type ColorOp = 'brightness' | 'contrast' | 'saturation' | 'hue';

export interface ViewParams {
  /** normalised crop box on the original */
  crop: { x: number; y: number; width: number; height: number };
  flip: boolean;
  /** null when jitter was off or skipped (p = 0.8) */
  jitter: {
    brightness: number;
    contrast: number;
    saturation: number;
    hue: number;
    order: ColorOp[];
  } | null;
  grayscale: boolean;
  /** σ in output pixels, or null when not blurred */
  blurSigma: number | null;
}

/** data_util.py distorted_bounding_box_crop: area ∈ [min, 1], aspect ∈ [3/4, 4/3]. */
function sampleCrop(random: Random, minArea: number): ViewParams['crop'] {
  for (let attempt = 0; attempt < 100; attempt++) {
    const area = random.uniform(minArea, 1);
    const logRatio = random.uniform(Math.log(3 / 4), Math.log(4 / 3));
    const aspect = Math.exp(logRatio);
    const width = Math.sqrt(area * aspect);
    const height = Math.sqrt(area / aspect);
    if (width <= 1 && height <= 1) {
      return { x: random.uniform(0, 1 - width), y: random.uniform(0, 1 - height), width, height };
    }
  }
  return { x: 0, y: 0, width: 1, height: 1 };
}

export function sampleViewParams(config: AugmentConfig, random: Random): ViewParams {
  const crop = config.crop
    ? sampleCrop(random, config.cropMinArea)
    : { x: 0, y: 0, width: 1, height: 1 };
  const flip = config.flip && random.bernoulli(0.5);
  let jitter: ViewParams['jitter'] = null;
  if (config.colorJitter && random.bernoulli(0.8)) {
    const s = config.colorStrength;
    const delta = 0.8 * s;
    const order = random.shuffle<ColorOp>(['brightness', 'contrast', 'saturation', 'hue']);
    jitter = {
      // simclrv2 brightness: a multiplicative factor
      brightness: random.uniform(Math.max(0, 1 - delta), 1 + delta),
      contrast: random.uniform(Math.max(0, 1 - delta), 1 + delta),
      saturation: random.uniform(Math.max(0, 1 - delta), 1 + delta),
      hue: random.uniform(-0.2 * s, 0.2 * s),
      order,
    };
  }
  const grayscale = config.grayscale && random.bernoulli(0.2);
  const blurSigma = config.blur && random.bernoulli(0.5) ? random.uniform(0.1, 2.0) : null;
  return { crop, flip, jitter, grayscale, blurSigma };
}

/** In place: each row of a [size, size, 3] image reversed. */
function flipInPlace(pixels: Float32Array, size: number): void {
  for (let y = 0; y < size; y++)
    for (
      let left = y * size * 3, right = left + (size - 1) * 3;
      left < right;
      left += 3, right -= 3
    )
      for (let c = 0; c < 3; c++) {
        const keep = pixels[left + c];
        pixels[left + c] = pixels[right + c];
        pixels[right + c] = keep;
      }
}

export function flipHorizontal(image: RgbImage): RgbImage {
  const out = { size: image.size, pixels: image.pixels.slice() };
  flipInPlace(out.pixels, out.size);
  return out;
}

const clip01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** In place. tf.image.adjust_contrast: (x − channel mean)·f + channel mean. */
function adjustContrast(pixels: Float32Array, factor: number): void {
  const n = pixels.length / 3;
  const mean = [0, 0, 0];
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) mean[c] += pixels[i * 3 + c];
  for (let c = 0; c < 3; c++) mean[c] /= n;
  for (let i = 0; i < n; i++)
    for (let c = 0; c < 3; c++)
      pixels[i * 3 + c] = clip01((pixels[i * 3 + c] - mean[c]) * factor + mean[c]);
}

/** In place. Saturation as a blend with the grey image (torchvision's form). */
function adjustSaturation(pixels: Float32Array, factor: number): void {
  for (let i = 0; i < pixels.length; i += 3) {
    const grey = luma(pixels[i], pixels[i + 1], pixels[i + 2]);
    for (let c = 0; c < 3; c++) pixels[i + c] = clip01(grey + (pixels[i + c] - grey) * factor);
  }
}

/**
 * a % m as JavaScript computes it (fmod), without the call where a is in [0, 3m): a − m and
 * a − 2m are then exact (Sterbenz), so the value is the same to the bit.
 */
export function mod(a: number, m: number): number {
  if (a >= 0 && a < m) return a;
  if (a >= m && a < 2 * m) return a - m;
  if (a >= 2 * m && a < 3 * m) return a - 2 * m;
  return a % m;
}

/** In place. Rotates hue by `shift` turns (tf.image.adjust_hue works in HSV the same way). */
function adjustHue(pixels: Float32Array, shift: number): void {
  for (let i = 0; i < pixels.length; i += 3) {
    const r = pixels[i];
    const g = pixels[i + 1];
    const b = pixels[i + 2];
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    const chroma = max - min;
    if (chroma === 0) continue;
    let hue: number;
    if (max === r) hue = mod((g - b) / chroma + 6, 6);
    else if (max === g) hue = (b - r) / chroma + 2;
    else hue = (r - g) / chroma + 4;
    // ((t % 1) + 1) % 1 with t's sign kept by the first %, as in tf.image.adjust_hue
    const t = hue / 6 + shift;
    hue = mod((t > -1 && t < 0 ? t : mod(t, 1)) + 1, 1);
    const h6 = hue * 6;
    const x = chroma * (1 - Math.abs(mod(h6, 2) - 1));
    const sector = mod(Math.floor(h6), 6);
    let r1 = 0;
    let g1 = 0;
    let b1 = 0;
    // (r1, g1, b1) by sector: (C, X, 0) (X, C, 0) (0, C, X) (0, X, C) (X, 0, C) (C, 0, X)
    if (sector === 0 || sector === 5) r1 = chroma;
    else if (sector === 1 || sector === 4) r1 = x;
    if (sector === 1 || sector === 2) g1 = chroma;
    else if (sector === 0 || sector === 3) g1 = x;
    if (sector === 3 || sector === 4) b1 = chroma;
    else if (sector === 2 || sector === 5) b1 = x;
    pixels[i] = r1 + min;
    pixels[i + 1] = g1 + min;
    pixels[i + 2] = b1 + min;
  }
}

/** In place: the jitter's four adjustments in its order. */
function jitterInPlace(pixels: Float32Array, jitter: NonNullable<ViewParams['jitter']>): void {
  for (const op of jitter.order) {
    if (op === 'brightness')
      for (let i = 0; i < pixels.length; i++) pixels[i] = clip01(pixels[i] * jitter.brightness);
    else if (op === 'contrast') adjustContrast(pixels, jitter.contrast);
    else if (op === 'saturation') adjustSaturation(pixels, jitter.saturation);
    else adjustHue(pixels, jitter.hue);
  }
}

export function colorJitter(image: RgbImage, jitter: NonNullable<ViewParams['jitter']>): RgbImage {
  const out: RgbImage = { size: image.size, pixels: image.pixels.slice() };
  jitterInPlace(out.pixels, jitter);
  return out;
}

/** In place: every pixel its luma in all three channels. */
function grayscaleInPlace(pixels: Float32Array): void {
  for (let i = 0; i < pixels.length; i += 3) {
    const grey = luma(pixels[i], pixels[i + 1], pixels[i + 2]);
    pixels[i] = grey;
    pixels[i + 1] = grey;
    pixels[i + 2] = grey;
  }
}

export function toGrayscale(image: RgbImage): RgbImage {
  const out = { size: image.size, pixels: image.pixels.slice() };
  grayscaleInPlace(out.pixels);
  return out;
}

/** Normalised 1-D Gaussian taps; `radius` taps each side. */
export function gaussianKernel1d(sigma: number, radius: number): Float32Array {
  const taps = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    const v = Math.exp(-(i * i) / (2 * sigma * sigma));
    taps[i + radius] = v;
    sum += v;
  }
  for (let i = 0; i < taps.length; i++) taps[i] /= sum;
  return taps;
}

/** Separable Gaussian blur with reflection at the border; kernel ≈ 10 % of the side (data_util.py). */
export function gaussianBlur(image: RgbImage, sigma: number): RgbImage {
  const { size } = image;
  const radius = Math.max(1, Math.floor(size / 20));
  const taps = gaussianKernel1d(sigma, radius);
  const reflect = (i: number) => (i < 0 ? -i : i >= size ? 2 * size - 2 - i : i);
  const pass = (src: Float32Array, horizontal: boolean): Float32Array => {
    const dst = new Float32Array(src.length);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++)
        for (let c = 0; c < 3; c++) {
          let acc = 0;
          for (let k = -radius; k <= radius; k++) {
            const sx = horizontal ? reflect(x + k) : x;
            const sy = horizontal ? y : reflect(y + k);
            acc += taps[k + radius] * src[(sy * size + sx) * 3 + c];
          }
          dst[(y * size + x) * 3 + c] = acc;
        }
    return dst;
  };
  return { size, pixels: pass(pass(image.pixels, true), false) };
}

/**
 * One view of one image, written into `target` at `offset` ([outSize, outSize, 3]): crop →
 * flip → colour jitter → grayscale → blur, each in place (a batch's views need no image of
 * their own: a fresh typed array costs more than these loops on a 16² view).
 */
export function applyViewInto(
  image: RgbImage,
  params: ViewParams,
  outSize: number,
  target: Float32Array,
  offset: number,
): void {
  cropResizeInto(image, params.crop, outSize, target, offset);
  const pixels = target.subarray(offset, offset + outSize * outSize * 3);
  if (params.flip) flipInPlace(pixels, outSize);
  if (params.jitter) jitterInPlace(pixels, params.jitter);
  if (params.grayscale) grayscaleInPlace(pixels);
  if (params.blurSigma !== null)
    pixels.set(gaussianBlur({ size: outSize, pixels }, params.blurSigma).pixels);
}

/** One view of one image as an image of its own. */
export function applyView(image: RgbImage, params: ViewParams, outSize: number): RgbImage {
  const view = makeImage(outSize);
  applyViewInto(image, params, outSize, view.pixels, 0);
  return view;
}
