import * as tf from '@tensorflow/tfjs';
import {
  kernelSizeFor,
  lowSize,
  patchSize,
  srBatch,
  type BlindSrConfig,
  type LiveBlindSrChange,
} from './config';
import { blurKernel, sampleDegradation, type Degradation, type DegradationRanges } from './degrade';
import { degradePixels } from './degrade-separable';
import { negativeWeights } from './degradation-prior';
import { cropResize, stackImages, type RgbImage } from '../image';
import { updateRunningStats, type BatchStats } from '../nn/layers';
import { infoNceLoss, weightedInfoNceLoss } from '../nn/losses';
import {
  encode,
  encoderTrainables,
  encoderVariables,
  headVariables,
  makeConvEncoder,
  makeProjectionHead,
  project,
  type ConvEncoder,
  type ProjectionHead,
} from '../nn/models';
import { FlatAdam } from '../nn/optimizer';
import { NegativeQueue } from '../queue';
import { Random } from '../random';
import { BlindSrEvaluator } from './eval';
import { concatRows, cutPatches, samplePatches } from './patches';
import type { BlindSrEvaluation, BlindSrSample, BlindSrSnapshot, BlindSrStepResult } from './types';

export type { BlindSrEvaluation, BlindSrSample, BlindSrSnapshot, BlindSrStepResult } from './types';
import { disposeSrInputs, prepareSrInputs } from './srnet';
import { Upsamplers, type Conditions } from './upsamplers';
import { degradationFeatures, oracleDim } from './oracle';

export type { BlindSrConfig } from './config';

/** DASR's degradation encoder, browser-sized: 16-16-32(s2)-32-64(s2)-64, LeakyReLU 0.1. */
const encoderChannels = [16, 16, 32, 32, 64, 64];
const encoderStrides = [1, 1, 2, 1, 2, 1];
const embeddingDim = 64;
/** LR images whose representations standardise h for stage 2 */
const representationSamples = 128;

export class BlindSrTrainer {
  readonly config: BlindSrConfig;
  private readonly hrPool: RgbImage[];
  private readonly random: Random;
  readonly encoder: ConvEncoder;
  private readonly head: ProjectionHead;
  private readonly keyEncoder: ConvEncoder;
  private readonly keyHead: ProjectionHead;
  /** stage 2: the upsamplers with, without and with the true degradation */
  readonly upsamplers: Upsamplers;
  private readonly contrastOptimizer: FlatAdam;
  /** joint fine-tuning: the L1 gradient's own Adam on the degradation encoder */
  private finetuneOptimizer: FlatAdam | null = null;
  private readonly queue: NegativeQueue;
  private stepCount = 0;
  /** stage-1 steps so far: the representation statistics are stale when this moves */
  private contrastSteps = 0;
  private representationStats: {
    mean: tf.Tensor2D;
    std: tf.Tensor2D;
    contrastSteps: number;
  } | null = null;
  private lastLoss = NaN;
  private lastSamples: BlindSrSample[] = [];
  private lastQueryDegradation: Degradation | null = null;
  private readonly evaluator: BlindSrEvaluator;

  constructor(config: BlindSrConfig, hrPool: RgbImage[]) {
    if (hrPool.length === 0) throw new Error('the Blind-SR lab needs at least one HR image');
    this.config = { ...config };
    this.hrPool = hrPool;
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
    this.upsamplers = new Upsamplers(
      this.encoder.outDim,
      oracleDim,
      config.scale,
      modelRandom.int(2 ** 31 - 1),
      config.srLearningRate,
    );
    this.contrastOptimizer = new FlatAdam(
      [...encoderTrainables(this.encoder), ...headVariables(this.head)],
      config.learningRate,
    );
    this.queue = new NegativeQueue(config.queueSize, embeddingDim, this.random.fork());
    this.evaluator = new BlindSrEvaluator(this, new Random(config.seed + 7919));
  }

  get step(): number {
    return this.stepCount;
  }

  get ranges(): DegradationRanges {
    const c = this.config;
    return { kind: c.blurKind, sigmaMin: c.sigmaMin, sigmaMax: c.sigmaMax, noiseMax: c.noiseMax };
  }

