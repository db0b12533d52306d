import * as tf from '@tensorflow/tfjs-core';
import type { BatchesAhead } from './batch-ahead';
import { lowSize, patchSize, srBatch, type BlindSrConfig } from './config';
import { stackedLow } from './batch';
import { samplesWhenRead } from './batch-samples';
import { sampleDegradation, type Degradation } from './degrade';
import { encode, encoderTrainables, type ConvEncoder } from '../nn/models';
import { FlatAdam } from '../nn/optimizer';
import { gradientStep } from '../nn/train-step';
import { Random } from '../random';
import { degradationFeatures, oracleDim } from './oracle';
import type { HrSampler } from './sampler';
import { disposeSrInputs, prepareSrInputs } from './sr-inputs';
import type { BlindSrSample } from './types';
import { Upsamplers, type Conditions } from './upsamplers';

/** LR images whose representations standardise h for stage 2 */
const representationSamples = 128;
/** samples a step hands to the panels */
const shownSamples = 4;

export interface SrStepResult {
  /** L1 of the upsampler on the learned representation */
  loss: number;
  /** the panels' samples (made when read) */
  samples: () => BlindSrSample[];
  augmentMilliseconds: number;
  /** the batch was drawn ahead on the data thread */
  drawnAhead: boolean;
}

/**
 * Stage 2 of the Blind-SR lab: three upsamplers on the degradation encoder's
 * representation, on nothing, and on the true degradation; and the representation they
 * are conditioned on.
 */
export class SrStage {
  readonly upsamplers: Upsamplers;
  /** joint fine-tuning: the L1 gradient's own Adam on the degradation encoder */
  private finetuneOptimizer: FlatAdam | null = null;
  private representationStats: {
    mean: tf.Tensor2D;
    std: tf.Tensor2D;
    contrastSteps: number;
  } | null = null;

  constructor(
    private readonly config: BlindSrConfig,
    private readonly sampler: HrSampler,
    private readonly encoder: ConvEncoder,
    seed: number,
    /** stage-1 steps so far: the representation statistics are stale when this moves */
    private readonly contrastSteps: () => number,
  ) {
    this.upsamplers = new Upsamplers(
      encoder.outDim,
      oracleDim,
      config.scale,
      seed,
      () => config.srLearningRate,
    );
  }

  /**
   * The learned representation standardised per dimension, c = (h − mean)/std, with the
   * statistics of `representationSamples` random LR images taken once when stage 2 starts
   * (and again whenever stage 1 has trained since): FiLM on the raw h barely moved.
   * low: [B, 48, 48, 3] → [B, D]
   */
  representation(low: tf.Tensor4D): tf.Tensor2D {
    const { mean, std } = this.representationStatistics();
    return tf.tidy(() => encode(this.encoder, low, false).sub(mean).div(std) as tf.Tensor2D);
  }

  /** The same standardised representation, inside a gradient tape (joint fine-tuning). */
  private representationWithGradient(low: tf.Tensor4D): tf.Tensor2D {
    const { mean, std } = this.representationStatistics();
    return encode(this.encoder, low, false).sub(mean).div(std) as tf.Tensor2D;
  }

  /** Mean and std of h per dimension, [1, D] each, refreshed when stage 1 has trained since. */
  private representationStatistics(): { mean: tf.Tensor2D; std: tf.Tensor2D } {
    const stats = this.representationStats;
    if (stats && stats.contrastSteps === this.contrastSteps()) return stats;
    tf.dispose([stats?.mean, stats?.std]);
    const random = new Random(this.config.seed + 104729);
    const { images } = this.sampler.sampleHr(representationSamples, random);
    const degradations = images.map(() => sampleDegradation(this.sampler.ranges, random));
    const sample = this.sampler.degrade(images, degradations, random);
    const [mean, std] = tf.tidy(() => {
      const h = encode(this.encoder, sample, false);
      const m = h.mean(0, true);
      const variance = h
        .sub(m)
        .square()
        .sum(0, true)
        .div(representationSamples - 1);
      return [tf.keep(m), tf.keep(variance.sqrt().add(1e-3))] as tf.Tensor2D[];
    });
    sample.dispose();
    this.representationStats = { mean, std, contrastSteps: this.contrastSteps() };
    return this.representationStats;
  }

