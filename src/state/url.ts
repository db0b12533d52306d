import { blindSrLimits } from '../core/blindsr-config';
import { simclrLimits, simclrMethods } from '../core/simclr-config';
import type { HrSource } from '../data/load';
import { parseLanguage, type Language } from '../i18n';
import { parseBackendName } from '../worker/backend-choice';
import { findLesson, lessonStepSettings, type Lesson } from '../lessons/lessons';
import {
  controlGroups,
  defaultAppConfig,
  type AppConfig,
  type ControlGroup,
  type LabId,
  type SimilarityMode,
} from './config';
import type { DatasetId } from '../data/dataset';

/**
 * The whole configuration in the query string. Parsing validates every field: a broken
 * link opens with defaults for what was unusable and the nearest allowed value for what
 * was out of range (each listed, for a notice), never a crash.
 */
const labs: LabId[] = ['simclr', 'blindsr'];
const datasets: DatasetId[] = ['shapes', 'photos', 'uploads'];
const modes: SimilarityMode[] = ['cosine', 'logits', 'softmax'];
const hrSources: HrSource[] = ['textures', 'photos', 'uploads'];

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

type NumberField = { key: string; min: number; max: number; integer?: boolean };

export function parseUrl(search: string, fallbackLanguage: Language = 'en'): ParsedUrl {
  const params = new URLSearchParams(search);
  const problems: UrlProblem[] = [];
  const unusable = (key: string) => {
    if (!problems.some((p) => p.key === key))
      problems.push({ key, kind: 'invalid', value: shown(params.get(key) ?? '') });
  };

  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    unusable(key);
    return fallback;
  };
  const number = ({ key, min, max, integer }: NumberField, fallback: number): number => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    const value = raw.trim() === '' ? NaN : Number(raw);
    if (!Number.isFinite(value)) {
      unusable(key);
      return fallback;
    }
    const used = Math.min(max, Math.max(min, integer ? Math.round(value) : value));
    if (used !== value)
      problems.push({ key, kind: 'clamped', value: shown(raw), used: String(used) });
    return used;
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    if (raw === '1' || raw === 'true') return true;
    if (raw === '0' || raw === 'false') return false;
    unusable(key);
    return fallback;
  };

  // the lesson first: its lab and its step's preset are what the rest is read against
  const lessonRaw = params.get('lesson');
  const lesson = findLesson(lessonRaw);
  if (lessonRaw !== null && !lesson) unusable('lesson');
  const lessonStep = lesson
    ? number({ key: 'lstep', min: 1, max: lesson.steps.length, integer: true }, 1) - 1
    : 0;
  const d = lessonBase(lesson, lessonStep);

  function parseBlindSr() {
    const b = d.blindsr;
    const l = blindSrLimits;
    const queueRaw = params.get('bq');
    let queueSize = b.queueSize;
    if (queueRaw !== null) {
      if ((l.queueSizes as readonly number[]).includes(Number(queueRaw)))
        queueSize = Number(queueRaw);
      else unusable('bq');
    }
    const sigmaMin = number({ key: 'bsmin', ...l.sigma }, b.sigmaMin);
    const sigmaMax = number({ key: 'bsmax', ...l.sigma }, b.sigmaMax);
    return {
      ...b,
      stage:
        oneOf('bstage', ['1', '2'], String(b.stage) as '1' | '2') === '2'
          ? (2 as const)
          : (1 as const),
      scale:
        oneOf('bscale', ['2', '4'], String(b.scale) as '2' | '4') === '4'
          ? (4 as const)
          : (2 as const),
      blurKind: oneOf('bblur', ['isotropic', 'anisotropic'] as const, b.blurKind),
      sigmaMin: Math.min(sigmaMin, sigmaMax),
      sigmaMax: Math.max(sigmaMin, sigmaMax),
      noiseMax: number({ key: 'bnoise', ...l.noiseMax }, b.noiseMax),
      queueSize,
      momentum: number({ key: 'bm', ...l.momentum }, b.momentum),
      temperature: number({ key: 'btau', ...l.temperature }, b.temperature),
      weighting: flag('bw', b.weighting),
      pairing: oneOf('bpair', ['image', 'degradation'] as const, b.pairing),
      finetune: flag('bft', b.finetune),
      seed: number({ key: 'bseed', ...simclrLimits.seed, integer: true }, b.seed),
    };
  }

  const s = d.simclr;
  const sizeRaw = params.get('size');
  let imageSize = s.imageSize;
  if (sizeRaw !== null) {
    if ((simclrLimits.imageSize.values as readonly number[]).includes(Number(sizeRaw)))
      imageSize = Number(sizeRaw);
    else unusable('size');
  }
  const queueRaw = params.get('k');
  let queueSize = s.queueSize;
  if (queueRaw !== null) {
    if ((simclrLimits.queueSizes as readonly number[]).includes(Number(queueRaw)))
      queueSize = Number(queueRaw);
    else unusable('k');
  }
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

  const labRaw = params.get('lab');
  let lab = oneOf('lab', labs, d.lab);
  if (lesson && lab !== lesson.lab) {
    problems.push({ key: 'lab', kind: 'lessonLab', value: shown(labRaw ?? ''), used: lesson.lab });
    lab = lesson.lab;
  }

  const config: AppConfig = {
    lesson: lesson?.id ?? null,
    lessonStep,
    hidden,
    presentation: flag('present', d.presentation),
    lab,
    dataset: oneOf('data', datasets, d.dataset),
    hrSource: oneOf('hr', hrSources, d.hrSource),
    blindsr: parseBlindSr(),
    similarityMode: oneOf('mode', modes, d.similarityMode),
    backend,
    language: language ?? fallbackLanguage,
    simclr: {
      ...s,
      seed: number({ key: 'seed', ...simclrLimits.seed, integer: true }, s.seed),
      batchSize: number({ key: 'n', ...simclrLimits.batchSize, integer: true }, s.batchSize),
      imageSize,
      temperature: number({ key: 'tau', ...simclrLimits.temperature }, s.temperature),
      learningRate: number({ key: 'lr', ...simclrLimits.learningRate }, s.learningRate),
      noNegatives: flag('noneg', s.noNegatives),
      method: oneOf('method', simclrMethods, s.method),
      queueSize,
      momentum: number({ key: 'm', ...simclrLimits.momentum }, s.momentum),
      augment: {
        crop: flag('crop', s.augment.crop),
        cropMinArea: number({ key: 'area', ...simclrLimits.cropMinArea }, s.augment.cropMinArea),
        flip: flag('flip', s.augment.flip),
        colorJitter: flag('jitter', s.augment.colorJitter),
        colorStrength: number({ key: 's', ...simclrLimits.colorStrength }, s.augment.colorStrength),
        grayscale: flag('gray', s.augment.grayscale),
        blur: flag('blur', s.augment.blur),
      },
    },
  };
  const invalid = [...new Set(problems.map((p) => p.key))];
  return { config, invalid, problems, languageFromUrl: language !== null };
}

