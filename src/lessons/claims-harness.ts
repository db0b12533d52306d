import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { LightBsrTrainer } from '../core/blindsr/lightbsr';
import { BlindSrTrainer } from '../core/blindsr/trainer';
import { SimclrTrainer } from '../core/simclr/trainer';
import type { RgbImage } from '../core/image';
import { lessonStepSettings, type Lesson } from './lessons';
import { formatMetric, readMetric } from './metrics';
import { meanOfLast, type LessonReadout } from './readout';

/**
 * Every claim a lesson makes, on the wasm engine, by steps (claims-*.wasm.test.ts, one file
 * per lab so that the two run side by side): each test runs its step's
 * preset for the step's own budget (from a fresh model, or from the previous step's when
 * the step `continues`, as the page does) and asserts that the step's judge returns the
 * answer the lesson's explanation states. The page's data: shapes at 40², textures at 192².
 */
type Trainer = SimclrTrainer | BlindSrTrainer | LightBsrTrainer;

/** The page's data, from the test (lessons sit below data in the layers). */
export interface ClaimData {
  /** the built-in shapes at 40² */
  shapes(seed: number): ConstructorParameters<typeof SimclrTrainer>[1];
  /** the procedural textures at 192² */
  textures(seed: number): RgbImage[];
}

interface Run {
  trainer: Trainer;
  losses: number[];
  datasetSize: number;
}

function build(lesson: Lesson, index: number, data: ClaimData): Run {
  const settings = lessonStepSettings(lesson, index);
  if (lesson.lab === 'simclr') {
    const shapes = data.shapes(settings.simclr.seed);
    return {
      trainer: new SimclrTrainer(settings.simclr, shapes),
      losses: [],
      datasetSize: shapes.images.length,
    };
  }
  const hr = data.textures(settings.blindsr.seed);
  const trainer =
    settings.blindsr.pipeline === 'lightbsr'
      ? new LightBsrTrainer(settings.blindsr, hr)
      : new BlindSrTrainer(settings.blindsr, hr);
  return { trainer, losses: [], datasetSize: 0 };
}

async function readout(run: Run): Promise<LessonReadout> {
  const { trainer } = run;
  // what no lab fills in; each lab below sets its own fields
  const none = {
    step: trainer.step,
    recentLoss: meanOfLast(run.losses),
    snapshot: null,
    embedding: null,
    datasetSize: null,
    blindsr: null,
    evaluation: null,
    lightbsr: null,
  };
  if (trainer instanceof SimclrTrainer) {
    if (trainer.step === 0) await trainer.preview();
    return {
      ...none,
      snapshot: await trainer.snapshot(),
      embedding: await trainer.evaluate(),
      datasetSize: run.datasetSize,
    };
  }
  if (trainer instanceof LightBsrTrainer)
    return { ...none, lightbsr: trainer.report(await trainer.evaluate()) };
  return {
    ...none,
    blindsr: trainer.snapshot(),
    evaluation: await trainer.evaluate(trainer.config.stage === 2),
  };
}

/** A describe block per lesson, an it per step (each step's own budget, in order). */
export function describeClaims(lessons: Lesson[], data: ClaimData): void {
  for (const lesson of lessons)
    describe(`lesson ${lesson.id}`, () => {
      let previous: Run | null = null;
      lesson.steps.forEach((step, index) => {
        it(`lesson ${lesson.id}.${index + 1}`, async () => {
          expect(tf.getBackend()).toBe('wasm');
          let run: Run;
          if (step.continues && previous) {
            run = previous;
            const settings = lessonStepSettings(lesson, index);
            if (run.trainer instanceof SimclrTrainer) run.trainer.update(settings.simclr);
            else run.trainer.update({ stage: settings.blindsr.stage });
          } else {
            previous?.trainer.dispose();
            run = build(lesson, index, data);
          }
          previous = run;
          const start = await readout(run);
          for (let i = 0; i < step.budget; i++)
            run.losses.push((await run.trainer.trainStep()).loss);
          const end = await readout(run);
          const shown = step.observe
            .map(
              (id) =>
                `${id} ${formatMetric(id, readMetric(id, start))} → ${formatMetric(id, readMetric(id, end))}`,
            )
            .join(', ');
          console.info(`lesson ${lesson.id}.${index + 1} (${step.budget} steps): ${shown}`);
          expect(step.judge(start, end)).toBe(step.expected);
          if (index === lesson.steps.length - 1) run.trainer.dispose();
        });
      });
    });
}