  /**
   * The three conditions of one LR batch: learned, none (zeros), true degradation. `learned`:
   * the batch's representation when the caller has it (then the caller keeps it).
   */
  conditions(
    low: tf.Tensor4D,
    degradations: Degradation[],
    learned = this.representation(low),
  ): Conditions {
    return {
      learned,
      none: tf.zerosLike(learned),
      oracle: tf.tensor2d(
        degradations.flatMap((d) => degradationFeatures(d, this.sampler.ranges)),
        [degradations.length, oracleDim],
      ),
    };
  }

  /**
   * Stage 2: L1 of three upsamplers on the same batch — conditioned on the frozen
   * encoder's (standardised) representation of the whole LR image, on nothing, and on the
   * true degradation.
   */
  async step(
    random: Random,
    /** joint fine-tuning: the trainer's contrastive step, taken first */
    contrastStep: () => Promise<unknown>,
    /** batches drawn ahead on another thread (sampler.batch) */
    ahead: BatchesAhead | null = null,
  ): Promise<SrStepResult> {
    const start = performance.now();
    const joint = this.config.finetune;
    // joint fine-tuning: a contrastive step first, and L1 reaches the encoder as well
    if (joint) await contrastStep();
    const batch = await this.sampler.batch(
      {
        images: srBatch,
        pairing: 'image',
        patches: 1,
        wholeLow: 'all',
        shown: shownSamples,
        hrPatches: true,
      },
      random,
      // joint fine-tuning draws a contrastive batch in between: nothing to draw ahead
      joint ? null : ahead,
    );
    const degradations = batch.degradations;
    // the upsampler works on one LR quadrant and its HR crop; the representation sees the whole LR image
    const hrPatchSize = patchSize * this.config.scale;
    const low = tf.tensor4d(stackedLow(batch), [srBatch, lowSize, lowSize, 3]);
    const hrPatch = tf.tensor4d(batch.hrPatches!, [srBatch, hrPatchSize, hrPatchSize, 3]);
    const inputs = prepareSrInputs(batch.lowPatches[0], srBatch, patchSize, this.config.scale);
    const augmentMilliseconds = performance.now() - start;
    const conditions = this.conditions(low, degradations);
    const encoderVariablesTrained = joint ? encoderTrainables(this.encoder) : [];
    let learnedLoss: tf.Scalar | null = null;
    const value = gradientStep(
      () => {
        const learned = joint ? this.representationWithGradient(low) : conditions.learned;
        const losses = this.upsamplers.losses(inputs, hrPatch, { ...conditions, learned });
        // the learned upsampler's own L1 is the curve the page shows
        learnedLoss = tf.keep(losses.learned);
        return losses.total;
      },
      [...this.upsamplers.variables(), ...encoderVariablesTrained],
      (grads) => {
        this.upsamplers.apply(grads);
        if (!joint) return;
        this.finetuneOptimizer ??= new FlatAdam(
          encoderTrainables(this.encoder),
          () => this.config.learningRate,
        );
        this.finetuneOptimizer.apply(encoderVariablesTrained.map((v) => grads[v.name]));
      },
    );
    const loss = (await (learnedLoss as unknown as tf.Scalar).data())[0];
    const samples = samplesWhenRead(batch);
    disposeSrInputs(inputs);
    tf.dispose([
      value,
      learnedLoss as unknown as tf.Scalar,
      low,
      hrPatch,
      ...Object.values(conditions),
    ]);
    return { loss, samples, augmentMilliseconds, drawnAhead: batch.drawnAhead === true };
  }

  dispose(): void {
    this.upsamplers.dispose();
    tf.dispose([this.representationStats?.mean, this.representationStats?.std]);
    this.representationStats = null;
    this.finetuneOptimizer?.dispose();
  }
}
