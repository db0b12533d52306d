import type { BlindSrConfig } from '../core/blindsr/config';
import { liveChangeOf, mergeChange, needsRebuildWith } from '../core/settings';
import type { SimclrConfig } from '../core/simclr/config';
import { labDataRecipe, loadLabData, type LabDataRequest } from '../data/load';
import { packDataset } from '../data/payload';
import type { BackendName } from '../worker/backend-choice';
import { TrainingClient } from '../worker/client';
import type { LiveChange, StageUpdate } from '../worker/protocol';
import { labSchemas, type AppConfig, type LabConfigs, type LabId } from './config';
import { markStartup } from '../worker/startup-marks';
import { testHooksEnabled } from './test-hooks';
import { emptyRunOutputs, initialRun, resetPacing, setRun, useStore } from './store';
import { onWorkerMessage, runCleared } from './worker-events';

/**
 * The one path from controls to the worker: control → store → client → worker.
 * Messages from the worker land in the store (worker-events.ts); panels only read the store.
 */
let client: TrainingClient | null = null;

/** The running worker's client (debug-hooks.ts), null before `startTraining`. */
export const currentClient = (): TrainingClient | null => client;

function clearRun(keepBackend: boolean): void {
  runCleared();
  const backend = keepBackend ? useStore.getState().run.backend : null;
  useStore.setState({ run: { ...initialRun, backend }, ...emptyRunOutputs });
  resetPacing();
  // stage mode survives a rebuild: the new model's batch gets probed again
  if (useStore.getState().view.stageMode) requestStageProbe();
}

function configureLab(): void {
  const { config } = useStore.getState();
  client?.send(
    config.lab === 'simclr'
      ? { type: 'configure', lab: 'simclr', config: config.simclr }
      : { type: 'configure', lab: 'blindsr', config: config.blindsr },
  );
}

/**
 * Hands the current lab's images to the worker (which rebuilds): the built-in shapes as
 * their recipe, sent at once (page and worker each make their copy, image by image as it is
 * read: on a fresh page the worker draws its first batch while its backend compiles), the
 * others as the images loaded here. `first`: the page's start, where loading waits for the
 * worker's thread (startTraining).
 */
async function sendDataset({ first = false } = {}): Promise<void> {
  const { config } = useStore.getState();
  const request: LabDataRequest =
    config.lab === 'simclr'
      ? { lab: 'simclr', source: config.dataset, seed: config.simclr.seed }
      : { lab: 'blindsr', source: config.hrSource, seed: config.blindsr.seed };
  const recipe = labDataRecipe(request);
  if (recipe) client?.send({ type: 'makeData', recipe });
  // the browser starts the worker's thread only while this one is free: load the images
  // once it exists, while it loads tfjs and starts its backend (page load → first step)
  if (first) await workerStarted(250);
  markStartup('page:dataset-loading');
  let data: Awaited<ReturnType<typeof loadLabData>>;
  try {
    data = await loadLabData(request);
  } catch (error) {
    setRun({
      error: { code: 'data', message: error instanceof Error ? error.message : String(error) },
    });
    return;
  }
  markStartup('page:dataset-ready');
  useStore.setState({ dataset: data.dataset });
  if (!recipe) client?.sendData(packDataset(data.dataset));
}

let workerThreadStarted: () => void = () => undefined;
const workerThread = new Promise<void>((resolve) => (workerThreadStarted = resolve));

/**
 * Resolves once the first worker's thread exists (its 'booting' message), or after
 * `atMost` ms. The first render waits for it: Chrome starts a worker only while the page's
 * thread is free, and the first render keeps it busy for a few hundred ms.
 */
export function workerStarted(atMost: number): Promise<void> {
  return Promise.race([workerThread, new Promise<void>((r) => setTimeout(r, atMost))]);
}

/** Starts (or restarts) the worker with the current configuration and data. */
export async function startTraining(
  backend: BackendName | null = useStore.getState().config.backend,
): Promise<void> {
  client?.stop();
  clearRun(false);
  client = new TrainingClient((message) =>
    onWorkerMessage(message, {
      ack: () => client?.send({ type: 'ack' }),
      threadStarted: () => workerThreadStarted(),
    }),
  );
  client.start({
    forcedBackend: backend,
    testHooks: testHooksEnabled(),
  });
  configureLab();
  await sendDataset({ first: true });
}

