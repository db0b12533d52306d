import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import {
  infoNceLoss,
  logSumExpRows,
  ntXentLoss,
  positiveOnlyLoss,
  positiveTop1OnDevice,
  weightedInfoNceLoss,
} from './losses';
import { normalizeRows } from '../metrics';
import { Random } from '../random';
import { chanceLoss, ntXentFromSimilarity, positiveTop1 } from '../simclr/similarity';

const scalar = (t: tf.Scalar) => {
  const v = t.arraySync() as number;
  t.dispose();
  return v;
};

describe('logSumExpRows', () => {
  it('has the value and the gradient of tf.logSumExp, finite at τ = 0.01 scales', () => {
    const rows = [
      [1, 2, 3, -1],
      [100, -100, 99, 98], // logits of cos/τ at τ = 0.01
      [0, 0, 0, 0],
    ];
    const x = tf.tensor2d(rows);
    const dy = tf.tensor1d([0.5, -2, 1]);
    const ours = tf.grad((a: tf.Tensor) =>
      logSumExpRows(a as tf.Tensor2D)
        .mul(dy)
        .sum(),
    )(x);
    const theirs = tf.grad((a: tf.Tensor) => tf.logSumExp(a, 1).mul(dy).sum())(x);
    const value = logSumExpRows(x).arraySync();
    const expected = rows.map((r) => {
      const m = Math.max(...r);
      return m + Math.log(r.reduce((s, v) => s + Math.exp(v - m), 0));
    });
    value.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
    const [a, b] = [ours.arraySync() as number[][], theirs.arraySync() as number[][]];
    a.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(b[i][j], 5)));
    // the gradient is dy · softmax: each row sums to its dy
    a.forEach((row, i) => expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo([0.5, -2, 1][i], 5));
    tf.dispose([x, dy, ours, theirs]);
  });

  it('runs no Equal (the max gradient tf.logSumExp computes)', async () => {
    const x = tf.randomNormal([16, 513]) as tf.Tensor2D;
    const kernels = async (f: (a: tf.Tensor) => tf.Tensor) =>
      (await tf.profile(() => tf.grad(f)(x))).kernelNames;
    expect(await kernels((a) => tf.logSumExp(a, 1).sum())).toContain('Equal');
    expect(await kernels((a) => logSumExpRows(a as tf.Tensor2D).sum())).not.toContain('Equal');
    x.dispose();
  });
});

describe('ntXentLoss (SimCLR eq. 1, mean over 2N anchors)', () => {
  it('matches a hand computation for N = 2', () => {
    // unit vectors: a0 = (1,0), a1 = (0,1), b0 = (1,0), b1 = (0,1); τ = 1
    // anchor a0: candidates a1 (s=0), b0 (s=1, positive), b1 (s=0)
    //   ℓ = −log(e¹ / (e⁰ + e¹ + e⁰)) = log(e + 2) − 1, the same for all four anchors
    const z1 = tf.tensor2d([
      [2, 0],
      [0, 3],
    ]);
    const z2 = tf.tensor2d([
      [5, 0],
      [0, 0.5],
    ]);
    expect(scalar(ntXentLoss(z1, z2, 1))).toBeCloseTo(Math.log(Math.E + 2) - 1, 5);
    tf.dispose([z1, z2]);
  });

  it('matches a hand computation with τ = 0.5 and non-orthogonal views', () => {
    const c = Math.SQRT1_2;
    // a0 = (1,0), b0 = (c,c); a1 = (0,1), b1 = (0,1)
    const z1 = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    const z2 = tf.tensor2d([
      [c, c],
      [0, 1],
    ]);
    const t = 0.5;
    const e = (s: number) => Math.exp(s / t);
    const S = [
      [1, 0, c, 0],
      [0, 1, c, 1],
      [c, c, 1, c],
      [0, 1, c, 1],
    ];
    const positive = [2, 3, 0, 1];
    let total = 0;
    for (let i = 0; i < 4; i++) {
      let denominator = 0;
      for (let k = 0; k < 4; k++) if (k !== i) denominator += e(S[i][k]);
      total += -Math.log(e(S[i][positive[i]]) / denominator);
    }
    expect(scalar(ntXentLoss(z1, z2, t))).toBeCloseTo(total / 4, 5);
    tf.dispose([z1, z2]);
  });

  it('stays finite at τ = 0.01 (log-sum-exp) and agrees with the host-side formula', () => {
    const z1 = tf.randomNormal([8, 16], 0, 1, 'float32', 7) as tf.Tensor2D;
    const z2 = tf.randomNormal([8, 16], 0, 1, 'float32', 8) as tf.Tensor2D;
    const loss = scalar(ntXentLoss(z1, z2, 0.01));
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeGreaterThan(0);
    const similarity = tf.tidy(() => {
      const v = tf.concat([z1, z2]);
      const n = v.div(v.norm('euclidean', 1, true));
      return n.matMul(n, false, true);
    });
    const host = ntXentFromSimilarity(similarity.dataSync() as Float32Array, 16, 0.01);
    expect(host).toBeCloseTo(loss, 2);
    tf.dispose([z1, z2, similarity]);
  });

  it('is about log(2N − 1) when every similarity is equal', () => {
    const z = tf.ones([6, 4]) as tf.Tensor2D;
    expect(scalar(ntXentLoss(z, z, 0.5))).toBeCloseTo(chanceLoss(12), 5);
    z.dispose();
  });

  it('positive-only loss is −mean cos / τ', () => {
    const z1 = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    const z2 = tf.tensor2d([
      [1, 0],
      [1, 0],
    ]);
    expect(scalar(positiveOnlyLoss(z1, z2, 0.5))).toBeCloseTo(-(1 + 0) / 2 / 0.5, 5);
    tf.dispose([z1, z2]);
  });
});

