import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { makeTextures } from '../data/textures';
import { defaultBlindSrConfig } from './blindsr-config';
import { BlindSrTrainer } from './blindsr';

describe('Blind-SR lab on a small config (wasm backend)', () => {
  it('stage 1 orders degradations by blur; stage 2 beats bicubic', async () => {
    expect(tf.getBackend()).toBe('wasm');
    const hr = makeTextures(2, 128, 12);
    const trainer = new BlindSrTrainer({ ...defaultBlindSrConfig, queueSize: 256 }, hr);
    const before = await trainer.evaluate(false);
    let t = performance.now();
    const stage1Steps = 150;
    for (let i = 0; i < stage1Steps; i++) await trainer.trainStep();
    const stage1Ms = (performance.now() - t) / stage1Steps;
    const after = await trainer.evaluate(false);
    trainer.update({ stage: 2, learningRate: 0.002 });
    const start = (await trainer.evaluate(true)).sr!;
    t = performance.now();
    const stage2Steps = 150;
    for (let i = 0; i < stage2Steps; i++) await trainer.trainStep();
    const stage2Ms = (performance.now() - t) / stage2Steps;
    const end = (await trainer.evaluate(true)).sr!;
    console.info(
      `Blind-SR: |Spearman(σ, PC1)| ${Math.abs(before.spearmanSigma).toFixed(2)} at init → ${Math.abs(after.spearmanSigma).toFixed(2)} after ${stage1Steps} stage-1 steps (${stage1Ms.toFixed(0)} ms/step); ` +
        `PSNR held-out: bicubic ${end.psnrBicubic.toFixed(2)} dB, SR ${start.psnrSr.toFixed(2)} → ${end.psnrSr.toFixed(2)} dB after ${stage2Steps} stage-2 steps (${stage2Ms.toFixed(0)} ms/step), SR without the representation ${end.psnrSrWithoutRepresentation.toFixed(2)} dB`,
    );
    expect(Math.abs(after.spearmanSigma)).toBeGreaterThan(0.6);
    expect(end.psnrSr).toBeGreaterThan(end.psnrBicubic);
    trainer.dispose();
  });
});
