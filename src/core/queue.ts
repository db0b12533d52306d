import * as tf from '@tensorflow/tfjs-core';
import type { Degradation } from './blindsr/degrade';
import { l2Normalize } from './nn/losses';
import type { Random } from './random';

/** What the queue remembers about every key besides the key itself. */
export interface QueueEntry {
  /** null for the random keys the queue starts with */
  degradation: Degradation | null;
  /** index of the HR image the key's patch came from, −1 for a random key */
  source: number;
  /** training step at which the key entered, −1 for a random key */
  step: number;
}

/**
 * MoCo's dictionary of negatives (He et al. 2020, builder.py): a FIFO ring of K keys,
 * filled with random unit vectors at the start, the oldest overwritten by each batch of
 * new keys after the loss. Plain arrays: the trainers turn `keys` into a tensor per step.
 */
export class NegativeQueue {
  readonly capacity: number;
  readonly dim: number;
  readonly keys: Float32Array; // [K, D]
  readonly entries: QueueEntry[];
  /** where the next key is written */
  pointer = 0;
  /** keys enqueued so far (real, not random) */
  enqueued = 0;

  constructor(capacity: number, dim: number, random: Random) {
    this.capacity = capacity;
    this.dim = dim;
    this.keys = new Float32Array(capacity * dim);
    for (let i = 0; i < capacity; i++) {
      let norm = 0;
      for (let d = 0; d < dim; d++) {
        const v = random.normal();
        this.keys[i * dim + d] = v;
        norm += v * v;
      }
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dim; d++) this.keys[i * dim + d] /= norm;
    }
    this.entries = Array.from({ length: capacity }, () => ({
      degradation: null,
      source: -1,
      step: -1,
    }));
  }

  /** keys: [B, D] row-major, one entry each; wraps around the end. */
  enqueue(keys: Float32Array, entries: QueueEntry[]): void {
    for (let i = 0; i < entries.length; i++) {
      this.keys.set(keys.subarray(i * this.dim, (i + 1) * this.dim), this.pointer * this.dim);
      this.entries[this.pointer] = entries[i];
      this.pointer = (this.pointer + 1) % this.capacity;
      this.enqueued += 1;
    }
  }

  /**
   * MoCo builder.py, enqueue after the loss: the batch's keys, L2-normalised, read back and
   * written over the oldest. keys: [B, D], one entry each; the caller still owns the tensor.
   */
  async enqueueKeys(keys: tf.Tensor2D, entries: QueueEntry[]): Promise<void> {
    const normalised = l2Normalize(keys);
    const data = (await normalised.data()) as Float32Array;
    normalised.dispose();
    this.enqueue(data, entries);
  }

  /** Share of the queue holding real keys (the rest are the random start). */
  get fillRatio(): number {
    return Math.min(1, this.enqueued / this.capacity);
  }
}
