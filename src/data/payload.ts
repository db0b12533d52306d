import { stackImages, type RgbImage } from '../core/image';
import type { Dataset, DatasetId } from './dataset';

/** A data set packed into transferable arrays for the worker. */
export interface DatasetPayload {
  id: DatasetId;
  size: number;
  count: number;
  /** [count, size, size, 3] */
  images: Float32Array;
  labels: Int32Array | null;
  classNames: string[];
  heldOut: { count: number; images: Float32Array; labels: Int32Array } | null;
}

export function packDataset(dataset: Dataset): DatasetPayload {
  const size = dataset.images[0]?.size ?? 0;
  return {
    id: dataset.id,
    size,
    count: dataset.images.length,
    images: stackImages(dataset.images),
    labels: dataset.labels ? dataset.labels.slice() : null,
    classNames: dataset.classNames,
    heldOut: dataset.heldOut
      ? {
          count: dataset.heldOut.images.length,
          images: stackImages(dataset.heldOut.images),
          labels: dataset.heldOut.labels.slice(),
        }
      : null,
  };
}

function unstack(images: Float32Array, count: number, size: number): RgbImage[] {
  const stride = size * size * 3;
  return Array.from({ length: count }, (_, i) => ({
    size,
    pixels: images.subarray(i * stride, (i + 1) * stride),
  }));
}

export function unpackDataset(payload: DatasetPayload): Dataset {
  return {
    id: payload.id,
    images: unstack(payload.images, payload.count, payload.size),
    labels: payload.labels,
    classNames: payload.classNames,
    heldOut: payload.heldOut
      ? {
          images: unstack(payload.heldOut.images, payload.heldOut.count, payload.size),
          labels: payload.heldOut.labels,
        }
      : null,
  };
}

export function payloadTransferables(payload: DatasetPayload): ArrayBuffer[] {
  const buffers = [payload.images.buffer as ArrayBuffer];
  if (payload.heldOut) buffers.push(payload.heldOut.images.buffer as ArrayBuffer);
  return buffers;
}
