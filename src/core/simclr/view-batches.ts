import { applyView, sampleViewParams, type AugmentConfig, type ViewParams } from './augment';
import { stackImages, type RgbImage } from '../image';
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
    const first: RgbImage[] = [];
    const second: RgbImage[] = [];
    const paramsA: ViewParams[] = [];
    const paramsB: ViewParams[] = [];
    for (const index of indices) {
      const image = this.images[index];
      const a = sampleViewParams(augment, this.random);
      const b = sampleViewParams(augment, this.random);
      paramsA.push(a);
      paramsB.push(b);
      first.push(applyView(image, a, viewSize));
      second.push(applyView(image, b, viewSize));
    }
    return { indices, views: stackImages([...first, ...second]), params: [...paramsA, ...paramsB] };
  }
}