  get hrSize(): number {
    return lowSize * this.config.scale;
  }

  /** Live settings: τ, momentum, weighting, learning rate, stage, degradation ranges. */
  update(change: LiveBlindSrChange): void {
    Object.assign(this.config, change);
    this.contrastOptimizer.learningRate = this.config.learningRate;
    this.upsamplers.learningRate = this.config.srLearningRate;
    if (this.finetuneOptimizer) this.finetuneOptimizer.learningRate = this.config.learningRate;
  }

  /** θ_k ← m θ_k + (1 − m) θ_q (MoCo eq. 2); m = 0 copies. */
  private momentumUpdate(m: number): void {
    const query = [...encoderVariables(this.encoder), ...headVariables(this.head)];
    const key = [...encoderVariables(this.keyEncoder), ...headVariables(this.keyHead)];
    tf.tidy(() =>
      key.forEach((k, i) =>
        k.assign(m === 0 ? query[i].clone() : k.mul(m).add(query[i].mul(1 - m))),
      ),
    );
  }

  /** Momentum update, exposed for the unit test of the formula. */
  momentumStepForTest(m: number): { key: tf.Variable[]; query: tf.Variable[] } {
    this.momentumUpdate(m);
    return { key: encoderVariables(this.keyEncoder), query: encoderVariables(this.encoder) };
  }

  /** Random HR crops of the pool, side 32·scale, with a random flip. */
  sampleHr(count: number, random: Random): { images: RgbImage[]; sources: number[] } {
    const size = this.hrSize;
    const images: RgbImage[] = [];
    const sources: number[] = [];
    for (let i = 0; i < count; i++) {
      const source = random.int(this.hrPool.length);
      const image = this.hrPool[source];
      const side = Math.min(1, size / image.size);
      const box = {
        x: random.uniform(0, 1 - side),
        y: random.uniform(0, 1 - side),
        width: side,
        height: side,
      };
      images.push(cropResize(image, box, size));
      sources.push(source);
    }
    return { images, sources };
  }

  degrade(hr: RgbImage[], degradations: Degradation[], random: Random): tf.Tensor4D {
    return degradePixels(
      stackImages(hr),
      hr.length,
      this.hrSize,
      degradations,
      this.config.scale,
      kernelSizeFor(this.config.scale),
      random,
    );
  }

  async trainStep(): Promise<BlindSrStepResult> {
    return this.config.stage === 1 ? this.contrastStep() : this.srStep();
  }

