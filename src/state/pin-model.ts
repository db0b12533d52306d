import { sanitizeBlindSrConfig, type BlindSrConfig } from '../core/blindsr/config';
import { sanitizeSimclrConfig, type SimclrConfig } from '../core/simclr/config';
import type { LabId } from '../core/app-types';
import type { DatasetId } from '../data/dataset';
import type { HrSource } from '../data/load';
import type { MessageKey } from '../i18n';
import type { History, HistoryPoint } from './history';

/** A class compares at most four runs at once: more ghosts than that no longer read. */
export const maxPins = 4;

/** The curves a pinned run keeps, per lab (the charts over steps). */
export const pinMetrics = {
  simclr: ['loss', 'accuracy', 'knn', 'alignment', 'uniformity'],
  blindsr: ['loss', 'spearman', 'srLoss', 'psnrSr', 'psnrBicubic', 'psnrWithout', 'psnrOracle'],
} as const satisfies Record<LabId, readonly (keyof History)[]>;

export type PinMetric = keyof History;

/** The settings a pinned run was trained with: its lab's config and its images. */
export type PinSettings =
  | { lab: 'simclr'; simclr: SimclrConfig; dataset: DatasetId }
  | { lab: 'blindsr'; blindsr: BlindSrConfig; hrSource: HrSource };

export interface PinnedRun {
  id: string;
  /** the user's name for it; null: named by what differs from the live settings */
  name: string | null;
  hidden: boolean;
  /** index into the pin styles (colour and dash), kept for the run's life */
  style: number;
  settings: PinSettings;
  series: Partial<Record<PinMetric, HistoryPoint[]>>;
  /** the last step it trained */
  steps: number;
}

/** The first style no pinned run uses, so that a removed pin's colour comes back first. */
export function freeStyle(pins: readonly PinnedRun[]): number {
  for (let style = 0; style < maxPins; style++)
    if (!pins.some((pin) => pin.style === style)) return style;
  return pins.length % maxPins;
}

/** The current run's curves as a pinned run. */
export function pinFromHistory(
  id: string,
  style: number,
  settings: PinSettings,
  history: History,
): PinnedRun {
  const series: PinnedRun['series'] = {};
  let steps = 0;
  for (const metric of pinMetrics[settings.lab]) {
    const points = history[metric];
    if (points.length === 0) continue;
    series[metric] = points.map((p) => ({ step: p.step, value: p.value }));
    steps = Math.max(steps, points.at(-1)!.step);
  }
  return { id, name: null, hidden: false, style, settings, series, steps };
}

export type PinProblem = { key: MessageKey; params?: Record<string, string | number> };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readPoints(raw: unknown): HistoryPoint[] | null {
  if (!Array.isArray(raw)) return null;
  const points: HistoryPoint[] = [];
  for (const point of raw) {
    if (!isObject(point) || typeof point.step !== 'number' || !Number.isFinite(point.step))
      return null;
    // a diverged run's NaN loss is written as null by JSON: a gap in its line
    const value = typeof point.value === 'number' ? point.value : NaN;
    points.push({ step: point.step, value });
  }
  return points;
}

/**
 * One pinned run from a file or from storage, checked field by field: its settings go
 * through the lab's schema (out-of-range values are moved into range, unknown ones take
 * the defaults), its curves must be lists of (step, value) points.
 */
export function readPinnedRun(raw: unknown, index: number): PinnedRun | PinProblem {
  const at = { index: index + 1 };
  if (!isObject(raw) || !isObject(raw.settings))
    return { key: 'pins.error.pinSettings', params: at };
  const lab = raw.settings.lab;
  let settings: PinSettings;
  if (lab === 'simclr') {
    const dataset = raw.settings.dataset;
    settings = {
      lab,
      simclr: sanitizeSimclrConfig(raw.settings.simclr),
      dataset: dataset === 'photos' || dataset === 'uploads' ? dataset : 'shapes',
    };
  } else if (lab === 'blindsr') {
    const source = raw.settings.hrSource;
    settings = {
      lab,
      blindsr: sanitizeBlindSrConfig(raw.settings.blindsr),
      hrSource: source === 'photos' || source === 'uploads' ? source : 'textures',
    };
  } else return { key: 'pins.error.pinLab', params: { ...at, lab: String(lab) } };
  if (!isObject(raw.series)) return { key: 'pins.error.pinSeries', params: at };
  const series: PinnedRun['series'] = {};
  for (const metric of pinMetrics[settings.lab]) {
    if (raw.series[metric] === undefined) continue;
    const points = readPoints(raw.series[metric]);
    if (!points) return { key: 'pins.error.pinSeries', params: at };
    series[metric] = points;
  }
  const steps = Math.max(0, ...Object.values(series).map((points) => points.at(-1)?.step ?? 0));
  return {
    id: typeof raw.id === 'string' && raw.id !== '' ? raw.id : `pin-${index + 1}`,
    name: typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name.slice(0, 60) : null,
    hidden: raw.hidden === true,
    style: typeof raw.style === 'number' && raw.style >= 0 ? Math.floor(raw.style) % maxPins : 0,
    settings,
    series,
    steps,
  };
}

export const isPinProblem = <T extends object>(value: T | PinProblem): value is PinProblem =>
  'key' in value;

/**
 * Pinned runs read together: the first four, each with a style of its own (two runs of
 * one file or of two sessions never share a colour and dash).
 */
export function readPinnedRuns(raw: unknown[]): PinnedRun[] | PinProblem {
  const pins: PinnedRun[] = [];
  for (const [index, item] of raw.slice(0, maxPins).entries()) {
    const pin = readPinnedRun(item, index);
    if (isPinProblem(pin)) return pin;
    pins.push({
      ...pin,
      id: pins.some((p) => p.id === pin.id) ? `${pin.id}-${index}` : pin.id,
      style: pins.some((p) => p.style === pin.style) ? freeStyle(pins) : pin.style,
    });
  }
  return pins;
}
