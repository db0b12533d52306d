/**
 * The figures six of the SimCLR lessons quote (batch, projection, augment, falseneg, momentum,
 * metrics), measured on the wasm engine over seeds 1–3 (claims-*.wasm.test.ts asserts
 * each on the page's seed). Thresholds, not readings: the student's run shows its own.
 */
export const moreFigures = {
  /** the seed's example: N images → 2N views → 2N − 2 negatives */
  exampleBatch: 100,
  /** steps of the batch-size comparison (N 100 runs ~6× longer per step) */
  stepsBatch: 200,
  /** kNN of h after stepsBatch steps: N 16 stays below it, N 100 reaches it */
  knnBatchSplit: 0.7,
  /** before training: a gap between kNN of h and of z larger than this is clear */
  knnClearGap: 0.03,
  /** a rise of kNN larger than this is learning, not noise (96 held-out images) */
  knnClearRise: 0.05,
  /** h and z read "about the same" when their kNN differ by at most this */
  knnSameWithin: 0.1,
  /** steps of the h-vs-z step */
  stepsProjection: 300,
  /** the paper's smallest crop (SimCLR, Appendix A: 0.08 to 1 of the area) */
  paperCropMinArea: 0.08,
  /** the lab's default smallest crop */
  labCropMinArea: 0.75,
  /** the strong colour strength tried (SimCLR's ImageNet default is 1.0, Appendix A) */
  strongColour: 1,
  /** a rise of kNN of h at least this counts as learning well (300 steps) */
  knnStrongRise: 0.15,
  /** positive top-1 over the last 20 batches below this counts as a harder task */
  top1Hard: 0.6,
  /** MoCo's queue in the false-negative step */
  falseNegativeQueue: 1024,
  /** steps of MoCo before the own-image keys are counted (the queue fills in K / N) */
  stepsQueueFill: 100,
  /** steps of the momentum steps */
  stepsMomentum: 300,
  /** MoCo's momentum (MoCo §3.2, 0.999 there; 0.99 here, a short run) */
  momentumDefault: 0.99,
  /** steps of training before kNN of h is compared with kNN of the raw pixels */
  stepsBeatPixels: 600,
} as const;
