import * as tf from '@tensorflow/tfjs-core';
import type { BlindSrConfig } from './config';
import { sampleDegradation, type Degradation } from './degrade';
import { momentumUpdate } from '../nn/train-step';
import {
  encoderTrainables,
  encoderVariables,
  headVariables,
  makeConvEncoder,
  makeProjectionHead,
  type ConvEncoder,
  type ConvEncoderConfig,
  type ProjectionHead,
} from '../nn/models';
import { FlatAdam } from '../nn/optimizer';
import { NegativeQueue } from '../queue';
import type { Random } from '../random';
import { cutPatches, samplePatches } from './patches';
import type { HrSampler } from './sampler';
import { keyMomentumUpdate, queueContrastStep, type QueueContrastModels } from './queue-contrast';

const embeddingDim = 64;

/** What an encoder sees of a patch batch: the patches alone, or with the prior map. */
export type EncoderInput = (patches: tf.Tensor4D, degradations: Degradation[]) => tf.Tensor4D;

/**
 * The degradation contrast of the Blind-SR lab (MoCo queue, InfoNCE, optional
 * prior-weighted negatives) for any degradation encoder: LightBSR's teacher (its input
 * carries the prior map) and the contrast-only student (the control).
 */
export class MocoContrast {
  readonly encoder: ConvEncoder;
  private readonly head: ProjectionHead;
  private readonly keyEncoder: ConvEncoder;
  private readonly keyHead: ProjectionHead;
  private readonly optimizer: FlatAdam;
  private readonly queue: NegativeQueue;
  steps = 0;

  constructor(
    encoderConfig: ConvEncoderConfig,
    private readonly config: BlindSrConfig,
    private readonly sampler: HrSampler,
    modelRandom: Random,
    private readonly input: EncoderInput,
  ) {
    this.encoder = makeConvEncoder(encoderConfig, modelRandom);
    this.head = makeProjectionHead(this.encoder.outDim, embeddingDim, embeddingDim, modelRandom);
    this.keyEncoder = makeConvEncoder(encoderConfig, modelRandom);
    this.keyHead = makeProjectionHead(this.encoder.outDim, embeddingDim, embeddingDim, modelRandom);
    // the key encoder starts as a copy (MoCo builder.py)
    this.momentumUpdate(0);
    this.optimizer = new FlatAdam(
      [...encoderTrainables(this.encoder), ...headVariables(this.head)],
      () => config.learningRate,
    );
    this.queue = new NegativeQueue(config.queueSize, embeddingDim, modelRandom.fork());
  }

  /** Copies another encoder's weights into this one and its key encoder (one init for two students). */
  copyEncoderFrom(source: ConvEncoder): void {
    momentumUpdate(encoderVariables(this.encoder), encoderVariables(source), 0);
    this.momentumUpdate(0);
  }

  private get models(): QueueContrastModels {
    return {
      encoder: this.encoder,
      head: this.head,
      keyEncoder: this.keyEncoder,
      keyHead: this.keyHead,
      optimizer: this.optimizer,
      queue: this.queue,
    };
  }

  /** θ_k ← m θ_k + (1 − m) θ_q (MoCo eq. 2) */
  private momentumUpdate(m: number): void {
    keyMomentumUpdate(this.models, m);
  }

  /** One contrastive step; returns the InfoNCE value. */
  async step(random: Random): Promise<number> {
    const b = this.config.batchSize;
    const byDegradation = this.config.pairing === 'degradation';
    const { images } = this.sampler.sampleHr(byDegradation ? 2 * b : b, random);
    const degradations = Array.from({ length: b }, () =>
      sampleDegradation(this.sampler.ranges, random),
    );
    const patches = images.map(() => samplePatches(random));
    const low = this.sampler.degrade(
      images,
      byDegradation ? [...degradations, ...degradations] : degradations,
      random,
    );
    const [queryInput, keyInput] = tf.tidy((): [tf.Tensor4D, tf.Tensor4D] => {
      const [first, second] = cutPatches(low, patches);
      // positives: image i and image b + i (same degradation), or two quadrants of image i
      const [query, key] = byDegradation
        ? [first.slice([0, 0, 0, 0], [b, -1, -1, -1]), first.slice([b, 0, 0, 0], [b, -1, -1, -1])]
        : [first, second];
      return [this.input(query, degradations), this.input(key, degradations)];
    });
    low.dispose();
    const loss = await queueContrastStep(
      this.models,
      queryInput,
      keyInput,
      degradations,
      this.config,
      this.sampler.ranges,
      (degradation) => ({ degradation, source: -1, step: this.steps + 1 }),
    );
    tf.dispose([queryInput, keyInput]);
    this.steps += 1;
    return loss;
  }

  variables(): tf.Variable[] {
    return [
      ...encoderVariables(this.encoder),
      ...headVariables(this.head),
      ...encoderVariables(this.keyEncoder),
      ...headVariables(this.keyHead),
    ];
  }

  dispose(): void {
    tf.dispose(this.variables());
    this.optimizer.dispose();
  }
}
