import type { LabRunner, Outgoing } from './lab-runner';

/**
 * When the page gets a snapshot and an evaluation of the model. Snapshots are
 * latest-wins: one in flight at most, the next only after the page acknowledges, at most
 * one per `interval` ms while playing. Evaluations come every `evaluateEvery` steps.
 */
export class Presentation {
  private snapshotInFlight = false;
  private snapshotDue = false;
  private lastSnapshotAt = -Infinity;
  private lastEvaluatedStep = -1;

  constructor(
    private readonly send: (outgoing: Outgoing) => void,
    private readonly interval: number,
  ) {}

  /** A new model: nothing of it evaluated yet; `snapshotDue` when it shows a batch at once. */
  restart(snapshotDue: boolean): void {
    this.lastEvaluatedStep = -1;
    this.snapshotDue = snapshotDue;
  }

  /** The model or the batch on screen changed: the next snapshot may go. */
  changed(): void {
    this.snapshotDue = true;
  }

  /** The page drew the last snapshot; true when a newer one is waiting. */
  acknowledged(): boolean {
    this.snapshotInFlight = false;
    return this.snapshotDue;
  }

  get evaluated(): boolean {
    return this.lastEvaluatedStep !== -1;
  }

  /** The next `evaluate` runs even without a step since the last one. */
  forgetEvaluation(): void {
    this.lastEvaluatedStep = -1;
  }

  /**
   * An evaluation is due after this step: never evaluated (Play came before the step-0
   * evaluation), or `evaluateEvery` steps since the last. While playing, the data set's images
   * are drawn a slice a step first (the built-in shapes are drawn when first read: all at once,
   * the first evaluation held training up for ~0.5 s after step 1); it waits until all are.
   */
  evaluationDue(runner: LabRunner, playing: boolean): boolean {
    if (playing && !(runner.drawEvaluationImages?.() ?? true)) return false;
    return !this.evaluated || runner.step - this.lastEvaluatedStep >= runner.evaluateEvery;
  }

  /** Sends a snapshot when one is due and none is in flight; `force` skips the interval. */
  async snapshot(runner: LabRunner, force = false): Promise<void> {
    if (this.snapshotInFlight || !this.snapshotDue) return;
    if (!force && performance.now() - this.lastSnapshotAt < this.interval) return;
    const outgoing = await runner.snapshot();
    if (!outgoing) return;
    this.snapshotDue = false;
    this.snapshotInFlight = true;
    this.lastSnapshotAt = performance.now();
    this.send(outgoing);
  }

  /** Evaluates once per step at most. */
  async evaluate(runner: LabRunner): Promise<void> {
    if (runner.step === this.lastEvaluatedStep) return;
    this.lastEvaluatedStep = runner.step;
    this.send(await runner.evaluate());
  }

  /** The page gets the model's batch as it is now and, if `evaluated`, a fresh evaluation. */
  async present(runner: LabRunner, { evaluated }: { evaluated: boolean }): Promise<void> {
    this.changed();
    await this.snapshot(runner, true);
    if (!evaluated) return;
    this.forgetEvaluation();
    await this.evaluate(runner);
  }
}
