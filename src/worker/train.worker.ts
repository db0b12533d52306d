/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { sanitizeBlindSrConfig } from '../core/blindsr/config';
import { sanitizeSimclrConfig } from '../core/simclr/config';
import type { Dataset } from '../data/dataset';
import { unpackDataset } from '../data/payload';
import { chooseAndStartBackend } from './backends';
import { BlindSrRunner, SimclrRunner, type LabRunner } from './labs';
import { lossOfLastBatch, probeGradients, probeStages } from './stage-probe';
import { exportWeights, importWeights, profileStep } from './tools';
import type { LabConfig, PageToWorker, WorkerToPage } from './protocol';

/**
 * The only place that owns tfjs at run time. Training runs as a loop of awaited steps;
 * messages are handled between steps. Snapshots are latest-wins: one in flight at most,
 * the next only after the page acknowledges, at most ~10 per second.
 */
declare const self: DedicatedWorkerGlobalScope;

const snapshotInterval = 100; // ms
const heartbeatInterval = 1000; // ms
const initialEvaluationDelay = 250; // ms

let backendReady: Promise<void> | null = null;
let dataset: Dataset | null = null;
let labConfig: LabConfig | null = null;
let runner: LabRunner | null = null;
let running = false;
let loopActive = false;
let snapshotInFlight = false;
let snapshotDue = false;
let lastSnapshotAt = 0;
let lastEvaluatedStep = -1;
let failed = false;
/** the WebGPU device is gone: every later tfjs error is a consequence, not news */
let deviceLost = false;

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

/**
 * A lost WebGPU device (driver reset, GPU removed or out of memory, or destroyed by the
 * test hook) ends this backend for good: one clear message, then the page restarts the
 * worker on the same or another backend, with the settings and images it kept.
 */
function reportDeviceLost(message: string): void {
  if (deviceLost) return;
  deviceLost = true;
  running = false;
  failed = true;
  post({ type: 'error', code: 'deviceLost', message });
  post({ type: 'status', running: false, step: runner?.step ?? 0 });
}

function gpuDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as { device?: GPUDevice }).device ?? null;
}

function watchDevice(): void {
  gpuDevice()?.lost.then(
    (info) => reportDeviceLost(info.message || `device lost (${info.reason})`),
    () => undefined,
  );
}

function reportError(error: unknown): void {
  if (deviceLost) return;
  running = false;
  failed = true;
  const message = error instanceof Error ? error.message : String(error);
  const outOfMemory = /out of memory|allocation failed|memory access out of bounds|OOM/i.test(
    message,
  );
  post({ type: 'error', code: outOfMemory ? 'outOfMemory' : 'crash', message });
  post({ type: 'status', running: false, step: runner?.step ?? 0 });
}

const nextTick = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** A new model for the current lab, configuration and data; the old one is freed first. */
async function rebuild(): Promise<void> {
  if (!dataset || !labConfig || !backendReady) return;
  await backendReady;
  runner?.dispose();
  runner = null;
  if (dataset.images.length < 2) throw new Error('at least 2 images are needed');
  runner =
    labConfig.lab === 'simclr'
      ? await SimclrRunner.create(labConfig.config, dataset)
      : new BlindSrRunner(labConfig.config, dataset.images);
  lastEvaluatedStep = -1;
  snapshotDue = labConfig.lab === 'simclr';
  post({ type: 'status', running, step: 0 });
  await maybeSnapshot(true);
  // the Blind-SR page becomes ready with its first evaluation
  if (labConfig.lab === 'blindsr') return evaluate();
  // The SimCLR page enables Play on the snapshot above. The step-0 evaluation (encoding the whole
  // data set, PCA) took ~0.6 s on wasm and a Play pressed meanwhile waited for it: give
  // Play a moment to go first; trainOnce evaluates after the first step instead.
  const built = runner;
  setTimeout(() => {
    if (!running && runner === built && lastEvaluatedStep === -1)
      exclusive(evaluate).catch(reportError);
  }, initialEvaluationDelay);
}

async function maybeSnapshot(force = false): Promise<void> {
  if (!runner || snapshotInFlight || !snapshotDue) return;
  if (!force && performance.now() - lastSnapshotAt < snapshotInterval) return;
  const outgoing = await runner.snapshot();
  if (!outgoing) return;
  snapshotDue = false;
  snapshotInFlight = true;
  lastSnapshotAt = performance.now();
  post(outgoing.message, outgoing.transfer);
}

async function evaluate(): Promise<void> {
  if (!runner || runner.step === lastEvaluatedStep) return;
  lastEvaluatedStep = runner.step;
  const outgoing = await runner.evaluate();
  post(outgoing.message, outgoing.transfer);
}

async function trainOnce(): Promise<void> {
  if (!runner) return;
  const result = await runner.trainStep();
  post({ type: 'loss', ...result });
  snapshotDue = true;
  if (!Number.isFinite(result.loss)) {
    running = false;
    failed = true;
    post({
      type: 'error',
      code: 'nonFinite',
      message: `loss became ${result.loss} at step ${result.step}`,
    });
    post({ type: 'status', running: false, step: result.step });
    return;
  }
  await maybeSnapshot(!running);
  // never evaluated (Play came before the step-0 evaluation): evaluate now, once
  if (lastEvaluatedStep === -1 || runner.step - lastEvaluatedStep >= runner.evaluateEvery)
    await evaluate();
}

