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

/** Batches of N distinct images, drawn epoch by epoch without replacement, two views each. */
export class ViewBatches {
  private order: number[] = [];
  private cursor = 0;

  constructor(
    private readonly images: RgbImage[],
    private readonly random: Random,
  ) {}

  next(batchSize: number, augment: AugmentConfig, viewSize: number): ViewBatch {
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
