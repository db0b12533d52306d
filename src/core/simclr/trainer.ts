import * as tf from '@tensorflow/tfjs-core';
import type { ViewParams } from './augment';
import type { LiveSimclrChange, SimclrConfig } from './config';

export { defaultSimclrConfig, type SimclrConfig } from './config';
export type {
  EmbeddingSnapshot,
  SimclrData,
  SimclrSnapshot,
  SimclrStageView,
  SimclrStepResult,
  ViewsOfBatch,
} from './types';
import type {
  EmbeddingSnapshot,
  SimclrData,
  SimclrSnapshot,
  SimclrStageView,
  SimclrStepResult,
} from './types';
import { updateRunningStats, type BatchStats } from '../nn/layers';
import { positiveTop1OnDevice } from '../nn/losses';
import { encoderVariables } from '../nn/models';
import type { NegativeQueue } from '../queue';
import { FlatAdam } from '../nn/optimizer';
import { EmbeddingEvaluator } from './evaluator';
import { startSimclr, type SimclrStart } from './start';
import {
  familyTrainables,
  familyVariables,
  makeFamilyNetworks,
  methodLoss,
  momentumTargets,
  momentumUpdate,
  type FamilyNetworks,
} from './family';
import type { ViewBatches, ViewBatch } from './view-batches';
import { disposePreparedStep, type PreparedStep } from './prepared-step';
import { queueReadout, readBatchGeometry } from './batch-readout';

/** batches in the smoothed top-1 readout */
export const recentWindow = 20;

export class SimclrTrainer {
  readonly config: SimclrConfig;
  private readonly networks: FamilyNetworks;
  /** MoCo */
  private readonly queue: NegativeQueue | null;
  private readonly optimizer: FlatAdam;
  private readonly trainables: tf.Variable[];
  private readonly batches: ViewBatches;
  private stepCount = 0;
  private lastLoss = NaN;
  private lastZ: tf.Tensor2D | null = null;
  private lastViews: Float32Array | null = null;
  private lastParams: ViewParams[] = [];
  private lastIndices: Int32Array = new Int32Array(0);
  private readonly evaluator: EmbeddingEvaluator;
  /** positive top-1 of the last `recentWindow` trained batches */
  private recentTop1: number[] = [];
  /** a batch shown by preview() and not trained yet: the next step trains on it */
  private pending: ViewBatch | null = null;
  /** its gradients, computed by warmUp() before the first Play */
  private prepared: PreparedStep | null = null;

  /** `start`: startSimclr's, with the same config and data (drawn by the constructor if not given) */
  constructor(config: SimclrConfig, data: SimclrData, start?: SimclrStart) {
    if (data.images.length < 2) throw new Error('SimCLR needs at least 2 images');
    this.config = { ...config, augment: { ...config.augment } };
    const { modelRandom, batches, queue } = start ?? startSimclr(config, data);
    this.batches = batches;
    this.queue = queue;
    this.networks = makeFamilyNetworks(config, modelRandom);
    this.evaluator = new EmbeddingEvaluator(data, config.imageSize);
    this.trainables = familyTrainables(this.networks);
    this.optimizer = new FlatAdam(this.trainables, () => this.config.learningRate);
  }

