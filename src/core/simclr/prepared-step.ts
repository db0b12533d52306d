import * as tf from '@tensorflow/tfjs-core';
import type { BatchStats } from '../nn/layers';
import type { ViewBatch } from './view-batches';

/**
 * A batch's loss and gradients at the current weights, with what a step keeps of its
 * forward pass: SimclrTrainer computes step 1's while the page draws the first matrix
 * (warmUp) and applies them when Play comes.
 */
export interface PreparedStep {
  batch: ViewBatch;
  value: tf.Scalar;
  grads: tf.NamedTensorMap;
  z: tf.Tensor2D;
  stats: BatchStats;
  /** the momentum encoder's outputs (MoCo, BYOL) */
  targets: tf.Tensor2D | null;
}

export function disposePreparedStep(step: PreparedStep): void {
  tf.dispose([step.value, step.z, ...Object.values(step.grads)]);
  tf.dispose([
    ...(step.targets ? [step.targets] : []),
    ...step.stats.flatMap((s) => [s.mean, s.variance]),
  ]);
}
