import { isPinProblem, readPinnedRuns, type PinnedRun } from './pin-model';

/**
 * Pinned runs in localStorage: they survive a reload and a lab switch. Where the browser
 * refuses storage (private window, quota, blocked) they last for this page, as uploads do
 * (src/data/uploads.ts), and the pin list says so.
 */
export const pinStorageKey = 'contrastive-playground.pins.v1';

/** The part of the Storage interface used here (a test passes its own). */
export type PinStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): PinStorage | null {
  try {
    // reading the property itself throws where storage is blocked (SecurityError)
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The pinned runs stored, checked as a session file's are; none when unreadable. */
export function loadStoredPins(storage: PinStorage | null = defaultStorage()): {
  pins: PinnedRun[];
  persistent: boolean;
} {
  if (!storage) return { pins: [], persistent: false };
  try {
    const text = storage.getItem(pinStorageKey);
    if (text === null) return { pins: [], persistent: true };
    const raw: unknown = JSON.parse(text);
    const pins = Array.isArray(raw) ? readPinnedRuns(raw) : [];
    return { pins: isPinProblem(pins) ? [] : pins, persistent: true };
  } catch {
    // a corrupt entry is dropped, not fatal: the page opens without pins
    return { pins: [], persistent: true };
  }
}

/** Writes the pinned runs; false when storage refused them (they stay in memory). */
export function storePins(
  pins: readonly PinnedRun[],
  storage: PinStorage | null = defaultStorage(),
): boolean {
  if (!storage) return false;
  try {
    if (pins.length === 0) storage.removeItem(pinStorageKey);
    else storage.setItem(pinStorageKey, JSON.stringify(pins));
    return true;
  } catch {
    // QuotaExceededError or SecurityError
    return false;
  }
}
