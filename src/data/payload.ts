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

/**
 * Throws, with the counts in words, when the arrays do not hold what the header says: a short
 * array would otherwise come out as truncated images. The worker reports the message.
 */
function checkPayload(payload: DatasetPayload): void {
  const { size, count, images, labels, heldOut } = payload;
  const fail = (problem: string): never => {
    throw new Error(`data set payload: ${problem}`);
  };
  if (!Number.isInteger(size) || size < 0) fail(`image size ${size} is not a whole number`);
  const stride = size * size * 3;
  const checkImages = (what: string, values: Float32Array, n: number) => {
    if (!Number.isInteger(n) || n < 0) fail(`${what} count ${n} is not a whole number`);
    if (values.length !== n * stride)
      fail(
        `${what} hold ${values.length} values, ${n} images of ${size}×${size}×3 need ${n * stride}`,
      );
  };
  checkImages('images', images, count);
  if (labels && labels.length !== count) fail(`${labels.length} labels for ${count} images`);
  if (heldOut) {
    checkImages('held-out images', heldOut.images, heldOut.count);
    if (heldOut.labels.length !== heldOut.count)
      fail(`${heldOut.labels.length} held-out labels for ${heldOut.count} images`);
  }
}

export function unpackDataset(payload: DatasetPayload): Dataset {
  checkPayload(payload);
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
