import type { BlindSrBatch, BlindSrBatchSpec } from './batch';
import type { RgbImage } from '../image';
import type { RandomState } from '../random';

/** A batch drawn elsewhere (a data worker) from a point of the random stream, and the point after it. */
export interface PreparedBatch {
  batch: BlindSrBatch;
  state: RandomState;
}

/**
 * Draws the batch `spec` of `pool` from the stream point `state`, exactly as
 * prepareBlindSrBatch would from a stream at that point (the same arrays to the bit).
 * Rejects when it cannot.
 */
export type PrepareBatch = (
  spec: BlindSrBatchSpec,
  state: RandomState,
  pool: RgbImage[],
) => Promise<PreparedBatch>;

const sameState = (a: RandomState, b: RandomState) => a.every((word, i) => word === b[i]);

/**
 * The next step's batch, drawn on another thread while this step trains. After each batch
 * the trainer starts the next one with the same spec from the point its stream is at;
 * the next step takes it only if it asks for that spec from that point — what it would
 * have drawn itself — and draws its own otherwise (a setting changed, the stage moved, the
 * other thread failed), so a seed gives the same run either way.
 *
 * Only batches whose kernels are all separable (isotropic blur) are drawn ahead: the others
 * blur on tfjs, which the data thread does not load.
 */
export class BatchesAhead {
  private pending: {
    key: string;
    state: RandomState;
    pool: RgbImage[];
    result: Promise<PreparedBatch | null>;
  } | null = null;

  constructor(private readonly prepare: PrepareBatch) {}

  /** Starts drawing `spec` from the point `state` (the stream is not moved). */
  start(spec: BlindSrBatchSpec, state: RandomState, pool: RgbImage[]): void {
    this.pending = null;
    if (spec.ranges.kind !== 'isotropic') return;
    let result: Promise<PreparedBatch | null>;
    try {
      result = this.prepare(spec, state, pool).catch(() => null);
    } catch {
      return;
    }
    this.pending = { key: JSON.stringify(spec), state, pool, result };
  }

  /**
   * The batch started for exactly this spec, point and pool, or null: none was, another
   * was (dropped), or it failed.
   */
  async take(
    spec: BlindSrBatchSpec,
    state: RandomState,
    pool: RgbImage[],
  ): Promise<PreparedBatch | null> {
    const pending = this.pending;
    this.pending = null;
    if (
      !pending ||
      pending.pool !== pool ||
      pending.key !== JSON.stringify(spec) ||
      !sameState(pending.state, state)
    )
      return null;
    return pending.result;
  }
}
