import { describe, expect, it } from 'vitest';
import {
  defaultSimclrConfig,
  sanitizeSimclrConfig,
  simclrSchema,
  type SimclrConfig,
} from './config';
import { choiceOptions } from '../settings';

/** Every user-editable field away from its default, every value allowed. */
const changed: SimclrConfig = {
  ...defaultSimclrConfig,
  seed: 12345,
  batchSize: 33,
  imageSize: 48,
  temperature: 0.5,
  learningRate: 0.01,
  noNegatives: true,
  method: 'byol',
  queueSize: 1024,
  momentum: 0.9,
  stopGradient: false,
  augment: {
    crop: false,
    cropMinArea: 0.3,
    flip: false,
    colorJitter: false,
    colorStrength: 1.2,
    grayscale: false,
    blur: true,
  },
};

/** A message from anywhere: any JSON-ish value where a setting should be. */
const hostile = (value: unknown) => value as never;

describe('sanitizeSimclrConfig', () => {
  it('passes the defaults and a valid changed configuration through unchanged', () => {
    expect(sanitizeSimclrConfig(defaultSimclrConfig)).toEqual(defaultSimclrConfig);
    expect(sanitizeSimclrConfig(changed)).toEqual(changed);
    for (const method of ['simclr', 'moco', 'simsiam', 'byol'] as const)
      expect(sanitizeSimclrConfig({ ...changed, method }).method).toBe(method);
    for (const imageSize of choiceOptions(simclrSchema, 'imageSize') as number[])
      expect(sanitizeSimclrConfig({ ...changed, imageSize }).imageSize).toBe(imageSize);
    for (const queueSize of choiceOptions(simclrSchema, 'queueSize') as number[])
      expect(sanitizeSimclrConfig({ ...changed, queueSize }).queueSize).toBe(queueSize);
  });

  it('gives the defaults for nothing at all', () => {
    expect(sanitizeSimclrConfig(undefined)).toEqual(defaultSimclrConfig);
    expect(sanitizeSimclrConfig({})).toEqual(defaultSimclrConfig);
  });

  it('clamps out-of-range numbers to the nearest limit, and rounds whole-number fields', () => {
    const low = sanitizeSimclrConfig({
      ...changed,
      seed: -5,
      batchSize: 1,
      temperature: 0,
      learningRate: 1e-9,
      momentum: -1,
      augment: { ...changed.augment, cropMinArea: 0, colorStrength: -2 },
    });
    expect(low).toEqual({
      ...changed,
      seed: 0,
      batchSize: 2,
      temperature: 0.01,
      learningRate: 1e-5,
      momentum: 0,
      augment: { ...changed.augment, cropMinArea: 0.05, colorStrength: 0 },
    });
    const high = sanitizeSimclrConfig({
      ...changed,
      seed: 2 ** 40,
      batchSize: 100_000,
      temperature: 50,
      learningRate: 3,
      momentum: 1,
      augment: { ...changed.augment, cropMinArea: 2, colorStrength: 9 },
    });
    expect(high).toEqual({
      ...changed,
      seed: 2 ** 31 - 1,
      batchSize: 128,
      temperature: 2,
      learningRate: 0.1,
      momentum: 0.999,
      augment: { ...changed.augment, cropMinArea: 1, colorStrength: 1.5 },
    });
    const fractional = sanitizeSimclrConfig({ ...changed, seed: 7.6, batchSize: 12.4 });
    expect([fractional.seed, fractional.batchSize]).toEqual([8, 12]);
  });

  it('replaces unusable values with the defaults: not numbers, unknown names, wrong types', () => {
    const d = defaultSimclrConfig;
    for (const garbage of [NaN, Infinity, -Infinity, 'abc', '', null, {}, [], true]) {
      const out = sanitizeSimclrConfig({
        ...changed,
        seed: hostile(garbage),
        batchSize: hostile(garbage),
        temperature: hostile(garbage),
        learningRate: hostile(garbage),
        momentum: hostile(garbage),
        augment: {
          ...changed.augment,
          cropMinArea: hostile(garbage),
          colorStrength: hostile(garbage),
        },
      });
      expect(out, String(garbage)).toEqual({
        ...changed,
        seed: d.seed,
        batchSize: d.batchSize,
        temperature: d.temperature,
        learningRate: d.learningRate,
        momentum: d.momentum,
        augment: {
          ...changed.augment,
          cropMinArea: d.augment.cropMinArea,
          colorStrength: d.augment.colorStrength,
        },
      });
    }
    const names = sanitizeSimclrConfig({
      ...changed,
      imageSize: 33,
      queueSize: 100,
      method: hostile('swav'),
    });
    expect([names.imageSize, names.queueSize, names.method]).toEqual([
      d.imageSize,
      d.queueSize,
      d.method,
    ]);
    // a flag must be a boolean: 'false' or 0 would otherwise read as true or be kept
    const flags = sanitizeSimclrConfig({
      ...changed,
      noNegatives: hostile('false'),
      stopGradient: hostile(0),
      augment: { ...changed.augment, crop: hostile('yes'), blur: hostile(null) },
    });
    expect([flags.noNegatives, flags.stopGradient, flags.augment.crop, flags.augment.blur]).toEqual(
      [d.noNegatives, d.stopGradient, d.augment.crop, d.augment.blur],
    );
    expect(sanitizeSimclrConfig({ ...changed, augment: hostile(null) }).augment).toEqual(d.augment);
  });

  it('keeps the architecture at its defaults: it is not a setting a message may change', () => {
    const out = sanitizeSimclrConfig({
      ...changed,
      channels: [1, 2],
      strides: [9],
      hiddenDim: 4096,
      projectionDim: 1,
      predictorHiddenDim: 0,
    });
    expect(out).toEqual(changed);
  });
});
