import type { RgbImage } from '../core/image';

/**
 * Browser-side image decoding: createImageBitmap (PNG, JPEG, WebP, GIF first frame, BMP),
 * centre-cropped to a square and scaled to `size` while decoding, so a huge image never
 * reaches tfjs at full size.
 */
export async function decodeToSquare(source: Blob | ImageBitmap, size: number): Promise<RgbImage> {
  const probe = source instanceof Blob ? await createImageBitmap(source) : source;
  const side = Math.min(probe.width, probe.height);
  const sx = Math.floor((probe.width - side) / 2);
  const sy = Math.floor((probe.height - side) / 2);
  const bitmap = await createImageBitmap(probe, sx, sy, side, side, {
    resizeWidth: size,
    resizeHeight: size,
    resizeQuality: 'high',
  });
  probe.close();
  const canvas = new OffscreenCanvas(size, size);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const rgba = context.getImageData(0, 0, size, size).data;
  const pixels = new Float32Array(size * size * 3);
  for (let i = 0; i < size * size; i++) {
    pixels[i * 3] = rgba[i * 4] / 255;
    pixels[i * 3 + 1] = rgba[i * 4 + 1] / 255;
    pixels[i * 3 + 2] = rgba[i * 4 + 2] / 255;
  }
  return { size, pixels };
}
