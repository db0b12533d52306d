import type { WorkerEvent } from '../worker/protocol';
import {
  recordBlindSrEvaluation,
  recordBlindSrSnapshot,
  recordEmbedding,
  recordLightBsrReport,
  recordLosses,
  recordSnapshot,
  resetPacing,
  setRun,
  useStore,
  type LossEntry,
} from './store';

/**
 * The worker → store half of the page's path (actions.ts holds the other): each message of
 * the worker filed into the store, the training steps together.
 */

/** What the intake asks of the page's side of the worker. */
export interface WorkerEventHost {
  /** tells the worker the panels have drawn its last snapshot */
  ack(): void;
  /** the worker's thread exists (its first message) */
  threadStarted(): void;
}

function acknowledgeAfterPaint(host: WorkerEventHost): void {
  // the next snapshot only after the panels had a frame to draw this one (latest-wins)
  requestAnimationFrame(() => host.ack());
}

/**
 * Steps reach the store together, at most once every `lossBatchInterval` ms: SimCLR reports
 * ~60–90 steps a second, and re-rendering the curves, the counters and the transport (then
 * layout, paint and compositing) took the page's thread and cores from the worker on a
 * two-core machine. 100 ms, the snapshots' pace: 50 ms gave ~3 renders per snapshot. The
 * first step after a pause shows at once; any other message first lands the steps before
 * it (order kept) without moving the window's end.
 */
const lossBatchInterval = 100;
const pendingLosses: LossEntry[] = [];
let lossTimer: ReturnType<typeof setTimeout> | null = null;

function flushLosses(): void {
  if (pendingLosses.length > 0) recordLosses(pendingLosses.splice(0));
}

function queueLoss(entry: LossEntry): void {
  pendingLosses.push(entry);
  if (lossTimer === null) openLossWindow();
}

/** Shows the steps waiting now; those of the next interval wait for its end. */
function openLossWindow(): void {
  recordLosses(pendingLosses.splice(0));
  lossTimer = setTimeout(() => {
    lossTimer = null;
    if (pendingLosses.length > 0) openLossWindow();
  }, lossBatchInterval);
}

/**
 * After the page cleared a run (a rebuild, a reset, new data), the old model's steps still in
 * flight are not the new run's: they are dropped until the worker reports its new model
 * (status at step 0, which a rebuild posts before any step). They used to open the new
 * curve with the old run's last steps.
 */
let awaitingNewRun = false;

/** The page cleared its run: the steps received so far land first, the old model's later ones not at all. */
export function runCleared(): void {
  flushLosses();
  awaitingNewRun = true;
}

/** One message of the worker, filed into the store. */
export function onWorkerMessage(message: WorkerEvent, host: WorkerEventHost): void {
  if (message.type === 'loss' && awaitingNewRun) return;
  if (message.type === 'status' && message.step === 0) awaitingNewRun = false;
  if (message.type !== 'loss') flushLosses();
  switch (message.type) {
    case 'booting':
      host.threadStarted();
      return;
    case 'ready':
      setRun({ backend: message.backend });
      return;
    case 'status':
      setRun({ running: message.running, step: message.step });
      if (message.step === 0) resetPacing();
      return;
    case 'loss':
      queueLoss({
        step: message.step,
        loss: message.loss,
        milliseconds: message.milliseconds,
        augmentMilliseconds: message.augmentMilliseconds,
        drawnAhead: message.drawnAhead ?? false,
        stage: message.stage,
        receivedAt: performance.now(),
      });
      return;
    case 'snapshot':
      recordSnapshot(message.snapshot);
      acknowledgeAfterPaint(host);
      return;
    case 'blindsrSnapshot':
      recordBlindSrSnapshot(message.snapshot);
      acknowledgeAfterPaint(host);
      return;
    case 'embedding':
      recordEmbedding(message.embedding);
      return;
    case 'blindsrEvaluation':
      recordBlindSrEvaluation(message.evaluation);
      return;
    case 'lightbsrEvaluation':
      recordLightBsrReport(message.report);
      return;
    case 'lightbsrBatch':
      useStore.setState({ lightbsrBatch: message.batch });
      acknowledgeAfterPaint(host);
      return;
    case 'error':
      // after a lost GPU device, later failures are its consequences: keep the cause shown
      if (useStore.getState().run.error?.code === 'deviceLost') return;
      setRun({ error: { code: message.code, message: message.message }, running: false });
      return;
    case 'heartbeat':
      setRun({ memory: { numTensors: message.numTensors, bytes: message.bytes } });
      return;
  }
}
