import * as tf from '@tensorflow/tfjs';
import type { ViewParams } from './augment';
import type { LiveSimclrChange, SimclrConfig } from './config';

export { defaultSimclrConfig, type SimclrConfig } from './config';
export type { EmbeddingSnapshot, SimclrData, SimclrSnapshot, SimclrStepResult } from './types';
import type { EmbeddingSnapshot, SimclrData, SimclrSnapshot, SimclrStepResult } from './types';
import { updateRunningStats, type BatchStats } from '../nn/layers';
import {
  byolLoss,
  l2Normalize,
  mocoLoss,
  ntXentLoss,
  positiveOnlyLoss,
  positiveTop1OnDevice,
  simsiamLoss,
} from '../nn/losses';
import { alignment, uniformity } from '../metrics';
import {
  encode,
  encoderTrainables,
  encoderVariables,
  headTrainables,
  headVariables,
  makeConvEncoder,
  makePredictor,
  makeProjectionHead,
  predict,
  predictorTrainables,
  predictorVariables,
  project,
  type ConvEncoder,
  type Predictor,
  type ProjectionHead,
} from '../nn/models';
import { NegativeQueue } from '../queue';
import { FlatAdam } from '../nn/optimizer';
import { gradientStep, momentumUpdate } from '../nn/train-step';
import { evaluateEmbedding } from './eval';
import { projectorNormOf } from './family';
import { ViewBatches, type ViewBatch } from './view-batches';
import { Random } from '../random';
import { positiveTop1 } from './similarity';

/** batches in the smoothed top-1 readout */
export const recentWindow = 20;

/** A batch of 2N views as one array: [2N, size, size, 3], N images. */
export interface ViewsOfBatch {
  readonly views: Float32Array;
  readonly n: number;
}

/** What stage mode (worker/stage-probe.ts) reads of a trainer: its model and batches. */
export interface SimclrStageView {
  readonly config: Readonly<SimclrConfig>;
  readonly encoder: ConvEncoder;
  readonly head: ProjectionHead;
  /** drawn by preview() and not trained on yet */
  readonly pending: ViewsOfBatch | null;
  /** the batch last encoded: by a step, or by preview() */
  readonly last: ViewsOfBatch | null;
}

export class SimclrTrainer {
  readonly config: SimclrConfig;
  private readonly data: SimclrData;
  private readonly random: Random;
  private readonly encoder: ConvEncoder;
  private readonly head: ProjectionHead;
  /** SimSiam / BYOL */
  private readonly predictor: Predictor | null = null;
  /** MoCo's key encoder / BYOL's target: momentum copies, never trained by gradients */
  private readonly momentumEncoder: ConvEncoder | null = null;
  private readonly momentumHead: ProjectionHead | null = null;
  /** MoCo */
  private readonly queue: NegativeQueue | null = null;
  private readonly optimizer: FlatAdam;
  private readonly trainables: tf.Variable[];
  private readonly batches: ViewBatches;
  private stepCount = 0;
  private lastLoss = NaN;
  private lastZ: tf.Tensor2D | null = null;
  private lastViews: Float32Array | null = null;
  private lastParams: ViewParams[] = [];
  private lastIndices: Int32Array = new Int32Array(0);
  private previousAxes: Float32Array | undefined;
  /** positive top-1 of the last `recentWindow` trained batches */
  private recentTop1: number[] = [];
  /** a batch shown by preview() and not trained yet: the next step trains on it */
  private pending: ViewBatch | null = null;

  constructor(config: SimclrConfig, data: SimclrData) {
    if (data.images.length < 2) throw new Error('SimCLR needs at least 2 images');
    this.config = { ...config, augment: { ...config.augment } };
    this.data = data;
    this.random = new Random(config.seed);
    const modelRandom = this.random.fork();
    this.batches = new ViewBatches(data.images, this.random);
    this.encoder = makeConvEncoder(
      { inputChannels: 3, channels: config.channels, strides: config.strides, activation: 'relu' },
      modelRandom,
    );
    const method = config.method;
    this.head = makeProjectionHead(
      this.encoder.outDim,
      config.hiddenDim,
      config.projectionDim,
      modelRandom,
      projectorNormOf[method],
    );
    if (method === 'simsiam' || method === 'byol')
      this.predictor = makePredictor(
        config.projectionDim,
        config.predictorHiddenDim,
        config.projectionDim,
        modelRandom,
      );
    if (method === 'moco' || method === 'byol') {
      // the momentum copy starts equal to the online network (MoCo builder.py,
      // BYOL §3.1): its initial draw is overwritten, so it takes no draws of the model stream
      const throwaway = new Random(0);
      this.momentumEncoder = makeConvEncoder(
        {
          inputChannels: 3,
          channels: config.channels,
          strides: config.strides,
          activation: 'relu',
        },
        throwaway,
      );
      this.momentumHead = makeProjectionHead(
        this.encoder.outDim,
        config.hiddenDim,
        config.projectionDim,
        throwaway,
        projectorNormOf[method],
      );
      this.momentumUpdate(0);
    }
    if (method === 'moco')
      this.queue = new NegativeQueue(config.queueSize, config.projectionDim, this.random.fork());
    this.trainables = [
      ...encoderTrainables(this.encoder),
      ...headTrainables(this.head),
      ...(this.predictor ? predictorTrainables(this.predictor) : []),
    ];
    this.optimizer = new FlatAdam(this.trainables, config.learningRate);
  }

