import * as tf from '@tensorflow/tfjs-core';
import type { Variable } from '@tensorflow/tfjs-core';
import type { LabId } from '../core/app-types';
import { applyLiveChange, type LabSchema } from '../core/settings';
import type { LiveChange, WorkerEvent } from './protocol';

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
    /** Blind-SR: the step's batch was drawn ahead on the data thread */
    drawnAhead?: boolean;
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
export interface LabTrainer<C> {
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
export abstract class TrainerRunner<C, T extends LabTrainer<C>> {
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
