import { describe, expect, it } from 'vitest';
import { iso } from './degradation-fixtures';
import { NegativeQueue } from '../queue';
import { Random } from '../random';

describe('NegativeQueue', () => {
  it('is FIFO and wraps around', () => {
    const queue = new NegativeQueue(5, 2, new Random(1));
    expect(queue.entries.every((e) => e.degradation === null)).toBe(true);
    const batch = (first: number, count: number) => ({
      keys: Float32Array.from({ length: count * 2 }, (_, i) => first + Math.floor(i / 2)),
      entries: Array.from({ length: count }, (_, i) => ({
        degradation: iso(1),
        source: first + i,
        step: first + i,
      })),
    });
    let b = batch(0, 3);
    queue.enqueue(b.keys, b.entries);
    expect(queue.pointer).toBe(3);
    b = batch(3, 3);
    queue.enqueue(b.keys, b.entries);
    // 6 keys into 5 slots: key 5 overwrote key 0 at slot 0
    expect(queue.pointer).toBe(1);
    expect(queue.entries.map((e) => e.source)).toEqual([5, 1, 2, 3, 4]);
    expect(Array.from(queue.keys.subarray(0, 2))).toEqual([5, 5]);
    expect(queue.fillRatio).toBe(1);
  });

  it('starts with random unit keys', () => {
    const queue = new NegativeQueue(4, 8, new Random(2));
    for (let i = 0; i < 4; i++) {
      let norm = 0;
      for (let d = 0; d < 8; d++) norm += queue.keys[i * 8 + d] ** 2;
      expect(norm).toBeCloseTo(1, 5);
    }
  });
});

describe('momentum encoder', () => {
  it('θk ← m θk + (1 − m) θq', async () => {
    const { BlindSrTrainer } = await import('./trainer');
    const { defaultBlindSrConfig } = await import('./config');
    const { makeTextures } = await import('../../data/textures');
    const trainer = new BlindSrTrainer(
      { ...defaultBlindSrConfig, queueSize: 128 },
      makeTextures(1, 96, 2),
    );
    // right after construction the key encoder is a copy
    const copy = trainer.momentumStepForTest(0.9);
    const k0 = copy.key[0].arraySync() as number[][][][];
    const q0 = copy.query[0].arraySync() as number[][][][];
    expect(k0[0][0][0][0]).toBeCloseTo(q0[0][0][0][0], 6);
    // perturb the query weights, then one update with m = 0.75
    copy.query[0].assign(copy.query[0].add(1));
    const before = copy.key[0].arraySync() as number[][][][];
    const { key, query } = trainer.momentumStepForTest(0.75);
    const k = key[0].arraySync() as number[][][][];
    const q = query[0].arraySync() as number[][][][];
    expect(k[1][2][0][3]).toBeCloseTo(0.75 * before[1][2][0][3] + 0.25 * q[1][2][0][3], 5);
    trainer.dispose();
  });
});
