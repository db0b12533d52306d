import { blindSrLimits } from '../core/blindsr-config';
import { simclrLimits } from '../core/simclr-config';
import type { HrSource } from '../data/load';
import { parseLanguage, type Language } from '../i18n';
import { parseBackendName } from '../worker/backend-choice';
import { findLesson } from '../lessons/lessons';
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
 * The whole configuration in the query string. Parsing validates and clamps every field:
 * a broken link opens with defaults for what was wrong (listed, for a notice), never a crash.
 */
const labs: LabId[] = ['simclr', 'blindsr'];
const datasets: DatasetId[] = ['shapes', 'photos', 'uploads'];
const modes: SimilarityMode[] = ['cosine', 'logits', 'softmax'];
const hrSources: HrSource[] = ['textures', 'photos', 'uploads'];

export interface ParsedUrl {
  config: AppConfig;
  /** URL keys whose value was unusable or out of range */
  invalid: string[];
  /** the link named a language */
  languageFromUrl: boolean;
}

type NumberField = { key: string; min: number; max: number; integer?: boolean };

export function parseUrl(search: string, fallbackLanguage: Language = 'en'): ParsedUrl {
  const params = new URLSearchParams(search);
  const invalid: string[] = [];
  const d = defaultAppConfig;

  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    invalid.push(key);
    return fallback;
  };
  const number = ({ key, min, max, integer }: NumberField, fallback: number): number => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    const value = raw.trim() === '' ? NaN : Number(raw);
    if (
      !Number.isFinite(value) ||
      value < min ||
      value > max ||
      (integer && !Number.isInteger(value))
    ) {
      invalid.push(key);
      return Number.isFinite(value)
        ? Math.min(max, Math.max(min, integer ? Math.round(value) : value))
        : fallback;
    }
    return value;
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    if (raw === '1' || raw === 'true') return true;
    if (raw === '0' || raw === 'false') return false;
    invalid.push(key);
    return fallback;
  };

  function parseBlindSr() {
    const b = d.blindsr;
    const l = blindSrLimits;
    const queueRaw = params.get('bq');
    let queueSize = b.queueSize;
    if (queueRaw !== null) {
      if ((l.queueSizes as readonly number[]).includes(Number(queueRaw)))
        queueSize = Number(queueRaw);
      else invalid.push('bq');
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
      seed: number({ key: 'bseed', ...simclrLimits.seed, integer: true }, b.seed),
    };
  }

  const s = d.simclr;
  const sizeRaw = params.get('size');
  let imageSize = s.imageSize;
  if (sizeRaw !== null) {
    if ((simclrLimits.imageSize.values as readonly number[]).includes(Number(sizeRaw)))
      imageSize = Number(sizeRaw);
    else invalid.push('size');
  }
  const backendRaw = params.get('backend');
  const backend = parseBackendName(backendRaw);
  if (backendRaw !== null && backend === null) invalid.push('backend');
  const languageRaw = params.get('lang');
  const language = parseLanguage(languageRaw);
  if (languageRaw !== null && language === null) invalid.push('lang');

  const lessonRaw = params.get('lesson');
  const lesson = findLesson(lessonRaw);
  if (lessonRaw !== null && !lesson) invalid.push('lesson');
  const lessonStep = lesson
    ? Math.min(number({ key: 'lstep', min: 1, max: 99, integer: true }, 1), lesson.steps.length) - 1
    : 0;
  const hideRaw = params.get('hide');
  const hidden: ControlGroup[] = [];
  if (hideRaw !== null) {
    for (const item of hideRaw.split(',').filter(Boolean)) {
      if ((controlGroups as readonly string[]).includes(item)) hidden.push(item as ControlGroup);
      else if (!invalid.includes('hide')) invalid.push('hide');
    }
  }

  const config: AppConfig = {
    lesson: lesson?.id ?? null,
    lessonStep,
    hidden,
    presentation: flag('present', d.presentation),
    lab: oneOf('lab', labs, d.lab),
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
  return { config, invalid, languageFromUrl: language !== null };
}

/** Only what differs from the defaults, so links stay short. */
export function serializeUrl(config: AppConfig): string {
  const params = new URLSearchParams();
  const d = defaultAppConfig;
  const put = (
    key: string,
    value: string | number | boolean,
    fallback: string | number | boolean,
  ) => {
    if (value !== fallback)
      params.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  };
  put('lab', config.lab, d.lab);
  put('data', config.dataset, d.dataset);
  put('mode', config.similarityMode, d.similarityMode);
  if (config.backend) params.set('backend', config.backend);
  params.set('lang', config.language);
  const s = config.simclr;
  const ds = d.simclr;
  put('seed', s.seed, ds.seed);
  put('n', s.batchSize, ds.batchSize);
  put('size', s.imageSize, ds.imageSize);
  put('tau', s.temperature, ds.temperature);
  put('lr', s.learningRate, ds.learningRate);
  put('noneg', s.noNegatives, ds.noNegatives);
  put('crop', s.augment.crop, ds.augment.crop);
  put('area', s.augment.cropMinArea, ds.augment.cropMinArea);
  put('flip', s.augment.flip, ds.augment.flip);
  put('jitter', s.augment.colorJitter, ds.augment.colorJitter);
  put('s', s.augment.colorStrength, ds.augment.colorStrength);
  put('gray', s.augment.grayscale, ds.augment.grayscale);
  put('blur', s.augment.blur, ds.augment.blur);
  put('hr', config.hrSource, d.hrSource);
  const b = config.blindsr;
  const db = d.blindsr;
  put('bstage', b.stage, db.stage);
  put('bscale', b.scale, db.scale);
  put('bblur', b.blurKind, db.blurKind);
  put('bsmin', b.sigmaMin, db.sigmaMin);
  put('bsmax', b.sigmaMax, db.sigmaMax);
  put('bnoise', b.noiseMax, db.noiseMax);
  put('bq', b.queueSize, db.queueSize);
  put('bm', b.momentum, db.momentum);
  put('btau', b.temperature, db.temperature);
  put('bw', b.weighting, db.weighting);
  put('bpair', b.pairing, db.pairing);
  put('bseed', b.seed, db.seed);
  if (config.lesson) {
    params.set('lesson', config.lesson);
    params.set('lstep', String(config.lessonStep + 1));
  }
  if (config.hidden.length) params.set('hide', config.hidden.join(','));
  put('present', config.presentation, d.presentation);
  const text = params.toString();
  return text ? `?${text}` : '';
}
