import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { makeShapesDataset } from '../data/shapes';
import { defaultSimclrConfig, SimclrTrainer } from './simclr';

describe('SimCLR on the default config (wasm backend)', () => {
  it('kNN accuracy of h rises clearly above the random-init encoder after a short run', async () => {
    expect(tf.getBackend()).toBe('wasm');
    const data = makeShapesDataset(1, 40);
    const trainer = new SimclrTrainer(defaultSimclrConfig, data);
    const before = (await trainer.evaluate()).knnAccuracy ?? 0;
    const started = performance.now();
    const steps = 300;
    let firstLosses = 0;
    let lastLosses = 0;
    for (let i = 0; i < steps; i++) {
      const { loss } = await trainer.trainStep();
      if (i < 20) firstLosses += loss / 20;
      if (i >= steps - 20) lastLosses += loss / 20;
    }
    const msPerStep = (performance.now() - started) / steps;
    const after = (await trainer.evaluate()).knnAccuracy ?? 0;
    console.info(
      `kNN accuracy (6 classes, chance 16.7 %): random init ${(before * 100).toFixed(1)} % → after ${steps} steps ${(after * 100).toFixed(1)} %; loss ${firstLosses.toFixed(3)} → ${lastLosses.toFixed(3)}; ${msPerStep.toFixed(0)} ms/step in node wasm`,
    );
    expect(lastLosses).toBeLessThan(firstLosses - 0.3);
    expect(after).toBeGreaterThan(before + 0.05);
    trainer.dispose();
  });
});
