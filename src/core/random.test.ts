import { describe, expect, it } from 'vitest';
import { Random } from './random';

describe('Random.fillNormal', () => {
  it('gives the numbers of normal() · scale, in order, and leaves the stream where they would', () => {
    for (const seed of [0, 1, 7, 123456789]) {
      const looped = new Random(seed);
      const filled = new Random(seed);
      const expected = new Float32Array(5000);
      for (let i = 0; i < expected.length; i++) expected[i] = looped.normal() * 0.37;
      const actual = new Float32Array(5000);
      filled.fillNormal(actual, 0.37);
      expect(Array.from(actual)).toEqual(Array.from(expected));
      // the next draws agree: the state was written back
      expect([filled.next(), filled.normal()]).toEqual([looped.next(), looped.normal()]);
    }
  });

  it('keeps doubles in a Float64Array and scales by 1 unless told', () => {
    const looped = new Random(3);
    const filled = new Random(3);
    const actual = new Float64Array(100);
    filled.fillNormal(actual);
    expect(Array.from(actual)).toEqual(Array.from({ length: 100 }, () => looped.normal()));
    // standard normal: mean ≈ 0, variance ≈ 1 over many draws
    const many = new Float64Array(200_000);
    new Random(11).fillNormal(many);
    const mean = many.reduce((s, v) => s + v, 0) / many.length;
    const variance = many.reduce((s, v) => s + (v - mean) ** 2, 0) / many.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.01);
  });
});
