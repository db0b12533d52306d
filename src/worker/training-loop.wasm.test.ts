import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultBlindSrConfig } from '../core/blindsr/config';
import { defaultSimclrConfig, type SimclrConfig } from '../core/simclr/config';
import { packDataset } from '../data/payload';
import { sourceSize } from '../data/recipes';
import { makeShapesDataset } from '../data/shapes';
import { makeTextures } from '../data/textures';
import { FakePage } from './fake-page';
import type { LoopMessage } from './protocol';

/**
 * The worker's loop driven as the page drives it, on the wasm backend: every assertion is on
 * the messages it posts (step counts, finite losses, snapshot shapes), never on time.
 */
const smallSimclr: SimclrConfig = { ...defaultSimclrConfig, batchSize: 4, seed: 3 };
const shapes = () => packDataset(makeShapesDataset(2, 16, 2, 1));

/** A SimCLR loop with its model built and its step-0 snapshot and evaluation posted. */
async function simclrPage(config: SimclrConfig = smallSimclr): Promise<FakePage> {
  const page = new FakePage();
  const snapshot = page.next('snapshot');
  const embedding = page.next('embedding');
  page.send({ type: 'configure', lab: 'simclr', config });
  page.send({ type: 'setData', dataset: shapes() });
  await snapshot;
  await embedding;
  return page;
}

let pages: FakePage[] = [];
const track = (page: FakePage) => (pages.push(page), page);

/** A SimCLR loop on the built-in shapes (384, drawn when read), its first snapshot posted. */
async function shapesPage(): Promise<FakePage> {
  const page = track(new FakePage());
  const snapshot = page.next('snapshot');
  page.send({ type: 'configure', lab: 'simclr', config: smallSimclr });
  page.send({ type: 'makeData', recipe: { id: 'shapes', seed: 5 } });
  await snapshot;
  return page;
}
afterEach(async () => {
  for (const page of pages) {
    page.send({ type: 'pause' });
    await page.loop.idle();
    page.loop.dispose();
  }
  pages = [];
});

