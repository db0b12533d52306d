import { describe, expect, it } from 'vitest';
import { choiceOptions } from '../settings';
import {
  blindsrSchema,
  defaultBlindSrConfig,
  sanitizeBlindSrConfig,
  type BlindSrConfig,
} from './config';

/** Every field away from its default, every value allowed. */
const changed: BlindSrConfig = {
  seed: 99,
  pipeline: 'dasr',
  stage: 2,
  scale: 4,
  blurKind: 'anisotropic',
  sigmaMin: 0.5,
  sigmaMax: 3,
  noiseMax: 10,
  batchSize: 8,
  queueSize: 1024,
  momentum: 0.95,
  temperature: 0.2,
  weighting: false,
  pairing: 'image',
  weightWidth: 0.5,
  learningRate: 0.002,
  srLearningRate: 0.0005,
  finetune: true,
};

/** A message from anywhere: any JSON-ish value where a setting should be. */
const hostile = (value: unknown) => value as never;

describe('sanitizeBlindSrConfig', () => {
  it('passes the defaults and a valid changed configuration through unchanged', () => {
    expect(sanitizeBlindSrConfig(defaultBlindSrConfig)).toEqual(defaultBlindSrConfig);
    expect(sanitizeBlindSrConfig(changed)).toEqual(changed);
    for (const queueSize of choiceOptions(blindsrSchema, 'queueSize') as number[])
      expect(sanitizeBlindSrConfig({ ...changed, queueSize }).queueSize).toBe(queueSize);
    expect(sanitizeBlindSrConfig({ ...changed, pairing: 'degradation' }).pairing).toBe(
      'degradation',
    );
  });

  it('gives the defaults for nothing at all', () => {
    expect(sanitizeBlindSrConfig(undefined)).toEqual(defaultBlindSrConfig);
    expect(sanitizeBlindSrConfig({})).toEqual(defaultBlindSrConfig);
  });

  it('clamps out-of-range numbers to the nearest limit', () => {
    const low = sanitizeBlindSrConfig({
      ...changed,
      seed: -1,
      sigmaMin: 0,
      noiseMax: -3,
      batchSize: 0,
      momentum: 0,
      temperature: 0,
      weightWidth: 0,
      learningRate: 0,
      srLearningRate: -1,
    });
    expect(low).toEqual({
      ...changed,
      seed: 0,
      sigmaMin: 0.2,
      noiseMax: 0,
      batchSize: 2,
      momentum: 0.5,
      temperature: 0.01,
      weightWidth: 0.05,
      learningRate: 1e-5,
      srLearningRate: 1e-5,
    });
    const high = sanitizeBlindSrConfig({
      ...changed,
      seed: 2 ** 40,
      sigmaMax: 40,
      noiseMax: 255,
      batchSize: 1000,
      momentum: 1,
      temperature: 10,
      weightWidth: 100,
      learningRate: 1,
      srLearningRate: 1,
    });
    expect(high).toEqual({
      ...changed,
      seed: 2 ** 31 - 1,
      sigmaMax: 4,
      noiseMax: 25,
      batchSize: 64,
      momentum: 0.999,
      temperature: 1,
      weightWidth: 2,
      learningRate: 0.05,
      srLearningRate: 0.05,
    });
    expect(sanitizeBlindSrConfig({ ...changed, batchSize: 8.6, seed: 3.2 })).toEqual({
      ...changed,
      batchSize: 9,
      seed: 3,
    });
  });

  it('orders the blur range: a reversed range is swapped, an empty one opened', () => {
    const swapped = sanitizeBlindSrConfig({ ...changed, sigmaMin: 3, sigmaMax: 1 });
    expect([swapped.sigmaMin, swapped.sigmaMax]).toEqual([1, 3]);
    const empty = sanitizeBlindSrConfig({ ...changed, sigmaMin: 2, sigmaMax: 2 });
    expect(empty.sigmaMin).toBe(2);
    expect(empty.sigmaMax).toBeGreaterThan(2);
  });

  it('replaces unusable values with the defaults: not numbers, unknown names, wrong types', () => {
    const d = defaultBlindSrConfig;
    for (const garbage of [NaN, Infinity, 'abc', '', null, {}, [], true]) {
      const out = sanitizeBlindSrConfig({
        ...changed,
        seed: hostile(garbage),
        noiseMax: hostile(garbage),
        batchSize: hostile(garbage),
        momentum: hostile(garbage),
        temperature: hostile(garbage),
        weightWidth: hostile(garbage),
        learningRate: hostile(garbage),
        srLearningRate: hostile(garbage),
      });
      expect(out, String(garbage)).toEqual({
        ...changed,
        seed: d.seed,
        noiseMax: d.noiseMax,
        batchSize: d.batchSize,
        momentum: d.momentum,
        temperature: d.temperature,
        weightWidth: d.weightWidth,
        learningRate: d.learningRate,
        srLearningRate: d.srLearningRate,
      });
    }
    // the blur range falls back field by field, then is ordered
    const sigma = sanitizeBlindSrConfig({ ...changed, sigmaMin: hostile('x'), sigmaMax: NaN });
    expect([sigma.sigmaMin, sigma.sigmaMax]).toEqual([d.sigmaMin, d.sigmaMax]);
    const names = sanitizeBlindSrConfig({
      ...changed,
      stage: hostile(4),
      scale: hostile(3),
      blurKind: hostile('box'),
      pairing: hostile('both'),
      queueSize: 100,
    });
    expect([names.stage, names.scale, names.blurKind, names.pairing, names.queueSize]).toEqual([
      d.stage,
      d.scale,
      d.blurKind,
      d.pairing,
      d.queueSize,
    ]);
    const flags = sanitizeBlindSrConfig({
      ...changed,
      weighting: hostile('no'),
      finetune: hostile(1),
    });
    expect([flags.weighting, flags.finetune]).toEqual([d.weighting, d.finetune]);
  });

  it('keeps LightBSR stage 3, and caps a DASR link at its SR stage 2', () => {
    const light = sanitizeBlindSrConfig({ ...changed, pipeline: 'lightbsr', stage: 3 });
    expect([light.pipeline, light.stage]).toEqual(['lightbsr', 3]);
    expect(sanitizeBlindSrConfig({ ...changed, pipeline: 'dasr', stage: 3 }).stage).toBe(2);
    expect(sanitizeBlindSrConfig({ ...changed, pipeline: hostile('srgan') }).pipeline).toBe('dasr');
  });
});
