import type { LightBsrReport } from '../core/blindsr/lightbsr';
import type { BlindSrEvaluation, BlindSrSnapshot } from '../core/blindsr/types';
import type { EmbeddingSnapshot, SimclrSnapshot } from '../core/simclr/types';

/**
 * What a lesson step reads of a run, at its start and at its end: the same plain data the
 * page's store holds and the trainers hand out, so the page and the claim tests
 * (claims-*.wasm.test.ts) judge a step by one function.
 */
export interface LessonReadout {
  /** training steps of the model so far */
  step: number;
  /** SimCLR: the last batch (cosine matrix, uniformity …) and the kNN evaluation */
  snapshot: SimclrSnapshot | null;
  embedding: EmbeddingSnapshot | null;
  /** mean of the last few step losses (null before any step) */
  recentLoss: number | null;
  /** images the SimCLR lab trains on */
  datasetSize: number | null;
  /** Blind-SR */
  blindsr: BlindSrSnapshot | null;
  evaluation: BlindSrEvaluation | null;
  /** Blind-SR, LightBSR pipeline: the teacher's and both students' embeddings, params, ms/step */
  lightbsr: LightBsrReport | null;
}

/** Losses averaged for `recentLoss`: one batch is noisy. */
export const recentLossWindow = 20;

export function meanOfLast(values: number[], count = recentLossWindow): number | null {
  const tail = values.slice(-count);
  return tail.length === 0 ? null : tail.reduce((a, b) => a + b, 0) / tail.length;
}

/** Mean cosine of the positive pairs and of every other pair of the batch's 2N views. */
export function positiveNegativeCosine(snapshot: SimclrSnapshot): {
  positive: number;
  negative: number;
} {
  const views = 2 * snapshot.batchSize;
  let positive = 0;
  let negative = 0;
  for (let i = 0; i < views; i++)
    for (let j = 0; j < views; j++) {
      if (i === j) continue;
      const value = snapshot.similarity[i * views + j];
      if (j === (i + snapshot.batchSize) % views) positive += value;
      else negative += value;
    }
  return { positive: positive / views, negative: negative / (views * (views - 2)) };
}

/** Row i's softmax over the 2N − 1 candidates k ≠ i at temperature τ (SimCLR eq. 1). */
function rowSoftmax(snapshot: SimclrSnapshot, row: number, temperature: number): number[] {
  const views = 2 * snapshot.batchSize;
  const logits: number[] = [];
  for (let k = 0; k < views; k++)
    if (k !== row) logits.push(snapshot.similarity[row * views + k] / temperature);
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * The share of a row's negative weight that its single most similar negative takes,
 * averaged over rows: near 1/(2N − 2) when every negative counts alike, near 1 when the
 * softmax concentrates on the hardest one.
 */
export function hardestNegativeShare(snapshot: SimclrSnapshot, temperature: number): number {
  const views = 2 * snapshot.batchSize;
  let total = 0;
  for (let i = 0; i < views; i++) {
    const positive = (i + snapshot.batchSize) % views;
    const weights = rowSoftmax(snapshot, i, temperature);
    // the candidates skip k = i: index k maps to k − 1 after it
    const positiveIndex = positive < i ? positive : positive - 1;
    const negatives = weights.filter((_, k) => k !== positiveIndex);
    const sum = negatives.reduce((a, b) => a + b, 0);
    total += Math.max(...negatives) / sum;
  }
  return total / views;
}

/** NT-Xent of the batch on screen at temperature τ, from its cosine matrix (SimCLR eq. 1). */
export function ntXentAt(snapshot: SimclrSnapshot, temperature: number): number {
  const views = 2 * snapshot.batchSize;
  let total = 0;
  for (let i = 0; i < views; i++) {
    const positive = (i + snapshot.batchSize) % views;
    const weights = rowSoftmax(snapshot, i, temperature);
    total -= Math.log(weights[positive < i ? positive : positive - 1]);
  }
  return total / views;
}
