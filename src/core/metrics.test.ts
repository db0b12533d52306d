import { describe, expect, it } from 'vitest';
import { alignment, knnAccuracy, psnr, relativeSpread, spearman, uniformity } from './metrics';
import { pca2 } from './pca';
import { ntXentFromSimilarity, positiveTop1, rowSoftmax } from './simclr/similarity';

describe('metrics', () => {
  it('alignment is the mean squared distance of positive pairs', () => {
    const a = Float32Array.from([1, 0, 0, 1]);
    const b = Float32Array.from([0, 1, 0, 1]);
    // pair 0: ‖(1,−1)‖² = 2, pair 1: 0 → mean 1
    expect(alignment(a, b, 2, 2)).toBeCloseTo(1, 6);
  });

  it('uniformity is 0 for a collapsed set and log of the mean of exp(−2d²) otherwise', () => {
    expect(uniformity(Float32Array.from([1, 0, 1, 0, 1, 0]), 3, 2)).toBeCloseTo(0, 6);
    // two antipodal points: d² = 4 → log exp(−8) = −8
    expect(uniformity(Float32Array.from([1, 0, -1, 0]), 2, 2)).toBeCloseTo(-8, 5);
  });

  it('kNN accuracy by cosine similarity', () => {
    const bank = Float32Array.from([1, 0, 0.9, 0.1, 0, 1, 0.1, 0.9]);
    const labels = [0, 0, 1, 1];
    const queries = Float32Array.from([1, 0.05, 0.05, 1, 1, 0]);
    expect(knnAccuracy(bank, labels, queries, [0, 1, 1], 2, 1)).toBeCloseTo(2 / 3, 6);
  });

  it('kNN keeps the k nearest of a stable sort: ties to the earlier bank row', () => {
    // a brute-force oracle: every score, sorted (stable), the first k voting in that order
    const oracle = (bank: Float32Array, bankLabels: number[], query: Float32Array, k: number) => {
      const norm = (v: Float32Array) => Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
      const rows = bankLabels.map((label, j) => {
        const row = bank.subarray(j * 3, j * 3 + 3);
        const s = row.reduce((a, x, d) => a + (x / norm(row)) * (query[d] / norm(query)), 0);
        return { s, label };
      });
      const top = [...rows].sort((x, y) => y.s - x.s).slice(0, k);
      const votes = (label: number) => top.filter((t) => t.label === label).length;
      return top.reduce((best, t) => (votes(t.label) > votes(best) ? t.label : best), top[0].label);
    };
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // few distinct values: many exact ties among the scores
    const bank = Float32Array.from({ length: 40 * 3 }, () => Math.round(next() * 3) - 1);
    const bankLabels = Array.from({ length: 40 }, () => Math.floor(next() * 4));
    for (const k of [1, 3, 5, 7]) {
      for (let trial = 0; trial < 30; trial++) {
        const query = Float32Array.from({ length: 3 }, () => Math.round(next() * 3) - 1 || 1);
        const expected = oracle(bank, bankLabels, query, k);
        expect(knnAccuracy(bank, bankLabels, query, [expected], 3, k), `k ${k}`).toBe(1);
      }
    }
  });

  it('PSNR of a uniform error of 0.1 is 20 dB', () => {
    expect(psnr(Float32Array.from([0.5, 0.5]), Float32Array.from([0.6, 0.4]))).toBeCloseTo(20, 5);
  });

  it('Spearman correlation is ±1 for monotone relations', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 35, 90])).toBeCloseTo(1, 6);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 6);
  });

  it('PCA finds the axis of largest spread', () => {
    const data = Float32Array.from([-2, 0.1, -1, -0.1, 0, 0, 1, 0.1, 2, -0.1]);
    const { axes, explained } = pca2(data, 5, 2);
    expect(Math.abs(axes[0])).toBeCloseTo(1, 2);
    expect(explained[0]).toBeGreaterThan(0.95);
  });
});

describe('host-side NT-Xent from cached similarities', () => {
  const s = 0.3;
  // 2N = 4: views [a0, a1, b0, b1]; positives (0,2), (1,3)
  const similarity = Float32Array.from([1, s, 0.9, 0, s, 1, 0, 0.8, 0.9, 0, 1, s, 0, 0.8, s, 1]);

  it('row softmax excludes self and sums to 1', () => {
    const p = rowSoftmax(similarity, 4, 0, 0.5);
    expect(p[0]).toBe(0);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const e = (v: number) => Math.exp(v / 0.5);
    expect(p[2]).toBeCloseTo(e(0.9) / (e(s) + e(0.9) + e(0)), 6);
  });

  it('loss and positive top-1', () => {
    expect(positiveTop1(similarity, 4)).toBe(1);
    const e = (v: number) => Math.exp(v / 0.5);
    const l0 = -Math.log(e(0.9) / (e(s) + e(0.9) + e(0)));
    const l1 = -Math.log(e(0.8) / (e(s) + e(0) + e(0.8)));
    expect(ntXentFromSimilarity(similarity, 4, 0.5)).toBeCloseTo((2 * l0 + 2 * l1) / 4, 6);
  });
});

describe('relativeSpread', () => {
  it('is 0 for identical rows and the mean distance to the centroid over the mean norm otherwise', () => {
    const same = Float32Array.from([3, 4, 3, 4, 3, 4]);
    expect(relativeSpread(same, 3, 2)).toEqual({ spread: 0, meanNorm: 5 });
    // rows (1, 0) and (−1, 0): centroid 0, distances 1, norms 1
    expect(relativeSpread(Float32Array.from([1, 0, -1, 0]), 2, 2).spread).toBeCloseTo(1, 6);
    // rows (2, 1) and (2, −1): centroid (2, 0), distances 1, norms √5
    expect(relativeSpread(Float32Array.from([2, 1, 2, -1]), 2, 2).spread).toBeCloseTo(
      1 / Math.sqrt(5),
      6,
    );
  });
});
