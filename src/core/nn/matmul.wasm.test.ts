import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  setFmaAllowed,
  setSimdKernelsEnabled,
  simdKernelBuild,
  simdKernelsActive,
} from './simd-kernels';
import { matMulShape } from './simd-kernels-training';

/**
 * Our BatchMatMul on tfjs-wasm (assembly/matmul.ts) against tfjs' cpu matMul: the 4 × 8
 * block with rows and columns left over (the last block overlapping), products smaller
 * than a block, either operand transposed, batches and a batch of one broadcast, both builds.
 */
interface Case {
  a: number[];
  b: number[];
  transposeA?: boolean;
  transposeB?: boolean;
}

const cases: Case[] = [
  { a: [16, 64], b: [64, 512] }, // the queue's logits
  { a: [16, 64], b: [512, 64], transposeB: true },
  { a: [16, 512], b: [512, 64] },
  { a: [16, 64], b: [16, 64], transposeA: true }, // a head's weight gradient
  { a: [7, 13], b: [11, 13], transposeB: true }, // rows and columns left over
  { a: [5, 3], b: [2, 5], transposeA: true, transposeB: true },
  { a: [3, 9], b: [9, 7] }, // smaller than a block
  { a: [2, 6, 10], b: [2, 10, 9] },
  { a: [1, 8, 12], b: [3, 12, 16] }, // a batch of one broadcast
  { a: [3, 8, 12], b: [12, 16] },
];

function product(c: Case): number[] {
  return tf.tidy(() => {
    const a = tf.randomNormal(c.a, 0, 1, 'float32', 1);
    const b = tf.randomNormal(c.b, 0, 1, 'float32', 2);
    return Array.from(tf.matMul(a, b, c.transposeA, c.transposeB).dataSync());
  });
}

describe('matrix product on tfjs-wasm', () => {
  afterAll(async () => {
    setFmaAllowed(true);
    setSimdKernelsEnabled(true);
    await tf.setBackend('wasm');
  });

  for (const build of ['fma', 'plain'] as const)
    for (const c of cases)
      it(`matches tfjs' cpu matMul (${build} build): ${JSON.stringify(c)}`, async () => {
        await tf.setBackend('cpu');
        const expected = product(c);
        await tf.setBackend('wasm');
        setFmaAllowed(build === 'fma');
        expect(simdKernelsActive()).toBe(true);
        expect(simdKernelBuild()).toBe(build);
        const ours = product(c);
        setFmaAllowed(true);
        expect(ours.length).toBe(expected.length);
        const scale = Math.max(1, ...expected.map(Math.abs));
        const worst = Math.max(...ours.map((v, i) => Math.abs(v - expected[i])));
        expect(worst / scale).toBeLessThan(1e-5);
      });

  it('takes the products tfjs-wasm would, and leaves the others to it', () => {
    expect(matMulShape([16, 64], [512, 64], false, true)).toMatchObject({ m: 16, k: 64, n: 512 });
    expect(matMulShape([1, 8, 12], [3, 12, 16], false, false)?.outer).toEqual([3]);
    expect(matMulShape([3, 8, 12], [12, 16], false, false)?.outer).toEqual([3]);
    expect(matMulShape([2, 8, 12], [3, 12, 16], false, false)).toBeNull();
    expect(matMulShape([8, 12], [13, 16], false, false)).toBeNull();
    expect(matMulShape([0, 12], [12, 16], false, false)).toBeNull();
  });

  it('gives tfjs-wasm’s own products with our kernels switched off', async () => {
    await tf.setBackend('wasm');
    const c = cases[1];
    const ours = product(c);
    setSimdKernelsEnabled(false);
    const theirs = product(c);
    setSimdKernelsEnabled(true);
    const worst = Math.max(...ours.map((v, i) => Math.abs(v - theirs[i])));
    expect(worst).toBeLessThan(1e-4);
    // not the same code: the sums' rounding differs somewhere
    expect(ours.some((v, i) => v !== theirs[i])).toBe(true);
  });
});
