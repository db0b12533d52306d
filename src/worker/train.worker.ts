/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import {
  sanitizeAugment,
  sanitizeSimclrConfig,
  clampNumber,
  simclrLimits,
} from '../core/simclr-config';
import { SimclrTrainer, type SimclrConfig } from '../core/simclr';
import { unpackDataset } from '../data/payload';
import type { Dataset } from '../data/dataset';
import { chooseAndStartBackend } from './backends';
import type { LiveSimclrChange, PageToWorker, WorkerToPage } from './protocol';

/**
 * The only place that owns tfjs at run time. Training runs as a loop of awaited steps;
 * messages are handled between steps. Snapshots are latest-wins: one in flight at most,
 * the next only after the page acknowledges, at most ~10 per second.
 */
declare const self: DedicatedWorkerGlobalScope;

const snapshotInterval = 100; // ms
const evaluateEvery = 25; // steps
const heartbeatInterval = 1000; // ms

let backendReady: Promise<void> | null = null;
let dataset: Dataset | null = null;
let config: SimclrConfig | null = null;
let trainer: SimclrTrainer | null = null;
let running = false;
let loopActive = false;
let snapshotInFlight = false;
let snapshotDue = false;
let lastSnapshotAt = 0;
let lastEvaluatedStep = -1;
let failed = false;

