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

  it('reports clamping as clamping, with what was asked and what is used', () => {
    const parsed = parseUrl('?tau=0&n=1e9&lr=10&mode=bogus');
    expect(parsed.problems).toEqual([
      { key: 'mode', kind: 'invalid', value: 'bogus' },
      { key: 'tau', kind: 'clamped', value: '0', used: '0.01' },
      { key: 'n', kind: 'clamped', value: '1e9', used: '128' },
      { key: 'lr', kind: 'clamped', value: '10', used: '0.1' },
    ]);
  });

  it('keeps any whole batch size in range; rounds a fractional one and says so', () => {
    expect(parseUrl('?n=3').config.simclr.batchSize).toBe(3);
    expect(parseUrl('?n=3').problems).toEqual([]);
    expect(parseUrl('?n=33').config.simclr.batchSize).toBe(33);
    const fractional = parseUrl('?n=32.5');
    expect(fractional.config.simclr.batchSize).toBe(33);
    expect(fractional.problems).toEqual([{ key: 'n', kind: 'clamped', value: '32.5', used: '33' }]);
  });

  it('de-duplicates hide flags and keeps only known groups', () => {
    const long = Array.from({ length: 5000 }, (_, i) => (i % 2 ? 'seed' : 'labs')).join(',');
    const parsed = parseUrl(`?hide=${long},nope,seed`);
    expect(parsed.config.hidden).toEqual(['seed', 'labs']);
    expect(parsed.problems).toEqual([{ key: 'hide', kind: 'invalid', value: expect.any(String) }]);
    const link = serializeUrl(parsed.config);
    expect(link).toBe('?lang=en&hide=seed%2Clabs');
    expect(parseUrl('?hide=labs,seed,labs').config.hidden).toEqual(['seed', 'labs']);
  });

  it('a lesson link opens its own lab and its step preset', () => {
    const wrongLab = parseUrl('?lesson=degradation&lab=simclr');
    expect(wrongLab.config.lab).toBe('blindsr');
    expect(wrongLab.problems).toEqual([
      { key: 'lab', kind: 'lessonLab', value: 'simclr', used: 'blindsr' },
    ]);
    expect(parseUrl('?lesson=degradation').config.lab).toBe('blindsr');
    expect(parseUrl('?lesson=degradation').problems).toEqual([]);

    const third = parseUrl('?lesson=temperature&lstep=3');
    expect(third.config.lessonStep).toBe(2);
    expect(third.config.simclr.temperature).toBe(1.5);
    // a step applies its complete preset: nothing carries over from step 2's softmax view
    expect(third.config.similarityMode).toBe('cosine');
    expect(third.problems).toEqual([]);
    // round trip, and a value the user changed after the preset survives (even the default)
    expect(parseUrl(serializeUrl(third.config)).config).toEqual(third.config);
    const changed = { ...third.config, simclr: { ...third.config.simclr, temperature: 0.5 } };
    expect(serializeUrl(changed)).toContain('tau=0.5');
    expect(parseUrl(serializeUrl(changed)).config).toEqual(changed);
    // an explicit value in the link wins over the preset
    expect(parseUrl('?lesson=temperature&lstep=3&tau=0.2').config.simclr.temperature).toBe(0.2);
  });

  it('an out-of-range lesson step is clamped and reported', () => {
    const parsed = parseUrl('?lesson=temperature&lstep=99');
    expect(parsed.config.lessonStep).toBe(2);
    expect(parsed.problems).toEqual([{ key: 'lstep', kind: 'clamped', value: '99', used: '3' }]);
  });
});