  /** θ_k ← m θ_k + (1 − m) θ_q (MoCo eq. 2, BYOL eq. 1); m = 0 copies. BN running stats too. */
  private momentumUpdate(m: number): void {
    if (!this.momentumEncoder || !this.momentumHead) return;
    const online = [...encoderVariables(this.encoder), ...headVariables(this.head)];
    const target = [...encoderVariables(this.momentumEncoder), ...headVariables(this.momentumHead)];
    momentumUpdate(target, online, m);
  }

  /** Momentum update, exposed for the unit test of the formula (not in production builds). */
  momentumStepForTest(m: number): { target: tf.Variable[]; online: tf.Variable[] } {
    if (!import.meta.env.DEV) throw new Error('momentumStepForTest is a test hook');
    this.momentumUpdate(m);
    return {
      target: this.momentumEncoder ? encoderVariables(this.momentumEncoder) : [],
      online: encoderVariables(this.encoder),
    };
  }

  /**
   * The momentum network's projections of all 2N views (MoCo keys, BYOL targets), outside
   * any gradient tape; null for SimCLR and SimSiam. [2N, P]
   */
  private momentumTargets(x: tf.Tensor4D): tf.Tensor2D | null {
    if (!this.momentumEncoder || !this.momentumHead) return null;
    return project(this.momentumHead, encode(this.momentumEncoder, x, true));
  }

  /**
   * The method's loss on 2N views x = [a_0..a_{N−1}, b_0..b_{N−1}], and z (the online
   * projections, [2N, P], for the similarity matrix). targets: momentumTargets(x).
   */
  private forwardLoss(
    x: tf.Tensor4D,
    n: number,
    targets: tf.Tensor2D | null,
    queue: tf.Tensor2D | null,
    stats?: BatchStats,
  ): { z: tf.Tensor2D; loss: tf.Scalar } {
    const c = this.config;
    const z = project(this.head, encode(this.encoder, x, true, stats), 'relu', true, stats);
    const first = <T extends tf.Tensor2D>(t: T) => t.slice([0, 0], [n, -1]) as tf.Tensor2D;
    const second = <T extends tf.Tensor2D>(t: T) => t.slice([n, 0], [n, -1]) as tf.Tensor2D;
    let loss: tf.Scalar;
    if (c.method === 'moco' && targets && queue) {
      loss = mocoLoss(first(z), second(z), first(targets), second(targets), queue, c.temperature);
    } else if ((c.method === 'simsiam' || c.method === 'byol') && this.predictor) {
      const p = predict(this.predictor, z, true, stats);
      loss =
        c.method === 'byol' && targets
          ? byolLoss(first(p), second(p), first(targets), second(targets))
          : simsiamLoss(first(p), second(p), first(z), second(z), c.stopGradient);
    } else {
      loss = c.noNegatives
        ? positiveOnlyLoss(first(z), second(z), c.temperature)
        : ntXentLoss(first(z), second(z), c.temperature);
    }
    return { z, loss };
  }

  private queueTensor(): tf.Tensor2D | null {
    return this.queue ? tf.tensor2d(this.queue.keys, [this.queue.capacity, this.queue.dim]) : null;
  }

  get step(): number {
    return this.stepCount;
  }

  /** Read-only access for stage mode; the trainer's own fields stay private. */
  get stageView(): SimclrStageView {
    const pending = this.pending;
    return {
      config: this.config,
      encoder: this.encoder,
      head: this.head,
      pending: pending ? { views: pending.views, n: pending.indices.length } : null,
      last: this.lastViews ? { views: this.lastViews, n: this.lastIndices.length } : null,
    };
  }

  /** τ, learning rate, negatives, augmentations, m and stop-gradient change from the next step on. */
  update(change: LiveSimclrChange): void {
    if (change.learningRate !== undefined && change.learningRate !== this.config.learningRate) {
      this.optimizer.learningRate = change.learningRate;
    }
    Object.assign(this.config, change);
  }

  private newBatch(): ViewBatch {
    return this.batches.next(this.config.batchSize, this.config.augment, this.config.imageSize);
  }