  /** Stage 1: patches of one LR image are positives, the queue holds the negatives. */
  private async contrastStep(partOfStage2 = false): Promise<BlindSrStepResult> {
    const start = performance.now();
    const b = this.config.batchSize;
    const pairedByDegradation = this.config.pairing === 'degradation';
    const { images, sources } = this.sampleHr(pairedByDegradation ? 2 * b : b, this.random);
    const degradations = Array.from({ length: b }, () =>
      sampleDegradation(this.ranges, this.random),
    );
    const patches = images.map(() => samplePatches(this.random));
    const low = this.degrade(
      images,
      pairedByDegradation ? [...degradations, ...degradations] : degradations,
      this.random,
    );
    const [queryPatches, keyPatches] = tf.tidy((): [tf.Tensor4D, tf.Tensor4D] => {
      const [first, second] = cutPatches(low, patches);
      if (!pairedByDegradation) return [first, second];
      // positives: image i and image b + i, different content, same degradation
      return [
        first.slice([0, 0, 0, 0], [b, -1, -1, -1]),
        first.slice([b, 0, 0, 0], [b, -1, -1, -1]),
      ];
    });
    const augmentMilliseconds = performance.now() - start;

    const keys = tf.tidy(() =>
      project(this.keyHead, encode(this.keyEncoder, keyPatches, true), 'leakyRelu'),
    );
    const weights = this.config.weighting
      ? degradations.map((d) =>
          negativeWeights(
            d,
            this.queue.entries.map((e) => e.degradation),
            this.ranges,
            this.config.weightWidth,
          ),
        )
      : null;
    const stats: BatchStats = [];
    const { value, grads } = tf.tidy(() => {
      const queue = tf.tensor2d(this.queue.keys, [this.queue.capacity, this.queue.dim]);
      const weightTensor = weights
        ? tf.tensor2d(concatRows(weights), [b, this.queue.capacity])
        : null;
      return tf.variableGrads(() => {
        const q = project(this.head, encode(this.encoder, queryPatches, true, stats), 'leakyRelu');
        return weightTensor
          ? weightedInfoNceLoss(q, keys, queue, weightTensor, this.config.temperature)
          : infoNceLoss(q, keys, queue, this.config.temperature);
      }, [...encoderTrainables(this.encoder), ...headVariables(this.head)]);
    });
    this.contrastOptimizer.apply(
      [...encoderTrainables(this.encoder), ...headVariables(this.head)].map((v) => grads[v.name]),
    );
    tf.dispose(Object.values(grads));
    updateRunningStats(stats);
    this.momentumUpdate(this.config.momentum);
    // MoCo builder.py: enqueue after the loss
    const keyValues = tf.tidy(() => keys.div(keys.norm('euclidean', 1, true)));
    const keyData = (await keyValues.data()) as Float32Array;
    this.queue.enqueue(
      keyData.slice(),
      degradations.map((degradation, i) => ({
        degradation,
        source: sources[i],
        step: this.stepCount + 1,
      })),
    );
    const loss = (await value.data())[0];
    tf.dispose([value, keys, keyValues, queryPatches, keyPatches]);
    if (!partOfStage2) {
      // joint fine-tuning keeps the representation statistics of stage 2's start
      this.stepCount += 1;
      this.contrastSteps += 1;
      this.lastLoss = loss;
    }
    this.lastQueryDegradation = degradations[0];
    this.lastSamples = await this.describeSamples(
      images,
      low,
      degradations,
      patches,
      pairedByDegradation ? b : 0,
    );
    low.dispose();
    return {
      step: this.stepCount,
      stage: this.config.stage,
      loss,
      milliseconds: performance.now() - start,
      augmentMilliseconds,
    };
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
    if (stats && stats.contrastSteps === this.contrastSteps) return stats;
    tf.dispose([stats?.mean, stats?.std]);
    const random = new Random(this.config.seed + 104729);
    const { images } = this.sampleHr(representationSamples, random);
    const degradations = images.map(() => sampleDegradation(this.ranges, random));
    const sample = this.degrade(images, degradations, random);
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
    this.representationStats = { mean, std, contrastSteps: this.contrastSteps };
    return this.representationStats;
  }

  /** The three conditions of one LR batch: learned, none (zeros), true degradation. */
  conditions(low: tf.Tensor4D, degradations: Degradation[]): Conditions {
    const learned = this.representation(low);
    return {
      learned,
      none: tf.zerosLike(learned),
      oracle: tf.tensor2d(
        degradations.flatMap((d) => degradationFeatures(d, this.ranges)),
        [degradations.length, oracleDim],
      ),
    };
  }

