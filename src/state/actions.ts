import type { SimclrConfig } from '../core/simclr';
import { loadDataset } from '../data/load';
import { packDataset } from '../data/payload';
import type { BackendName } from '../worker/backend-choice';
import { TrainingClient } from '../worker/client';
import type { WorkerToPage } from '../worker/protocol';
import { needsRebuild, type AppConfig } from './config';
import { emptyHistory } from './history';
import {
  initialRun,
  recordEmbedding,
  recordLoss,
  recordSnapshot,
  resetPacing,
  setRun,
  useStore,
} from './store';

/**
 * The one path from controls to the worker: control → store → client → worker.
 * Messages from the worker land in the store; panels only read the store.
 */
let client: TrainingClient | null = null;

function onWorkerMessage(message: WorkerToPage): void {
  switch (message.type) {
    case 'ready':
      setRun({ backend: message.backend });
      return;
    case 'status':
      setRun({ running: message.running, step: message.step });
      if (message.step === 0) resetPacing();
      return;
    case 'loss':
      recordLoss(message.step, message.loss, message.milliseconds, message.augmentMilliseconds);
      return;
    case 'snapshot':
      recordSnapshot(message.snapshot);
      // acknowledge after the panels had a frame to draw it: latest-wins pacing
      requestAnimationFrame(() => client?.send({ type: 'ack' }));
      return;
    case 'embedding':
      recordEmbedding(message.embedding);
      return;
    case 'error':
      setRun({ error: { code: message.code, message: message.message }, running: false });
      return;
    case 'profile':
      useStore.setState({ profile: message.kernels });
      return;
    case 'heartbeat':
      setRun({ memory: { numTensors: message.numTensors, bytes: message.bytes } });
      return;
  }
}

function clearRun(keepBackend: boolean): void {
  const backend = keepBackend ? useStore.getState().run.backend : null;
  useStore.setState({
    run: { ...initialRun, backend },
    history: emptyHistory,
    snapshot: null,
    embedding: null,
  });
  resetPacing();
}

async function sendDataset(): Promise<void> {
  const { config } = useStore.getState();
  const dataset = await loadDataset(config.dataset, config.simclr.seed);
  useStore.setState({ dataset });
  client?.sendData(packDataset(dataset));
}

/** Starts (or restarts) the worker with the current configuration and data. */
export async function startTraining(
  backend: BackendName | null = useStore.getState().config.backend,
): Promise<void> {
  client?.stop();
  clearRun(false);
  client = new TrainingClient(onWorkerMessage);
  client.start(backend);
  client.send({ type: 'configure', config: useStore.getState().config.simclr });
  await sendDataset();
}

export function play(): void {
  client?.send({ type: 'play' });
}

export function pause(): void {
  client?.send({ type: 'pause' });
}

export function step(): void {
  client?.send({ type: 'step' });
}

export function reset(): void {
  clearRun(true);
  client?.send({ type: 'reset' });
}

export function evaluateNow(): void {
  client?.send({ type: 'evaluate' });
}

/** Live settings go to the running model; batch size, image size and seed rebuild it. */
export function updateSimclr(change: Partial<SimclrConfig>): void {
  const before = useStore.getState().config;
  const simclr = {
    ...before.simclr,
    ...change,
    augment: { ...before.simclr.augment, ...change.augment },
  };
  useStore.setState({ config: { ...before, simclr } });
  if (needsRebuild(before.simclr, simclr)) {
    clearRun(true);
    client?.send({ type: 'configure', config: simclr });
    if (simclr.seed !== before.simclr.seed) void sendDataset();
  } else {
    client?.send({
      type: 'update',
      change: {
        temperature: simclr.temperature,
        learningRate: simclr.learningRate,
        noNegatives: simclr.noNegatives,
        augment: simclr.augment,
      },
    });
  }
}

export function updateConfig(change: Partial<Omit<AppConfig, 'simclr'>>): void {
  const before = useStore.getState().config;
  useStore.setState({ config: { ...before, ...change } });
  if (change.dataset && change.dataset !== before.dataset) {
    clearRun(true);
    void sendDataset();
  }
}

/** Test hooks (e2e): a dead worker, a poisoned model. */
export const debugHooks = {
  killWorker: () => client?.kill(),
  crashWorker: () => client?.send({ type: 'debugCrash' }),
  poison: () => client?.send({ type: 'debugPoison' }),
  profile: () => client?.send({ type: 'debugProfile' }),
};
