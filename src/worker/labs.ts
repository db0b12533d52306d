import { sanitizeBlindSrConfig } from '../core/blindsr/config';
import { sanitizeSimclrConfig } from '../core/simclr/config';
import { startSimclr, type SimclrStart } from '../core/simclr/start';
import type { Dataset } from '../data/dataset';
import { BlindSrRunner, LightBsrRunner } from './blindsr-runners';
import type { LabRunner } from './lab-runner';
import type { LabConfig, LiveChange } from './protocol';
import { SimclrRunner } from './simclr-runner';

// A lab's model from the page's messages: its settings sanitised at the worker boundary, live
// changes applied, the runner built (lab-runner.ts: what the loop needs from a lab;
// simclr-runner.ts and blindsr-runners.ts: the runners).

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

/** A model for the lab, configuration and data; `start`: prepareRunner's, used only if it
 * was prepared from these same inputs. */
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
