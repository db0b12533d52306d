import type { EmbeddingSnapshot, SimclrSnapshot } from '../core/simclr/types';
import { moreFigures as f } from './more-figures';
import { ownImageKeys, sameClassNegatives } from './negatives-readout';

/** What these judges read of a run: a subset of the lesson readout. */
export interface RunReadout {
  snapshot: SimclrSnapshot | null;
  embedding: EmbeddingSnapshot | null;
}

const nan = (value: number | null | undefined) => value ?? NaN;
export const knnOfH = (r: RunReadout) => nan(r.embedding?.knnAccuracy);
export const knnOfZ = (r: RunReadout) => nan(r.embedding?.projectionKnnAccuracy);
export const knnOfPixels = (r: RunReadout) => nan(r.embedding?.pixelKnnAccuracy);
export const negativesOf = (r: RunReadout) => (r.snapshot ? 2 * r.snapshot.batchSize - 2 : NaN);
export const chanceLossOf = (r: RunReadout) =>
  r.snapshot ? Math.log(2 * r.snapshot.batchSize - 1) : NaN;
/** kNN's chance: one over the classes (labels of every image, train and held-out) */
export const knnChanceOf = (r: RunReadout) =>
  r.embedding?.labels ? 1 / new Set(r.embedding.labels).size : NaN;
/** training images' labels: the first rows of the embedding's labels */
export const sameClassNegativesOf = (r: RunReadout) =>
  r.snapshot && r.embedding?.labels ? sameClassNegatives(r.snapshot, r.embedding.labels) : NaN;
export const sameClassShareOf = (r: RunReadout) => sameClassNegativesOf(r) / negativesOf(r);
export const ownKeysOf = (r: RunReadout) => (r.snapshot ? nan(ownImageKeys(r.snapshot)) : NaN);
export const top1Of = (r: RunReadout) => nan(r.snapshot?.recentPositiveAccuracy);

/** The answer whose value lies nearest the reading. */
function nearest(reading: number, answers: [string, number][]): string {
  return [...answers].sort((a, b) => Math.abs(a[1] - reading) - Math.abs(b[1] - reading))[0][0];
}

function hOrZ(r: RunReadout, within: number): string {
  const gap = knnOfH(r) - knnOfZ(r);
  return Math.abs(gap) <= within ? 'same' : gap > 0 ? 'h' : 'z';
}

type Judge = (start: RunReadout, end: RunReadout) => string;

/** Each step's judge: what the run says, as one of the step's answers. */
export const moreJudges = {
  /** batch.1: negatives of one anchor at N 100 */
  negatives: (_, end) => `n${negativesOf(end)}`,
  /** batch.2 and .3: kNN of h against the split between N 16 and N 100 */
  batchKnn: (_, end) => (knnOfH(end) >= f.knnBatchSplit ? 'above' : 'below'),
  /** projection.1: before training, a clear gap (or none) between kNN of h and of z */
  hOrZAtStart: (_, end) => hOrZ(end, f.knnClearGap),
  /** projection.2: after training, h and z within knnSameWithin read "about the same" */
  hOrZTrained: (_, end) => hOrZ(end, f.knnSameWithin),
  /** augment.1: the paper's crop on 16² views of these shapes */
  cropKnn: (start, end) => (knnOfH(end) < knnOfH(start) ? 'falls' : 'rises'),
  /** augment.2: strong colour — a harder task (top-1) and a representation (kNN) */
  strongColour: (start, end) => {
    const harder = top1Of(end) < f.top1Hard;
    const better = knnOfH(end) > knnOfH(start) + f.knnStrongRise;
    return harder && better ? 'harderBetter' : harder ? 'harderWorse' : 'easier';
  },
  /** falseneg.1: same-class views among an anchor's 2N − 2 negatives */
  sameClass: (_, end) =>
    nearest(sameClassNegativesOf(end), [
      ['none', 0],
      ['five', 5],
      ['fifteen', 15],
    ]),
  /** falseneg.2: the anchor's own image's older keys among MoCo's negatives */
  ownKeys: (_, end) =>
    nearest(ownKeysOf(end), [
      ['none', 0],
      ['one', 1],
      ['several', 3.5],
    ]),
  /** falseneg.3: the share of same-class negatives at N 100 */
  sameClassShare: (_, end) =>
    nearest(sameClassShareOf(end), [
      ['smaller', 0.05],
      ['same', 1 / 6],
    ]),
  /** momentum.1 and .2: does MoCo learn (kNN of h up by more than noise) or not */
  mocoLearns: (start, end) => (knnOfH(end) > knnOfH(start) + f.knnClearRise ? 'learns' : 'fails'),
  /** metrics.1: a random encoder's kNN against chance and a trained one */
  randomKnn: (_, end) =>
    nearest(knnOfH(end), [
      ['chance', knnChanceOf(end)],
      ['half', 0.5],
      ['high', 0.9],
    ]),
  /** metrics.2: raw pixels against the random encoder */
  pixels: (_, end) => {
    const gap = knnOfPixels(end) - knnOfH(end);
    return gap > 0.05 ? 'higher' : gap < -0.05 ? 'lower' : 'same';
  },
  /** metrics.3: the trained encoder against raw pixels */
  beatsPixels: (_, end) => (knnOfH(end) > knnOfPixels(end) + 0.03 ? 'above' : 'below'),
} satisfies Record<string, Judge>;
