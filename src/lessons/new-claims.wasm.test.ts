import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultSimclrConfig, SimclrTrainer } from '../core/simclr/trainer';
import { makeShapesDataset } from '../data/shapes';
import { moreLessons, type MoreLessonStep } from './lessons-more';
import {
  knnOfH,
  knnOfPixels,
  knnOfZ,
  ownKeysOf,
  sameClassNegativesOf,
  top1Of,
  type RunReadout,
} from './more-judges';

/**
 * The claims of the six lessons of #22 on the wasm engine, by steps: each test runs its
 * step's preset for the step's budget (from a fresh model, or the previous step's when the
 * step continues, as the page does) on the page's data (shapes at 40², the preset's seed)
 * and asserts that the step's judge returns the answer its explanation states.
 * LESSON_SEED runs them on another seed (measured on 1–3).
 */
const seed = Number(process.env.LESSON_SEED ?? 1);

function build(step: MoreLessonStep): SimclrTrainer {
  const change = step.preset?.simclr ?? {};
  const config = {
    ...defaultSimclrConfig,
    seed,
    ...change,
    augment: { ...defaultSimclrConfig.augment, ...change.augment },
  };
  return new SimclrTrainer(config, makeShapesDataset(seed, 40));
}

async function read(trainer: SimclrTrainer): Promise<RunReadout> {
  if (trainer.step === 0) await trainer.preview();
  return { snapshot: await trainer.snapshot(), embedding: await trainer.evaluate() };
}

const shown = (r: RunReadout) =>
  [
    ['h', knnOfH(r)],
    ['z', knnOfZ(r)],
    ['pixels', knnOfPixels(r)],
    ['top1', top1Of(r)],
    ['sameClass', sameClassNegativesOf(r)],
    ['ownKeys', ownKeysOf(r)],
  ]
    .filter(([, v]) => Number.isFinite(v))
    .map(([k, v]) => `${k} ${(v as number).toFixed(3)}`)
    .join(' ');

for (const lesson of moreLessons)
  describe(`lesson ${lesson.id}`, () => {
    let trainer: SimclrTrainer | null = null;
    lesson.steps.forEach((step, index) => {
      it(`lesson ${lesson.id}.${index + 1}`, async () => {
        expect(tf.getBackend()).toBe('wasm');
        if (!step.continues || !trainer) {
          trainer?.dispose();
          trainer = build(step);
        }
        const start = await read(trainer);
        for (let i = 0; i < step.budget; i++) await trainer.trainStep();
        const end = await read(trainer);
        console.info(
          `lesson ${lesson.id}.${index + 1} seed ${seed} (${step.budget} steps): ${shown(start)} → ${shown(end)}`,
        );
        expect(step.judge(start, end)).toBe(step.expected);
        if (index === lesson.steps.length - 1) trainer.dispose();
      });
    });
  });
