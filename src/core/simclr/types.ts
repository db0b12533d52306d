import type { ViewParams } from './augment';
import type { RgbImage } from '../image';
import type { SimclrConfig, SimclrMethod } from './config';
import type { ConvEncoder, ProjectionHead } from '../nn/models';

/** What the SimCLR trainer takes and hands out: plain data, never tensors. */
export interface SimclrData {
  images: RgbImage[];
  labels: Int32Array | null;
  heldOut: { images: RgbImage[]; labels: Int32Array } | null;
}

export interface SimclrStepResult {
  step: number;
  loss: number;
  milliseconds: number;
  /** where the step's time went: building views on the CPU vs the model's forward/backward/update */
  augmentMilliseconds: number;
}

/** Plain data (never tensors) describing the last batch. */
export interface SimclrSnapshot {
  step: number;
  loss: number;
  temperature: number;
  /** N; views are [view a of images 0..N−1, view b of images 0..N−1] */
  batchSize: number;
  imageIndices: Int32Array;
  viewSize: number;
  /** [2N, S, S, 3] in [0, 1] */
  views: Float32Array;
  viewParams: ViewParams[];
  /** cosine similarity of ẑ, [2N · 2N] row-major */
  similarity: Float32Array;
  positiveAccuracy: number;
  /** mean positive top-1 of the last 20 trained batches; null before the first step */
  recentPositiveAccuracy: number | null;
  alignment: number;
  uniformity: number;
  /** true when the batch shown has not been trained on yet (the next step will) */
  pending: boolean;
  /** whose loss `loss` is */
  method: SimclrMethod;
  /** MoCo's queue of negatives; null for the other methods */
  queue: {
    capacity: number;
    /** where the next key is written */
    pointer: number;
    fillRatio: number;
    /** data set index of the image each key came from, −1 for a random start key */
    sources: Int32Array;
    /** step at which each key entered, −1 for a random start key */
    enteredAt: Int32Array;
  } | null;
}

export interface EmbeddingSnapshot {
  step: number;
  /** PCA of h, [M, 2], rows: training images then held-out images */
  points: Float32Array;
  labels: Int32Array | null;
  /** how many of the rows are held-out (the last ones) */
  heldOutCount: number;
  /** kNN accuracy of h on the held-out split (null without labels) */
  knnAccuracy: number | null;
  /** the same kNN on the projection z = g(h), the space the loss is computed in */
  projectionKnnAccuracy: number | null;
  /** the same kNN on the raw pixels at the view size: what no network at all reaches */
  pixelKnnAccuracy: number | null;
  explained: [number, number];
  /** mean distance of h to its centroid over the mean ‖h‖: 0 = collapsed */
  spread: number;
  /** mean ‖h‖: the plot's minimum scale, so a collapsed cloud shows as a dot, not zoomed in */
  meanNorm: number;
}

/** A batch of 2N views as one array: [2N, size, size, 3], N images. */
export interface ViewsOfBatch {
  readonly views: Float32Array;
  readonly n: number;
}

/** What stage mode (worker/stage-probe.ts) reads of a trainer: its model and batches. */
export interface SimclrStageView {
  readonly config: Readonly<SimclrConfig>;
  readonly encoder: ConvEncoder;
  readonly head: ProjectionHead;
  /** drawn by preview() and not trained on yet */
  readonly pending: ViewsOfBatch | null;
  /** the batch last encoded: by a step, or by preview() */
  readonly last: ViewsOfBatch | null;
}
