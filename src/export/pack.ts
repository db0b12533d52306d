import type { RgbImage } from '../core/image';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** [M, S, S, 3] in [0, 1] → uint8, base64: images that travel inside an exported script. */
export function packImages(images: RgbImage[]): string {
  const size = images[0]?.size ?? 0;
  const bytes = new Uint8Array(images.length * size * size * 3);
  images.forEach((image, i) => {
    for (let k = 0; k < image.pixels.length; k++)
      bytes[i * image.pixels.length + k] = Math.round(
        Math.min(1, Math.max(0, image.pixels[k])) * 255,
      );
  });
  return toBase64(bytes);
}
