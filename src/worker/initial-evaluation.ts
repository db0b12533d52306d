import type { LabRunner } from './lab-runner';

/**
 * The step-0 SimCLR evaluation (~0.6 s on wasm), held until the page has drawn the first
 * snapshot (its ack: Play is enabled by then) and `delay` ms have passed. A timer from the
 * snapshot's send ran out while a busy page was still rendering, and the evaluation then
 * held back a Play pressed the moment it was enabled.
 */
export class InitialEvaluation {
  private armedFor: LabRunner | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly delay: number,
    /** runs when the time has come, with the model it was armed for */
    private readonly due: (runner: LabRunner) => void,
  ) {}

  /** A new model (or none): the old one's evaluation is dropped. Arm before its snapshot goes. */
  arm(runner: LabRunner | null): void {
    this.cancel();
    this.armedFor = runner;
  }

  /** The page drew the first snapshot of the armed model. */
  acknowledged(): void {
    const runner = this.armedFor;
    this.armedFor = null;
    if (!runner) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.due(runner);
    }, this.delay);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = null;
  }
}
