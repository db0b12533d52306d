import type { SimclrSnapshot } from '../core/simclr/types';

/**
 * Same-class negatives in a SimCLR batch: for each of the 2N anchors, the views among its
 * 2N − 2 negatives whose image has the anchor's class, averaged over anchors. The loss
 * pushes them away although a label would call them alike (false negatives).
 * `labels[i]` is the class of training image i.
 */
export function sameClassNegatives(
  snapshot: Pick<SimclrSnapshot, 'imageIndices'>,
  labels: ArrayLike<number>,
): number {
  const classes = Array.from(snapshot.imageIndices, (index) => labels[index]);
  const n = classes.length;
  if (n < 2) return 0;
  let total = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (j !== i && classes[j] === classes[i]) total += 1;
  // both views of each other same-class image are negatives of both views of image i
  return (2 * 2 * total) / (2 * n);
}

/**
 * MoCo: keys of the anchor's own image among the queue's negatives, averaged over the
 * batch's images. Only keys that entered before the snapshot's step count: MoCo enqueues
 * a batch's own keys after its loss (builder.py), so those were not its negatives.
 */
export function ownImageKeys(
  snapshot: Pick<SimclrSnapshot, 'imageIndices' | 'queue' | 'step'>,
): number | null {
  const { queue, imageIndices, step } = snapshot;
  if (!queue || imageIndices.length === 0) return null;
  const inBatch = new Set(imageIndices);
  let count = 0;
  for (let k = 0; k < queue.capacity; k++)
    if (inBatch.has(queue.sources[k]) && queue.enteredAt[k] >= 0 && queue.enteredAt[k] < step)
      count += 1;
  return count / imageIndices.length;
}