  async trainStep(): Promise<SimclrStepResult> {
    const start = performance.now();
    const batch = this.pending ?? this.newBatch();
    this.pending = null;
    const { indices, views, params } = batch;
    const n = indices.length;
    const augmentMilliseconds = performance.now() - start;
    const size = this.config.imageSize;
    const stats: BatchStats = [];
    const x = tf.tensor4d(views, [2 * n, size, size, 3]);
    const targets = this.momentumEncoder
      ? tf.tidy(() => this.momentumTargets(x) as tf.Tensor2D)
      : null;
    const value = gradientStep(
      () => {
        const { z, loss } = this.forwardLoss(x, n, targets, this.queueTensor(), stats);
        this.lastZ?.dispose();
        this.lastZ = tf.keep(z);
        return loss;
      },
      this.trainables,
      (grads) => this.optimizer.apply(this.trainables.map((v) => grads[v.name])),
    );
    updateRunningStats(stats);
    this.momentumUpdate(this.config.momentum);
    if (this.queue && targets) {
      // MoCo builder.py: enqueue after the loss — the keys of the second views, one per image
      const keys = tf.tidy(() => l2Normalize(targets.slice([n, 0], [n, -1]) as tf.Tensor2D));
      const keyData = (await keys.data()) as Float32Array;
      keys.dispose();
      this.queue.enqueue(
        keyData.slice(),
        Array.from(indices, (source) => ({ degradation: null, source, step: this.stepCount + 1 })),
      );
    }
    tf.dispose([x, ...(targets ? [targets] : [])]);
    // loss and top-1 of every trained batch in one read-back (one batch of 16 is noisy)
    const readings = tf.tidy(() =>
      tf.stack([value, positiveTop1OnDevice(this.lastZ as tf.Tensor2D)]),
    );
    const [loss, top1] = await readings.data();
    tf.dispose([value, readings]);
    this.recentTop1.push(top1);
    if (this.recentTop1.length > recentWindow) this.recentTop1.shift();
    this.stepCount += 1;
    this.lastLoss = loss;
    this.lastViews = views;
    this.lastParams = params;
    this.lastIndices = indices;
    return {
      step: this.stepCount,
      loss,
      milliseconds: performance.now() - start,
      augmentMilliseconds,
    };
  }

  /**
   * Draws the next batch and encodes it without training, so the panels show the batch
   * the next step will train on (step 0: the random encoder's matrix; stage mode: the
   * stages before "update"). Batch statistics in BN, as the step will see.
   */
  async preview(): Promise<void> {
    this.pending = this.newBatch();
    const { indices, views, params } = this.pending;
    const n = indices.length;
    const size = this.config.imageSize;
    const [z, loss] = tf.tidy(() => {
      const x = tf.tensor4d(views, [2 * n, size, size, 3]);
      const result = this.forwardLoss(x, n, this.momentumTargets(x), this.queueTensor());
      return [result.z, result.loss];
    });
    this.lastLoss = (await loss.data())[0];
    loss.dispose();
    this.lastZ?.dispose();
    this.lastZ = z;
    this.lastViews = views;
    this.lastParams = params;
    this.lastIndices = indices;
  }

  /** Similarities and metrics of the last batch; null before the first step. */
  async snapshot(): Promise<SimclrSnapshot | null> {
    if (!this.lastZ || !this.lastViews) return null;
    const n = this.lastIndices.length;
    const z = this.lastZ;
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
    const dim = this.config.projectionDim;
    return {
      step: this.stepCount,
      loss: this.lastLoss,
      temperature: this.config.temperature,
      batchSize: n,
      imageIndices: this.lastIndices.slice(),
      viewSize: this.config.imageSize,
      views: this.lastViews.slice(),
      viewParams: this.lastParams,
      similarity,
      positiveAccuracy: positiveTop1(similarity, 2 * n),
      recentPositiveAccuracy:
        this.recentTop1.length > 0
          ? this.recentTop1.reduce((a, b) => a + b, 0) / this.recentTop1.length
          : null,
      alignment: alignment(normalized.subarray(0, n * dim), normalized.subarray(n * dim), n, dim),
      uniformity: uniformity(normalized, 2 * n, dim),
      pending: this.pending !== null,
      method: this.config.method,
      queue: this.queue
        ? {
            capacity: this.queue.capacity,
            pointer: this.queue.pointer,
            fillRatio: this.queue.fillRatio,
            sources: Int32Array.from(this.queue.entries, (e) => e.source),
            enteredAt: Int32Array.from(this.queue.entries, (e) => e.step),
          }
        : null,
    };
  }

  /** PCA of h over the data set and kNN accuracy of h on the held-out split. */
  async evaluate(): Promise<EmbeddingSnapshot> {
    const { embedding, axes } = await evaluateEmbedding(
      this.encoder,
      this.data,
      this.config.imageSize,
      this.stepCount,
      this.previousAxes,
    );
    this.previousAxes = axes;
    return embedding;
  }

  /** Every variable, for export and the leak check. */
  variables(): tf.Variable[] {
    return [
      ...encoderVariables(this.encoder),
      ...headVariables(this.head),
      ...(this.predictor ? predictorVariables(this.predictor) : []),
      ...(this.momentumEncoder ? encoderVariables(this.momentumEncoder) : []),
      ...(this.momentumHead ? headVariables(this.momentumHead) : []),
    ];
  }

  dispose(): void {
    this.lastZ?.dispose();
    this.lastZ = null;
    tf.dispose(this.variables());
    this.optimizer.dispose();
  }
}
