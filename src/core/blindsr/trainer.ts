import * as tf from '@tensorflow/tfjs-core';
import { BatchesAhead, type PrepareBatch } from './batch-ahead';
import { patchSize, type BlindSrConfig, type LiveBlindSrChange } from './config';
import type { Degradation } from './degrade';
import { negativeWeights } from './degradation-prior';
import type { RgbImage } from '../image';
import {
  encoderTrainables,
  encoderVariables,
  headVariables,
  makeConvEncoder,
  makeProjectionHead,
  type ConvEncoder,
  type ProjectionHead,
} from '../nn/models';
import { FlatAdam } from '../nn/optimizer';
import { NegativeQueue } from '../queue';
import { Random } from '../random';
import { BlindSrEvaluator } from './eval';
import { samplesWhenRead } from './batch-samples';
import type { BlindSrEvaluation, BlindSrSample, BlindSrSnapshot, BlindSrStepResult } from './types';

export type { BlindSrEvaluation, BlindSrSample, BlindSrSnapshot, BlindSrStepResult } from './types';
import { SrStage } from './sr-stage';
import { keyMomentumUpdate, queueContrastStep, type QueueContrastModels } from './queue-contrast';
import { HrSampler } from './sampler';

export type { BlindSrConfig } from './config';

/** DASR's degradation encoder, browser-sized: 16-16-32(s2)-32-64(s2)-64, LeakyReLU 0.1. */
const encoderChannels = [16, 16, 32, 32, 64, 64];
const encoderStrides = [1, 1, 2, 1, 2, 1];
const embeddingDim = 64;
/** samples a snapshot carries for the panels */
const shownSamples = 4;

export class BlindSrTrainer {
  readonly config: BlindSrConfig;
  /** HR crops and their degradation, shared with the evaluator */
  readonly sampler: HrSampler;
  private readonly random: Random;
  readonly encoder: ConvEncoder;
  private readonly head: ProjectionHead;
  private readonly keyEncoder: ConvEncoder;
  private readonly keyHead: ProjectionHead;
  /** stage 2: the upsamplers with, without and with the true degradation */
  readonly sr: SrStage;
  private readonly contrastOptimizer: FlatAdam;
  private readonly queue: NegativeQueue;
  private stepCount = 0;
  /** stage-1 steps so far: the representation statistics are stale when this moves */
  private contrastSteps = 0;
  private lastLoss = NaN;
  private lastSamples: () => BlindSrSample[] = () => [];
  private lastQueryDegradation: Degradation | null = null;
  private readonly evaluator: BlindSrEvaluator;
  private ahead: BatchesAhead | null = null;

  constructor(config: BlindSrConfig, hrPool: RgbImage[]) {
    if (hrPool.length === 0) throw new Error('the Blind-SR lab needs at least one HR image');
    this.config = { ...config };
    this.sampler = new HrSampler(this.config, hrPool);
    this.random = new Random(config.seed);
    const modelRandom = this.random.fork();
    const encoderConfig = {
      inputChannels: 3,
      channels: encoderChannels,
      strides: encoderStrides,
      activation: 'leakyRelu' as const,
      centerInput: true,
    };
    this.encoder = makeConvEncoder(encoderConfig, modelRandom);
    this.head = makeProjectionHead(this.encoder.outDim, embeddingDim, embeddingDim, modelRandom);
    // the key encoder starts as a copy (MoCo builder.py) and is never trained by gradients
    this.keyEncoder = makeConvEncoder(encoderConfig, modelRandom);
    this.keyHead = makeProjectionHead(this.encoder.outDim, embeddingDim, embeddingDim, modelRandom);
    this.momentumUpdate(0);
    this.sr = new SrStage(
      this.config,
      this.sampler,
      this.encoder,
      modelRandom.int(2 ** 31 - 1),
      () => this.contrastSteps,
    );
    this.contrastOptimizer = new FlatAdam(
      [...encoderTrainables(this.encoder), ...headVariables(this.head)],
      () => this.config.learningRate,
    );
    this.queue = new NegativeQueue(config.queueSize, embeddingDim, this.random.fork());
    this.evaluator = new BlindSrEvaluator(
      { sampler: this.sampler, encoder: this.encoder, sr: this.sr },
      new Random(config.seed + 7919),
    );
  }

  get step(): number {
    return this.stepCount;
  }

  /**
   * Draws each step's batch ahead on another thread (./batch-ahead.ts) while the step before
   * trains; null: every batch on this thread. The same batches either way.
   */
  drawAhead(prepare: PrepareBatch | null): void {
    this.ahead = prepare && new BatchesAhead(prepare);
  }

  /** Live settings: τ, momentum, weighting, learning rate, stage, degradation ranges. */
  update(change: LiveBlindSrChange): void {
    Object.assign(this.config, change);
  }

  private get contrastModels(): QueueContrastModels {
    return {
      encoder: this.encoder,
      head: this.head,
      keyEncoder: this.keyEncoder,
      keyHead: this.keyHead,
      optimizer: this.contrastOptimizer,
      queue: this.queue,
    };
  }

