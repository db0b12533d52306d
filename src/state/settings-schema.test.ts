import { describe, expect, it } from 'vitest';
import { blindsrSchema, defaultBlindSrConfig } from '../core/blindsr/config';
import {
  applyLiveChange,
  needsRebuildWith,
  readPath,
  readSetting,
  sanitizeWith,
  writePath,
  type LabSchema,
  type Setting,
} from '../core/settings';
import { defaultSimclrConfig, simclrSchema } from '../core/simclr/config';
import { catalogues, type MessageKey } from '../i18n';
import { appSchema, controlGroups, defaultAppConfig, type AppConfig } from './config';
import { parseUrl, serializeUrl } from './url';

/** A value of the setting other than its default, inside its declared range. */
function otherValue<C>(setting: Setting<C>): number | string | boolean {
  if (setting.kind === 'flag') return !setting.default;
  if (setting.kind === 'choice') return setting.options.find((o) => o !== setting.default)!;
  return setting.default === setting.max ? setting.min : setting.max;
}

const labs: [string, LabSchema<unknown>, keyof AppConfig][] = [
  ['simclr', simclrSchema as LabSchema<unknown>, 'simclr'],
  ['blindsr', blindsrSchema as LabSchema<unknown>, 'blindsr'],
];

describe('settings schema', () => {
  it('reads raw values: numbers clamped and rounded, choices and flags by their text', () => {
    const tau = simclrSchema.settings.find((s) => s.path === 'temperature')!;
    expect(readSetting(tau, '0.5')).toEqual({ status: 'ok', value: 0.5 });
    expect(readSetting(tau, 9)).toEqual({ status: 'clamped', value: 2 });
    expect(readSetting(tau, 'abc')).toEqual({ status: 'invalid' });
    expect(readSetting(tau, NaN)).toEqual({ status: 'invalid' });
    expect(readSetting(tau, '')).toEqual({ status: 'invalid' });
    const n = simclrSchema.settings.find((s) => s.path === 'batchSize')!;
    expect(readSetting(n, '7.6')).toEqual({ status: 'clamped', value: 8 });
    const k = simclrSchema.settings.find((s) => s.path === 'queueSize')!;
    expect(readSetting(k, '512')).toEqual({ status: 'ok', value: 512 });
    expect(readSetting(k, 500)).toEqual({ status: 'invalid' });
    const flip = simclrSchema.settings.find((s) => s.path === 'augment.flip')!;
    expect(readSetting(flip, '0')).toEqual({ status: 'ok', value: false });
    expect(readSetting(flip, 'yes')).toEqual({ status: 'invalid' });
  });

  it('sanitising keeps a valid config as it is and repairs a broken one', () => {
    expect(sanitizeWith(simclrSchema, defaultSimclrConfig)).toEqual(defaultSimclrConfig);
    expect(sanitizeWith(blindsrSchema, defaultBlindSrConfig)).toEqual(defaultBlindSrConfig);
    const repaired = sanitizeWith(simclrSchema, {
      temperature: -1,
      batchSize: 'many',
      method: 'barlow',
      augment: { cropMinArea: 7, flip: 'no' },
      channels: [1, 2],
    });
    expect(repaired.temperature).toBe(0.01);
    expect(repaired.batchSize).toBe(defaultSimclrConfig.batchSize);
    expect(repaired.method).toBe('simclr');
    expect(repaired.augment.cropMinArea).toBe(1);
    expect(repaired.augment.flip).toBe(defaultSimclrConfig.augment.flip);
    // the architecture is not settable
    expect(repaired.channels).toEqual(defaultSimclrConfig.channels);
    // σ min ≤ σ max, whichever order they came in
    const sigmas = sanitizeWith(blindsrSchema, { sigmaMin: 3, sigmaMax: 1 });
    expect([sigmas.sigmaMin, sigmas.sigmaMax]).toEqual([1, 3]);
  });

  it('a rebuild is needed exactly when a setting declared rebuild changes', () => {
    for (const [, schema] of labs) {
      const defaults = sanitizeWith(schema, {});
      for (const setting of schema.settings) {
        const changed = writePath(defaults, setting.path, otherValue(setting));
        expect(needsRebuildWith(schema, defaults, changed), setting.path).toBe(
          setting.apply === 'rebuild',
        );
      }
    }
  });

  it('a live change carries only live settings, sanitised against the running config', () => {
    const live = applyLiveChange(simclrSchema, defaultSimclrConfig, {
      temperature: 50,
      batchSize: 64,
      augment: { blur: true },
    });
    expect(live.temperature).toBe(2);
    expect(live.augment).toEqual({ ...defaultSimclrConfig.augment, blur: true });
    expect('batchSize' in live).toBe(false);
    const blind = applyLiveChange(blindsrSchema, defaultBlindSrConfig, {
      finetune: true,
      scale: 4,
    });
    expect(blind.finetune).toBe(true);
    expect('scale' in blind).toBe(false);
  });

  it('every label, help and option label is in both catalogues; every link name once', () => {
    const settings = [...appSchema, ...simclrSchema.settings, ...blindsrSchema.settings];
    for (const language of ['en', 'zh'] as const) {
      const catalogue = catalogues[language] as Record<string, string>;
      for (const setting of settings) {
        expect(catalogue[setting.label], `${language} ${setting.label}`).toBeTruthy();
        if (setting.kind === 'choice' && setting.optionLabels)
          for (const option of setting.options)
            expect(catalogue[`${setting.optionLabels}.${option}` as MessageKey]).toBeTruthy();
      }
      for (const group of controlGroups)
        expect(catalogue[`control.${group}`], `${language} control.${group}`).toBeTruthy();
    }
    const urls = settings.map((s) => s.url);
    expect(new Set(urls).size).toBe(urls.length);
    const reserved = ['backend', 'lang', 'lesson', 'lstep', 'hide'];
    expect(urls.filter((u) => reserved.includes(u))).toEqual([]);
  });

  it.each(labs)(
    'every %s setting survives a link: serialise, parse, same value',
    (_, schema, key) => {
      for (const setting of schema.settings) {
        const value = otherValue(setting);
        const lab = writePath(defaultAppConfig[key], setting.path, value);
        const config = { ...defaultAppConfig, [key]: schema.normalise?.(lab) ?? lab };
        const link = serializeUrl(config);
        expect(link, setting.path).toContain(`${setting.url}=`);
        const parsed = parseUrl(link);
        expect(parsed.problems, link).toEqual([]);
        expect(readPath(parsed.config[key], setting.path), link).toEqual(
          readPath(config[key], setting.path),
        );
        expect(parsed.config).toEqual(config);
      }
    },
  );

  it('the page-wide settings survive a link too', () => {
    for (const setting of appSchema) {
      const config = writePath(defaultAppConfig, setting.path, otherValue(setting));
      const parsed = parseUrl(serializeUrl(config));
      expect(parsed.config, setting.path).toEqual(config);
    }
  });
});
