import type { BlindSrEvaluation, BlindSrSnapshot } from '../core/blindsr/trainer';
import type { BlindSrConfig, LiveBlindSrChange } from '../core/blindsr/config';
import type { LightBsrReport, LightBsrStageBatch } from '../core/blindsr/lightbsr';
import type { LiveSimclrChange } from '../core/simclr/config';
import type { EmbeddingSnapshot, SimclrConfig, SimclrSnapshot } from '../core/simclr/trainer';
import type { DatasetPayload } from '../data/payload';
import type { DataRecipe } from '../data/recipes';
import type { WeightsFile } from '../core/weights';
import type { BackendName, BackendReason } from './backend-choice';
import type { StartupMarks } from './startup-marks';

/** Every message between the page and the training worker. */

export type LiveChange =
  { lab: 'simclr'; change: LiveSimclrChange } | { lab: 'blindsr'; change: LiveBlindSrChange };

export type LabConfig =
  { lab: 'simclr'; config: SimclrConfig } | { lab: 'blindsr'; config: BlindSrConfig };

/**
 * Requests the page awaits: the page adds an `id`, and exactly one reply carrying the same
 * `id` comes back (its answer, or `requestFailed`). Everything else is fire-and-forget.
 */
export type WorkerRequest =
  | { type: 'exportWeights' }
  /** the text of a weights file the user chose */
  | { type: 'importWeights'; text: string }
  /** stage mode: h and z of the batch on screen (SimCLR; null for Blind-SR) */
  | { type: 'stageProbe' }
  /** stage mode "update": one step on the batch on screen, with what it changed (SimCLR) */
  | { type: 'stageStep' }
  /** developer hook: kernel times of one step (tf.profile) */
  | { type: 'profile' };

export interface KernelTime {
  name: string;
  ms: number;
  count: number;
}

/** The answer to each request type. */
export interface ReplyTo {
  exportWeights: { type: 'weights'; file: WeightsFile };
  importWeights: { type: 'weightsLoaded' } | { type: 'weightsRejected'; message: string };
  stageProbe: { type: 'stageProbe'; probe: StageProbe | null };
  /** null when the step failed or the lab has no stage probe */
  stageStep: { type: 'stageUpdate'; update: StageUpdate | null };
  profile: { type: 'profile'; kernels: KernelTime[] };
}

export type RequestType = WorkerRequest['type'];
export type RequestOf<K extends RequestType> = Extract<WorkerRequest, { type: K }> & { id: number };

export type WorkerReply =
  | { [K in RequestType]: ReplyTo[K] & { id: number } }[RequestType]
  /** the request could not be answered (no model yet, hooks off, or it threw) */
  | { type: 'requestFailed'; id: number; message: string };

/** Test hooks: the worker obeys them only when `init` said `testHooks` (see state/test-hooks). */
export type DebugMessage =
  /** an uncaught exception in the worker */
  | { type: 'debugCrash' }
  /** the first weight becomes NaN */
  | { type: 'debugPoison' }
  /** the worker stops answering for this long */
  | { type: 'debugHang'; milliseconds: number }
  /** destroy the WebGPU device (or simulate its loss on other backends) */
  | { type: 'debugLoseDevice' };

/** What the training loop handles (the worker adapter owns init and the debug hooks). */
export type LoopMessage =
  | { type: 'setData'; dataset: DatasetPayload }
  /** the built-in shapes: the worker draws its own copy from the recipe */
  | { type: 'makeData'; recipe: DataRecipe }
  /** rebuilds the model: batch size, image size, architecture, seed */
  | ({ type: 'configure' } & LabConfig)
  /** takes effect from the next step, no rebuild */
  | ({ type: 'update' } & LiveChange)
  /** `until`: pause by itself after that step, evaluated (a lesson step's fixed budget) */
  | { type: 'play'; until?: number }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'reset' }
  /** draw and show the next batch without training (stage mode) */
  | { type: 'preview' }
  /** the page has drawn the last snapshot: the worker may send the next */
  | { type: 'ack' }
  | { type: 'evaluate' }
  | (WorkerRequest & { id: number });

export type PageToWorker =
  | { type: 'init'; forcedBackend: BackendName | null; testHooks: boolean }
  | LoopMessage
  | DebugMessage;

export interface BackendInfo {
  name: BackendName;
  reason: BackendReason;
  /** the backend that was asked for, when it is not the one running */
  requested: BackendName | null;
  /** wasm only */
  threads: number | null;
  simd: boolean | null;
  /** wasm: which build of our SIMD kernels runs ('fma': relaxed SIMD's multiply-add) */
  kernels: 'fma' | 'plain' | null;
  adapter: string | null;
  /** backends that failed to start, with their error */
  failures: {
    name: BackendName;
    message: string;
    /** the wasm binary arrived as something else: what came (file, status, type, bytes) */
    wasmFile?: string;
  }[];
}

/** Stage mode: the encoder and projection outputs of the batch on screen. */
export interface StageProbe {
  step: number;
  viewCount: number;
  /** encoder output h, [2N, hDim] */
  h: Float32Array;
  hDim: number;
  /** projection z, L2-normalised, [2N, zDim] */
  z: Float32Array;
  zDim: number;
}

/** Stage mode, "update": what one step changed on the batch it trained on. */
export interface StageUpdate {
  step: number;
  /** gradient norm ‖∂L/∂θ‖ of each layer's trainable weights, before the update */
  layers: { name: string; norm: number }[];
  /** the loss of the same batch before and right after the update */
  lossBefore: number;
  lossAfter: number;
}

export type WorkerErrorCode =
  'nonFinite' | 'crash' | 'backend' | 'data' | 'outOfMemory' | 'deviceLost';

/** What the worker tells the page without being asked. */
export type WorkerEvent =
  /** the worker's thread exists (its entry ran; tfjs still loading) */
  | { type: 'booting' }
  | { type: 'ready'; backend: BackendInfo }
  | { type: 'status'; running: boolean; step: number }
  | {
      type: 'loss';
      step: number;
      loss: number;
      milliseconds: number;
      augmentMilliseconds: number;
      /** Blind-SR: the step's batch was drawn ahead on the data thread */
      drawnAhead?: boolean;
      /** Blind-SR: the stage the step ran in */
      stage?: 1 | 2 | 3;
    }
  | { type: 'snapshot'; snapshot: SimclrSnapshot }
  | { type: 'blindsrSnapshot'; snapshot: BlindSrSnapshot }
  | { type: 'blindsrEvaluation'; evaluation: BlindSrEvaluation }
  | { type: 'lightbsrEvaluation'; report: LightBsrReport }
  | { type: 'lightbsrBatch'; batch: LightBsrStageBatch }
  | { type: 'embedding'; embedding: EmbeddingSnapshot }
  | { type: 'error'; code: WorkerErrorCode; message: string }
  | { type: 'heartbeat'; step: number; numTensors: number; bytes: number }
  /** the worker's start-up marks, once its first step is done (startup-marks.ts) */
  | { type: 'startupMarks'; marks: StartupMarks };

export type WorkerToPage = WorkerEvent | WorkerReply;
