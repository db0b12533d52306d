import { cropResize, cropResizeInto, type PixelRegion, type RgbImage } from '../image';
import { cropHrWasm, type CropDraw } from './pool-wasm';
import type { Random } from '../random';

/** The Blind-SR batch's random HR crops of the pool: where each is, and its pixels. */

/** Where one random HR crop comes from: a pool image (an int), a place in it (two uniforms). */
export function drawBox(pool: RgbImage[], size: number, random: Random) {
  const source = random.int(pool.length);
  const side = Math.min(1, size / pool[source].size);
  const box = {
    x: random.uniform(0, 1 - side),
    y: random.uniform(0, 1 - side),
    width: side,
    height: side,
  };
  return { source, box };
}

/** One random HR crop, side `size`. */
export function drawCrop(
  pool: RgbImage[],
  size: number,
  random: Random,
): { image: RgbImage; source: number } {
  const { source, box } = drawBox(pool, size, random);
  return { image: cropResize(pool[source], box, size), source };
}

/**
 * The crops of `draws`, side `size`, in a row. → pixels [draws, size, size, 3]; with
 * `regions`, region i of crop i (the same pixels as in the whole crop), one after the other.
 */
export function cropDraws(
  pool: RgbImage[],
  draws: CropDraw[],
  size: number,
  regions?: PixelRegion[],
): Float32Array {
  const whole = { top: 0, left: 0, height: size, width: size };
  const wanted = draws.map((_, i) => regions?.[i] ?? whole);
  const cropped = cropHrWasm(pool, draws, size, wanted);
  if (cropped) return cropped;
  const pixels = new Float32Array(wanted.reduce((sum, r) => sum + r.height * r.width * 3, 0));
  let at = 0;
  draws.forEach(({ source, box }, i) => {
    cropResizeInto(pool[source], box, size, pixels, at, wanted[i]);
    at += wanted[i].height * wanted[i].width * 3;
  });
  return pixels;
}

/** `count` crops in a row. → pixels [count, size, size, 3] */
export function cropHr(
  pool: RgbImage[],
  count: number,
  size: number,
  random: Random,
): { pixels: Float32Array; sources: number[] } {
  const draws = Array.from({ length: count }, () => drawBox(pool, size, random));
  return { pixels: cropDraws(pool, draws, size), sources: draws.map((draw) => draw.source) };
}
