import * as tf from '@tensorflow/tfjs-core';
import type { BlindSrConfig } from './config';
import type { Degradation, DegradationRanges } from './degrade';
import { negativeWeightRows } from './degradation-prior';
import { concatRows } from './patches';
import { updateRunningStats, type BatchStats } from '../nn/layers';
import { infoNceLoss, weightedInfoNceLoss } from '../nn/losses';
import { gradientStep, momentumUpdate } from '../nn/train-step';
import {
  encode,
  encoderTrainables,
  encoderVariables,
  headVariables,
  project,
  type ConvEncoder,
  type ProjectionHead,
} from '../nn/models';
import type { FlatAdam } from '../nn/optimizer';
import type { NegativeQueue, QueueEntry } from '../queue';

/** A degradation encoder with its MoCo key twin, optimiser and queue of negatives. */
export interface QueueContrastModels {
  encoder: ConvEncoder;
  head: ProjectionHead;
  keyEncoder: ConvEncoder;
  keyHead: ProjectionHead;
  optimizer: FlatAdam;
  queue: NegativeQueue;
}

/** θ_k ← m θ_k + (1 − m) θ_q (MoCo eq. 2); m = 0 copies. */
export function keyMomentumUpdate(models: QueueContrastModels, m: number): void {
  momentumUpdate(
    [...encoderVariables(models.keyEncoder), ...headVariables(models.keyHead)],
    [...encoderVariables(models.encoder), ...headVariables(models.head)],
    m,
  );
}

/**
 * One step of the Blind-SR degradation contrast, shared by the DASR encoder and LightBSR's
 * teacher and contrast-only student: keys from the key encoder, InfoNCE of the queries
 * against them and the queue (negatives weighted by how far their degradations are, when
 * `config.weighting`), Adam, the momentum update, then the keys enter the queue (MoCo
 * builder.py: enqueue after the loss). Takes ownership of neither input. Returns the loss.
 *
 * queries, keys: [B, H, W, C] encoder inputs; degradations: the B degradations.
 */
export async function queueContrastStep(
  models: QueueContrastModels,
  queries: tf.Tensor4D,
  keys: tf.Tensor4D,
  degradations: Degradation[],
  config: Pick<BlindSrConfig, 'weighting' | 'weightWidth' | 'temperature' | 'momentum'>,
  ranges: DegradationRanges,
  entryOf: (degradation: Degradation, index: number) => QueueEntry,
): Promise<number> {
  const { encoder, head, queue, optimizer } = models;
  const b = degradations.length;
  const keyEmbeddings = tf.tidy(() =>
    project(models.keyHead, encode(models.keyEncoder, keys, true), 'leakyRelu'),
  );
  const weights = config.weighting
    ? negativeWeightRows(
        degradations,
        queue.entries.map((e) => e.degradation),
        ranges,
        config.weightWidth,
      )
    : null;
  const stats: BatchStats = [];
  const trainables = [...encoderTrainables(encoder), ...headVariables(head)];
  const value = gradientStep(
    () => {
      const negatives = tf.tensor2d(queue.keys, [queue.capacity, queue.dim]);
      const q = project(head, encode(encoder, queries, true, stats), 'leakyRelu');
      return weights
        ? weightedInfoNceLoss(
            q,
            keyEmbeddings,
            negatives,
            tf.tensor2d(concatRows(weights), [b, queue.capacity]),
            config.temperature,
          )
        : infoNceLoss(q, keyEmbeddings, negatives, config.temperature);
    },
    trainables,
    (grads) => optimizer.apply(trainables.map((v) => grads[v.name])),
  );
  updateRunningStats(stats);
  keyMomentumUpdate(models, config.momentum);
  await queue.enqueueKeys(keyEmbeddings, degradations.map(entryOf));
  const loss = (await value.data())[0];
  tf.dispose([value, keyEmbeddings]);
  return loss;
}
