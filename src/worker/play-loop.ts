import { nextTick, type SerialQueue } from './serial';

/** What Play needs from the training loop. */
export interface PlayHost {
  readonly serial: SerialQueue;
  /** Play is on and training has not failed */
  playing(): boolean;
  step(): number;
  /** one step, with its loss, snapshot and (when due) evaluation posted */
  trainOnce(): Promise<void>;
  /** the budget is spent: Play turns itself off and the page gets this step evaluated */
  endBudget(): Promise<void>;
  fail(error: unknown): void;
}

/**
 * Play: awaited steps one after another while the host is playing, each in turn with the
 * model's other operations, so messages are handled between steps; with a budget (a
 * lesson step's), it ends by itself after that step.
 */
export class PlayLoop {
  /** Play stops after this step; null: until paused */
  until: number | null = null;
  /** the loop while it runs */
  current: Promise<void> | null = null;

  constructor(private readonly host: PlayHost) {}

  get budgetSpent(): boolean {
    return this.until !== null && this.host.step() >= this.until;
  }

  start(): void {
    this.current ??= this.loop().finally(() => {
      this.current = null;
      // Play pressed again while the last loop was ending
      if (this.host.playing()) this.start();
    });
  }

  private async loop(): Promise<void> {
    const host = this.host;
    try {
      while (host.playing()) {
        await host.serial.run(() => host.trainOnce());
        if (host.playing() && this.budgetSpent) await host.endBudget();
        await nextTick();
      }
    } catch (error) {
      host.fail(error);
    }
  }
}
