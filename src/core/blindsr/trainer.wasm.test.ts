import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeTextures } from '../../data/textures';
import { defaultBlindSrConfig } from './config';
import { BlindSrTrainer } from './trainer';

/**
 * The Blind-SR lab's claim on its default link, by steps (docs/RESULTS.md gives the step rate
 * that turns these budgets into seconds): stage 1 orders blur, stage 2's upsampler gains
 * from the learned representation over the same network trained without it.
 */
const stage1Steps = 400;
const stage2Steps = 300;

describe('Blind-SR lab, default config (wasm backend)', () => {
  it('stage 1 orders degradations by blur; stage 2 gains ≥ 0.3 dB from the representation', async () => {
    expect(tf.getBackend()).toBe('wasm');
    const hr = makeTextures(defaultBlindSrConfig.seed, 192, 12);
    const trainer = new BlindSrTrainer(defaultBlindSrConfig, hr);
    const before = await trainer.evaluate(false);
    let t = performance.now();
    const curve: string[] = [];
    const losses: number[] = [];
    for (let i = 1; i <= stage1Steps; i++) {
      losses.push((await trainer.trainStep()).loss);
      if (i % 50 === 0)
        curve.push(`${i}: ${Math.abs((await trainer.evaluate(false)).spearmanSigma).toFixed(2)}`);
    }
    const stage1Ms = (performance.now() - t) / stage1Steps;
    const after = await trainer.evaluate(false);
    trainer.update({ stage: 2 });
    t = performance.now();
    const gains: string[] = [];
    for (let i = 1; i <= stage2Steps; i++) {
      await trainer.trainStep();
      if (i % 100 === 0) {
        const sr = (await trainer.evaluate(true)).sr!;
        gains.push(
          `${i}: bicubic ${sr.psnrBicubic.toFixed(2)} without ${sr.psnrSrWithoutRepresentation.toFixed(2)} learned ${sr.psnrSr.toFixed(2)} oracle ${sr.psnrOracle.toFixed(2)}`,
        );
      }
    }
    const stage2Ms = (performance.now() - t) / stage2Steps;
    const end = (await trainer.evaluate(true)).sr!;
    console.info(
      `Blind-SR: |Spearman(σ, PC1)| ${Math.abs(before.spearmanSigma).toFixed(2)} at init; ${curve.join(', ')} (${stage1Ms.toFixed(0)} ms/step)\n` +
        `stage 2 PSNR (dB): ${gains.join('; ')} (${stage2Ms.toFixed(0)} ms/step)\n` +
        `by σ: ${end.byLevel.map((l) => `${l.sigma.toFixed(1)}: ${l.without.toFixed(1)}/${l.learned.toFixed(1)}`).join(' ')}`,
    );
    expect(Math.abs(after.spearmanSigma)).toBeGreaterThanOrEqual(0.9);
    // the loss panel's caption: the loss first rises while real keys replace the queue's
    // random start (K / N steps), then falls
    const mean = (from: number, to: number) =>
      losses.slice(from, to).reduce((a, b) => a + b, 0) / (to - from);
    const fill = defaultBlindSrConfig.queueSize / defaultBlindSrConfig.batchSize;
    const first = mean(0, 5);
    const filled = mean(fill, fill + 10);
    const last = mean(stage1Steps - 20, stage1Steps);
    console.info(
      `stage-1 loss: steps 1–5 ${first.toFixed(2)}, ${fill + 1}–${fill + 10} ${filled.toFixed(2)}, last 20 ${last.toFixed(2)}`,
    );
    expect(filled).toBeGreaterThan(first);
    expect(last).toBeLessThan(filled - 0.5);
    expect(end.psnrSr).toBeGreaterThanOrEqual(end.psnrSrWithoutRepresentation + 0.3);
    expect(end.psnrSr).toBeGreaterThan(end.psnrBicubic);
    trainer.dispose();
  });
});
