import type { ConvEncoder, ProjectionHead } from '../nn/models';
import { evaluateEmbedding, pixelKnnAccuracy } from './eval';
import type { EmbeddingSnapshot, SimclrData } from './types';

/**
 * A trainer's evaluations of its embedding (eval.ts) and what they keep from one to the next:
 * the raw pixels' kNN (fixed for the data set and view size, computed once), the plot's axes
 * (its orientation kept), and how many of the data set's images are drawn already.
 */
export class EmbeddingEvaluator {
  private pixelKnn: number | null | undefined;
  private previousAxes: Float32Array | undefined;
  private imagesDrawn = 0;

  constructor(
    private readonly data: SimclrData,
    private readonly viewSize: number,
  ) {}

  /**
   * Draws the next `slice` of the images an evaluation reads (training, then held-out): the
   * built-in shapes are drawn when first read, ~1 ms each in a fresh page's cold code, so the
   * worker draws them a slice a step while playing instead of all in the first evaluation.
   * True once all are drawn (the images of other data sets are drawn already: at once).
   */
  drawImages(slice = 32): boolean {
    const { images, heldOut } = this.data;
    const total = images.length + (heldOut?.images.length ?? 0);
    const end = Math.min(total, this.imagesDrawn + slice);
    for (let i = this.imagesDrawn; i < end; i++) {
      const image = i < images.length ? images[i] : heldOut?.images[i - images.length];
      void image?.pixels;
    }
    this.imagesDrawn = end;
    return end >= total;
  }

  /** PCA of h over the data set; kNN accuracy of h and of z on the held-out split. */
  async evaluate(
    encoder: ConvEncoder,
    head: ProjectionHead,
    step: number,
  ): Promise<EmbeddingSnapshot> {
    this.pixelKnn ??= pixelKnnAccuracy(this.data, this.viewSize);
    const { embedding, axes } = await evaluateEmbedding(
      encoder,
      head,
      this.data,
      this.viewSize,
      step,
      this.previousAxes,
      this.pixelKnn,
    );
    this.previousAxes = axes;
    return embedding;
  }
}
