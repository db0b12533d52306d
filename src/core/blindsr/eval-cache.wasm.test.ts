import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeTextures } from '../../data/textures';
import { encoderVariables, makeConvEncoder } from '../nn/models';
import { Random } from '../random';
import { defaultBlindSrConfig } from './config';
import { BlindSrEvaluator, type EvaluatedModel } from './eval';
import { HrSampler } from './sampler';
import { SrStage } from './sr-stage';

/** The Blind-SR evaluation's model parts, small: a two-layer encoder and the three upsamplers. */
function model(): EvaluatedModel & { dispose(): void } {
  const config = { ...defaultBlindSrConfig, stage: 2 as const };
  const sampler = new HrSampler(config, makeTextures(4, 128, 4));
  const random = new Random(11);
  const encoder = makeConvEncoder(
    {
      inputChannels: 3,
      channels: [8, 16],
      strides: [1, 2],
      activation: 'leakyRelu',
      centerInput: true,
    },
    random,
  );
  const sr = new SrStage(config, sampler, encoder, 5, () => 0);
  return {
    sampler,
    encoder,
    sr,
    dispose: () => {
      sr.dispose();
      tf.dispose(encoderVariables(encoder));
    },
  };
}

/** The same held-out sets (one seed), evaluated by an evaluator that has kept nothing yet. */
const fresh = (parts: EvaluatedModel) => new BlindSrEvaluator(parts, new Random(3));

const convCalls = async (evaluate: () => Promise<unknown>) =>
  (
    await tf.profile(async () => {
      await evaluate();
    })
  ).kernels.filter((k) => k.name === 'PlaygroundConv2D').length;

describe('the Blind-SR evaluation keeps what the frozen encoder yields', () => {
  it('reuses the embedding and the held-out representation while the encoder is unchanged, and only then', async () => {
    const parts = model();
    const kept = fresh(parts);
    const first = await kept.evaluate(0, true);
    // the encoder unchanged: the same evaluation, without running it on the grid or the crops
    const other = fresh(parts);
    const firstCalls = await convCalls(() => other.evaluate(0, true));
    const keptCalls = await convCalls(() => kept.evaluate(0, true));
    other.dispose();
    expect(keptCalls).toBeLessThan(firstCalls);
    const again = await kept.evaluate(1, true);
    expect(again.points).toEqual(first.points);
    expect(again.sr).toEqual(first.sr);

    // the upsamplers train (stage 2): their outputs are new, the representation they read is not
    const random = new Random(9);
    for (let i = 0; i < 2; i++) await parts.sr.step(random, async () => undefined);
    const fromFresh = fresh(parts);
    const afterSteps = await kept.evaluate(2, true);
    const expected = await fromFresh.evaluate(2, true);
    expect(afterSteps.sr).toEqual(expected.sr);
    expect(afterSteps.sr!.psnrSr).not.toBe(first.sr!.psnrSr);
    expect(afterSteps.points).toEqual(expected.points);

    // one running statistic of the encoder moves (as any stage-1 step moves them): all anew
    const runningMean = parts.encoder.norms[0].runningMean as tf.Variable;
    const moved = runningMean.dataSync().slice();
    moved[0] += 0.25;
    runningMean.assign(tf.tensor(moved, runningMean.shape));
    const changed = await kept.evaluate(3, true);
    const anew = fresh(parts);
    const changedFresh = await anew.evaluate(3, true);
    anew.dispose();
    // (PC1's sign follows the axes before, which only the kept evaluator has)
    expect(Math.abs(changed.spearmanSigma)).toBe(Math.abs(changedFresh.spearmanSigma));
    expect(changed.explained).toEqual(changedFresh.explained);
    expect(changed.sr).toEqual(changedFresh.sr);
    expect(changed.sr!.psnrSr).not.toBe(afterSteps.sr!.psnrSr);

    kept.dispose();
    fromFresh.dispose();
    parts.dispose();
  }, 120_000);

  it('frees what it kept', async () => {
    const parts = model();
    // the stage's representation statistics, made at the first evaluation, are the stage's
    const first = fresh(parts);
    await first.evaluate(0, true);
    first.dispose();
    const base = tf.memory().numTensors;
    const evaluator = fresh(parts);
    await evaluator.evaluate(0, true);
    await evaluator.evaluate(1, true);
    evaluator.dispose();
    expect(tf.memory().numTensors).toBe(base);
    parts.dispose();
  }, 120_000);
});
