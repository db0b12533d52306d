import { blindsrSchema } from '../core/blindsr/config';
import { readPath, readSetting, writePath, type LabSchema, type Setting } from '../core/settings';
import { simclrSchema } from '../core/simclr/config';
import { parseLanguage, type Language } from '../i18n';
import { parseBackendName } from '../worker/backend-choice';
import { findLesson, lessonStepSettings, type Lesson } from '../lessons/lessons';
import {
  appSchema,
  controlGroups,
  defaultAppConfig,
  type AppConfig,
  type ControlGroup,
  type LabId,
} from './config';

/**
 * The whole configuration in the query string. Parsing validates every field: a broken
 * link opens with defaults for what was unusable and the nearest allowed value for what
 * was out of range (each listed, for a notice), never a crash.
 */
/**
 * One thing the link asked for that the page did not do as written:
 * - `invalid`: unusable (not a number, unknown name): the default was used;
 * - `clamped`: out of range or not a whole number: the nearest allowed value was used;
 * - `lessonLab`: a lesson opens its own lab, so `lab` was overridden.
 */
export type UrlProblem =
  | { key: string; kind: 'invalid'; value: string }
  | { key: string; kind: 'clamped'; value: string; used: string }
  | { key: 'lab'; kind: 'lessonLab'; value: string; used: LabId };

export interface ParsedUrl {
  config: AppConfig;
  /** URL keys whose value was not used as written (all kinds of problem) */
  invalid: string[];
  problems: UrlProblem[];
  /** the link named a language */
  languageFromUrl: boolean;
}

/** A raw value short enough for a notice. */
const shown = (raw: string) => (raw.length > 24 ? `${raw.slice(0, 23)}…` : raw);

/**
 * What a lesson link starts from: the defaults, the lesson's lab and default data, and the
 * complete preset of its step (the lab's defaults plus the step's overrides — exactly what
 * opening that step applies). Values the link names explicitly override these; a link only
 * stores what differs from them.
 */
export function lessonBase(lesson: Lesson | null, step: number): AppConfig {
  if (!lesson) return { ...defaultAppConfig };
  const settings = lessonStepSettings(lesson, step);
  return {
    ...defaultAppConfig,
    lab: lesson.lab,
    simclr: settings.simclr,
    blindsr: settings.blindsr,
    similarityMode: settings.similarityMode,
  };
}

/** A setting's value as a link writes it. */
const asText = (value: unknown) =>
  typeof value === 'boolean' ? (value ? '1' : '0') : String(value);