  /** Momentum update, exposed for the unit test of the formula (not in production builds). */
  momentumStepForTest(m: number): { target: tf.Variable[]; online: tf.Variable[] } {
    if (!import.meta.env.DEV) throw new Error('momentumStepForTest is a test hook');
    momentumUpdate(this.networks, m);
    const { encoder, momentumEncoder } = this.networks;
    return {
      target: momentumEncoder ? encoderVariables(momentumEncoder) : [],
      online: encoderVariables(encoder),
    };
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
      encoder: this.networks.encoder,
      head: this.networks.head,
      pending: pending ? { views: pending.views, n: pending.indices.length } : null,
      last: this.lastViews ? { views: this.lastViews, n: this.lastIndices.length } : null,
    };
  }

  /** τ, learning rate, negatives, augmentations, m and stop-gradient change from the next step on. */
  update(change: LiveSimclrChange): void {
    this.discardPrepared();
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
    // step 1's gradients may be ready: computed on this batch by warmUp, before Play
    const prepared = this.prepared?.batch === batch ? this.prepared : null;
    this.discardPrepared(prepared);
    const { value, grads, z, stats, targets } = prepared ?? this.batchGradients(batch);
    this.lastZ?.dispose();
    this.lastZ = z;
    this.optimizer.apply(this.trainables.map((v) => grads[v.name]));
    tf.dispose(Object.values(grads));
    updateRunningStats(stats);
    momentumUpdate(this.networks, this.config.momentum);
    if (this.queue && targets) {
      // the keys of the second views, one per image
      const keys = targets.slice([n, 0], [n, -1]) as tf.Tensor2D;
      await this.queue.enqueueKeys(
        keys,
        Array.from(indices, (source) => ({ degradation: null, source, step: this.stepCount + 1 })),
      );
      keys.dispose();
    }
    targets?.dispose();
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
   * Step 1's gradients, on the pending batch, while the page draws the first matrix (no
   * random number drawn, nothing applied): a Play pressed then trains step 1 by applying
   * them — the same step as computing them then — and the code is warm for step 2. Dropped
   * when the batch, a setting or the weights change before.
   */
  warmUp(): void {
    if (!this.pending || this.prepared) return;
    this.prepared = this.batchGradients(this.pending);
  }

  /** The prepared step 1 is stale (a new batch or setting, other weights), unless it is `kept`. */
  discardPrepared(kept: PreparedStep | null = null): void {
    const prepared = this.prepared;
    this.prepared = null;
    if (prepared && prepared !== kept) disposePreparedStep(prepared);
  }

  /** A batch's loss, its gradients at the current weights, z and BN statistics; none applied. */
  private batchGradients(batch: ViewBatch): PreparedStep {
    const n = batch.indices.length;
    const stats: BatchStats = [];
    const { x, targets } = this.batchTensors(batch);
    const kept: { z?: tf.Tensor2D } = {};
    const { value, grads } = tf.tidy(() =>
      tf.variableGrads(() => {
        const result = this.methodLoss(x, n, targets, stats);
        kept.z = tf.keep(result.z) as tf.Tensor2D;
        return result.loss;
      }, this.trainables),
    );
    x.dispose();
    return { batch, value, grads, z: kept.z as tf.Tensor2D, stats, targets };
  }

  /** A batch's 2N views as one tensor, and the momentum encoder's targets (MoCo, BYOL). */
  private batchTensors(batch: ViewBatch): { x: tf.Tensor4D; targets: tf.Tensor2D | null } {
    const size = this.config.imageSize;
    const x = tf.tensor4d(batch.views, [2 * batch.indices.length, size, size, 3]);
    const targets = this.networks.momentumEncoder
      ? tf.tidy(() => momentumTargets(this.networks, x) as tf.Tensor2D)
      : null;
    return { x, targets };
  }

  private methodLoss(x: tf.Tensor4D, n: number, targets: tf.Tensor2D | null, stats?: BatchStats) {
    return methodLoss(this.config, this.networks, x, n, targets, this.queueTensor(), stats);
  }

  /**
   * Draws the next batch and encodes it without training, so the panels show the batch
   * the next step will train on (step 0: the random encoder's matrix; stage mode: the
   * stages before "update"). Batch statistics in BN, as the step will see.
   */
  async preview(): Promise<void> {
    this.discardPrepared();
    this.pending = this.newBatch();
    const batch = this.pending;
    const { indices, views, params } = batch;
    const [z, loss] = tf.tidy(() => {
      const { x, targets } = this.batchTensors(batch);
      const result = this.methodLoss(x, indices.length, targets);
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
    const geometry = await readBatchGeometry(z, n, this.config.projectionDim);
    return {
      step: this.stepCount,
      loss: this.lastLoss,
      temperature: this.config.temperature,
      batchSize: n,
      imageIndices: this.lastIndices.slice(),
      viewSize: this.config.imageSize,
      views: this.lastViews.slice(),
      viewParams: this.lastParams,
      ...geometry,
      recentPositiveAccuracy:
        this.recentTop1.length > 0
          ? this.recentTop1.reduce((a, b) => a + b, 0) / this.recentTop1.length
          : null,
      pending: this.pending !== null,
      method: this.config.method,
      queue: this.queue ? queueReadout(this.queue) : null,
    };
  }

  /** Draws the next `slice` of the images an evaluation reads; true once all are drawn. */
  drawEvaluationImages(slice?: number): boolean {
    return this.evaluator.drawImages(slice);
  }

  /** PCA of h over the data set; kNN accuracy of h and of z on the held-out split. */
  evaluate(): Promise<EmbeddingSnapshot> {
    return this.evaluator.evaluate(this.networks.encoder, this.networks.head, this.stepCount);
  }

  /** Every variable, for export and the leak check. */
  variables(): tf.Variable[] {
    return familyVariables(this.networks);
  }

  dispose(): void {
    this.discardPrepared();
    this.lastZ?.dispose();
    this.lastZ = null;
    tf.dispose(this.variables());
    this.optimizer.dispose();
  }
}
