import { applyViewInto, sampleViewParams, type AugmentConfig, type ViewParams } from './augment';
import type { RgbImage } from '../image';
import type { Random } from '../random';

/** One SimCLR batch: N image indices and their two views, [a_0..a_{N−1}, b_0..b_{N−1}]. */
export interface ViewBatch {
  indices: Int32Array;
  /** [2N, S, S, 3] */
  views: Float32Array;
  params: ViewParams[];
}

interface BatchRequest {
  batchSize: number;
  augment: AugmentConfig;
  viewSize: number;
}

const sameRequest = (a: BatchRequest, b: BatchRequest): boolean =>
  a.batchSize === b.batchSize &&
  a.viewSize === b.viewSize &&
  (Object.keys(a.augment) as (keyof AugmentConfig)[]).every(
    (key) => a.augment[key] === b.augment[key],
  );

/** Batches of N distinct images, drawn epoch by epoch without replacement, two views each. */
export class ViewBatches {
  private order: number[] = [];
  private cursor = 0;
  /** a batch drawn before it was asked for, and where the draws stood before it */
  private ahead: {
    request: BatchRequest;
    batch: ViewBatch;
    random: Random;
    order: number[];
    cursor: number;
  } | null = null;

  constructor(
    private readonly images: RgbImage[],
    private readonly random: Random,
  ) {}

  /**
   * Draws the next batch now (its images drawn and augmented: pure JS, no tfjs), so that a
   * fresh page does this while the training backend still starts. `next` returns it when
   * asked for the same; asked for another, it rewinds the draws first: the batches are the
   * same as without drawing ahead, always.
   */
  drawAhead(batchSize: number, augment: AugmentConfig, viewSize: number): void {
    if (this.ahead) return;
    const saved = { random: this.random.clone(), order: this.order, cursor: this.cursor };
    const request = { batchSize, augment: { ...augment }, viewSize };
    this.ahead = { ...saved, request, batch: this.draw(batchSize, augment, viewSize) };
  }

  next(batchSize: number, augment: AugmentConfig, viewSize: number): ViewBatch {
    const ahead = this.ahead;
    this.ahead = null;
    if (ahead) {
      if (sameRequest(ahead.request, { batchSize, augment, viewSize })) return ahead.batch;
      this.random.rewindTo(ahead.random);
      this.order = ahead.order;
      this.cursor = ahead.cursor;
    }
    return this.draw(batchSize, augment, viewSize);
  }

  private draw(batchSize: number, augment: AugmentConfig, viewSize: number): ViewBatch {
    const n = Math.min(batchSize, this.images.length);
    const indices = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (this.cursor >= this.order.length) {
        this.order = this.random.shuffle(Array.from({ length: this.images.length }, (_, k) => k));
        this.cursor = 0;
      }
      indices[i] = this.order[this.cursor++];
    }
    // views written straight into the batch: first views [0, N), second views [N, 2N)
    const stride = viewSize * viewSize * 3;
    const views = new Float32Array(2 * n * stride);
    const params: ViewParams[] = new Array<ViewParams>(2 * n);
    indices.forEach((index, i) => {
      const image = this.images[index];
      params[i] = sampleViewParams(augment, this.random);
      params[n + i] = sampleViewParams(augment, this.random);
      applyViewInto(image, params[i], viewSize, views, i * stride);
      applyViewInto(image, params[n + i], viewSize, views, (n + i) * stride);
    });
    return { indices, views, params };
  }
}
