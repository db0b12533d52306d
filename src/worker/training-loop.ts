import { errorMessage, failureCode } from './failures';
import type { LabRunner } from './lab-runner';
import { createRunner, prepareRunner } from './labs';
import { ModelInputs } from './model-inputs';
import { Presentation } from './presentation';
import type {
  LoopMessage,
  RequestOf,
  RequestType,
  WorkerErrorCode,
  WorkerToPage,
} from './protocol';
import { replyInTurn, type RequestHost } from './requests';
import { PlayLoop } from './play-loop';
import { SerialQueue } from './serial';
import { InitialEvaluation } from './initial-evaluation';
import { markStartup } from './startup-marks';

/**
 * The training state and its rules, free of `self` and the DOM: it runs on whatever tfjs
 * backend is current and speaks only through `post`, so node tests drive it on `cpu`.
 * Training runs as a loop of awaited steps; messages are handled between steps, and the
 * operations that touch the model run one after another, never interleaved.
 */
export type Post = (message: WorkerToPage, transfer?: Transferable[]) => void;

export interface TrainingLoopOptions {
  post: Post;
  /** ms between snapshots while playing (~10 per second) */
  snapshotInterval?: number;
  /** ms after the page drew the first snapshot before the step-0 SimCLR evaluation (~0.6 s on wasm) */
  initialEvaluationDelay?: number;
}

export class TrainingLoop {
  private readonly post: Post;
  private backendReady: Promise<void> | null = null;
  private runner: LabRunner | null = null;
  private readonly presentation: Presentation;
  private running = false;
  private failed = false;
  /** the WebGPU device is gone: every later tfjs error is a consequence, not news */
  private lost = false;
  private readonly initialEvaluation: InitialEvaluation;
  private readonly inputs = new ModelInputs(
    (operation) => this.queue(operation),
    () => this.rebuild(),
  );
  private readonly serial = new SerialQueue();
  private readonly player = new PlayLoop({
    serial: this.serial,
    playing: () => this.running && !this.failed,
    step: () => this.step,
    trainOnce: () => this.trainOnce(),
    endBudget: () => {
      this.running = false;
      return this.serial.run(() => this.finishBudget());
    },
    fail: (error) => this.fail(error),
  });

  constructor(options: TrainingLoopOptions) {
    this.post = options.post;
    this.presentation = new Presentation(
      ({ message, transfer }) => this.post(message, transfer),
      options.snapshotInterval ?? 100,
    );
    this.initialEvaluation = new InitialEvaluation(
      options.initialEvaluationDelay ?? 250,
      (built) => {
        if (!this.running && this.runner === built && !this.presentation.evaluated)
          this.queue(() => this.evaluate());
      },
    );
  }

  get step(): number {
    return this.runner?.step ?? 0;
  }

  /** Models are built once `ready` resolves (the backend has started). */
  startAfter(ready: Promise<void>): void {
    this.backendReady = ready;
  }

  backendFailed(message: string): void {
    this.failed = true;
    this.post({ type: 'error', code: 'backend', message });
  }

  /**
   * A lost WebGPU device (driver reset, GPU removed or out of memory, or destroyed by the
   * test hook) ends this backend for good: one clear message, then the page restarts the
   * worker on the same or another backend, with the settings and images it kept.
   */
  deviceLost(message: string): void {
    if (this.lost) return;
    this.lost = true;
    this.stop('deviceLost', message);
  }

  /** Any failure: training stops with a message the page shows. */
  fail(error: unknown): void {
    if (this.lost) return;
    const message = errorMessage(error);
    this.stop(failureCode(message), message);
  }

  /** Test hook: the first weight becomes NaN, so the next step's loss is not finite. */
  poison(): void {
    this.queue(async () => this.runner?.poison());
  }

  /** Resolves once every queued operation has finished (tests; nothing waits on a timer). */
  async idle(): Promise<void> {
    do {
      await this.player.current;
      await this.serial.drained();
    } while (this.player.current);
  }

  dispose(): void {
    this.running = false;
    this.initialEvaluation.cancel();
    this.runner?.dispose();
    this.runner = null;
  }

