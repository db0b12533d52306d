import type { RgbImage } from '../core/image';
import { Random } from '../core/random';

/**
 * Procedural HR textures for the Blind-SR lab: oriented gratings of several frequencies,
 * hard-edged rectangles, so that every patch has edges for a blur to act
 * on (flat patches hide the degradation the encoder is meant to see).
 */
export function makeTexture(size: number, random: Random): RgbImage {
  const pixels = new Float32Array(size * size * 3);
  const gratings = Array.from({ length: 3 }, () => ({
    frequency: random.uniform(0.05, 0.45),
    angle: random.uniform(0, Math.PI),
    phase: random.uniform(0, 2 * Math.PI),
    colour: [random.next(), random.next(), random.next()],
  }));
  const rectangles = Array.from({ length: 6 }, () => {
    const w = random.uniform(0.1, 0.5) * size;
    const h = random.uniform(0.1, 0.5) * size;
    return {
      x: random.uniform(0, size - w),
      y: random.uniform(0, size - h),
      w,
      h,
      colour: [random.next(), random.next(), random.next()],
    };
  });
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const value = [0.5, 0.5, 0.5];
      for (const g of gratings) {
        const t = Math.sin(
          2 * Math.PI * g.frequency * (x * Math.cos(g.angle) + y * Math.sin(g.angle)) + g.phase,
        );
        for (let c = 0; c < 3; c++) value[c] += 0.18 * t * (g.colour[c] - 0.3);
      }
      for (const r of rectangles)
        if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)
          for (let c = 0; c < 3; c++) value[c] = 0.6 * value[c] + 0.4 * r.colour[c];
      for (let c = 0; c < 3; c++)
        pixels[(y * size + x) * 3 + c] = Math.min(1, Math.max(0, value[c]));
    }
  return { size, pixels };
}

export function makeTextures(seed: number, size: number, count: number): RgbImage[] {
  const random = new Random(seed);
  return Array.from({ length: count }, () => makeTexture(size, random));
}
