import { lightbsrMetrics } from './lightbsr-metrics';
import { moreMetrics } from './more-metrics';
import {
  hardestNegativeShare,
  ntXentAt,
  positiveNegativeCosine,
  type LessonReadout,
} from './readout';

/**
 * The quantities a lesson step can observe, each computed from a readout of the run
 * (never typed). The label of metric `id` is the message `lessons.metric.<id>`.
 */
export const metrics = {
  knn: { digits: 2, read: (r: LessonReadout) => r.embedding?.knnAccuracy ?? null },
  top1: { digits: 2, read: (r: LessonReadout) => r.snapshot?.recentPositiveAccuracy ?? null },
  loss: { digits: 2, read: (r: LessonReadout) => r.recentLoss },
  /** the loss of a random encoder: log(2N − 1) */
  chanceLoss: {
    digits: 2,
    read: (r: LessonReadout) => (r.snapshot ? Math.log(2 * r.snapshot.batchSize - 1) : null),
  },
  /** −1/τ: the floor of the positive-only loss */
  positiveFloor: {
    digits: 2,
    read: (r: LessonReadout) => (r.snapshot ? -1 / r.snapshot.temperature : null),
  },
  uniformity: { digits: 2, read: (r: LessonReadout) => r.snapshot?.uniformity ?? null },
  negatives: {
    digits: 0,
    read: (r: LessonReadout) => (r.snapshot ? 2 * r.snapshot.batchSize - 2 : null),
  },
  views: { digits: 0, read: (r: LessonReadout) => (r.snapshot ? 2 * r.snapshot.batchSize : null) },
  positiveCosine: {
    digits: 2,
    read: (r: LessonReadout) => (r.snapshot ? positiveNegativeCosine(r.snapshot).positive : null),
  },
  negativeCosine: {
    digits: 2,
    read: (r: LessonReadout) => (r.snapshot ? positiveNegativeCosine(r.snapshot).negative : null),
  },
  /** the batch's NT-Xent recomputed at τ 0.2, 0.05 and 1.5 from the cosine matrix */
  hardestShare02: {
    digits: 2,
    read: (r: LessonReadout) => (r.snapshot ? hardestNegativeShare(r.snapshot, 0.2) : null),
  },
  hardestShare005: {
    digits: 2,
    read: (r: LessonReadout) => (r.snapshot ? hardestNegativeShare(r.snapshot, 0.05) : null),
  },
  hardestShare15: {
    digits: 2,
    read: (r: LessonReadout) => (r.snapshot ? hardestNegativeShare(r.snapshot, 1.5) : null),
  },
  uniformShare: {
    digits: 3,
    read: (r: LessonReadout) => (r.snapshot ? 1 / (2 * r.snapshot.batchSize - 2) : null),
  },
  batchLoss: {
    digits: 2,
    read: (r: LessonReadout) => (r.snapshot ? ntXentAt(r.snapshot, r.snapshot.temperature) : null),
  },
  /** MoCo: how often each training image is in a full queue */
  queuePerImage: {
    digits: 1,
    read: (r: LessonReadout) =>
      r.snapshot?.queue && r.datasetSize ? r.snapshot.queue.capacity / r.datasetSize : null,
  },
  rho: {
    digits: 2,
    read: (r: LessonReadout) => (r.evaluation ? Math.abs(r.evaluation.spearmanSigma) : null),
  },
  /** stage 2: dB the learned condition adds over the same network told nothing */
  gain: {
    digits: 2,
    read: (r: LessonReadout) =>
      r.evaluation?.sr
        ? r.evaluation.sr.psnrSr - r.evaluation.sr.psnrSrWithoutRepresentation
        : null,
  },
  /** stage 2: dB the true degradation (the reference) adds over nothing */
  referenceGain: {
    digits: 2,
    read: (r: LessonReadout) =>
      r.evaluation?.sr
        ? r.evaluation.sr.psnrOracle - r.evaluation.sr.psnrSrWithoutRepresentation
        : null,
  },
  gainWeakBlur: {
    digits: 2,
    read: (r: LessonReadout) => {
      const levels = r.evaluation?.sr?.byLevel;
      if (!levels?.length) return null;
      const weakest = levels.reduce((a, b) => (b.sigma < a.sigma ? b : a));
      return weakest.learned - weakest.without;
    },
  },
  gainStrongBlur: {
    digits: 2,
    read: (r: LessonReadout) => {
      const levels = r.evaluation?.sr?.byLevel;
      if (!levels?.length) return null;
      const strongest = levels.reduce((a, b) => (b.sigma > a.sigma ? b : a));
      return strongest.learned - strongest.without;
    },
  },
  /** Blind-SR queue: the smallest and largest prior weight of the negatives of one query */
  weightMin: {
    digits: 2,
    read: (r: LessonReadout) =>
      r.blindsr ? finiteExtreme(r.blindsr.queue.weights, Math.min) : null,
  },
  weightMax: {
    digits: 2,
    read: (r: LessonReadout) =>
      r.blindsr ? finiteExtreme(r.blindsr.queue.weights, Math.max) : null,
  },
  /** Blind-SR queue: share of the keys still random */
  randomKeys: {
    digits: 2,
    read: (r: LessonReadout) =>
      r.blindsr
        ? r.blindsr.queue.enteredAt.filter((s) => s < 0).length / r.blindsr.queue.capacity
        : null,
  },
  ...moreMetrics,
  ...lightbsrMetrics,
} satisfies Record<string, { digits: number; read: (r: LessonReadout) => number | null }>;

export type MetricId = keyof typeof metrics;

function finiteExtreme(values: Float32Array, pick: (...v: number[]) => number): number | null {
  const finite = Array.from(values).filter(Number.isFinite);
  return finite.length ? pick(...finite) : null;
}

export function readMetric(id: MetricId, readout: LessonReadout): number | null {
  return metrics[id].read(readout);
}

export function formatMetric(id: MetricId, value: number | null): string {
  return value === null ? '—' : value.toFixed(metrics[id].digits);
}

/** A metric for a judge: NaN when the run has no value for it, so comparisons come out false. */
export function metric(id: MetricId, readout: LessonReadout): number {
  return readMetric(id, readout) ?? NaN;
}