describe('infoNceLoss (MoCo form)', () => {
  it('matches a hand computation', () => {
    // q = (1,0), k+ = (1,1)/√2, queue = {(0,1), (−1,0)}, τ = 0.5
    const q = tf.tensor2d([[3, 0]]);
    const k = tf.tensor2d([[1, 1]]);
    const queue = tf.tensor2d([
      [0, 2],
      [-1, 0],
    ]);
    const t = 0.5;
    const pos = Math.SQRT1_2 / t;
    const expected = -pos + Math.log(Math.exp(pos) + Math.exp(0) + Math.exp(-1 / t));
    expect(scalar(infoNceLoss(q, k, queue, t))).toBeCloseTo(expected, 5);
    tf.dispose([q, k, queue]);
  });

  it('stays finite at τ = 0.01', () => {
    const q = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    const k = tf.tensor2d([
      [-1, 0],
      [0, -1],
    ]);
    const queue = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    const loss = scalar(infoNceLoss(q, k, queue, 0.01));
    // −(−100) + log(e^−100 + e^100 + e^0) ≈ 200
    expect(loss).toBeCloseTo(200, 3);
    tf.dispose([q, k, queue]);
  });

  it('weighted form: weights of 1 give plain InfoNCE, weight 0 removes a negative', () => {
    const q = tf.tensor2d([[1, 0]]);
    const k = tf.tensor2d([[1, 1]]);
    const queue = tf.tensor2d([
      [0, 1],
      [-1, 0],
    ]);
    const plain = scalar(infoNceLoss(q, k, queue, 0.2));
    const ones = tf.ones([1, 2]) as tf.Tensor2D;
    expect(scalar(weightedInfoNceLoss(q, k, queue, ones, 0.2))).toBeCloseTo(plain, 5);
    const dropFirst = tf.tensor2d([[0, 1]]);
    const onlySecond = tf.tensor2d([[-1, 0]]);
    expect(scalar(weightedInfoNceLoss(q, k, queue, dropFirst, 0.2))).toBeCloseTo(
      scalar(infoNceLoss(q, k, onlySecond, 0.2)),
      4,
    );
    tf.dispose([q, k, queue, ones, dropFirst, onlySecond]);
  });
});

describe('positiveTop1OnDevice', () => {
  it('agrees with the page-side positiveTop1 on the same batch', async () => {
    const random = new Random(3);
    const n = 6;
    const values = Array.from({ length: 2 * n * 4 }, () => random.normal());
    // make three positives clearly the nearest: view b_i = view a_i + small noise
    for (let i = 0; i < 3; i++)
      for (let k = 0; k < 4; k++)
        values[(n + i) * 4 + k] = values[i * 4 + k] + 0.01 * random.normal();
    const z = tf.tensor2d(values, [2 * n, 4]);
    const zn = normalizeRows(Float32Array.from(values), 2 * n, 4);
    const similarity = new Float32Array(4 * n * n);
    for (let i = 0; i < 2 * n; i++)
      for (let j = 0; j < 2 * n; j++) {
        let dot = 0;
        for (let k = 0; k < 4; k++) dot += zn[i * 4 + k] * zn[j * 4 + k];
        similarity[i * 2 * n + j] = dot;
      }
    const onDevice = positiveTop1OnDevice(z);
    const expected = positiveTop1(similarity, 2 * n);
    expect(expected).toBeGreaterThanOrEqual(0.5);
    expect((await onDevice.data())[0]).toBeCloseTo(expected, 6);
    tf.dispose([z, onDevice]);
  });
});
