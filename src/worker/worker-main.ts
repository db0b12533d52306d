/// <reference lib="webworker" />
import '../core/tf-ops';
import * as tf from '@tensorflow/tfjs-core';
import { chooseAndStartBackend } from './backends';
import type { DebugMessage, PageToWorker, WorkerToPage } from './protocol';
import { collectStartupMarks, markStartup } from './startup-marks';
import { TrainingLoop } from './training-loop';

/**
 * The worker's body (loaded by train.worker.ts, its tiny entry), and the only place that
 * owns tfjs at run time, as a thin adapter: it starts the backend,
 * watches the GPU device, beats the heartbeat, and hands every other message to the
 * TrainingLoop (training-loop.ts), which holds the training state.
 */
declare const self: DedicatedWorkerGlobalScope;

const heartbeatInterval = 1000; // ms

markStartup('worker:tfjs-imported');
let firstStepDone = false;
const loop = new TrainingLoop({
  post: (message: WorkerToPage, transfer: Transferable[] = []) => {
    self.postMessage(message, transfer);
    // the start-up is over with the first step: its marks go to the page's timeline
    if (message.type !== 'loss' || firstStepDone) return;
    firstStepDone = true;
    markStartup('worker:first-step-done');
    self.postMessage({
      type: 'startupMarks',
      marks: collectStartupMarks('worker'),
    } satisfies WorkerToPage);
  },
});
/** set by `init`: the page was built for development or opened with the test flag */
let testHooks = false;
/**
 * A backend has started. Until then nothing may touch the engine: asked for its memory (or
 * anything else), tfjs starts the highest-priority backend registered — wasm, whose module
 * the entry fetches early — on its own, and throws while that runs.
 */
let backendStarted = false;

function gpuDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as { device?: GPUDevice }).device ?? null;
}

function watchDevice(): void {
  gpuDevice()?.lost.then(
    (info) => loop.deviceLost(info.message || `device lost (${info.reason})`),
    () => undefined,
  );
}

function init(message: Extract<PageToWorker, { type: 'init' }>): void {
  testHooks = message.testHooks;
  loop.startAfter(
    chooseAndStartBackend(message.forcedBackend).then(
      (backend) => {
        backendStarted = true;
        markStartup('worker:backend-ready');
        self.postMessage({ type: 'ready', backend } satisfies WorkerToPage);
        watchDevice();
      },
      (error) => loop.backendFailed(error instanceof Error ? error.message : String(error)),
    ),
  );
}

/** Test hooks: make the worker fail the way a real failure would. */
function debug(message: DebugMessage): void {
  switch (message.type) {
    case 'debugCrash':
      setTimeout(() => {
        throw new Error('debug crash requested by the page');
      });
      return;
    case 'debugHang': {
      const until = performance.now() + Math.min(message.milliseconds, 60_000);
      while (performance.now() < until) {
        // busy: no heartbeat, no messages — what a runaway kernel looks like from the page
      }
      return;
    }
    case 'debugPoison':
      loop.poison();
      return;
    case 'debugLoseDevice': {
      // a real loss where there is a device, the same message path otherwise
      const device = gpuDevice();
      if (device) device.destroy();
      else
        loop.deviceLost(`simulated device loss (the ${tf.getBackend()} backend has no GPU device)`);
      return;
    }
  }
}

function handle(message: PageToWorker): void {
  switch (message.type) {
    case 'init':
      return init(message);
    case 'debugCrash':
    case 'debugHang':
    case 'debugPoison':
    case 'debugLoseDevice':
      // without the flag a debug message is not obeyed: nobody breaks a production page
      if (testHooks) debug(message);
      return;
    case 'profile':
      if (testHooks) return loop.handle(message);
      self.postMessage({
        type: 'requestFailed',
        id: message.id,
        message: 'the kernel profile is a developer hook',
      } satisfies WorkerToPage);
      return;
    default:
      loop.handle(message);
  }
}

function receive(event: MessageEvent<PageToWorker>): void {
  try {
    handle(event.data);
  } catch (error) {
    loop.fail(error);
  }
}

/** Takes over from the entry: the messages that came while this module loaded, then all. */
export function takeOver(early: MessageEvent<PageToWorker>[]): void {
  self.onmessage = receive;
  for (const event of early) receive(event);
}

self.addEventListener('unhandledrejection', (event) => loop.fail(event.reason));

setInterval(() => {
  // the beat itself says the worker is alive (the page's watchdog); memory once there is any
  const memory = backendStarted ? tf.memory() : { numTensors: 0, numBytes: 0 };
  self.postMessage({
    type: 'heartbeat',
    step: loop.step,
    numTensors: memory.numTensors,
    bytes: memory.numBytes,
  } satisfies WorkerToPage);
}, heartbeatInterval);
