import * as tf from '@tensorflow/tfjs-core';
import type { BlindSrConfig } from './config';
import { samplesWhenRead } from './batch-samples';
import type { Degradation } from './degrade';
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
import type { HrSampler } from './sampler';
import type { BlindSrSample } from './types';
import { keyMomentumUpdate, queueContrastStep, type QueueContrastModels } from './queue-contrast';

const embeddingDim = 64;
/** samples a step keeps for stage mode */
const shownSamples = 4;

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
  /** the last step's batch as stage mode shows it, and its degradations (query side) */
  private samplesOfLast: () => BlindSrSample[] = () => [];

  /** The panels' samples of the last step's batch (made when read). */
  get lastSamples(): BlindSrSample[] {
    return this.samplesOfLast();
  }
  lastDegradations: Degradation[] = [];

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
    const { batch, query, key } = await this.sampler.contrastPairs(shownSamples, random);
    const degradations = batch.degradations.slice(0, b);
    const [queryInput, keyInput] = tf.tidy((): [tf.Tensor4D, tf.Tensor4D] => [
      this.input(query, degradations),
      this.input(key, degradations),
    ]);
    // an encoder that takes the patches as they are gets them back: those stay
    if (query !== queryInput) query.dispose();
    if (key !== keyInput) key.dispose();
    const loss = await queueContrastStep(
      this.models,
      queryInput,
      keyInput,
      degradations,
      this.config,
      this.sampler.ranges,
      (degradation, i) => ({ degradation, source: batch.sources[i], step: this.steps + 1 }),
    );
    tf.dispose([queryInput, keyInput]);
    this.samplesOfLast = samplesWhenRead(batch);
    this.lastDegradations = degradations.slice(0, shownSamples);
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
