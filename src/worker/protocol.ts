import type { BlindSrEvaluation, BlindSrSnapshot } from '../core/blindsr/trainer';
import type { BlindSrConfig, LiveBlindSrChange } from '../core/blindsr/config';
import type { LiveSimclrChange } from '../core/simclr/config';
import type { EmbeddingSnapshot, SimclrConfig, SimclrSnapshot } from '../core/simclr/trainer';
import type { DatasetPayload } from '../data/payload';
import type { WeightsFile } from '../core/weights';
import type { BackendName, BackendReason } from './backend-choice';

/** Every message between the page and the training worker. */

export type LiveChange =
  { lab: 'simclr'; change: LiveSimclrChange } | { lab: 'blindsr'; change: LiveBlindSrChange };

export type LabConfig =
  { lab: 'simclr'; config: SimclrConfig } | { lab: 'blindsr'; config: BlindSrConfig };

export type PageToWorker =
  | { type: 'init'; forcedBackend: BackendName | null }
  | { type: 'setData'; dataset: DatasetPayload }
  /** rebuilds the model: batch size, image size, architecture, seed */
  | ({ type: 'configure' } & LabConfig)
  /** takes effect from the next step, no rebuild */
  | ({ type: 'update' } & LiveChange)
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'reset' }
  /** draw and show the next batch without training (stage mode) */
  | { type: 'preview' }
  /** stage mode: h and z of the batch on screen (SimCLR) */
  | { type: 'stageProbe' }
  /** stage mode "update": one step on the batch on screen, with what it changed (SimCLR) */
  | { type: 'stageStep' }
  /** the page has drawn the last snapshot: the worker may send the next */
  | { type: 'ack' }
  | { type: 'evaluate' }
  /** test hooks: make the worker fail the way a real failure would */
  | { type: 'debugCrash' }
  | { type: 'exportWeights' }
  /** the text of a weights file the user chose */
  | { type: 'importWeights'; text: string }
  | { type: 'debugPoison' }
  /** test hook: the worker stops answering for this long */
  | { type: 'debugHang'; milliseconds: number }
  /** test hook: destroy the WebGPU device (or simulate its loss on other backends) */
  | { type: 'debugLoseDevice' }
  /** developer hook: kernel times of one step (tf.profile) */
  | { type: 'debugProfile' };

export interface BackendInfo {
  name: BackendName;
  reason: BackendReason;
  /** the backend that was asked for, when it is not the one running */
  requested: BackendName | null;
  /** wasm only */
  threads: number | null;
  simd: boolean | null;
  adapter: string | null;
  /** backends that failed to start, with their error */
  failures: { name: BackendName; message: string }[];
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

export type WorkerToPage =
  | { type: 'ready'; backend: BackendInfo }
  | { type: 'status'; running: boolean; step: number }
  | {
      type: 'loss';
      step: number;
      loss: number;
      milliseconds: number;
      augmentMilliseconds: number;
      /** Blind-SR: the stage the step ran in */
      stage?: 1 | 2;
    }
  | { type: 'snapshot'; snapshot: SimclrSnapshot }
  | { type: 'blindsrSnapshot'; snapshot: BlindSrSnapshot }
  | { type: 'blindsrEvaluation'; evaluation: BlindSrEvaluation }
  | { type: 'embedding'; embedding: EmbeddingSnapshot }
  | { type: 'stageProbe'; probe: StageProbe }
  | { type: 'stageUpdate'; update: StageUpdate }
  | { type: 'error'; code: WorkerErrorCode; message: string }
  | { type: 'heartbeat'; step: number; numTensors: number; bytes: number }
  | { type: 'weights'; file: WeightsFile }
  | { type: 'weightsLoaded' }
  | { type: 'weightsRejected'; message: string }
  | { type: 'profile'; kernels: { name: string; ms: number; count: number }[] };
