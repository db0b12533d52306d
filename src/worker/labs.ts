import { blindsrSchema, sanitizeBlindSrConfig, type BlindSrConfig } from '../core/blindsr/config';
import { BlindSrTrainer } from '../core/blindsr/trainer';
import { LightBsrTrainer } from '../core/blindsr/lightbsr';
import type { RgbImage } from '../core/image';
import { sanitizeSimclrConfig, simclrSchema, type SimclrConfig } from '../core/simclr/config';
import { applyLiveChange, type LabSchema } from '../core/settings';
import { SimclrTrainer, startSimclr, type SimclrStart } from '../core/simclr/trainer';
import type { Dataset } from '../data/dataset';
import type { BlindSrSample } from '../core/blindsr/types';
import type { LabId } from '../core/app-types';
import type { LabConfig, LiveChange, WorkerEvent } from './protocol';
import { previewBlindSrSamples } from './stage-probe';
import * as tf from '@tensorflow/tfjs-core';
import type { Variable } from '@tensorflow/tfjs-core';

/**
 * The buffers of these arrays that can be handed to the page whole: each array alone in its
 * own (not a view into a larger buffer, not shared memory), each buffer once.
 */
export function transferables(arrays: ArrayBufferView[]): ArrayBuffer[] {
  const whole = (array: ArrayBufferView) =>
    array.buffer instanceof ArrayBuffer &&
    array.byteOffset === 0 &&
    array.byteLength === array.buffer.byteLength &&
    array.byteLength > 0;
  // a buffer another array only views part of stays (detached, that view could not be sent)
  const viewed = new Set(arrays.filter((array) => !whole(array)).map((array) => array.buffer));
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays)
    if (whole(array) && !viewed.has(array.buffer)) buffers.add(array.buffer as ArrayBuffer);
  return [...buffers];
}

/**
 * What the worker's loop needs from a lab: one training step, a snapshot (plain data and
 * its transferable buffers), an evaluation, live changes. One per lab; the loop is shared.
 */
export interface Outgoing {
  message: WorkerEvent;
  transfer: Transferable[];
}

export interface LabRunner {
  readonly step: number;
  trainStep(): Promise<{
    step: number;
    loss: number;
    milliseconds: number;
    augmentMilliseconds: number;
  }>;
  snapshot(): Promise<Outgoing | null>;
  evaluate(): Promise<Outgoing>;
  /** steps between evaluations */
  readonly evaluateEvery: number;
  update(change: LiveChange): void;
  /** show the next batch without training on it (stage mode) */
  preview(): Promise<void>;
  /** step 1's gradients, computed ahead while the page draws (optional; Play applies them) */
  warmUp?(): void;
  /**
   * Draws the next slice of the images an evaluation reads (optional: images drawn on first
   * reading); true once all are drawn.
   */
  drawEvaluationImages?(): boolean;
  /** every variable, in a fixed order (weights export / import) */
  variables(): Variable[];
  /** test hook: the first weight becomes NaN */
  poison(): void;
  dispose(): void;
}

/** What every lab's trainer offers its runner. */
interface LabTrainer<C> {
  readonly config: C;
  readonly step: number;
  trainStep(): ReturnType<LabRunner['trainStep']>;
  update(change: Partial<C>): void;
  variables(): Variable[];
  /** drops work done ahead on the current weights (SimCLR's prepared step 1) */
  discardPrepared?(): void;
  dispose(): void;
}

/**
 * What the runners share, the lab being data: its id and settings schema (a live change for
 * another lab is ignored; one for this lab is checked against the schema — a message may
 * come from anywhere — and handed to the trainer), stepping, weights, the poison hook.
 */
abstract class TrainerRunner<C, T extends LabTrainer<C>> {
  abstract readonly evaluateEvery: number;

  protected constructor(
    readonly trainer: T,
    private readonly lab: LabId,
    private readonly schema: LabSchema<C>,
  ) {}

  get step(): number {
    return this.trainer.step;
  }

  trainStep() {
    return this.trainer.trainStep();
  }

  update(change: LiveChange): void {
    if (change.lab !== this.lab) return;
    // only settings that keep the model's shapes; the rest rebuild through 'configure'
    this.trainer.update(applyLiveChange(this.schema, this.trainer.config, change.change));
  }

  variables(): Variable[] {
    return this.trainer.variables();
  }

  /** test hook: the first weight becomes NaN */
  poison(): void {
    const first = this.trainer.variables()[0];
    if (first) tf.tidy(() => first.assign(tf.fill(first.shape, NaN)));
    this.trainer.discardPrepared?.();
  }

  dispose(): void {
    this.trainer.dispose();
  }
}

export class SimclrRunner extends TrainerRunner<SimclrConfig, SimclrTrainer> implements LabRunner {
  readonly evaluateEvery = 25;

  private constructor(trainer: SimclrTrainer) {
    super(trainer, 'simclr', simclrSchema);
  }

  /** The trainer's settings for this data set: no batch larger than the data set. */
  static trainerConfig(config: SimclrConfig, dataset: Dataset): SimclrConfig {
    return { ...config, batchSize: Math.min(config.batchSize, dataset.images.length) };
  }

  static async create(
    config: SimclrConfig,
    dataset: Dataset,
    start?: SimclrStart,
  ): Promise<SimclrRunner> {
    const trainer = new SimclrTrainer(SimclrRunner.trainerConfig(config, dataset), dataset, start);
    await trainer.preview();
    return new SimclrRunner(trainer);
  }

  warmUp(): void {
    this.trainer.warmUp();
  }

  drawEvaluationImages(): boolean {
    return this.trainer.drawEvaluationImages();
  }

  preview() {
    return this.trainer.preview();
  }

