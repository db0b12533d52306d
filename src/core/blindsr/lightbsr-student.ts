import * as tf from '@tensorflow/tfjs-core';
import { samplesWhenRead } from './batch-samples';
import { patchSize } from './config';
import type { Degradation } from './degrade';
import { distillationTerms } from './distill';
import { copyEncoder } from './lightbsr-models';
import type { DistillationValues } from './lightbsr-types';
import type { HrSampler } from './sampler';
import type { BlindSrSample } from './types';
import { updateRunningStats, type BatchStats } from '../nn/layers';
import { encodeMaps, encoderTrainables, encoderVariables, type ConvEncoder } from '../nn/models';
import { FlatAdam } from '../nn/optimizer';
import { gradientStep } from '../nn/train-step';
import type { Random } from '../random';

/** The student's Adam step size in stage 2 (bench/reference/lightbsr_mirror.py --lr-student) */
export const studentLearningRate = 0.002;
/** samples a step keeps for stage mode */
const shownSamples = 4;

/** The frozen teacher's last feature maps of a patch batch: [B, 24, 24, 3] → [B, 6, 6, 64] */
export type TeacherMaps = (patches: tf.Tensor4D, degradations: Degradation[]) => tf.Tensor4D;

/**
 * LightBSR's stage 2: the student sees the LR patch alone and matches the frozen teacher
 * (KL + 0.1·L1 of h, MSE of the feature maps; LightBSR student_trainer.py).
 */
export class DistilledStudent {
  readonly encoder: ConvEncoder;
  private readonly optimizer: FlatAdam;
  steps = 0;
  last: DistillationValues | null = null;
  /** stage mode: the last batch's samples and the teacher's h of each, [shown, D] */
  private samplesOfLast: () => BlindSrSample[] = () => [];

  /** The panels' samples of the last step's batch (made when read). */
  get lastSamples(): BlindSrSample[] {
    return this.samplesOfLast();
  }
  lastTargets: Float32Array | null = null;

  /** starts from `init`'s weights (one init for the distilled and the contrast-only student) */
  constructor(
    init: ConvEncoder,
    private readonly sampler: HrSampler,
    private readonly teacherMaps: TeacherMaps,
  ) {
    this.encoder = copyEncoder(init);
    this.optimizer = new FlatAdam(encoderTrainables(this.encoder), () => studentLearningRate);
  }

  /** One distillation step on one LR quadrant per image; returns the total. */
  async step(random: Random): Promise<number> {
    const b = this.sampler.config.batchSize;
    const batch = await this.sampler.batch(
      {
        images: b,
        pairing: 'image',
        patches: 1,
        wholeLow: 'shown',
        shown: shownSamples,
        hrPatches: false,
      },
      random,
    );
    const patches = tf.tensor4d(batch.lowPatches[0], [b, patchSize, patchSize, 3]);
    const targetMaps = this.teacherMaps(patches, batch.degradations);
    const targets = tf.tidy(() => targetMaps.slice(0, Math.min(b, shownSamples)).mean([1, 2]));
    const stats: BatchStats = [];
    const trainables = encoderTrainables(this.encoder);
    let kept: tf.Scalar[] = [];
    const value = gradientStep(
      () => {
        const maps = encodeMaps(this.encoder, patches, true, stats);
        const terms = distillationTerms(
          maps.mean([1, 2]) as tf.Tensor2D,
          targetMaps.mean([1, 2]) as tf.Tensor2D,
          maps,
          targetMaps,
        );
        kept = [tf.keep(terms.kl), tf.keep(terms.l1), tf.keep(terms.mse)];
        return terms.total;
      },
      trainables,
      (grads) => this.optimizer.apply(trainables.map((v) => grads[v.name])),
    );
    updateRunningStats(stats);
    const [total, kl, l1, mse, target] = await Promise.all(
      [value, ...kept, targets].map((t) => t.data()),
    );
    tf.dispose([value, ...kept, targets, targetMaps, patches]);
    this.last = { kl: kl[0], l1: l1[0], mse: mse[0] };
    this.samplesOfLast = samplesWhenRead(batch);
    this.lastTargets = target as Float32Array;
    this.steps += 1;
    return total[0];
  }

  variables(): tf.Variable[] {
    return encoderVariables(this.encoder);
  }

  dispose(): void {
    tf.dispose(this.variables());
    this.optimizer.dispose();
  }
}
