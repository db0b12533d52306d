import { describe, expect, it } from 'vitest';
import { defaultAppConfig } from './config';
import { parseUrl, serializeUrl } from './url';

describe('URL configuration', () => {
  it('round-trips a changed configuration', () => {
    const config = {
      ...defaultAppConfig,
      similarityMode: 'softmax' as const,
      backend: 'wasm' as const,
      language: 'zh' as const,
      simclr: {
        ...defaultAppConfig.simclr,
        temperature: 0.07,
        batchSize: 16,
        seed: 42,
        noNegatives: true,
        augment: { ...defaultAppConfig.simclr.augment, colorJitter: false, blur: true },
      },
    };
    const parsed = parseUrl(serializeUrl(config));
    expect(parsed.invalid).toEqual([]);
    expect(parsed.config).toEqual(config);
  });

  it('the defaults make a short link', () => {
    expect(serializeUrl(defaultAppConfig)).toBe('?lang=en');
  });

  it('clamps out-of-range numbers and reports them', () => {
    const parsed = parseUrl('?tau=-3&n=100000&lr=1e9&seed=1.5&s=9');
    expect(parsed.config.simclr.temperature).toBe(0.01);
    expect(parsed.config.simclr.batchSize).toBe(128);
    expect(parsed.config.simclr.learningRate).toBe(0.1);
    expect(parsed.config.simclr.seed).toBe(2);
    expect(parsed.config.simclr.augment.colorStrength).toBe(1.5);
    expect(parsed.invalid.sort()).toEqual(['lr', 'n', 's', 'seed', 'tau']);
  });

  it('falls back to defaults for garbage and wrong types, never throws', () => {
    const parsed = parseUrl(
      '?tau=NaN&n=abc&lab=%00%ff&mode=<script>&noneg=maybe&backend=tpu&size=33&lang=xx&data=../../etc',
    );
    expect(parsed.config.simclr.temperature).toBe(defaultAppConfig.simclr.temperature);
    expect(parsed.config.simclr.batchSize).toBe(defaultAppConfig.simclr.batchSize);
    expect(parsed.config.lab).toBe('simclr');
    expect(parsed.config.backend).toBeNull();
    expect(parsed.invalid.sort()).toEqual([
      'backend',
      'data',
      'lab',
      'lang',
      'mode',
      'n',
      'noneg',
      'size',
      'tau',
    ]);
  });
});
