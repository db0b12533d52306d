import { cropResize, luma, makeImage, type RgbImage } from '../image';
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

export function flipHorizontal(image: RgbImage): RgbImage {
  const { size, pixels } = image;
  const out = makeImage(size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + (size - 1 - x)) * 3;
      const to = (y * size + x) * 3;
      out.pixels[to] = pixels[from];
      out.pixels[to + 1] = pixels[from + 1];
      out.pixels[to + 2] = pixels[from + 2];
    }
  }
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
    if (max === r) hue = ((g - b) / chroma + 6) % 6;
    else if (max === g) hue = (b - r) / chroma + 2;
    else hue = (r - g) / chroma + 4;
    hue = (((hue / 6 + shift) % 1) + 1) % 1;
    const h6 = hue * 6;
    const x = chroma * (1 - Math.abs((h6 % 2) - 1));
    const sector = Math.floor(h6) % 6;
    const [r1, g1, b1] =
      sector === 0
        ? [chroma, x, 0]
        : sector === 1
          ? [x, chroma, 0]
          : sector === 2
            ? [0, chroma, x]
            : sector === 3
              ? [0, x, chroma]
              : sector === 4
                ? [x, 0, chroma]
                : [chroma, 0, x];
    pixels[i] = r1 + min;
    pixels[i + 1] = g1 + min;
    pixels[i + 2] = b1 + min;
  }
}

export function colorJitter(image: RgbImage, jitter: NonNullable<ViewParams['jitter']>): RgbImage {
  const out: RgbImage = { size: image.size, pixels: image.pixels.slice() };
  for (const op of jitter.order) {
    if (op === 'brightness')
      for (let i = 0; i < out.pixels.length; i++)
        out.pixels[i] = clip01(out.pixels[i] * jitter.brightness);
    else if (op === 'contrast') adjustContrast(out.pixels, jitter.contrast);
    else if (op === 'saturation') adjustSaturation(out.pixels, jitter.saturation);
    else adjustHue(out.pixels, jitter.hue);
  }
  return out;
}

export function toGrayscale(image: RgbImage): RgbImage {
  const out = makeImage(image.size);
  for (let i = 0; i < out.pixels.length; i += 3) {
    const grey = luma(image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]);
    out.pixels[i] = grey;
    out.pixels[i + 1] = grey;
    out.pixels[i + 2] = grey;
  }
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

/** One view of one image: crop → flip → colour jitter → grayscale → blur. */
export function applyView(image: RgbImage, params: ViewParams, outSize: number): RgbImage {
  let view = cropResize(image, params.crop, outSize);
  if (params.flip) view = flipHorizontal(view);
  if (params.jitter) view = colorJitter(view, params.jitter);
  if (params.grayscale) view = toGrayscale(view);
  if (params.blurSigma !== null) view = gaussianBlur(view, params.blurSigma);
  return view;
}
