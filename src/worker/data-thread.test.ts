import { describe, expect, it } from 'vitest';
import { prepareBlindSrBatch, type BlindSrBatchSpec } from '../core/blindsr/batch';
import { makeTextures } from '../data/textures';
import { Random } from '../core/random';
import { DataThreadState, type DataReply, type DataRequest } from './data-batches';
import { DataThread, type DataPort } from './data-thread';

/** A data worker in this thread: messages structured-cloned both ways, answered a task later. */
function portHere(log: DataRequest[]): DataPort {
  const state = new DataThreadState();
  const port: DataPort = {
    onmessage: null,
    onerror: null,
    terminate: () => undefined,
    postMessage(message) {
      const request = structuredClone(message);
      log.push(request);
      setTimeout(async () => {
        const answer = await state.handle(request);
        if (answer)
          port.onmessage?.({
            data: structuredClone(answer.reply, { transfer: answer.transfer }),
          } as MessageEvent<DataReply>);
      }, 0);
    },
  };
  return port;
}

const spec: BlindSrBatchSpec = {
  images: 6,
  scale: 2,
  ranges: { kind: 'isotropic', sigmaMin: 0.2, sigmaMax: 4, noiseMax: 0 },
  pairing: 'image',
  patches: 2,
  wholeLow: 'shown',
  shown: 2,
  hrPatches: true,
};

describe('the data thread (data.worker.ts) and its client', () => {
  it('draws the batch this thread would draw from the same stream point, to the bit, and the point after it', async () => {
    const pool = makeTextures(5, 128, 4);
    const log: DataRequest[] = [];
    const thread = new DataThread(() => portHere(log));
    const random = new Random(42);
    random.next();
    const start = random.state();
    const prepared = await thread.prepare(spec, start, pool);
    const here = await prepareBlindSrBatch(spec, pool, random);
    expect(prepared.state).toEqual(random.state());
    expect(prepared.batch.pool).toBe(pool);
    expect(prepared.batch.degradations).toEqual(here.degradations);
    expect(prepared.batch.sources).toEqual(here.sources);
    expect(prepared.batch.patches).toEqual(here.patches);
    expect(prepared.batch.lowPatches).toEqual(here.lowPatches);
    expect(prepared.batch.low).toEqual(here.low);
    expect(prepared.batch.hrPatches).toEqual(here.hrPatches);
    // the pool went once, before the first request; a second batch of the same pool sends none
    await thread.prepare(spec, random.state(), pool);
    expect(log.map((m) => m.type)).toEqual(['pool', 'batch', 'batch']);
    // another pool (an upload) goes before the request that reads it
    await thread.prepare(spec, random.state(), makeTextures(6, 128, 3));
    expect(log.map((m) => m.type)).toEqual(['pool', 'batch', 'batch', 'pool', 'batch']);
  });

  it('rejects what is waiting, and every request after, once the thread fails', async () => {
    let port: DataPort | null = null;
    const thread = new DataThread(() => {
      port = {
        onmessage: null,
        onerror: null,
        terminate: () => undefined,
        postMessage: () => undefined,
      };
      return port;
    });
    const pool = makeTextures(5, 128, 2);
    const waiting = thread.prepare(spec, new Random(1).state(), pool);
    port!.onerror?.({ message: 'boom', preventDefault: () => undefined } as ErrorEvent);
    await expect(waiting).rejects.toThrow(/boom/);
    await expect(thread.prepare(spec, new Random(1).state(), pool)).rejects.toThrow(/failed/);
  });

  it('answers a failed drawing with its reason', async () => {
    const state = new DataThreadState();
    const answer = await state.handle({ type: 'batch', id: 3, spec, state: new Random(1).state() });
    expect(answer?.reply).toEqual({ type: 'failed', id: 3, message: 'no pool yet' });
  });
});