export function parseUrl(search: string, fallbackLanguage: Language = 'en'): ParsedUrl {
  const params = new URLSearchParams(search);
  const problems: UrlProblem[] = [];
  const unusable = (key: string) => {
    if (!problems.some((p) => p.key === key))
      problems.push({ key, kind: 'invalid', value: shown(params.get(key) ?? '') });
  };
  /** every setting of a schema read from the link against `base`, problems noted */
  function readSettings<C>(settings: readonly Setting<C>[], base: C): C {
    let config = base;
    for (const setting of settings) {
      const raw = params.get(setting.url);
      if (raw === null) continue;
      const reading = readSetting(setting, raw);
      if (reading.status === 'invalid') {
        unusable(setting.url);
        continue;
      }
      if (reading.status === 'clamped')
        problems.push({
          key: setting.url,
          kind: 'clamped',
          value: shown(raw),
          used: String(reading.value),
        });
      config = writePath(config, setting.path, reading.value);
    }
    return config;
  }
  const readLab = <C>(schema: LabSchema<C>, base: C): C => {
    const config = readSettings(schema.settings, base);
    return schema.normalise ? schema.normalise(config) : config;
  };

  // the lesson first: its lab and its step's preset are what the rest is read against
  const lessonRaw = params.get('lesson');
  const lesson = findLesson(lessonRaw);
  if (lessonRaw !== null && !lesson) unusable('lesson');
  const lessonStepRaw = params.get('lstep');
  let lessonStep = 0;
  if (lesson && lessonStepRaw !== null) {
    const reading = readSetting(
      { ...lessonStepSetting, max: lesson.steps.length } as Setting<unknown>,
      lessonStepRaw,
    );
    if (reading.status === 'invalid') unusable('lstep');
    else {
      if (reading.status === 'clamped')
        problems.push({
          key: 'lstep',
          kind: 'clamped',
          value: shown(lessonStepRaw),
          used: String(reading.value),
        });
      lessonStep = Number(reading.value) - 1;
    }
  }
  const d = lessonBase(lesson, lessonStep);

  const backendRaw = params.get('backend');
  const backend = parseBackendName(backendRaw);
  if (backendRaw !== null && backend === null) unusable('backend');
  const languageRaw = params.get('lang');
  const language = parseLanguage(languageRaw);
  if (languageRaw !== null && language === null) unusable('lang');

  const hideRaw = params.get('hide');
  // each group once, in the controls' order: a long or repeated list stays a short link
  const hiddenSet = new Set<ControlGroup>();
  if (hideRaw !== null) {
    for (const item of hideRaw.split(',').filter(Boolean)) {
      if ((controlGroups as readonly string[]).includes(item)) hiddenSet.add(item as ControlGroup);
      else unusable('hide');
    }
  }
  const hidden = controlGroups.filter((group) => hiddenSet.has(group));

  const app = readSettings(appSchema, d);
  let lab = app.lab;
  if (lesson && lab !== lesson.lab) {
    problems.push({
      key: 'lab',
      kind: 'lessonLab',
      value: shown(params.get('lab') ?? ''),
      used: lesson.lab,
    });
    lab = lesson.lab;
  }

  const config: AppConfig = {
    ...app,
    lesson: lesson?.id ?? null,
    lessonStep,
    hidden,
    lab,
    backend,
    language: language ?? fallbackLanguage,
    simclr: readLab(simclrSchema, d.simclr),
    blindsr: readLab(blindsrSchema, d.blindsr),
  };
  const invalid = [...new Set(problems.map((p) => p.key))];
  return { config, invalid, problems, languageFromUrl: language !== null };
}

/** lstep: 1-based in the link, within the lesson's steps */
const lessonStepSetting = {
  kind: 'number',
  path: 'lessonStep',
  url: 'lstep',
  min: 1,
  max: 1,
  integer: true,
  default: 1,
  apply: 'live',
  label: 'lessons.step',
} as const;

/**
 * Only what differs from the defaults, so links stay short. With a lesson open, also what
 * differs from the lesson's base (its presets), which the link is read against.
 */
export function serializeUrl(config: AppConfig): string {
  const params = new URLSearchParams();
  const d = defaultAppConfig;
  const l = lessonBase(findLesson(config.lesson), config.lessonStep);
  /** a setting goes in the link when it differs from the defaults or the lesson's base */
  function putSettings<C>(settings: readonly Setting<C>[], value: C, fallback: C, lesson: C) {
    for (const setting of settings) {
      const v = readPath(value, setting.path);
      if (v !== readPath(fallback, setting.path) || v !== readPath(lesson, setting.path))
        params.set(setting.url, asText(v));
    }
  }
  putSettings(
    appSchema.filter((s) => s.url !== 'present'),
    config,
    d,
    l,
  );
  if (config.backend) params.set('backend', config.backend);
  params.set('lang', config.language);
  putSettings(simclrSchema.settings, config.simclr, d.simclr, l.simclr);
  putSettings(blindsrSchema.settings, config.blindsr, d.blindsr, l.blindsr);
  if (config.lesson) {
    params.set('lesson', config.lesson);
    params.set('lstep', String(config.lessonStep + 1));
  }
  const hidden = controlGroups.filter((group) => config.hidden.includes(group));
  if (hidden.length) params.set('hide', hidden.join(','));
  // presentation belongs to the room, not the lesson: only against the defaults
  putSettings(
    appSchema.filter((s) => s.url === 'present'),
    config,
    d,
    d,
  );
  const text = params.toString();
  return text ? `?${text}` : '';
}
