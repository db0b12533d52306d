import type { LabId } from '../core/app-types';
import {
  isPinProblem,
  readPinnedRuns,
  type PinnedRun,
  type PinProblem,
  type PinSettings,
} from './pin-model';

/**
 * A session file: the pinned runs of a lesson, with their settings, that an instructor
 * prepares at home and loads in class (nothing else in it: no weights, no images).
 */
export const sessionFormat = 'contrastive-playground-session';
export const sessionVersion = 1;

export interface SessionFile {
  format: typeof sessionFormat;
  version: typeof sessionVersion;
  /** the lab that was open when it was saved: loading it opens that lab */
  lab: LabId;
  /** the live settings when it was saved (each pin's own are in the pin) */
  settings: PinSettings;
  pins: PinnedRun[];
}

export function sessionFile(lab: LabId, settings: PinSettings, pins: PinnedRun[]): SessionFile {
  return { format: sessionFormat, version: sessionVersion, lab, settings, pins };
}

/** A session file's text, read and checked: its pinned runs, or what is wrong with it. */
export function parseSessionFile(
  text: string,
): { ok: true; lab: LabId; pins: PinnedRun[] } | { ok: false; problem: PinProblem } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { key: 'pins.error.json', params: { message } } };
  }
  const file = raw as Partial<Record<keyof SessionFile, unknown>> | null;
  if (typeof raw !== 'object' || raw === null || file?.format !== sessionFormat)
    return { ok: false, problem: { key: 'pins.error.format' } };
  if (file.version !== sessionVersion)
    return {
      ok: false,
      problem: { key: 'pins.error.version', params: { version: String(file.version) } },
    };
  if (!Array.isArray(file.pins)) return { ok: false, problem: { key: 'pins.error.noPins' } };
  const pins = readPinnedRuns(file.pins);
  if (isPinProblem(pins)) return { ok: false, problem: pins };
  const lab: LabId = file.lab === 'blindsr' ? 'blindsr' : (pins[0]?.settings.lab ?? 'simclr');
  return { ok: true, lab, pins };
}
