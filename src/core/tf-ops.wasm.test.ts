import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { makeShapesDataset } from '../data/shapes';
import { makeTextures } from '../data/textures';
import { defaultBlindSrConfig, type BlindSrConfig } from './blindsr/config';
import { LightBsrTrainer } from './blindsr/lightbsr';
import { BlindSrTrainer } from './blindsr/trainer';
import { SimclrTrainer } from './simclr/trainer';
import { tinySimclrConfig } from './test-configs';

/**
 * The worker registers only the gradients our models use (tf-ops.ts, imported by this
 * project's setup). The wasm tests cover the wasm path; WebGPU and WebGL take the tfjs-op
 * paths (batch norm, FiLM, convolutions without our kernels). Here one step of every method
 * and every Blind-SR stage runs on tfjs' cpu backend — those same paths — with only those
 * registrations: a gradient they need and the list lacks fails here ("gradient function not
 * found"), not on a student's GPU.
 */
describe('the registered gradients, on the paths of the other backends', () => {
  it('train one step of every SimCLR method and every Blind-SR stage on cpu', async () => {
    await tf.setBackend('cpu');
    try {
      const shapes = makeShapesDataset(1, 20, 4, 1);
      for (const method of ['simclr', 'moco', 'simsiam', 'byol'] as const) {
        const trainer = new SimclrTrainer({ ...tinySimclrConfig, method, queueSize: 16 }, shapes);
        expect(Number.isFinite((await trainer.trainStep()).loss), method).toBe(true);
        trainer.dispose();
      }
      const hr = makeTextures(1, 96, 3);
      const small: BlindSrConfig = { ...defaultBlindSrConfig, batchSize: 4, queueSize: 128 };
      const dasr = new BlindSrTrainer(small, hr);
      for (const stage of [1, 2] as const) {
        dasr.update({ stage });
        expect(Number.isFinite((await dasr.trainStep()).loss), `DASR stage ${stage}`).toBe(true);
      }
      dasr.dispose();
      const light = new LightBsrTrainer({ ...small, pipeline: 'lightbsr' }, hr);
      for (const stage of [1, 2, 3] as const) {
        light.update({ stage });
        expect(Number.isFinite((await light.trainStep()).loss), `LightBSR ${stage}`).toBe(true);
      }
      light.dispose();
    } finally {
      await tf.setBackend('wasm');
    }
  });
});
