import type { LightBsrReport, LightBsrStageBatch } from '../core/blindsr/lightbsr';
import { create } from 'zustand';
import type { BlindSrEvaluation, BlindSrSnapshot } from '../core/blindsr/trainer';
import type { EmbeddingSnapshot, SimclrSnapshot } from '../core/simclr/trainer';
import type { Dataset } from '../data/dataset';
import type { IsolationProblem } from '../deploy/register';
import type { MessageKey } from '../i18n';
import type { BackendInfo, StageProbe, StageUpdate, WorkerErrorCode } from '../worker/protocol';
import { defaultAppConfig, type AppConfig } from './config';
import { appendBounded, emptyHistory, type History } from './history';
import type { UrlProblem } from './url';
import { idleLessonRun, type LessonRunState } from './lesson-run-state';

export interface RunState {
  backend: BackendInfo | null;
  running: boolean;
  step: number;
  loss: number | null;
  /** smoothed wall time per step, as the page sees it */
  msPerStep: number | null;
  stepsPerSecond: number | null;
  /** ms from page load to the first finished step */
  firstStepAt: number | null;
  error: { code: WorkerErrorCode; message: string } | null;
  memory: { numTensors: number; bytes: number } | null;
  /** worker-side time of the last step and its augmentation share */
  /** drawnAhead: the step's batch was drawn on the data thread while the step before trained */
  lastStep: { milliseconds: number; augmentMilliseconds: number; drawnAhead: boolean } | null;
}

export interface ViewState {
  selectedRow: number | null;
  hoveredCell: { row: number; column: number } | null;
  /** a view index into the 2N views */
  hoveredView: number | null;
  /** a data set image index (embedding ↔ views) */
  hoveredImage: number | null;
  /** step-by-stage mode: which stage of the next training step is shown */
  stageMode: boolean;
  stageIndex: number;
  slowMotion: boolean;
  shortcutsOpen: boolean;
}

/** How the app was deployed, as far as it matters to the page (src/deploy/register.ts). */
export interface DeploymentState {
  /** null while the service worker is being set up, then whether the page is isolated */
  isolation: { isolated: true } | { isolated: false; problem: IsolationProblem } | null;
  /** a newer build is installed and waits for "Reload" */
  updateReady: boolean;
}

export interface PlaygroundState {
  config: AppConfig;
  /** what the opening link asked for and did not get as written */
  notice: UrlProblem[] | null;
  dataset: Dataset | null;
  run: RunState;
  deployment: DeploymentState;
  history: History;
  snapshot: SimclrSnapshot | null;
  embedding: EmbeddingSnapshot | null;
  blindsr: BlindSrSnapshot | null;
  blindsrEvaluation: BlindSrEvaluation | null;
  /** the LightBSR pipeline's last report and its distillation terms by step */
  lightbsr: LightBsrReport | null;
  /** stage mode of the LightBSR pipeline: what the current stage trains on */
  lightbsrBatch: LightBsrStageBatch | null;
  distillationHistory: DistillationPoint[];
  view: ViewState;
  /** stage mode: the batch's h and z, and what its update changed (null until computed) */
  stageData: { probe: StageProbe | null; update: StageUpdate | null; updating: boolean };
  /** a short-lived message (weights loaded, link copied …) */
  toast: { key: MessageKey; params?: Record<string, string | number> } | null;
  /** developer hook: kernel times of one profiled step */
  profile: { name: string; ms: number; count: number }[] | null;
  /** the open lesson step's prediction, action and observation */
  lessonRun: LessonRunState;
  /** "Train stage 1 first" is running stage 1 over these steps */
  stage1First: { fromStep: number; toStep: number } | null;
}

export const initialRun: RunState = {
  backend: null,
  running: false,
  step: 0,
  loss: null,
  msPerStep: null,
  stepsPerSecond: null,
  firstStepAt: null,
  error: null,
  memory: null,
  lastStep: null,
};

/** What a model's run has produced: empty at start and again whenever a new model is built. */
export const emptyRunOutputs = {
  history: emptyHistory,
  snapshot: null,
  embedding: null,
  blindsr: null,
  blindsrEvaluation: null,
  lightbsr: null,
  lightbsrBatch: null,
  distillationHistory: [],
  stageData: { probe: null, update: null, updating: false },
} satisfies Partial<PlaygroundState>;

export const useStore = create<PlaygroundState>()(() => ({
  config: defaultAppConfig,
  notice: null,
  dataset: null,
  run: initialRun,
  deployment: { isolation: null, updateReady: false },
  ...emptyRunOutputs,
  view: {
    selectedRow: null,
    hoveredCell: null,
    hoveredView: null,
    hoveredImage: null,
    stageMode: false,
    stageIndex: 0,
    slowMotion: false,
    shortcutsOpen: false,
  },
  profile: null,
  lessonRun: idleLessonRun,
  stage1First: null,
  toast: null,
}));

export function setView(change: Partial<ViewState>): void {
  useStore.setState((s) => ({ view: { ...s.view, ...change } }));
}

export function setDeployment(change: Partial<DeploymentState>): void {
  useStore.setState((s) => ({ deployment: { ...s.deployment, ...change } }));
}

export function setRun(change: Partial<RunState>): void {
  useStore.setState((s) => ({ run: { ...s.run, ...change } }));
}