  /**
   * Stage 2: L1 of three upsamplers on the same batch — conditioned on the frozen
   * encoder's (standardised) representation of the whole LR image, on nothing, and on the
   * true degradation.
   */
  private async srStep(): Promise<BlindSrStepResult> {
    const start = performance.now();
    const joint = this.config.finetune;
    // joint fine-tuning: a contrastive step first, and L1 reaches the encoder as well
    if (joint) await this.contrastStep(true);
    const { images } = this.sampleHr(srBatch, this.random);
    const degradations = images.map(() => sampleDegradation(this.ranges, this.random));
    const low = this.degrade(images, degradations, this.random);
    const patches = images.map(() => samplePatches(this.random));
    // the upsampler works on one LR quadrant and its HR crop; the representation sees the whole LR image
    const [lowPatch, hrPatch] = tf.tidy(() => {
      const hr = tf.tensor4d(stackImages(images), [images.length, this.hrSize, this.hrSize, 3]);
      return [cutPatches(low, patches)[0], cutPatches(hr, patches, this.config.scale)[0]];
    });
    const inputs = prepareSrInputs(lowPatch, this.config.scale);
    const augmentMilliseconds = performance.now() - start;
    const conditions = this.conditions(low, degradations);
    const encoderVariablesTrained = joint ? encoderTrainables(this.encoder) : [];
    let learnedLoss: tf.Scalar | null = null;
    const { value, grads } = tf.variableGrads(() => {
      const learned = joint ? this.representationWithGradient(low) : conditions.learned;
      const losses = this.upsamplers.losses(inputs, hrPatch, { ...conditions, learned });
      learnedLoss = losses.learned;
      return losses.total;
    }, [...this.upsamplers.variables(), ...encoderVariablesTrained]);
    this.upsamplers.apply(grads);
    if (joint) {
      this.finetuneOptimizer ??= new FlatAdam(
        encoderTrainables(this.encoder),
        this.config.learningRate,
      );
      this.finetuneOptimizer.apply(encoderVariablesTrained.map((v) => grads[v.name]));
    }
    tf.dispose(Object.values(grads));
    const loss = (await (learnedLoss as unknown as tf.Scalar).data())[0];
    this.lastSamples = await this.describeSamples(images, low, degradations, patches);
    disposeSrInputs(inputs);
    tf.dispose([
      value,
      learnedLoss as unknown as tf.Scalar,
      low,
      lowPatch,
      hrPatch,
      ...Object.values(conditions),
    ]);
    this.stepCount += 1;
    this.lastLoss = loss;
    return {
      step: this.stepCount,
      stage: this.config.stage,
      loss,
      milliseconds: performance.now() - start,
      augmentMilliseconds,
    };
  }

  /** The samples panels show; also used by stage mode to preview a batch (worker/stage-probe.ts). */
  async describeSamples(
    images: RgbImage[],
    low: tf.Tensor4D,
    degradations: Degradation[],
    patches: BlindSrSample['patches'][],
    /** > 0: image i's key patch is the first quadrant of image i + partnerOffset */
    partnerOffset = 0,
  ): Promise<BlindSrSample[]> {
    const count = Math.min(4, degradations.length);
    const lowData = (await low.data()) as Float32Array;
    const stride = lowSize * lowSize * 3;
    const kernelSize = kernelSizeFor(this.config.scale);
    return Array.from({ length: count }, (_, i) => ({
      hrSize: this.hrSize,
      hr: images[i].pixels.slice(),
      low: lowData.slice(i * stride, (i + 1) * stride),
      kernel: blurKernel(degradations[i], kernelSize),
      kernelSize,
      degradation: degradations[i],
      // the query patch is quadrant patches[i][0]; its key: the same image's other
      // quadrant, or the first quadrant of the partner image degraded alike
      patches: partnerOffset > 0 ? [patches[i][0], patches[i + partnerOffset][0]] : patches[i],
      partnerLow:
        partnerOffset > 0
          ? lowData.slice((i + partnerOffset) * stride, (i + partnerOffset + 1) * stride)
          : null,
    }));
  }

  snapshot(): BlindSrSnapshot {
    const q = this.queue;
    const query = this.lastQueryDegradation;
    const weights =
      query && this.config.weighting
        ? negativeWeights(
            query,
            q.entries.map((e) => e.degradation),
            this.ranges,
            this.config.weightWidth,
          )
        : new Float32Array(q.capacity).fill(1);
    return {
      step: this.stepCount,
      stage: this.config.stage,
      loss: this.lastLoss,
      samples: this.lastSamples,
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
      ...this.upsamplers.variables(),
    ];
  }

  dispose(): void {
    tf.dispose([
      ...encoderVariables(this.encoder),
      ...headVariables(this.head),
      ...encoderVariables(this.keyEncoder),
      ...headVariables(this.keyHead),
    ]);
    this.upsamplers.dispose();
    tf.dispose([this.representationStats?.mean, this.representationStats?.std]);
    this.representationStats = null;
    this.evaluator.dispose();
    this.contrastOptimizer.dispose();
    this.finetuneOptimizer?.dispose();
  }
}