async function loop(): Promise<void> {
  if (loopActive) return;
  loopActive = true;
  try {
    while (running && !failed) {
      await exclusive(trainOnce);
      await nextTick();
    }
  } catch (error) {
    reportError(error);
  } finally {
    loopActive = false;
  }
}

function configure(message: LabConfig): void {
  labConfig =
    message.lab === 'simclr'
      ? { lab: 'simclr', config: sanitizeSimclrConfig(message.config) }
      : { lab: 'blindsr', config: sanitizeBlindSrConfig(message.config) };
}

function handle(message: PageToWorker): void {
  switch (message.type) {
    case 'init':
      backendReady = chooseAndStartBackend(message.forcedBackend).then(
        (backend) => {
          post({ type: 'ready', backend });
          watchDevice();
        },
        (error) => {
          failed = true;
          post({
            type: 'error',
            code: 'backend',
            message: error instanceof Error ? error.message : String(error),
          });
        },
      );
      return;
    case 'setData':
      dataset = unpackDataset(message.dataset);
      exclusive(rebuild).catch(reportError);
      return;
    case 'configure':
      configure(message);
      exclusive(rebuild).catch(reportError);
      return;
    case 'update':
      if (labConfig?.lab === message.lab) {
        labConfig = {
          ...labConfig,
          config: { ...labConfig.config, ...message.change },
        } as LabConfig;
        configure(labConfig);
      }
      runner?.update(message);
      return;
    case 'play':
      if (failed || !runner) return;
      running = true;
      post({ type: 'status', running: true, step: runner.step });
      void loop();
      return;
    case 'pause':
      running = false;
      // reported once the step in flight has finished: the count shown is then final
      exclusive(async () =>
        post({ type: 'status', running: false, step: runner?.step ?? 0 }),
      ).catch(reportError);
      return;
    case 'step':
      running = false;
      exclusive(async () => {
        await trainOnce();
        post({ type: 'status', running: false, step: runner?.step ?? 0 });
      }).catch(reportError);
      return;
    case 'preview':
      exclusive(async () => {
        if (!runner) return;
        await runner.preview();
        snapshotDue = true;
        await maybeSnapshot(true);
      }).catch(reportError);
      return;
    case 'stageProbe':
      exclusive(async () => {
        if (!(runner instanceof SimclrRunner)) return;
        const probe = await probeStages(runner.trainer);
        if (probe) post({ type: 'stageProbe', probe }, [probe.h.buffer, probe.z.buffer]);
      }).catch(reportError);
      return;
    case 'stageStep':
      running = false;
      exclusive(async () => {
        if (!(runner instanceof SimclrRunner)) {
          await trainOnce();
        } else {
          const before = await probeGradients(runner.trainer);
          await trainOnce();
          if (before && !failed) {
            post({
              type: 'stageUpdate',
              update: {
                step: runner.step,
                layers: before.layers,
                lossBefore: before.loss,
                lossAfter: await lossOfLastBatch(runner.trainer),
              },
            });
          }
        }
        post({ type: 'status', running: false, step: runner?.step ?? 0 });
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
      lastEvaluatedStep = -1;
      exclusive(evaluate).catch(reportError);
      return;
    case 'debugCrash':
      setTimeout(() => {
        throw new Error('debug crash requested by the page');
      });
      return;
    case 'exportWeights':
      exclusive(async () => {
        if (runner && labConfig) post(await exportWeights(runner, labConfig.lab));
      }).catch(reportError);
      return;
    case 'importWeights':
      exclusive(async () => {
        if (!runner || !labConfig) return;
        const reply = importWeights(runner, labConfig.lab, message.text);
        post(reply);
        if (reply.type === 'weightsLoaded') {
          // repaint every panel with the loaded model at once, without a training step:
          // the batch on screen re-encoded (matrix, accuracies) and a fresh evaluation
          await runner.preview();
          snapshotDue = true;
          await maybeSnapshot(true);
          lastEvaluatedStep = -1;
          await evaluate();
        }
      }).catch(reportError);
      return;
    case 'debugHang': {
      const until = performance.now() + Math.min(message.milliseconds, 60_000);
      while (performance.now() < until) {
        // busy: no heartbeat, no messages — what a runaway kernel looks like from the page
      }
      return;
    }
    case 'debugPoison':
      exclusive(async () => {
        const first = runner?.firstVariable();
        if (first) tf.tidy(() => first.assign(tf.fill(first.shape, NaN)));
      }).catch(reportError);
      return;
    case 'debugLoseDevice': {
      // test hook: a real loss where there is a device, the same message path otherwise
      const device = gpuDevice();
      if (device) device.destroy();
      else
        reportDeviceLost(
          `simulated device loss (the ${tf.getBackend()} backend has no GPU device)`,
        );
      return;
    }
    case 'debugProfile':
      exclusive(async () => {
        if (runner) post(await profileStep(runner));
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
    step: runner?.step ?? 0,
    numTensors: memory.numTensors,
    bytes: memory.numBytes,
  });
}, heartbeatInterval);