/** One training step as the worker reported it, and when the page received it. */
export interface LossEntry {
  step: number;
  loss: number;
  milliseconds: number;
  augmentMilliseconds: number;
  /** Blind-SR: the step's batch was drawn ahead on the data thread */
  drawnAhead: boolean;
  /** Blind-SR: the stage the step ran in */
  stage?: 1 | 2 | 3;
  /** performance.now() when the message arrived: the steps/s meter's clock */
  receivedAt: number;
}

/** Steps in the order they ran, applied in one store update. */
export function recordLosses(entries: LossEntry[]): void {
  if (entries.length === 0) return;
  useStore.setState((s) => {
    let { msPerStep, firstStepAt } = s.run;
    let history = s.history;
    for (const { step, loss, milliseconds, stage, receivedAt } of entries) {
      const interval = lastLossAt === null ? milliseconds : receivedAt - lastLossAt;
      lastLossAt = receivedAt;
      msPerStep = msPerStep === null ? interval : msPerStep * 0.8 + interval * 0.2;
      firstStepAt ??= receivedAt;
      if (Number.isFinite(loss)) history = appendLoss({ ...s, history }, step, loss, stage);
    }
    const last = entries[entries.length - 1];
    return {
      run: {
        ...s.run,
        step: last.step,
        loss: last.loss,
        msPerStep,
        stepsPerSecond: msPerStep === null ? null : 1000 / msPerStep,
        firstStepAt,
        lastStep: {
          milliseconds: last.milliseconds,
          augmentMilliseconds: last.augmentMilliseconds,
          drawnAhead: last.drawnAhead,
        },
      },
      history,
    };
  });
}
let lastLossAt: number | null = null;

export function resetPacing(): void {
  lastLossAt = null;
}

export function recordSnapshot(snapshot: SimclrSnapshot): void {
  useStore.setState((s) => {
    const known = s.history.accuracy.at(-1)?.step === snapshot.step || snapshot.step === 0;
    return {
      snapshot,
      history: known
        ? s.history
        : {
            ...s.history,
            accuracy: appendBounded(s.history.accuracy, {
              step: snapshot.step,
              value: snapshot.positiveAccuracy,
            }),
            alignment: appendBounded(s.history.alignment, {
              step: snapshot.step,
              value: snapshot.alignment,
            }),
            uniformity: appendBounded(s.history.uniformity, {
              step: snapshot.step,
              value: snapshot.uniformity,
            }),
          },
    };
  });
}

export function recordEmbedding(embedding: EmbeddingSnapshot): void {
  const point = (value: number | null) => (value === null ? null : { step: embedding.step, value });
  const knn = point(embedding.knnAccuracy);
  const knnProjection = point(embedding.projectionKnnAccuracy);
  useStore.setState((s) => ({
    embedding,
    history: {
      ...s.history,
      knn: knn ? appendBounded(s.history.knn, knn) : s.history.knn,
      knnProjection: knnProjection
        ? appendBounded(s.history.knnProjection, knnProjection)
        : s.history.knnProjection,
    },
  }));
}

function appendLoss(s: PlaygroundState, step: number, loss: number, stage?: 1 | 2 | 3): History {
  const srStage = s.config.lab === 'blindsr' && (stage ?? s.config.blindsr.stage) === 2;
  return srStage
    ? { ...s.history, srLoss: appendBounded(s.history.srLoss, { step, value: loss }) }
    : { ...s.history, loss: appendBounded(s.history.loss, { step, value: loss }) };
}

export function recordBlindSrSnapshot(snapshot: BlindSrSnapshot): void {
  useStore.setState({ blindsr: snapshot });
}

export interface DistillationPoint {
  step: number;
  kl: number;
  l1: number;
  mse: number;
}

/** A LightBSR report; its distillation terms join the curves when a distillation step ran since. */
export function recordLightBsrReport(report: LightBsrReport): void {
  useStore.setState((s) => {
    const last = s.distillationHistory[s.distillationHistory.length - 1];
    const d = report.distillation;
    const fresh = d && (!last || last.step < report.distillSteps);
    return {
      lightbsr: report,
      distillationHistory: fresh
        ? [...s.distillationHistory, { step: report.distillSteps, ...d }].slice(-500)
        : s.distillationHistory,
    };
  });
}

export function recordBlindSrEvaluation(evaluation: BlindSrEvaluation): void {
  useStore.setState((s) => {
    const point = (value: number) => ({ step: evaluation.step, value });
    const history = {
      ...s.history,
      spearman: appendBounded(s.history.spearman, point(Math.abs(evaluation.spearmanSigma))),
    };
    if (evaluation.sr) {
      history.psnrSr = appendBounded(s.history.psnrSr, point(evaluation.sr.psnrSr));
      history.psnrBicubic = appendBounded(s.history.psnrBicubic, point(evaluation.sr.psnrBicubic));
      history.psnrWithout = appendBounded(
        s.history.psnrWithout,
        point(evaluation.sr.psnrSrWithoutRepresentation),
      );
      history.psnrOracle = appendBounded(s.history.psnrOracle, point(evaluation.sr.psnrOracle));
    }
    return { blindsrEvaluation: evaluation, history };
  });
}
