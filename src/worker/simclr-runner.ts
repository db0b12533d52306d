import { simclrSchema, type SimclrConfig } from '../core/simclr/config';
import type { SimclrStart } from '../core/simclr/start';
import { SimclrTrainer } from '../core/simclr/trainer';
import type { Dataset } from '../data/dataset';
import { TrainerRunner, type LabRunner, type Outgoing } from './lab-runner';

/** SimCLR (and MoCo, SimSiam, BYOL) as the worker's loop drives it. */
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