describe('TrainingLoop, SimCLR', () => {
  it('trains on the shapes from their recipe exactly as on the shapes the page drew', async () => {
    const seed = 4;
    const config = { ...smallSimclr, seed };
    const run = async (data: LoopMessage) => {
      const page = track(new FakePage());
      const snapshot = page.next('snapshot');
      page.send({ type: 'configure', lab: 'simclr', config });
      page.send(data);
      await snapshot;
      return { page, first: page.last('snapshot').snapshot, loss: (await page.step()).loss };
    };
    const drawn = await run({
      type: 'setData',
      dataset: packDataset(makeShapesDataset(seed, sourceSize)),
    });
    const recipe = await run({ type: 'makeData', recipe: { id: 'shapes', seed } });
    expect(Array.from(recipe.first.views)).toEqual(Array.from(drawn.first.views));
    expect(Array.from(recipe.first.similarity)).toEqual(Array.from(drawn.first.similarity));
    expect(recipe.loss).toBe(drawn.loss);
  });

  it('builds, steps, plays, pauses, resets and frees every tensor', async () => {
    const base = tf.memory().numTensors;
    const page = track(await simclrPage());
    // configure and data in one burst: one model built
    expect(page.all('status')).toEqual([{ type: 'status', running: false, step: 0 }]);
    const first = page.last('snapshot').snapshot;
    // N 4: 2N = 8 views of 16² × 3, an 8 × 8 similarity matrix
    expect(first.step).toBe(0);
    expect(first.views.length).toBe(8 * 16 * 16 * 3);
    expect(first.similarity.length).toBe(8 * 8);
    expect(page.last('embedding').embedding.points.length).toBe(2 * (12 + 6));

    const one = await page.step();
    expect(one.step).toBe(1);
    expect(Number.isFinite(one.loss)).toBe(true);
    expect(page.last('status')).toEqual({ type: 'status', running: false, step: 1 });
    expect(page.last('snapshot').snapshot.step).toBe(1);
    const evaluated = page.next('embedding');
    page.send({ type: 'evaluate' });
    expect((await evaluated).embedding.step).toBe(1);

    const third = page.next('loss', (m) => m.step === 3);
    page.send({ type: 'play' });
    expect(page.last('status')).toEqual({ type: 'status', running: true, step: 1 });
    await third;
    page.send({ type: 'pause' });
    await page.loop.idle();
    const losses = page.all('loss');
    const paused = page.last('status');
    // the pause is reported after the step in flight: its count is the last loss's step
    expect(paused.running).toBe(false);
    expect(paused.step).toBe(losses[losses.length - 1].step);
    expect(losses.map((m) => m.step)).toEqual(losses.map((_, i) => i + 1));
    expect(losses.every((m) => Number.isFinite(m.loss))).toBe(true);

    const rebuilt = page.next('snapshot', (m) => m.snapshot.step === 0);
    page.send({ type: 'reset' });
    await rebuilt;
    expect(page.last('status')).toEqual({ type: 'status', running: false, step: 0 });
    // the same seed, the same first step
    expect((await page.step()).loss).toBe(one.loss);

    page.loop.dispose();
    expect(tf.memory().numTensors).toBe(base);
  });

  it('played at once, draws the built-in shapes a slice a step and evaluates once all are drawn', async () => {
    const page = await shapesPage();
    // Play before the step-0 evaluation (its timer has not run)
    const evaluated = page.next('embedding');
    page.send({ type: 'play' });
    const embedding = (await evaluated).embedding;
    page.send({ type: 'pause' });
    await page.loop.idle();
    // 288 + 96 images, 32 a step: all drawn by step 12, none evaluated before
    expect(embedding.step).toBe(12);
    expect(page.all('embedding')).toHaveLength(1);
    const losses = page.all('loss').map((m) => m.step);
    expect(losses.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('paused before its images are all drawn, evaluates at the pause', async () => {
    const page = await shapesPage();
    const second = page.next('loss', (m) => m.step === 2);
    page.send({ type: 'play' });
    await second;
    const evaluated = page.next('embedding');
    page.send({ type: 'pause' });
    await page.loop.idle();
    expect(page.all('embedding')).toHaveLength(1);
    const { embedding } = await evaluated;
    expect(embedding.step).toBe(page.last('status').step);
    expect(embedding.step).toBeLessThan(12);
    // the pause is reported after the evaluation: a run pinned then has its kNN
    const order = page.messages.map((m) => m.type);
    expect(order.lastIndexOf('status')).toBeGreaterThan(order.lastIndexOf('embedding'));
  });

  it('rebuilds on configure: a new batch size, steps from 0', async () => {
    const page = track(await simclrPage());
    await page.step();
    const rebuilt = page.next('snapshot', (m) => m.snapshot.step === 0);
    page.send({ type: 'configure', lab: 'simclr', config: { ...smallSimclr, batchSize: 2 } });
    const snapshot = (await rebuilt).snapshot;
    expect(snapshot.batchSize).toBe(2);
    expect(snapshot.similarity.length).toBe(4 * 4);
    expect(page.last('status').step).toBe(0);
    expect((await page.step()).step).toBe(1);
  });

  it('changes τ live from the next step, clamped at the worker boundary', async () => {
    const page = track(await simclrPage());
    const unchanged = track(await simclrPage());
    const clamped = track(await simclrPage());
    for (const p of [page, unchanged, clamped]) await p.step();
    page.send({ type: 'update', lab: 'simclr', change: { temperature: 0.5 } });
    clamped.send({ type: 'update', lab: 'simclr', change: { temperature: 50 } });
    const [live, same, high] = await Promise.all([page, unchanged, clamped].map((p) => p.step()));
    expect(page.last('snapshot').snapshot.temperature).toBe(0.5);
    expect(clamped.last('snapshot').snapshot.temperature).toBe(2);
    expect(unchanged.last('snapshot').snapshot.temperature).toBe(smallSimclr.temperature);
    // no rebuild: the step count went on, and the first steps were the same
    expect([live.step, same.step, high.step]).toEqual([2, 2, 2]);
    expect(page.all('loss')[0].loss).toBe(unchanged.all('loss')[0].loss);
    expect(live.loss).not.toBe(same.loss);
    expect(Number.isFinite(high.loss)).toBe(true);
  });

  it('stops on a non-finite loss, ignores Play, and recovers on reset', async () => {
    const page = track(await simclrPage());
    page.loop.poison();
    const error = page.next('error');
    await page.step();
    expect(await error).toMatchObject({ type: 'error', code: 'nonFinite' });
    expect(page.last('status')).toEqual({ type: 'status', running: false, step: 1 });
    const statuses = page.all('status').length;
    page.send({ type: 'play' });
    await page.loop.idle();
    expect(page.all('status').length).toBe(statuses);
    const rebuilt = page.next('snapshot', (m) => m.snapshot.step === 0);
    page.send({ type: 'reset' });
    await rebuilt;
    expect(Number.isFinite((await page.step()).loss)).toBe(true);
  });
});

describe('TrainingLoop requests', () => {
  it('answers each request with its id: weights out and in, stage probe and step', async () => {
    const page = track(await simclrPage());
    await page.step();
    const exported = page.next('weights');
    page.send({ type: 'exportWeights', id: 7 });
    const weights = await exported;
    expect(weights.id).toBe(7);
    expect(weights.file.lab).toBe('simclr');
    expect(weights.file.tensors.length).toBeGreaterThan(0);

    const loaded = page.next('weightsLoaded');
    const repainted = page.next('embedding');
    page.send({ type: 'importWeights', id: 8, text: JSON.stringify(weights.file) });
    expect((await loaded).id).toBe(8);
    expect((await repainted).embedding.step).toBe(1);

    const rejected = page.next('weightsRejected');
    page.send({ type: 'importWeights', id: 9, text: 'not a weights file' });
    expect(await rejected).toEqual({ type: 'weightsRejected', id: 9, message: 'not JSON' });

    const probed = page.next('stageProbe');
    page.send({ type: 'stageProbe', id: 10 });
    const { id, probe } = await probed;
    expect(id).toBe(10);
    expect(probe!.viewCount).toBe(8);
    expect(probe!.h.length).toBe(8 * probe!.hDim);
    expect(probe!.z.length).toBe(8 * probe!.zDim);

    const updated = page.next('stageUpdate');
    page.send({ type: 'stageStep', id: 11 });
    const { update } = await updated;
    expect(update!.step).toBe(2);
    expect(update!.layers.length).toBeGreaterThan(0);
    expect(update!.layers.every((layer) => Number.isFinite(layer.norm))).toBe(true);
    expect(Number.isFinite(update!.lossBefore) && Number.isFinite(update!.lossAfter)).toBe(true);
    expect(page.all('error')).toEqual([]);
  });

  it('fails a request it cannot answer, without stopping training', async () => {
    const page = track(new FakePage());
    const failed = page.next('requestFailed');
    page.send({ type: 'exportWeights', id: 3 });
    expect(await failed).toEqual({ type: 'requestFailed', id: 3, message: 'no model yet' });
    expect(page.all('error')).toEqual([]);
  });
});

describe('TrainingLoop, Blind-SR', () => {
  it(
    'builds, evaluates, steps in stage 1, switches to stage 2 live (no rebuild)',
    // a Blind-SR evaluation takes ~10 s and a stage-2 step ~10 s on cpu under load
    { timeout: 300_000 },
    async () => {
      const page = track(new FakePage());
      const evaluation = page.next('blindsrEvaluation');
      page.send({
        type: 'configure',
        lab: 'blindsr',
        config: { ...defaultBlindSrConfig, batchSize: 2, queueSize: 128 },
      });
      page.send({
        type: 'setData',
        dataset: packDataset({
          id: 'textures',
          images: makeTextures(1, 96, 3),
          labels: null,
          classNames: [],
          heldOut: null,
        }),
      });
      // the Blind-SR page is ready with its first evaluation; snapshots come with steps
      expect((await evaluation).evaluation.step).toBe(0);
      expect(page.all('blindsrSnapshot')).toEqual([]);
      // configure and data in one burst: one model built
      expect(page.all('status')).toHaveLength(1);
      expect(page.all('status')[0]).toEqual({ type: 'status', running: false, step: 0 });

      const one = await page.step();
      expect(one).toMatchObject({ step: 1, stage: 1 });
      expect(Number.isFinite(one.loss)).toBe(true);
      const shown = page.last('blindsrSnapshot').snapshot;
      expect(shown.step).toBe(1);
      // two LR patches per HR crop
      expect(shown.samples.length).toBeGreaterThan(0);
      expect(shown.queue.capacity).toBe(128);

      page.send({ type: 'update', lab: 'blindsr', change: { stage: 2 } });
      const two = await page.step();
      expect(two).toMatchObject({ step: 2, stage: 2 });
      expect(Number.isFinite(two.loss)).toBe(true);
      expect(page.last('status')).toEqual({ type: 'status', running: false, step: 2 });
    },
  );
});
