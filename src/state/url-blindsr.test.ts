import { describe, expect, it } from 'vitest';
import type { BlindSrConfig } from '../core/blindsr/config';
import { defaultAppConfig, type AppConfig } from './config';
import { parseUrl, serializeUrl } from './url';

/**
 * Every Blind-SR setting the controls show, away from its default. (Batch size, γ and the
 * learning rates have no control; they stay at their defaults.)
 */
const changedBlindSr: Partial<BlindSrConfig> = {
  stage: 2,
  scale: 4,
  blurKind: 'anisotropic',
  sigmaMin: 0.6,
  sigmaMax: 2.5,
  noiseMax: 12,
  queueSize: 2048,
  momentum: 0.95,
  temperature: 0.15,
  weighting: false,
  pairing: 'image',
  finetune: true,
  seed: 31,
};

const blindSrConfig = (change: Partial<BlindSrConfig>): AppConfig => ({
  ...defaultAppConfig,
  lab: 'blindsr',
  hrSource: 'photos',
  blindsr: { ...defaultAppConfig.blindsr, ...change },
});

describe('URL round trip of the Blind-SR lab', () => {
  it('carries the LightBSR pipeline and its stage 3 (?pipeline=lightbsr&bstage=3)', () => {
    const config = blindSrConfig({ pipeline: 'lightbsr', stage: 3 });
    const link = serializeUrl(config);
    expect(link).toContain('pipeline=lightbsr');
    expect(link).toContain('bstage=3');
    expect(parseUrl(link).config).toEqual(config);
  });

  it('parse(serialize(config)) is the config, every Blind-SR setting changed', () => {
    const config = blindSrConfig(changedBlindSr);
    const link = serializeUrl(config);
    expect(link).not.toBe(serializeUrl(defaultAppConfig));
    const parsed = parseUrl(link);
    expect(parsed.problems).toEqual([]);
    expect(parsed.config).toEqual(config);
  });

  it('each setting survives on its own (none rides on another)', () => {
    for (const [key, value] of Object.entries(changedBlindSr)) {
      const config = blindSrConfig({ [key]: value });
      const parsed = parseUrl(serializeUrl(config));
      expect(parsed.problems, key).toEqual([]);
      expect(parsed.config.blindsr, key).toEqual(config.blindsr);
    }
  });

  it('inside a Blind-SR lesson: a preset value and a value set back to the default both survive', () => {
    // step 3 of "degradation" presets pairing 'image'; the user sets it back to the default
    const lesson = parseUrl('?lesson=degradation&lstep=3').config;
    expect(lesson.blindsr.pairing).toBe('image');
    const changed: AppConfig = {
      ...lesson,
      blindsr: { ...lesson.blindsr, pairing: defaultAppConfig.blindsr.pairing, noiseMax: 5 },
    };
    expect(parseUrl(serializeUrl(lesson)).config).toEqual(lesson);
    expect(parseUrl(serializeUrl(changed)).config).toEqual(changed);
  });
});