/**
 * Only what differs from the defaults, so links stay short. With a lesson open, also what
 * differs from the lesson's base (its presets), which the link is read against.
 */
export function serializeUrl(config: AppConfig): string {
  const params = new URLSearchParams();
  const d = defaultAppConfig;
  const l = lessonBase(findLesson(config.lesson), config.lessonStep);
  const put = (
    key: string,
    value: string | number | boolean,
    fallback: string | number | boolean,
    lessonFallback: string | number | boolean,
  ) => {
    if (value !== fallback || value !== lessonFallback)
      params.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  };
  put('lab', config.lab, d.lab, l.lab);
  put('data', config.dataset, d.dataset, l.dataset);
  put('mode', config.similarityMode, d.similarityMode, l.similarityMode);
  if (config.backend) params.set('backend', config.backend);
  params.set('lang', config.language);
  const s = config.simclr;
  const ds = d.simclr;
  const ls = l.simclr;
  put('seed', s.seed, ds.seed, ls.seed);
  put('n', s.batchSize, ds.batchSize, ls.batchSize);
  put('size', s.imageSize, ds.imageSize, ls.imageSize);
  put('tau', s.temperature, ds.temperature, ls.temperature);
  put('lr', s.learningRate, ds.learningRate, ls.learningRate);
  put('noneg', s.noNegatives, ds.noNegatives, ls.noNegatives);
  put('method', s.method, ds.method, ls.method);
  put('k', s.queueSize, ds.queueSize, ls.queueSize);
  put('m', s.momentum, ds.momentum, ls.momentum);
  put('crop', s.augment.crop, ds.augment.crop, ls.augment.crop);
  put('area', s.augment.cropMinArea, ds.augment.cropMinArea, ls.augment.cropMinArea);
  put('flip', s.augment.flip, ds.augment.flip, ls.augment.flip);
  put('jitter', s.augment.colorJitter, ds.augment.colorJitter, ls.augment.colorJitter);
  put('s', s.augment.colorStrength, ds.augment.colorStrength, ls.augment.colorStrength);
  put('gray', s.augment.grayscale, ds.augment.grayscale, ls.augment.grayscale);
  put('blur', s.augment.blur, ds.augment.blur, ls.augment.blur);
  put('hr', config.hrSource, d.hrSource, l.hrSource);
  const b = config.blindsr;
  const db = d.blindsr;
  const lb = l.blindsr;
  put('bstage', b.stage, db.stage, lb.stage);
  put('bscale', b.scale, db.scale, lb.scale);
  put('bblur', b.blurKind, db.blurKind, lb.blurKind);
  put('bsmin', b.sigmaMin, db.sigmaMin, lb.sigmaMin);
  put('bsmax', b.sigmaMax, db.sigmaMax, lb.sigmaMax);
  put('bnoise', b.noiseMax, db.noiseMax, lb.noiseMax);
  put('bq', b.queueSize, db.queueSize, lb.queueSize);
  put('bm', b.momentum, db.momentum, lb.momentum);
  put('btau', b.temperature, db.temperature, lb.temperature);
  put('bw', b.weighting, db.weighting, lb.weighting);
  put('bpair', b.pairing, db.pairing, lb.pairing);
  put('bft', b.finetune, db.finetune, lb.finetune);
  put('bseed', b.seed, db.seed, lb.seed);
  if (config.lesson) {
    params.set('lesson', config.lesson);
    params.set('lstep', String(config.lessonStep + 1));
  }
  const hidden = controlGroups.filter((group) => config.hidden.includes(group));
  if (hidden.length) params.set('hide', hidden.join(','));
  put('present', config.presentation, d.presentation, d.presentation);
  const text = params.toString();
  return text ? `?${text}` : '';
}