  handle(message: LoopMessage): void {
    switch (message.type) {
      case 'setData':
      case 'makeData':
      case 'configure':
        this.inputs.take(message);
        return;
      case 'update':
        this.inputs.take(message);
        this.runner?.update(message);
        return;
      case 'play':
        markStartup('worker:play-received');
        if (this.failed || !this.runner) return;
        this.player.until = message.until ?? null;
        if (this.player.budgetSpent) {
          this.queue(() => this.finishBudget());
          return;
        }
        this.running = true;
        this.postStatus();
        this.player.start();
        return;
      case 'pause':
        this.running = false;
        // reported once the step in flight has finished: the count shown is then final;
        // paused before the first evaluation (its images still being drawn), it comes first,
        // so that a run pinned at once keeps its kNN
        this.queue(async () => {
          if (this.runner && !this.presentation.evaluated) await this.evaluate();
          this.postStatus();
        });
        return;
      case 'step':
        this.running = false;
        this.queue(async () => void (await this.stepOnce()));
        return;
      case 'preview':
        this.queue(async () => {
          if (!this.runner) return;
          await this.runner.preview();
          await this.present({ evaluated: false });
        });
        return;
      case 'reset':
        this.running = false;
        this.failed = false;
        this.inputs.queueRebuild();
        return;
      case 'ack':
        this.initialEvaluation.acknowledged();
        if (this.presentation.acknowledged() && !this.running)
          this.queue(() => this.snapshot(true));
        return;
      case 'evaluate':
        this.presentation.forgetEvaluation();
        this.queue(() => this.evaluate());
        return;
      default:
        this.request(message);
    }
  }

  /** One reply per request, in turn with the model's other operations (requests.ts). */
  private request(message: RequestOf<RequestType>): void {
    const host: RequestHost = {
      runner: this.runner,
      lab: this.inputs.labConfig?.lab ?? null,
      step: () => this.stepOnce(),
      repaint: async (runner) => {
        await runner.preview();
        await this.present({ evaluated: true });
      },
    };
    replyInTurn(this.serial, message, host, this.post, (error) => this.fail(error));
  }

  /** One step as the Step button takes it, its status posted; false when training failed. */
  private async stepOnce(): Promise<boolean> {
    this.running = false;
    await this.trainOnce();
    this.postStatus();
    return !this.failed;
  }

  private stop(code: WorkerErrorCode, message: string): void {
    this.running = false;
    this.failed = true;
    this.post({ type: 'error', code, message });
    this.postStatus();
  }

  private postStatus(): void {
    this.post({ type: 'status', running: this.running, step: this.step });
  }

  private queue(operation: () => Promise<void>): void {
    this.serial.run(operation).catch((error) => this.fail(error));
  }

  /** A new model for the current lab, configuration and data; the old one is freed first. */
  private async rebuild(): Promise<void> {
    if (!this.inputs.dataset || !this.inputs.labConfig || !this.backendReady) return;
    // what needs no tfjs first: on a fresh page the backend is still compiling meanwhile
    const start = prepareRunner(this.inputs.labConfig, this.inputs.dataset);
    markStartup('worker:first-batch-drawn');
    await this.backendReady;
    this.initialEvaluation.cancel();
    this.runner?.dispose();
    this.runner = null;
    // the latest of both: either may have changed while the backend started (then the
    // start, prepared from others, is not used)
    const { dataset, labConfig } = this.inputs;
    if (!dataset || !labConfig) return;
    this.runner = await createRunner(labConfig, dataset, start);
    markStartup('worker:model-built');
    // armed before the snapshot goes: the page's ack of it may come at once
    this.initialEvaluation.arm(labConfig.lab === 'simclr' ? this.runner : null);
    this.presentation.restart(labConfig.lab === 'simclr');
    this.postStatus();
    await this.snapshot(true);
    markStartup('worker:first-snapshot-sent');
    // the Blind-SR page becomes ready with its first evaluation
    if (labConfig.lab === 'blindsr') {
      await this.evaluate();
      markStartup('worker:first-evaluation-sent');
      return;
    }
    // the SimCLR page enables Play on the snapshot above; while it draws it, step 1's
    // gradients are computed (warmUp: a Play pressed at once waits for them and applies
    // them); Play goes before evaluating
    const built = this.runner;
    this.queue(async () => {
      if (this.runner !== built) return;
      built.warmUp?.();
      markStartup('worker:warm-up-done');
    });
  }

  private async snapshot(force = false): Promise<void> {
    if (this.runner) await this.presentation.snapshot(this.runner, force);
  }

  private async evaluate(): Promise<void> {
    if (this.runner) await this.presentation.evaluate(this.runner);
  }

  private async trainOnce(): Promise<void> {
    const runner = this.runner;
    if (!runner) return;
    const result = await runner.trainStep();
    this.post({ type: 'loss', ...result });
    this.presentation.changed();
    if (!Number.isFinite(result.loss)) {
      this.stop('nonFinite', `loss became ${result.loss} at step ${result.step}`);
      return;
    }
    await this.snapshot(!this.running);
    if (this.presentation.evaluationDue(runner, this.running)) await this.evaluate();
  }

  /** The budget is spent: the page gets the last batch and an evaluation of this step. */
  private async finishBudget(): Promise<void> {
    this.player.until = null;
    await this.present({ evaluated: true });
    this.postStatus();
  }

  private async present(evaluated: { evaluated: boolean }): Promise<void> {
    if (this.runner) await this.presentation.present(this.runner, evaluated);
  }
}
