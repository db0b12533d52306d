import type { RgbImage } from '../core/image';

/**
 * A data set as both labs use it: square RGB images of one size. Labels (when the set
 * has them) are only used to *evaluate* (kNN accuracy, colouring the embedding plot),
 * never to train.
 */
export interface Dataset {
  id: DatasetId;
  images: RgbImage[];
  /** class index per training image, or null for unlabelled sets */
  labels: Int32Array | null;
  classNames: string[];
  /** labelled held-out split for kNN accuracy */
  heldOut: { images: RgbImage[]; labels: Int32Array } | null;
}

export type DatasetId = 'shapes' | 'photos' | 'uploads' | 'textures';