export function play(): void {
  markStartup('page:play-clicked');
  client?.send({ type: 'play' });
}

/** Trains until step `until`, then the worker pauses by itself and evaluates (a lesson's budget). */
export function playUntil(until: number): void {
  client?.send({ type: 'play', until });
}

/** A fresh evaluation of the model at its current step (kNN / |ρ|, PSNR in stage 2). */
export function evaluate(): void {
  client?.send({ type: 'evaluate' });
}

export function pause(): void {
  client?.send({ type: 'pause' });
}

export function step(): void {
  client?.send({ type: 'step' });
}

/** Shows the batch the next step will train on (stage mode). */
export function preview(): void {
  client?.send({ type: 'preview' });
}

/** the latest stage probe asked for: an answer to an older one (before a rebuild) is stale */
let probeRequest = 0;

/** Stage mode: h and z of the batch on screen (the worker answers after any pending preview). */
export function requestStageProbe(): void {
  if (!client) return;
  const request = ++probeRequest;
  client.request({ type: 'stageProbe' }).then(
    ({ probe }) => {
      if (request === probeRequest && probe)
        useStore.setState((s) => ({ stageData: { ...s.stageData, probe } }));
    },
    // the worker failed or was replaced: its error is on screen, the probe comes with the next
    () => undefined,
  );
}

/** Stage mode "update": one step on the batch on screen, reporting gradients and the loss after. */
export function stageStep(): void {
  if (!client) return;
  useStore.setState((s) => ({ stageData: { ...s.stageData, update: null, updating: true } }));
  const done = (update: StageUpdate | null) =>
    useStore.setState((s) => ({ stageData: { ...s.stageData, update, updating: false } }));
  client.request({ type: 'stageStep' }).then(
    (reply) => done(reply.update),
    () => done(null),
  );
}

export function reset(): void {
  clearRun(true);
  client?.send({ type: 'reset' });
}

export function switchLab(lab: LabId): void {
  const before = useStore.getState().config;
  if (before.lab === lab) return;
  useStore.setState({ config: { ...before, lab } });
  // the same worker: every lab trains on the same thread count (backend-choice.ts)
  clearRun(true);
  configureLab();
  void sendDataset();
}

/**
 * The one path of a lab's setting, the lab being data: the store takes the change; for the
 * lab on screen, a changed setting that its schema declares 'rebuild' starts a new model
 * (new images too when the seed moved), anything else goes to the running model as its
 * live settings. A new stage (Blind-SR) is evaluated at once: its readouts differ.
 */
export function updateLab<L extends LabId>(lab: L, change: Partial<LabConfigs[L]>): void {
  const before = useStore.getState().config;
  const schema = labSchemas[lab];
  const previous: LabConfigs[L] = before[lab];
  const settings = mergeChange(previous, change);
  useStore.setState({ config: { ...before, [lab]: settings } });
  if (before.lab !== lab) return;
  if (needsRebuildWith(schema, previous, settings)) {
    clearRun(true);
    configureLab();
    if (settings.seed !== previous.seed) void sendDataset();
  } else {
    client?.send({ type: 'update', lab, change: liveChangeOf(schema, settings) } as {
      type: 'update';
    } & LiveChange);
    if ((change as { stage?: unknown }).stage !== undefined) client?.send({ type: 'evaluate' });
  }
}

export const updateSimclr = (change: Partial<SimclrConfig>): void => updateLab('simclr', change);
export const updateBlindSr = (change: Partial<BlindSrConfig>): void => updateLab('blindsr', change);

export function updateConfig(change: Partial<Omit<AppConfig, 'simclr' | 'blindsr'>>): void {
  const before = useStore.getState().config;
  const after = { ...before, ...change };
  useStore.setState({ config: after });
  const dataChanged =
    (after.lab === 'simclr' && after.dataset !== before.dataset) ||
    (after.lab === 'blindsr' && after.hrSource !== before.hrSource);
  if (dataChanged) {
    clearRun(true);
    void sendDataset();
  }
}

/** New images for the current lab (uploads changed): a rebuild on the new data. */
export function reloadData(): void {
  clearRun(true);
  void sendDataset();
}