  /** θ_k ← m θ_k + (1 − m) θ_q (MoCo eq. 2); m = 0 copies. */
  private momentumUpdate(m: number): void {
    keyMomentumUpdate(this.contrastModels, m);
  }

  /** Momentum update, exposed for the unit test of the formula (not in production builds). */
  momentumStepForTest(m: number): { key: tf.Variable[]; query: tf.Variable[] } {
    if (!import.meta.env.DEV) throw new Error('momentumStepForTest is a test hook');
    this.momentumUpdate(m);
    return { key: encoderVariables(this.keyEncoder), query: encoderVariables(this.encoder) };
  }

  async trainStep(): Promise<BlindSrStepResult> {
    return this.config.stage === 1 ? this.contrastStep() : this.srStep();
  }

  /** Stage 1: patches of one LR image are positives, the queue holds the negatives. */
  private async contrastStep(partOfStage2 = false): Promise<BlindSrStepResult> {
    const start = performance.now();
    const b = this.config.batchSize;
    const {
      batch,
      query: queryPatches,
      key: keyPatches,
    } = await this.sampler.contrastPairs(
      shownSamples,
      this.random,
      partOfStage2 ? null : this.ahead,
    );
    const degradations = batch.degradations.slice(0, b);
    const augmentMilliseconds = performance.now() - start;

    const loss = await queueContrastStep(
      this.contrastModels,
      queryPatches,
      keyPatches,
      degradations,
      this.config,
      this.sampler.ranges,
      (degradation, i) => ({ degradation, source: batch.sources[i], step: this.stepCount + 1 }),
    );
    tf.dispose([queryPatches, keyPatches]);
    if (!partOfStage2) {
      // joint fine-tuning keeps the representation statistics of stage 2's start
      this.stepCount += 1;
      this.contrastSteps += 1;
      this.lastLoss = loss;
    }
    this.lastQueryDegradation = degradations[0];
    this.lastSamples = samplesWhenRead(batch);
    return this.stepResult(loss, start, augmentMilliseconds, batch.drawnAhead === true);
  }

  private stepResult(
    loss: number,
    start: number,
    augmentMilliseconds: number,
    drawnAhead: boolean,
  ): BlindSrStepResult {
    return {
      step: this.stepCount,
      stage: this.config.stage,
      loss,
      milliseconds: performance.now() - start,
      augmentMilliseconds,
      drawnAhead,
    };
  }

  /** Stage 2: one step of the upsamplers (and, fine-tuning, of the encoder). */
  private async srStep(): Promise<BlindSrStepResult> {
    const start = performance.now();
    const { loss, samples, augmentMilliseconds, drawnAhead } = await this.sr.step(
      this.random,
      () => this.contrastStep(true),
      this.ahead,
    );
    this.lastSamples = samples;
    this.stepCount += 1;
    this.lastLoss = loss;
    return this.stepResult(loss, start, augmentMilliseconds, drawnAhead);
  }

  snapshot(): BlindSrSnapshot {
    const q = this.queue;
    const query = this.lastQueryDegradation;
    const weights =
      query && this.config.weighting
        ? negativeWeights(
            query,
            q.entries.map((e) => e.degradation),
            this.sampler.ranges,
            this.config.weightWidth,
          )
        : new Float32Array(q.capacity).fill(1);
    return {
      step: this.stepCount,
      stage: this.config.stage,
      loss: this.lastLoss,
      samples: this.lastSamples(),
      patchSize,
      queue: {
        capacity: q.capacity,
        pointer: q.pointer,
        fillRatio: q.fillRatio,
        sigma: Float32Array.from(q.entries, (e) => e.degradation?.sigma ?? NaN),
        noise: Float32Array.from(q.entries, (e) => e.degradation?.noise ?? NaN),
        enteredAt: Int32Array.from(q.entries, (e) => e.step),
        weights,
        weighting: this.config.weighting,
        queryDegradation: query,
      },
    };
  }

  /** Embedding of the fixed blur grid and, in stage 2, PSNR on held-out crops. */
  evaluate(withSr: boolean): Promise<BlindSrEvaluation> {
    return this.evaluator.evaluate(this.stepCount, withSr);
  }

  /** Every variable: query and key encoders, heads, upsampler. */
  variables(): tf.Variable[] {
    return [
      ...encoderVariables(this.encoder),
      ...headVariables(this.head),
      ...encoderVariables(this.keyEncoder),
      ...headVariables(this.keyHead),
      ...this.sr.upsamplers.variables(),
    ];
  }

  dispose(): void {
    tf.dispose([
      ...encoderVariables(this.encoder),
      ...headVariables(this.head),
      ...encoderVariables(this.keyEncoder),
      ...headVariables(this.keyHead),
    ]);
    this.sr.dispose();
    this.evaluator.dispose();
    this.contrastOptimizer.dispose();
  }
}
