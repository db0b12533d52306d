import { blindsrSchema } from '../core/blindsr/config';
import { readPath, type LabSchema, type NumberFormat, type Setting } from '../core/settings';
import { simclrSchema } from '../core/simclr/config';
import { catalogues, translate, type Language, type MessageKey } from '../i18n';
import type { AppConfig } from './config';
import type { PinSettings } from './pin-model';

/**
 * A pinned run is named by what differs from the live settings ("τ 0.5", "N 64, no
 * negatives"): the class sees at a glance which one thing was changed. The settings come
 * from the labs' schemas; each name is the setting's label in the catalogue, or its short
 * form (`pins.short.<label>`: τ, N, K) where the catalogue has one.
 */

export interface SettingDifference {
  /** the setting's path in the lab config, or `dataset` / `hrSource` */
  path: string;
  /** the pinned run's value */
  value: number | string | boolean;
}

const isKey = (key: string): key is MessageKey => key in catalogues.en;

/** The settings where the pinned run differs from the live one, in the schema's order. */
export function settingsDifferences(pin: PinSettings, live: AppConfig): SettingDifference[] {
  const differences =
    pin.lab === 'simclr'
      ? differencesWith(simclrSchema, pin.simclr, live.simclr)
      : differencesWith(blindsrSchema, pin.blindsr, live.blindsr);
  const data = pin.lab === 'simclr' ? pin.dataset : pin.hrSource;
  const liveData = pin.lab === 'simclr' ? live.dataset : live.hrSource;
  if (data !== liveData)
    differences.push({ path: pin.lab === 'simclr' ? 'dataset' : 'hrSource', value: data });
  return differences;
}

function differencesWith<C>(schema: LabSchema<C>, pinned: C, live: C): SettingDifference[] {
  return schema.settings.flatMap((setting) => {
    const value = readPath(pinned, setting.path) as number | string | boolean;
    if (value === readPath(live, setting.path)) return [];
    // a method's own setting (K for MoCo) says nothing when the pinned method has none
    if (setting.shownWhen && !setting.shownWhen(pinned)) return [];
    return [{ path: setting.path, value }];
  });
}

const numberFormats: Record<NumberFormat, (value: number) => string> = {
  fixed1: (v) => v.toFixed(1),
  fixed2: (v) => v.toFixed(2),
  fixed3: (v) => v.toFixed(3),
  // 0.5, not 0.50: a label, not a slider readout
  precision2: (v) => String(Number(v.toPrecision(2))),
  exponent: (v) => v.toExponential(1),
  percent: (v) => `${Math.round(v * 100)} %`,
};

function settingOf(lab: PinSettings['lab'], path: string): Setting<unknown> | null {
  const schema = (lab === 'simclr' ? simclrSchema : blindsrSchema) as LabSchema<unknown>;
  return schema.settings.find((s) => s.path === path) ?? null;
}

/** One difference in words: "τ 0.5", "no negatives", "MoCo v2", "data: Photos (crops)". */
export function describeDifference(
  language: Language,
  lab: PinSettings['lab'],
  difference: SettingDifference,
): string {
  const t = (key: MessageKey) => translate(language, key);
  const { path, value } = difference;
  if (path === 'dataset' || path === 'hrSource') {
    const option = `dataset.${String(value)}`;
    return `${t('pins.short.data')} ${isKey(option) ? t(option) : String(value)}`;
  }
  const setting = settingOf(lab, path);
  if (!setting) return `${path} ${String(value)}`;
  const shortKey = `pins.short.${setting.label}`;
  const name = isKey(shortKey) ? t(shortKey) : isKey(setting.label) ? t(setting.label) : path;
  if (setting.kind === 'flag') {
    const phrase = `pins.flag.${setting.label}.${value ? 'on' : 'off'}`;
    if (isKey(phrase)) return t(phrase);
    return `${name}: ${t(value ? 'pins.on' : 'pins.off')}`;
  }
  if (setting.kind === 'choice') {
    const short = `pins.option.${setting.optionLabels ?? setting.label}.${String(value)}`;
    if (isKey(short)) return t(short);
    const option = `${setting.optionLabels ?? ''}.${String(value)}`;
    if (!isKey(shortKey) && setting.optionLabels && isKey(option)) return `${name} ${t(option)}`;
    return `${name} ${setting.optionPrefix ?? ''}${String(value)}`;
  }
  const number = Number(value);
  const format = setting.format ? numberFormats[setting.format] : (v: number) => String(v);
  return `${name} ${format(number)}`;
}

/** What differs from the live settings, joined: "N 64, no negatives"; "same settings" if nothing. */
export function differenceLabel(language: Language, pin: PinSettings, live: AppConfig): string {
  const parts = settingsDifferences(pin, live).map((d) => describeDifference(language, pin.lab, d));
  return parts.length > 0 ? parts.join(', ') : translate(language, 'pins.same');
}

/** The settings a pinned run keeps: its lab's config and its images. */
export function pinSettingsOf(config: AppConfig): PinSettings {
  return config.lab === 'simclr'
    ? { lab: 'simclr', simclr: config.simclr, dataset: config.dataset }
    : { lab: 'blindsr', blindsr: config.blindsr, hrSource: config.hrSource };
}
