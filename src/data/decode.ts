import type { RgbImage } from '../core/image';
import { displayedSize, readImageHeader } from './validate';

/**
 * Transparent pixels are composited on mid grey: a neutral background that is neither
 * the black of premultiplied zeros nor a white that would read as "bright".
 */
export const transparentBackground = 0.5;

/**
 * RGBA bytes (not premultiplied, as getImageData returns them) → RGB in [0, 1], each pixel
 * composited over `background`: c = α·c + (1 − α)·background.
 */
export function compositeOnBackground(
  rgba: Uint8ClampedArray | Uint8Array,
  pixelCount: number,
  background = transparentBackground,
): Float32Array {
  const pixels = new Float32Array(pixelCount * 3);
  for (let i = 0; i < pixelCount; i++) {
    const alpha = rgba[i * 4 + 3] / 255;
    for (let c = 0; c < 3; c++)
      pixels[i * 3 + c] = (rgba[i * 4 + c] / 255) * alpha + background * (1 - alpha);
  }
  return pixels;
}

/**
 * Size of the decoded bitmap: the short side becomes `size`, the aspect ratio is kept, so
 * the centre square can be cut without a second resampling.
 */
export function decodeSize(
  width: number,
  height: number,
  size: number,
): { width: number; height: number } {
  const scale = size / Math.min(width, height);
  return {
    width: Math.max(size, Math.round(width * scale)),
    height: Math.max(size, Math.round(height * scale)),
  };
}

/**
 * Browser-side image decoding: createImageBitmap (PNG, JPEG, WebP, GIF first frame, BMP)
 * in the orientation the image is displayed in (EXIF), scaled while decoding so that its
 * short side is `size` (a large image never exists at full size in the page), then the
 * centre square, transparent pixels on `transparentBackground`.
 * `displayed` is width × height after orientation; without it they are read from the
 * header (or, failing that, from one full decode).
 */
export async function decodeToSquare(
  source: Blob,
  size: number,
  displayed?: { width: number; height: number },
): Promise<RgbImage> {
  let dimensions = displayed;
  if (!dimensions) {
    const header = readImageHeader(new Uint8Array(await source.slice(0, 256 * 1024).arrayBuffer()));
    if (header) dimensions = displayedSize(header);
  }
  if (!dimensions) {
    const probe = await createImageBitmap(source, { imageOrientation: 'from-image' });
    dimensions = { width: probe.width, height: probe.height };
    probe.close();
  }
  const target = decodeSize(dimensions.width, dimensions.height, size);
  const bitmap = await createImageBitmap(source, {
    imageOrientation: 'from-image',
    resizeWidth: target.width,
    resizeHeight: target.height,
    resizeQuality: 'high',
  });
  const canvas = new OffscreenCanvas(size, size);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  const sx = Math.floor((bitmap.width - size) / 2);
  const sy = Math.floor((bitmap.height - size) / 2);
  context.drawImage(bitmap, sx, sy, size, size, 0, 0, size, size);
  bitmap.close();
  const rgba = context.getImageData(0, 0, size, size).data;
  return { size, pixels: compositeOnBackground(rgba, size * size) };
}