  async snapshot(): Promise<Outgoing | null> {
    const snapshot = await this.trainer.snapshot();
    return snapshot
      ? {
          message: { type: 'snapshot', snapshot },
          transfer: [snapshot.views.buffer, snapshot.similarity.buffer],
        }
      : null;
  }

  async evaluate(): Promise<Outgoing> {
    const embedding = await this.trainer.evaluate();
    return { message: { type: 'embedding', embedding }, transfer: [embedding.points.buffer] };
  }
}

export class BlindSrRunner
  extends TrainerRunner<BlindSrConfig, BlindSrTrainer>
  implements LabRunner
{
  readonly evaluateEvery = 20;
  /** a batch drawn for stage mode before the first step (nothing trained on yet) */
  private previewSamples: BlindSrSample[] | null = null;

  constructor(config: BlindSrConfig, pool: RgbImage[]) {
    super(new BlindSrTrainer(config, pool), 'blindsr', blindsrSchema);
  }

  /** Blind-SR stages are shown on the last step's data; before the first, on a drawn batch. */
  async preview(): Promise<void> {
    if (this.trainer.step === 0 && !this.previewSamples)
      this.previewSamples = await previewBlindSrSamples(this.trainer);
  }

  async snapshot(): Promise<Outgoing | null> {
    const snapshot = this.trainer.snapshot();
    const { queue } = snapshot;
    const arrays: ArrayBufferView[] = [queue.sigma, queue.noise, queue.enteredAt, queue.weights];
    if (snapshot.samples.length === 0 && this.previewSamples)
      // kept for the snapshots to come until the first step: copied, not handed over
      snapshot.samples = this.previewSamples;
    else
      for (const sample of snapshot.samples)
        arrays.push(
          sample.hr,
          sample.low,
          sample.kernel,
          ...(sample.partnerLow ? [sample.partnerLow] : []),
        );
    // ~0.7 MB a snapshot, 10 a second: transferred, neither thread copies it
    return { message: { type: 'blindsrSnapshot', snapshot }, transfer: transferables(arrays) };
  }

  async evaluate(): Promise<Outgoing> {
    const evaluation = await this.trainer.evaluate(this.trainer.config.stage === 2);
    return {
      message: { type: 'blindsrEvaluation', evaluation },
      transfer: [evaluation.points.buffer],
    };
  }
}

/**
 * The Blind-SR lab's LightBSR pipeline in the worker: teacher contrast, student
 * distillation (with the contrast-only control), SR on the students.
 */
export class LightBsrRunner
  extends TrainerRunner<BlindSrConfig, LightBsrTrainer>
  implements LabRunner
{
  readonly evaluateEvery = 20;
  private previewSamples: BlindSrSample[] | null = null;

  constructor(config: BlindSrConfig, pool: RgbImage[]) {
    super(new LightBsrTrainer(config, pool), 'blindsr', blindsrSchema);
  }

  /** Before the current stage's first step, stage mode shows a batch drawn the same way. */
  async preview(): Promise<void> {
    this.previewSamples ??= await previewBlindSrSamples(this.trainer);
  }

  /** What the current stage trains on (stage mode): prior map, teacher targets or SR pairs. */
  async snapshot(): Promise<Outgoing | null> {
    if (!this.previewSamples) return null;
    const batch = this.trainer.stageBatch(this.previewSamples);
    return { message: { type: 'lightbsrBatch', batch }, transfer: [] };
  }

  async evaluate(): Promise<Outgoing> {
    const report = this.trainer.report(await this.trainer.evaluate());
    return { message: { type: 'lightbsrEvaluation', report }, transfer: [] };
  }
}

/** Sanitised once more at the worker boundary: a message may come from anywhere. */
export function sanitizeLab(message: LabConfig): LabConfig {
  return message.lab === 'simclr'
    ? { lab: 'simclr', config: sanitizeSimclrConfig(message.config) }
    : { lab: 'blindsr', config: sanitizeBlindSrConfig(message.config) };
}

/** The lab's settings after a live change (one for another lab changes nothing). */
export function withLiveChange(labConfig: LabConfig | null, change: LiveChange): LabConfig | null {
  if (labConfig?.lab !== change.lab) return labConfig;
  return sanitizeLab({
    ...labConfig,
    config: { ...labConfig.config, ...change.change },
  } as LabConfig);
}

/** A model for the lab, configuration and data. */
/**
 * The part of building a lab's model that needs no tfjs, done ahead (the worker does it while
 * its backend still starts): SimCLR's seeded streams and first batch. What `createRunner`
 * builds with it is the same as without.
 */
export interface RunnerStart {
  labConfig: LabConfig;
  dataset: Dataset;
  simclr: SimclrStart | null;
}

export function prepareRunner(labConfig: LabConfig, dataset: Dataset): RunnerStart {
  const simclr =
    labConfig.lab === 'simclr' && dataset.images.length >= 2
      ? startSimclr(SimclrRunner.trainerConfig(labConfig.config, dataset), dataset, {
          drawFirstBatch: true,
        })
      : null;
  return { labConfig, dataset, simclr };
}

/** `start`: prepareRunner's, used only if it was prepared from these same inputs. */
export async function createRunner(
  labConfig: LabConfig,
  dataset: Dataset,
  start?: RunnerStart | null,
): Promise<LabRunner> {
  if (dataset.images.length < 2) throw new Error('at least 2 images are needed');
  const prepared = start?.labConfig === labConfig && start.dataset === dataset ? start : null;
  return labConfig.lab === 'simclr'
    ? SimclrRunner.create(labConfig.config, dataset, prepared?.simclr ?? undefined)
    : labConfig.config.pipeline === 'lightbsr'
      ? new LightBsrRunner(labConfig.config, dataset.images)
      : new BlindSrRunner(labConfig.config, dataset.images);
}
