import { describe, expect, it } from 'vitest';
import { makeTextures } from '../../data/textures';
import { Random } from '../random';
import { prepareBlindSrBatch } from './batch';
import type { PrepareBatch } from './batch-ahead';
import { defaultBlindSrConfig, type BlindSrConfig, type LiveBlindSrChange } from './config';
import { BlindSrTrainer } from './trainer';

/** The data thread, in this thread: the same drawing, answered a task later. */
const laterHere =
  (calls: { count: number }): PrepareBatch =>
  (spec, state, pool) => {
    calls.count += 1;
    return new Promise((resolve) =>
      setTimeout(async () => {
        const random = Random.at(state);
        const batch = await prepareBlindSrBatch(spec, pool, random);
        resolve({ batch, state: random.state() });
      }, 0),
    );
  };

const failing: PrepareBatch = () => Promise.reject(new Error('the data thread is gone'));

/** Steps with live changes before some of them; each step's loss and whether it was drawn ahead. */
async function run(
  config: BlindSrConfig,
  prepare: PrepareBatch | null,
  changes: Record<number, LiveBlindSrChange>,
  steps: number,
) {
  const trainer = new BlindSrTrainer(config, makeTextures(3, 128, 6));
  trainer.drawAhead(prepare);
  const losses: number[] = [];
  const ahead: boolean[] = [];
  for (let i = 1; i <= steps; i++) {
    if (changes[i]) trainer.update(changes[i]);
    const result = await trainer.trainStep();
    losses.push(result.loss);
    ahead.push(result.drawnAhead);
  }
  trainer.dispose();
  return { losses, ahead };
}

describe('Blind-SR batches drawn ahead on another thread', () => {
  const config = { ...defaultBlindSrConfig, batchSize: 8, queueSize: 64 };
  // a range moves before step 4, stage 2 from step 7
  const changes = { 4: { sigmaMax: 3 }, 7: { stage: 2 as const } };

  it('give the run it would have drawn itself, and are used whenever the spec and stream point match', async () => {
    const alone = await run(config, null, changes, 10);
    const calls = { count: 0 };
    const withAhead = await run(config, laterHere(calls), changes, 10);
    expect(withAhead.losses).toEqual(alone.losses);
    expect(alone.ahead.every((a) => !a)).toBe(true);
    // step 1 draws its own; a changed range (4) and the first stage-2 step (7) do too: the
    // batch drawn ahead was for another spec
    expect(withAhead.ahead).toEqual([
      false,
      true,
      true,
      false,
      true,
      true,
      false,
      true,
      true,
      true,
    ]);
    expect(calls.count).toBe(10);
  });

  it('fall back to drawing on this thread when the other thread fails, with the same run', async () => {
    const alone = await run(config, null, changes, 6);
    const failed = await run(config, failing, changes, 6);
    expect(failed.losses).toEqual(alone.losses);
    expect(failed.ahead.every((a) => !a)).toBe(true);
  });

  it('are not drawn for kernels that are not separable (anisotropic blur blurs on tfjs)', async () => {
    const calls = { count: 0 };
    const anisotropic = { ...config, blurKind: 'anisotropic' as const };
    const result = await run(anisotropic, laterHere(calls), {}, 4);
    expect(result.ahead.every((a) => !a)).toBe(true);
    expect(calls.count).toBe(0);
  });
});