function post(message: WorkerToPage, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/** Operations that touch the trainer run one after another, never interleaved. */
let chain: Promise<unknown> = Promise.resolve();
function exclusive<T>(operation: () => Promise<T>): Promise<T> {
  const next = chain.then(operation);
  chain = next.catch(() => undefined);
  return next;
}

function reportError(error: unknown): void {
  running = false;
  const message = error instanceof Error ? error.message : String(error);
  const outOfMemory = /out of memory|allocation|memory access out of bounds|OOM/i.test(message);
  failed = true;
  post({ type: 'error', code: outOfMemory ? 'outOfMemory' : 'crash', message });
  post({ type: 'status', running: false, step: trainer?.step ?? 0 });
}

const nextTick = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

async function rebuild(): Promise<void> {
  if (!dataset || !config || !backendReady) return;
  await backendReady;
  trainer?.dispose();
  trainer = null;
  const maxBatch = dataset.images.length;
  trainer = new SimclrTrainer(
    { ...config, batchSize: Math.min(config.batchSize, maxBatch) },
    dataset,
  );
  lastEvaluatedStep = -1;
  await trainer.preview();
  snapshotDue = true;
  post({ type: 'status', running, step: 0 });
  await maybeSnapshot(true);
  await evaluate();
}

async function maybeSnapshot(force = false): Promise<void> {
  if (!trainer || snapshotInFlight || !snapshotDue) return;
  if (!force && performance.now() - lastSnapshotAt < snapshotInterval) return;
  const snapshot = await trainer.snapshot();
  if (!snapshot) return;
  snapshotDue = false;
  snapshotInFlight = true;
  lastSnapshotAt = performance.now();
  post({ type: 'snapshot', snapshot }, [snapshot.views.buffer, snapshot.similarity.buffer]);
}

async function evaluate(): Promise<void> {
  if (!trainer || trainer.step === lastEvaluatedStep) return;
  lastEvaluatedStep = trainer.step;
  const embedding = await trainer.evaluate();
  post({ type: 'embedding', embedding }, [embedding.points.buffer]);
}

async function trainOnce(): Promise<void> {
  if (!trainer) return;
  const result = await trainer.trainStep();
  post({ type: 'loss', ...result });
  snapshotDue = true;
  if (!Number.isFinite(result.loss)) {
    running = false;
    post({
      type: 'error',
      code: 'nonFinite',
      message: `loss became ${result.loss} at step ${result.step}`,
    });
    post({ type: 'status', running: false, step: result.step });
    await maybeSnapshot(true);
    return;
  }
  await maybeSnapshot(!running);
  if (trainer.step - lastEvaluatedStep >= evaluateEvery) await evaluate();
}

async function loop(): Promise<void> {
  if (loopActive) return;
  loopActive = true;
  try {
    while (running && trainer && !failed) {
      await exclusive(trainOnce);
      await nextTick();
    }
  } catch (error) {
    reportError(error);
  } finally {
    loopActive = false;
  }
}

function applyLiveChange(change: LiveSimclrChange): void {
  if (!config) return;
  const clean: LiveSimclrChange = {};
  if (change.temperature !== undefined)
    clean.temperature = clampNumber(
      change.temperature,
      simclrLimits.temperature.min,
      simclrLimits.temperature.max,
      config.temperature,
    );
  if (change.learningRate !== undefined)
    clean.learningRate = clampNumber(
      change.learningRate,
      simclrLimits.learningRate.min,
      simclrLimits.learningRate.max,
      config.learningRate,
    );
  if (change.noNegatives !== undefined) clean.noNegatives = Boolean(change.noNegatives);
  if (change.augment !== undefined) clean.augment = sanitizeAugment(change.augment, config.augment);
  config = { ...config, ...clean };
  trainer?.update(clean);
}

function handle(message: PageToWorker): void {
  switch (message.type) {
    case 'init':
      backendReady = chooseAndStartBackend(message.forcedBackend).then(
        (backend) => post({ type: 'ready', backend }),
        (error) => {
          post({
            type: 'error',
            code: 'backend',
            message: String(error instanceof Error ? error.message : error),
          });
          throw error;
        },
      );
      return;
    case 'setData':
      dataset = unpackDataset(message.dataset);
      exclusive(rebuild).catch(reportError);
      return;
    case 'configure':
      config = sanitizeSimclrConfig(message.config);
      exclusive(rebuild).catch(reportError);
      return;
    case 'update':
      applyLiveChange(message.change);
      return;
    case 'play':
      if (failed) return;
      running = true;
      post({ type: 'status', running: true, step: trainer?.step ?? 0 });
      void loop();
      return;
    case 'pause':
      running = false;
      post({ type: 'status', running: false, step: trainer?.step ?? 0 });
      return;
    case 'step':
      running = false;
      exclusive(async () => {
        await trainOnce();
        post({ type: 'status', running: false, step: trainer?.step ?? 0 });
      }).catch(reportError);
      return;
    case 'reset':
      running = false;
      failed = false;
      exclusive(rebuild).catch(reportError);
      return;
    case 'ack':
      snapshotInFlight = false;
      if (snapshotDue && !running) exclusive(() => maybeSnapshot(true)).catch(reportError);
      return;
    case 'evaluate':
      exclusive(evaluate).catch(reportError);
      return;
    case 'debugCrash':
      setTimeout(() => {
        throw new Error('debug crash requested by the page');
      });
      return;
    case 'debugProfile':
      exclusive(async () => {
        if (!trainer) return;
        const active = trainer;
        const info = await tf.profile(async () => {
          await active.trainStep();
        });
        const byKernel = new Map<string, { ms: number; count: number }>();
        for (const k of info.kernels) {
          const entry = byKernel.get(k.name) ?? { ms: 0, count: 0 };
          entry.ms += Number(k.kernelTimeMs) || 0;
          entry.count += 1;
          byKernel.set(k.name, entry);
        }
        for (const k of info.kernels)
          if (k.name === 'Conv2D' || k.name === 'Transpose' || k.name === 'Mean')
            byKernel.set(`${k.name} ${JSON.stringify(k.inputShapes)}`, {
              ms: Number(k.kernelTimeMs) || 0,
              count: 1,
            });
        const kernels = [...byKernel.entries()]
          .map(([name, v]) => ({ name, ...v }))
          .sort((a, b) => b.ms - a.ms);
        post({ type: 'profile', kernels });
      }).catch(reportError);
      return;
    case 'debugPoison':
      exclusive(async () => {
        const first = trainer?.variables()[0];
        if (first) tf.tidy(() => first.assign(tf.fill(first.shape, NaN)));
      }).catch(reportError);
      return;
  }
}

self.onmessage = (event: MessageEvent<PageToWorker>) => {
  try {
    handle(event.data);
  } catch (error) {
    reportError(error);
  }
};

self.addEventListener('unhandledrejection', (event) => reportError(event.reason));

setInterval(() => {
  const memory = tf.memory();
  post({
    type: 'heartbeat',
    step: trainer?.step ?? 0,
    numTensors: memory.numTensors,
    bytes: memory.numBytes,
  });
}, heartbeatInterval);
