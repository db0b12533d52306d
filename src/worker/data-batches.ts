import {
  prepareBlindSrBatch,
  type BlindSrBatch,
  type BlindSrBatchSpec,
} from '../core/blindsr/batch';
import type { RgbImage } from '../core/image';
import { Random, type RandomState } from '../core/random';
import { transferables } from './transferables';

/**
 * The data thread's messages (data.worker.ts draws Blind-SR batches ahead for the training
 * worker, core/blindsr/batch-ahead.ts). The pool is sent once per pool; a batch request
 * names the spec and the random stream's point; the reply carries the batch's arrays
 * (handed over, not copied) and the point after it.
 */
export type DataRequest =
  | { type: 'pool'; pool: RgbImage[] }
  | { type: 'batch'; id: number; spec: BlindSrBatchSpec; state: RandomState };

/** A batch without the pool it was drawn from (the training worker holds that). */
export type WireBatch = Omit<BlindSrBatch, 'pool'>;

export type DataReply =
  | { type: 'batch'; id: number; batch: WireBatch; state: RandomState }
  | { type: 'failed'; id: number; message: string };

/** The batch's arrays whose buffers can be handed over whole (the rest are copied). */
function ownBuffers(batch: WireBatch): ArrayBuffer[] {
  const arrays = [...batch.low, ...batch.lowPatches, batch.hrPatches, ...batch.hr];
  return transferables(arrays.filter((a): a is Float32Array => a !== null));
}

/**
 * The data thread's side: the pool it holds and how it answers a request. Only separable
 * kernels are asked for (batch-ahead.ts), so the batch never needs tfjs here.
 */
export class DataThreadState {
  private pool: RgbImage[] = [];

  async handle(
    request: DataRequest,
  ): Promise<{ reply: DataReply; transfer: ArrayBuffer[] } | null> {
    if (request.type === 'pool') {
      this.pool = request.pool;
      return null;
    }
    try {
      if (this.pool.length === 0) throw new Error('no pool yet');
      const random = Random.at(request.state);
      const drawn: Partial<BlindSrBatch> = await prepareBlindSrBatch(
        request.spec,
        this.pool,
        random,
      );
      // the training worker holds the pool: it does not travel back
      delete drawn.pool;
      const batch = drawn as WireBatch;
      return {
        reply: { type: 'batch', id: request.id, batch, state: random.state() },
        transfer: ownBuffers(batch),
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { reply: { type: 'failed', id: request.id, message }, transfer: [] };
    }
  }
}
