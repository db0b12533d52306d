import { blindsrSchema, type BlindSrConfig } from '../core/blindsr/config';
import { BlindSrTrainer } from '../core/blindsr/trainer';
import { LightBsrTrainer } from '../core/blindsr/lightbsr';
import type { BlindSrSample } from '../core/blindsr/types';
import type { RgbImage } from '../core/image';
import { TrainerRunner, type LabRunner, type Outgoing } from './lab-runner';
import { transferables } from './transferables';
import { previewBlindSrSamples } from './stage-probe';
import { DataThread } from './data-thread';

export class BlindSrRunner
  extends TrainerRunner<BlindSrConfig, BlindSrTrainer>
  implements LabRunner
{
  readonly evaluateEvery = 20;
  /** a batch drawn for stage mode before the first step (nothing trained on yet) */
  private previewSamples: BlindSrSample[] | null = null;

  /** draws each step's batch while the step before trains (null where workers cannot start workers) */
  private readonly dataThread = typeof Worker === 'undefined' ? null : new DataThread();

  constructor(config: BlindSrConfig, pool: RgbImage[]) {
    super(new BlindSrTrainer(config, pool), 'blindsr', blindsrSchema);
    if (this.dataThread) this.trainer.drawAhead(this.dataThread.prepare);
  }

  dispose(): void {
    this.dataThread?.dispose();
    super.dispose();
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
