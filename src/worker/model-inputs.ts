import type { Dataset } from '../data/dataset';
import { unpackDataset } from '../data/payload';
import { makeRecipeDataset } from '../data/recipes';
import { sanitizeLab, withLiveChange } from './labs';
import type { LabConfig, LoopMessage } from './protocol';
import { markStartup } from './startup-marks';

type InputMessage = Extract<LoopMessage, { type: 'setData' | 'makeData' | 'configure' | 'update' }>;

/**
 * What the next model is built from — the lab's settings and its images, as the page sends
 * them — and one rebuild for a burst of changes (a lab switch sends configure and data): a
 * rebuild still waiting in the queue reads the latest of both when it runs.
 */
export class ModelInputs {
  dataset: Dataset | null = null;
  labConfig: LabConfig | null = null;
  private rebuildQueued = false;

  constructor(
    /** queues an operation in turn with the model's others */
    private readonly queue: (operation: () => Promise<void>) => void,
    private readonly rebuild: () => Promise<void>,
  ) {}

  /** A message that changes what the model is built from; live changes need no rebuild. */
  take(message: InputMessage): void {
    switch (message.type) {
      case 'setData':
      case 'makeData':
        this.dataset =
          message.type === 'setData'
            ? unpackDataset(message.dataset)
            : makeRecipeDataset(message.recipe);
        markStartup('worker:data-received');
        return this.queueRebuild();
      case 'configure':
        this.labConfig = sanitizeLab(message);
        return this.queueRebuild();
      case 'update':
        this.labConfig = withLiveChange(this.labConfig, message);
    }
  }

  queueRebuild(): void {
    if (this.rebuildQueued) return;
    this.rebuildQueued = true;
    this.queue(() => {
      this.rebuildQueued = false;
      return this.rebuild();
    });
  }
}
