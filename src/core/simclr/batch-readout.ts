import * as tf from '@tensorflow/tfjs-core';
import { alignment, uniformity } from '../metrics';
import { l2Normalize } from '../nn/losses';
import type { NegativeQueue } from '../queue';
import { positiveTop1 } from './similarity';
import type { SimclrSnapshot } from './types';

/** What a snapshot shows of a batch's projections z [2N, D]: one read-back of two tensors. */
export async function readBatchGeometry(
  z: tf.Tensor2D,
  n: number,
  dim: number,
): Promise<Pick<SimclrSnapshot, 'similarity' | 'positiveAccuracy' | 'alignment' | 'uniformity'>> {
  const [similarity, normalized] = await Promise.all(
    tf
      .tidy(() => {
        const zn = l2Normalize(z);
        return [zn.matMul(zn, false, true), zn];
      })
      .map(async (t) => {
        const values = (await t.data()) as Float32Array;
        t.dispose();
        return values.slice();
      }),
  );
  return {
    similarity,
    positiveAccuracy: positiveTop1(similarity, 2 * n),
    alignment: alignment(normalized.subarray(0, n * dim), normalized.subarray(n * dim), n, dim),
    uniformity: uniformity(normalized, 2 * n, dim),
  };
}

/** The MoCo queue as the queue panel reads it. */
export function queueReadout(queue: NegativeQueue): NonNullable<SimclrSnapshot['queue']> {
  return {
    capacity: queue.capacity,
    pointer: queue.pointer,
    fillRatio: queue.fillRatio,
    sources: Int32Array.from(queue.entries, (e) => e.source),
    enteredAt: Int32Array.from(queue.entries, (e) => e.step),
  };
}
