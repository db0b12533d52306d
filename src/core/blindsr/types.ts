import type { Degradation } from './degrade';

/** What the Blind-SR trainer hands out: plain data, never tensors. */
export interface BlindSrSample {
  hrSize: number;
  hr: Float32Array; // [HR, HR, 3]
  low: Float32Array; // [32, 32, 3]
  kernel: Float32Array; // [k, k]
  kernelSize: number;
  degradation: Degradation;
  /** the two patches cut from the LR image (top-left corners, side = patchSize) */
  patches: [{ x: number; y: number }, { x: number; y: number }];
  /**
   * When positives pair two images degraded alike: the LR image the key patch (patches[1])
   * comes from. null when both patches come from this sample's own LR image.
   */
  partnerLow: Float32Array | null;
}

export interface BlindSrSnapshot {
  step: number;
  stage: 1 | 2 | 3;
  loss: number;
  samples: BlindSrSample[];
  patchSize: number;
  queue: {
    capacity: number;
    pointer: number;
    fillRatio: number;
    sigma: Float32Array; // NaN for the random start
    noise: Float32Array;
    enteredAt: Int32Array; // −1 for the random start
    /** weights of every entry for the first query, with the weighting as configured */
    weights: Float32Array;
    weighting: boolean;
    queryDegradation: Degradation | null;
  };
}

export interface BlindSrEvaluation {
  step: number;
  /** PCA of the degradation representation of a fixed grid: blur levels × contents */
  points: Float32Array; // [M, 2]
  sigma: Float32Array; // [M]
  content: Int32Array; // [M]
  /** Spearman correlation of σ with the first principal component */
  spearmanSigma: number;
  /** same for the content index (should stay near 0) */
  explained: [number, number];
  sr: {
    psnrBicubic: number;
    psnrSr: number;
    /** the same upsampler trained without any condition */
    psnrSrWithoutRepresentation: number;
    /** the upsampler conditioned on the true degradation (a reference, not an upper bound) */
    psnrOracle: number;
    /** PSNR per blur level of the held-out set */
    byLevel: {
      sigma: number;
      bicubic: number;
      without: number;
      learned: number;
      oracle: number;
    }[];
    /** one held-out example: LR, bicubic, SR, HR */
    example: {
      low: Float32Array;
      bicubic: Float32Array;
      sr: Float32Array;
      hr: Float32Array;
      /** blur level of the example crop */
      sigma: number;
      lowSize: number;
      hrSize: number;
    } | null;
  } | null;
}

export interface BlindSrStepResult {
  step: number;
  /** the training stage this step ran in (the page may have switched since) */
  stage: 1 | 2 | 3;
  loss: number;
  milliseconds: number;
  augmentMilliseconds: number;
  /** the step's batch was drawn ahead on the data thread (./batch-ahead.ts) */
  drawnAhead: boolean;
}
